"""Numerical gradient vs backpropagation (chapters 4 and 5) on the same TwoLayerNet and batch.

    .venv/bin/python bench/gradient_methods.py

Prints the ratio of the two times (measured in this process) and the largest difference
between the two gradients, for a 784-50-10 network and a batch of 10 images.
"""

import time

import numpy as np

from nn_text.two_layer_net import TwoLayerNet


def timed(run):
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(784, 50, 10, rng=rng)
    x, t = rng.random((10, 784)), rng.integers(0, 10, 10)
    t_num, numeric = timed(lambda: net.numerical_gradient(x, t))
    runs = 20  # one backpropagation is too quick to time alone
    t_back, backprop = timed(lambda: [net.gradient(x, t) for _ in range(runs)][-1])
    t_back /= runs
    diff = max(float(np.abs(numeric[k] - backprop[k]).max()) for k in net.params)
    print(f"39,760 parameters: numerical gradient takes {t_num / t_back:,.0f}x as long as "
          f"backpropagation ({t_num:.1f} s); largest difference {diff:.1e}")


if __name__ == "__main__":
    main()
