"""Train the chapter 4 TwoLayerNet on MNIST and write its history to results/two_layer_net.json.

    python3 tools/dev.py setup && NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_two_layer_net.py

The book's settings (hidden 50, 10,000 steps, batch 100, learning rate 0.1), seeded, so the same
command writes the same file. The site draws the loss and accuracy curves from that file instead
of training during every build (about 30 s here).
"""

import json
from pathlib import Path

import numpy as np

from nn_text._io import write_atomically
from nn_text.mnist import load_mnist
from nn_text.training import train_two_layer_net

OUT = Path(__file__).resolve().parents[1] / "results" / "two_layer_net.json"
SETTINGS = {"hidden_size": 50, "iters_num": 10000, "batch_size": 100, "learning_rate": 0.1}
SEED = 0


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, one_hot_label=True)
    _, history = train_two_layer_net(x_train, t_train, x_test, t_test,
                                     rng=np.random.default_rng(SEED), verbose=True, **SETTINGS)
    result = {
        "command": "NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_two_layer_net.py",
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
