"""Train the chapter 5 TwoLayerNet (layers, backprop) on MNIST; write results/layer_net.json.

    python3 tools/dev.py setup && NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_layer_net.py

The book's settings of ``train_neuralnet.py`` in chapter 5 (hidden 50, 10,000 steps, batch 100,
learning rate 0.1), seeded, so the same command writes the same file. The site draws the
accuracy curves from that file instead of training during every build.
"""

import json
from pathlib import Path

import numpy as np

from nn_text._io import write_atomically
from nn_text.layer_net import TwoLayerNet
from nn_text.mnist import load_mnist

OUT = Path(__file__).resolve().parents[1] / "results" / "layer_net.json"
SETTINGS = {"hidden_size": 50, "iters_num": 10000, "batch_size": 100, "learning_rate": 0.1}
SEED = 0


def train(x_train, t_train, x_test, t_test, hidden_size, iters_num, batch_size,
          learning_rate, rng):
    """Mini-batch SGD with gradients from backpropagation; history per step and per epoch."""
    network = TwoLayerNet(input_size=x_train.shape[1], hidden_size=hidden_size,
                          output_size=t_train.shape[1], rng=rng)
    train_size = x_train.shape[0]
    iter_per_epoch = max(train_size // batch_size, 1)
    history = {"loss": [], "train_acc": [], "test_acc": []}
    for i in range(iters_num):
        batch_mask = rng.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)  # backpropagation
        for key in ("W1", "b1", "W2", "b2"):
            # in place, so that the layers see it
            network.params[key] -= learning_rate * grad[key]
        history["loss"].append(network.loss(x_batch, t_batch))
        if i % iter_per_epoch == 0:
            history["train_acc"].append(network.accuracy(x_train, t_train))
            history["test_acc"].append(network.accuracy(x_test, t_test))
            epoch = i // iter_per_epoch
            print(f"epoch {epoch:3d}  loss {history['loss'][-1]:.4f}  "
                  f"train acc {history['train_acc'][-1]:.4f}  "
                  f"test acc {history['test_acc'][-1]:.4f}", flush=True)
    return history


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, one_hot_label=True)
    history = train(x_train, t_train, x_test, t_test, rng=np.random.default_rng(SEED),
                    **SETTINGS)
    result = {
        "command": "NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_layer_net.py",
        "settings": dict(SETTINGS, seed=SEED),
        "loss": [round(v, 6) for v in history["loss"]],
        "train_acc": [round(v, 6) for v in history["train_acc"]],
        "test_acc": [round(v, 6) for v in history["test_acc"]],
    }
    text = json.dumps(result, indent=1) + "\n"
    write_atomically(OUT, lambda f: f.write(text.encode()))
    print(f"wrote {OUT}: final train acc {result['train_acc'][-1]}, test acc {result['test_acc'][-1]}")


if __name__ == "__main__":
    main()
