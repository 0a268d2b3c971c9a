"""Train the chapter 3 MNIST weights shipped in nn_text/data/mnist_weights.npz.

    python3 tools/dev.py setup && NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_pretrained.py

The network is the book's sample: 784 -> 50 -> 100 -> 10, sigmoid hidden layers, softmax
output. It is trained by mini-batch SGD with backpropagation (chapter 5) on the 60,000 training
images, seeded, so the same command writes the same weights. The book's sample weights reach
0.9352 test accuracy; this script refuses to write weights that do worse. It also writes
results/mnist_weights.json: the settings, the shipped (float32) weights' test accuracy and the
seconds the training took, for the results page (docs/results).
"""

import json
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from nn_text.activations import sigmoid, softmax
from nn_text.mnist import load_mnist
from nn_text.network import PARAM_NAMES, accuracy, predict

OUT = Path(__file__).resolve().parents[1] / "nn_text" / "data" / "mnist_weights.npz"
RESULT = Path(__file__).resolve().parents[1] / "results" / "mnist_weights.json"
SIZES = (784, 50, 100, 10)
EPOCHS, BATCH, LR, SEED = 30, 100, 0.5, 0
BOOK_ACCURACY = 0.9352


def init(rng):
    params = {}
    for i, (n_in, n_out) in enumerate(zip(SIZES[:-1], SIZES[1:]), start=1):
        params[f"W{i}"] = rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)  # Xavier
        params[f"b{i}"] = np.zeros(n_out)
    return params


def gradients(p, x, t):
    """Backpropagation through affine-sigmoid-affine-sigmoid-affine-softmax-cross-entropy."""
    z1 = sigmoid(x @ p["W1"] + p["b1"])
    z2 = sigmoid(z1 @ p["W2"] + p["b2"])
    y = softmax(z2 @ p["W3"] + p["b3"])
    d3 = y.copy()
    d3[np.arange(len(t)), t] -= 1  # softmax + cross-entropy: (y - t) / N
    d3 /= len(t)
    d2 = (d3 @ p["W3"].T) * z2 * (1 - z2)
    d1 = (d2 @ p["W2"].T) * z1 * (1 - z1)
    return {"W3": z2.T @ d3, "b3": d3.sum(0), "W2": z1.T @ d2, "b2": d2.sum(0),
            "W1": x.T @ d1, "b1": d1.sum(0)}


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist()
    rng = np.random.default_rng(SEED)
    params = init(rng)
    began = time.perf_counter()
    for epoch in range(EPOCHS):
        order = rng.permutation(len(x_train))
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            grads = gradients(params, x_train[idx], t_train[idx])
            for key in params:
                params[key] -= LR * grads[key]
        acc = accuracy(predict(params, x_test), t_test)
        print(f"epoch {epoch + 1:2d}  test accuracy {acc:.4f}", flush=True)
    weights = {k: params[k].astype(np.float32) for k in PARAM_NAMES}
    acc = accuracy(predict(weights, x_test), t_test)
    seconds = time.perf_counter() - began
    if acc < BOOK_ACCURACY:
        sys.exit(f"test accuracy {acc:.4f} is below the book's {BOOK_ACCURACY}: not written")
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".part")
    with os.fdopen(fd, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, arr in weights.items():
            # A fixed date in the archive: the same weights give the same bytes.
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w") as member:
                np.lib.format.write_array(member, arr, allow_pickle=False)
    os.chmod(tmp, 0o644)
    os.replace(tmp, OUT)
    result = {
        "command": "NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_pretrained.py",
        "settings": {"sizes": list(SIZES), "epochs": EPOCHS, "batch_size": BATCH, "lr": LR,
                     "seed": SEED},
        "test_acc": round(float(acc), 6),  # the shipped float32 weights
        "seconds": round(seconds, 1),  # training and evaluation, on the machine that ran it
    }
    RESULT.write_text(json.dumps(result) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (float32, test accuracy {acc:.4f}) and {RESULT}")


if __name__ == "__main__":
    main()
