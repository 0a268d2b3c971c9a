"""Run chapter 6's MNIST experiments and write their histories to results/ch06.json.

    python3 tools/dev.py setup && NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_ch06.py

Five experiments with the book's networks, each seeded with ``np.random.default_rng(0)`` (every
run of one comparison starts from the same seed, so only the setting under study differs), so
the same command writes the same file:

* ``optimizers``: SGD, Momentum, AdaGrad, RMSprop and Adam on a 5-layer ReLU net ([100] * 4),
  mini-batches of 128, 2000 steps (the book's settings);
* ``weight_init``: the same net and steps with SGD, initial weights of std 0.01, Xavier and He;
* ``batch_norm``: 1000 training images, 6-layer net ([100] * 5), SGD lr 0.01, 20 epochs, with
  and without batch normalization, for 4 of the book's 16 initial weight scales (accuracies
  per epoch on the training images and the first 1000 test images, the final one on all; a
  run whose weights blow up to NaN or inf stops there, and the file says at which step);
* ``regularization``: 300 training images, 7-layer net ([100] * 6), SGD lr 0.01, 200 epochs:
  plain (overfitting), weight decay lambda = 0.1, dropout ratio 0.2;
* ``random_search``: 100 random (lr, weight decay) pairs on a log scale, each trained on 400
  images for 50 epochs and scored on 100 validation images taken from the training data.

The site draws its figures from that file instead of training during every build (the whole
run takes a few minutes here).
"""

import json
import os
import time
from pathlib import Path

# One BLAS thread: on a small shared machine more threads only fight each other, and one thread
# sums in the same order every run.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402  (after the thread settings, which NumPy reads at import)

from nn_text.mnist import load_mnist  # noqa: E402
from nn_text.multi_layer_net import MultiLayerNet  # noqa: E402
from nn_text.optimizers import SGD, AdaGrad, Adam, Momentum, RMSprop  # noqa: E402
from nn_text.trainer import Trainer  # noqa: E402
from nn_text._io import write_atomically  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "results" / "ch06.json"
COMMAND = "NN_TEXT_DATA=.cache/data .venv/bin/python tools/train_ch06.py"
SEED = 0

OPTIMIZER_SETTINGS = {"hidden_size_list": [100] * 4, "batch_size": 128, "max_iterations": 2000}
OPTIMIZERS = {  # the book's learning rates for MNIST (each class's default)
    "SGD": lambda: SGD(lr=0.01),
    "Momentum": lambda: Momentum(lr=0.01),
    "AdaGrad": lambda: AdaGrad(lr=0.01),
    "RMSprop": lambda: RMSprop(lr=0.01),
    "Adam": lambda: Adam(lr=0.001),
}
WEIGHT_INITS = {"std=0.01": 0.01, "Xavier": "xavier", "He": "he"}
# Accuracies after every epoch are measured on the training images and on the first
# EVALUATE_SAMPLES test images (all 10,000 at every epoch would take most of the run).
EVALUATE_SAMPLES = 1000
BATCH_NORM_SETTINGS = {"train_size": 1000, "hidden_size_list": [100] * 5, "batch_size": 100,
                       "lr": 0.01, "epochs": 20, "evaluate_samples": EVALUATE_SAMPLES}
BOOK_SCALES = np.logspace(0, -4, num=16)  # the book's grid of initial weight scales
SCALE_INDICES = [0, 5, 10, 15]  # 1.0, 0.0464, 0.00215, 0.0001: four of the sixteen
REGULARIZATION_SETTINGS = {"train_size": 300, "hidden_size_list": [100] * 6, "batch_size": 100,
                           "lr": 0.01, "epochs": 200, "evaluate_samples": EVALUATE_SAMPLES}
REGULARIZATION_RUNS = {"plain": {}, "weight_decay": {"weight_decay_lambda": 0.1},
                       "dropout": {"use_dropout": True, "dropout_ratio": 0.2}}
SEARCH_SETTINGS = {"train_size": 500, "validation_rate": 0.2, "hidden_size_list": [100] * 6,
                   "batch_size": 100, "epochs": 50, "trials": 100,
                   "log10_lr": [-6, -2], "log10_weight_decay": [-8, -4]}


def _r(values, digits=4):
    """Round a list of floats for the file (enough for the figures, and a smaller diff)."""
    return [round(float(v), digits) for v in values]


def optimizer_run(optimizer, x_train, t_train, x_test, t_test, weight_init_std="relu"):
    """Train the book's 5-layer net with one optimizer; return its losses and accuracies."""
    rng = np.random.default_rng(SEED)
    net = MultiLayerNet(784, OPTIMIZER_SETTINGS["hidden_size_list"], 10,
                        weight_init_std=weight_init_std, rng=rng)
    losses = []
    for _ in range(OPTIMIZER_SETTINGS["max_iterations"]):
        batch_mask = rng.choice(x_train.shape[0], OPTIMIZER_SETTINGS["batch_size"])
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grads = net.gradient(x_batch, t_batch)
        optimizer.update(net.params, grads)
        losses.append(net.loss(x_batch, t_batch))
    return {"loss": _r(losses), "train_acc": round(net.accuracy(x_train, t_train), 4),
            "test_acc": round(net.accuracy(x_test, t_test), 4)}


