"""Convolution through im2col (one matrix product) vs a direct loop over output positions.

    .venv/bin/python bench/convolution.py

Both compute the book's first CNN layer: 30 filters of 5x5 over 100 MNIST-sized images
(1x28x28). Prints the ratio of their times, measured in this process, and the largest
difference between the two outputs.
"""

import time

import numpy as np

from nn_text.convolution import Convolution


def direct(x, W, b):
    """The definition: at each output position, the sum of the patch times the filter."""
    N, C, H, Wd = x.shape
    FN, _, FH, FW = W.shape
    out = np.empty((N, FN, H - FH + 1, Wd - FW + 1))
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            patch = x[:, :, i:i + FH, j:j + FW].reshape(N, -1)  # (N, C*FH*FW)
            out[:, :, i, j] = patch @ W.reshape(FN, -1).T + b
    return out


def timed(run, repeat):
    best = float("inf")
    for _ in range(repeat):  # the best of a few runs: the least disturbed by other work
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    rng = np.random.default_rng(0)
    x = rng.random((100, 1, 28, 28))
    W, b = 0.01 * rng.standard_normal((30, 1, 5, 5)), np.zeros(30)
    conv = Convolution(W, b)
    t_col, out_col = timed(lambda: conv.forward(x), repeat=5)
    t_dir, out_dir = timed(lambda: direct(x, W, b), repeat=3)
    diff = float(np.abs(out_col - out_dir).max())
    print(f"30 filters 5x5 over 100 images 28x28: the direct loop over 576 positions takes "
          f"{t_dir / t_col:.1f}x as long as im2col ({t_col * 1000:.0f} ms); largest difference {diff:.1e}")


if __name__ == "__main__":
    main()
