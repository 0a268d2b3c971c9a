"""Batch processing speed-up (chapter 3): 2,000 images one at a time vs 100 at a time.

    NN_TEXT_DATA=.cache/data .venv/bin/python bench/batch_inference.py

Prints how many times faster the batched run is than the one-at-a-time run, both measured in
this process on the same weights and images (a ratio, not seconds, so machines compare).
"""

import time

import numpy as np

from nn_text.network import load_pretrained, predict

N, BATCH, REPEAT = 2000, 100, 3


def best_of(run):
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    network = load_pretrained()
    x = np.random.default_rng(0).random((N, 784)).astype(np.float32)
    one = best_of(lambda: [predict(network, x[i]) for i in range(N)])
    batched = best_of(lambda: [predict(network, x[i:i + BATCH]) for i in range(0, N, BATCH)])
    print(f"{N} images: batch of {BATCH} is {one / batched:.1f}x faster than one at a time")


if __name__ == "__main__":
    main()