def trainer_run(x_train, t_train, x_test, t_test, settings, **net_args):
    """Train a MultiLayerNet with `Trainer` and SGD; return its accuracy after every epoch."""
    rng = np.random.default_rng(SEED)
    net = MultiLayerNet(784, settings["hidden_size_list"], 10, rng=rng, **net_args)
    trainer = Trainer(net, x_train, t_train, x_test, t_test, epochs=settings["epochs"],
                      mini_batch_size=settings["batch_size"], optimizer="SGD",
                      optimizer_param={"lr": settings["lr"]},
                      evaluate_sample_num_per_epoch=settings["evaluate_samples"], verbose=False,
                      rng=rng)
    try:
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run overflows first
            trainer.train()
    except ValueError:  # nn_text refuses NaN and inf: the weights blew up
        return {"train_acc": _r(trainer.train_acc_list), "test_acc": _r(trainer.test_acc_list),
                "diverged_at_step": trainer.current_iter}
    return {"train_acc": _r(trainer.train_acc_list), "test_acc": _r(trainer.test_acc_list),
            "final_test_acc": round(net.accuracy(x_test, t_test), 4)}


def random_search(x_train, t_train):
    """The book's random search: lr and weight decay drawn on a log scale, scored on validation."""
    s = SEARCH_SETTINGS
    rng = np.random.default_rng(SEED)
    order = rng.permutation(x_train.shape[0])[: s["train_size"]]  # a shuffled subset
    x, t = x_train[order], t_train[order]
    n_val = int(s["train_size"] * s["validation_rate"])
    x_val, t_val, x_tr, t_tr = x[:n_val], t[:n_val], x[n_val:], t[n_val:]
    trials = []
    for _ in range(s["trials"]):
        lr = 10 ** rng.uniform(*s["log10_lr"])
        weight_decay = 10 ** rng.uniform(*s["log10_weight_decay"])
        net = MultiLayerNet(784, s["hidden_size_list"], 10, weight_decay_lambda=weight_decay,
                            rng=rng)
        trainer = Trainer(net, x_tr, t_tr, x_val, t_val, epochs=s["epochs"],
                          mini_batch_size=s["batch_size"], optimizer="SGD",
                          optimizer_param={"lr": lr}, verbose=False, rng=rng)
        trainer.train()
        trials.append({"lr": float(f"{lr:.4e}"), "weight_decay": float(f"{weight_decay:.4e}"),
                       "val_acc": _r(trainer.test_acc_list), "train_acc": _r(trainer.train_acc_list)})
    return dict(s, n_train=len(x_tr), n_validation=n_val), trials


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True)
    result = {"command": COMMAND, "seed": SEED}
    start = time.perf_counter()

    def lap(name):
        print(f"{name}: done at {time.perf_counter() - start:.0f} s", flush=True)

    result["optimizers"] = {
        "settings": dict(OPTIMIZER_SETTINGS, lr={"SGD": 0.01, "Momentum": 0.01, "AdaGrad": 0.01,
                                                 "RMSprop": 0.01, "Adam": 0.001}),
        "runs": {name: optimizer_run(make(), x_train, t_train, x_test, t_test)
                 for name, make in OPTIMIZERS.items()},
    }
    lap("optimizers")
    result["weight_init"] = {
        "settings": dict(OPTIMIZER_SETTINGS, optimizer="SGD", lr=0.01),
        "runs": {name: optimizer_run(SGD(lr=0.01), x_train, t_train, x_test, t_test, std)
                 for name, std in WEIGHT_INITS.items()},
    }
    lap("weight_init")
    s = BATCH_NORM_SETTINGS
    x_small, t_small = x_train[: s["train_size"]], t_train[: s["train_size"]]
    runs = []
    for i in SCALE_INDICES:
        scale = float(BOOK_SCALES[i])
        runs.append({"weight_init_std": round(scale, 6),
                     "batch_norm": trainer_run(x_small, t_small, x_test, t_test, s,
                                               weight_init_std=scale, use_batchnorm=True),
                     "plain": trainer_run(x_small, t_small, x_test, t_test, s,
                                          weight_init_std=scale)})
    result["batch_norm"] = {"settings": s, "runs": runs}
    lap("batch_norm")
    s = REGULARIZATION_SETTINGS
    x_small, t_small = x_train[: s["train_size"]], t_train[: s["train_size"]]
    result["regularization"] = {
        "settings": s,
        "runs": {name: trainer_run(x_small, t_small, x_test, t_test, s, **args)
                 for name, args in REGULARIZATION_RUNS.items()},
    }
    lap("regularization")
    settings, trials = random_search(x_train, t_train)
    result["random_search"] = {"settings": settings, "trials": trials}
    lap("random_search")

    text = json.dumps(result, indent=1) + "\n"
    write_atomically(OUT, lambda f: f.write(text.encode()))
    for name, run in result["optimizers"]["runs"].items():
        print(f"{name}: train acc {run['train_acc']}, test acc {run['test_acc']}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
