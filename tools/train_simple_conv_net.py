"""Train the chapter 7 SimpleConvNet on MNIST and write its history to results/simple_conv_net.json.

    python3 tools/dev.py setup && NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_simple_conv_net.py

The book's network (30 filters 5x5, hidden 100) with Adam (lr 0.001) and mini-batches of 100,
for the book's 20 epochs over the 60,000 training images: each epoch shuffles them and uses
every image once (600 steps). After each epoch (and once before training) it measures the
accuracy on the first 10,000 training images and on all 10,000 test images, and the time since
the start. It computes in float32 (chapter 7, "making it fast"). Seeded, so the same command
writes the same file on the same machine (float32 sums depend on the BLAS kernel). The file also
keeps the first layer's filters W1, before and after training, rounded to 4 decimals, so the
site draws them without training.
"""

import json
import time
from pathlib import Path

import numpy as np

from nn_text._io import write_atomically
from nn_text.mnist import load_mnist
from nn_text.optimizers import Adam
from nn_text.simple_conv_net import SimpleConvNet

OUT = Path(__file__).resolve().parents[1] / "results" / "simple_conv_net.json"
SETTINGS = {"filter_num": 30, "filter_size": 5, "hidden_size": 100, "epochs": 20,
            "batch_size": 100, "lr": 0.001, "train_acc_images": 10000, "dtype": "float32"}
SEED = 0


def train(net, x_train, t_train, x_test, t_test, epochs, batch_size, lr,
          train_acc_images, rng, verbose=False):
    """Adam on shuffled mini-batches; accuracies before training and after each epoch."""
    optimizer = Adam(lr=lr)
    history = {"loss": [], "train_acc": [], "test_acc": [], "seconds": []}
    start = time.perf_counter()

    def evaluate(epoch):
        n = train_acc_images
        train_acc = net.accuracy(x_train[:n], t_train[:n])
        test_acc = net.accuracy(x_test, t_test)
        history["train_acc"].append(round(float(train_acc), 6))
        history["test_acc"].append(round(float(test_acc), 6))
        seconds = round(time.perf_counter() - start)
        history["seconds"].append(seconds)
        if verbose:
            print(f"epoch {epoch}  train acc {train_acc:.4f}  "
                  f"test acc {test_acc:.4f}  {seconds} s", flush=True)

    evaluate(0)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(x_train))  # every image once per epoch
        for i in range(0, len(order), batch_size):
            batch = order[i:i + batch_size]
            grads = net.gradient(x_train[batch], t_train[batch])
            optimizer.update(net.params, grads)
            history["loss"].append(round(float(net.last_layer.loss), 6))
        evaluate(epoch)
    return history


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist(flatten=False)  # (N, 1, 28, 28)
    rng = np.random.default_rng(SEED)
    net = SimpleConvNet(input_dim=(1, 28, 28),
                        conv_param={"filter_num": SETTINGS["filter_num"],
                                    "filter_size": SETTINGS["filter_size"], "pad": 0, "stride": 1},
                        hidden_size=SETTINGS["hidden_size"], output_size=10, rng=rng,
                        dtype=np.float32)
    W1_init = net.params["W1"].copy()
    start = time.perf_counter()
    history = train(net, x_train, t_train, x_test, t_test, SETTINGS["epochs"],
                    SETTINGS["batch_size"], SETTINGS["lr"], SETTINGS["train_acc_images"], rng,
                    verbose=True)
    seconds = time.perf_counter() - start

    result = {
        "command": "NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_simple_conv_net.py",
        "settings": dict(SETTINGS, seed=SEED),
        **history,
        "W1_init": np.round(W1_init.astype(np.float64), 4).tolist(),
        "W1": np.round(net.params["W1"].astype(np.float64), 4).tolist(),
    }
    text = json.dumps(result) + "\n"
    write_atomically(OUT, lambda f: f.write(text.encode()))
    print(f"wrote {OUT} in {seconds:.0f} s: final train acc {result['train_acc'][-1]}, "
          f"test acc {result['test_acc'][-1]}")


if __name__ == "__main__":
    main()
