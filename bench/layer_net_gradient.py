"""Numerical gradient vs backpropagation through layers (chapter 5), on 3 MNIST images.

    NN_TEXT_DATA=.cache/data .venv/bin/python bench/layer_net_gradient.py

The gradient check of the chapter 5 page, timed: prints how many times as long the numerical
gradient takes as backpropagation (both measured in this process) and the mean absolute
difference of the two gradients per parameter.
"""

import time

import numpy as np

from nn_text.layer_net import TwoLayerNet
from nn_text.mnist import load_mnist

RUNS = 100  # one backpropagation is too quick to time alone


def main():
    (x_train, t_train), _ = load_mnist(normalize=True, one_hot_label=True)
    x, t = x_train[:3], t_train[:3]
    net = TwoLayerNet(784, 50, 10, rng=np.random.default_rng(0))
    start = time.perf_counter()
    numeric = net.numerical_gradient(x, t)
    t_num = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(RUNS):
        backprop = net.gradient(x, t)
    t_back = (time.perf_counter() - start) / RUNS
    n_params = sum(p.size for p in net.params.values())
    diffs = ", ".join(f"{k} {np.mean(np.abs(numeric[k] - backprop[k])):.1e}" for k in net.params)
    print(f"{n_params:,} parameters: numerical gradient takes {t_num / t_back:,.0f}x as long as "
          f"backpropagation ({t_num:.1f} s); mean differences {diffs}")


if __name__ == "__main__":
    main()
