"""What nn_text's input checks cost: its networks' ``gradient`` against plain book-style code.

    .venv/bin/python bench/check_overhead.py [rounds]

The book's layers and networks (chapters 5 and 6: Affine, Relu, BatchNormalization,
SoftmaxWithLoss, the layered TwoLayerNet and MultiLayerNetExtend) are written out below as the book
writes them, with no checks at all. Both versions get the same weights and the same batch, and
their ``gradient`` calls are timed in turns in this one process, one BLAS thread, so the ratio
``nn_text / book`` is what the checks (and any other difference) cost. The target is <= 1.0.
A third run in each round has the package's check functions replaced by no-ops (what the
listings leave out), so ``with checks / without`` is what the checks alone cost. Prints the
median ratios over the rounds and the range, and checks the gradients agree.
"""

import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # before NumPy loads: one thread, steadier timings

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from nn_text.layer_net import TwoLayerNet  # noqa: E402
from nn_text.multi_layer_net import MultiLayerNet  # noqa: E402

CALLS = 20  # gradient calls per timing: one call is too short to time alone
BATCH = 100


# --- the book's code, without checks ---------------------------------------------------------

def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.original_x_shape = self.dW = self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            return (self.y - self.t) / batch_size
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx / batch_size


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9):
        self.gamma, self.beta, self.momentum = gamma, beta, momentum
        self.running_mean = self.running_var = None

    def forward(self, x, train_flg=True):
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1])
            self.running_var = np.zeros(x.shape[1])
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std
            self.batch_size, self.xc, self.xn, self.std = x.shape[0], xc, xn, std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)
        return self.gamma * xn + self.beta

    def backward(self, dout):
        self.dbeta = dout.sum(axis=0)
        self.dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        return dxc - dmu / self.batch_size


class BookNet:
    """The book's layered networks: TwoLayerNet (no batch norm) and MultiLayerNetExtend."""

    def __init__(self, params, hidden_layer_num, use_batchnorm):
        self.params, self.hidden_layer_num = params, hidden_layer_num
        self.use_batchnorm = use_batchnorm
        self.layers = {}
        for idx in range(1, hidden_layer_num + 1):
            self.layers[f"Affine{idx}"] = Affine(params[f"W{idx}"], params[f"b{idx}"])
            if use_batchnorm:
                self.layers[f"BatchNorm{idx}"] = BatchNormalization(
                    params[f"gamma{idx}"], params[f"beta{idx}"])
            self.layers[f"Relu{idx}"] = Relu()
        idx = hidden_layer_num + 1
        self.layers[f"Affine{idx}"] = Affine(params[f"W{idx}"], params[f"b{idx}"])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x, train_flg=False):
        for layer in self.layers.values():
            x = layer.forward(x, train_flg) if isinstance(layer, BatchNormalization) \
                else layer.forward(x)
        return x

    def loss(self, x, t, train_flg=False):
        y = self.predict(x, train_flg)
        return self.last_layer.forward(y, t)

    def gradient(self, x, t):
        self.loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            grads[f"W{idx}"] = self.layers[f"Affine{idx}"].dW
            grads[f"b{idx}"] = self.layers[f"Affine{idx}"].db
            if self.use_batchnorm and idx != self.hidden_layer_num + 1:
                grads[f"gamma{idx}"] = self.layers[f"BatchNorm{idx}"].dgamma
                grads[f"beta{idx}"] = self.layers[f"BatchNorm{idx}"].dbeta
        return grads


# --- the measurement --------------------------------------------------------------------------

def without_checks():
    """Replace every check_*/_check* function the package's modules call by a no-op: what the
    listings on the pages leave out. Returns a function that puts them back."""
    import nn_text
    import pkgutil
    import importlib

    saved = []
    for info in pkgutil.iter_modules(nn_text.__path__):
        module = importlib.import_module(f"nn_text.{info.name}")
        for attr, value in vars(module).items():
            if callable(value) and attr.startswith(("check_", "_check")):
                saved.append((module, attr, value))
                setattr(module, attr, lambda *args, **kwargs: None)
    return lambda: [setattr(m, a, v) for m, a, v in saved]


def compare(name, ours, book, x, t, rounds):
    """Time ``gradient`` of both in turns; print the median ratio ours / book and its range."""
    got, want = ours.gradient(x, t), book.gradient(x, t)
    worst = max(float(np.max(np.abs(got[k] - want[k]))) for k in want)
    ratios, shares = [], []
    for _ in range(rounds):
        times = {}
        for who, net in (("book", book), ("ours", ours), ("unchecked", ours)):
            restore = without_checks() if who == "unchecked" else (lambda: None)
            start = time.perf_counter()
            for _ in range(CALLS):
                net.gradient(x, t)
            times[who] = time.perf_counter() - start
            restore()
        ratios.append(times["ours"] / times["book"])
        shares.append(times["ours"] / times["unchecked"])
    print(f"{name}: nn_text / book = {statistics.median(ratios):.2f} (median of {rounds} rounds "
          f"of {CALLS} gradient calls each, range {min(ratios):.2f}-{max(ratios):.2f}); "
          f"with checks / without = {statistics.median(shares):.3f}; "
          f"largest gradient difference {worst:.1e}")
    return statistics.median(ratios)


def main(rounds=15):
    rng = np.random.default_rng(0)
    x, t = rng.random((BATCH, 784)), rng.integers(0, 10, BATCH)

    two = TwoLayerNet(784, 50, 10, weight_init_std=0.01, rng=np.random.default_rng(1))
    book_two = BookNet({k: v.copy() for k, v in two.params.items()}, 1, use_batchnorm=False)
    compare("TwoLayerNet (chapter 5, 784-50-10)", two, book_two, x, t, rounds)

    deep = MultiLayerNet(784, [100] * 6, 10, use_batchnorm=True, rng=np.random.default_rng(2))
    book_deep = BookNet({k: v.copy() for k, v in deep.params.items()}, 6, use_batchnorm=True)
    compare("MultiLayerNet (6 x 100, batch norm)", deep, book_deep, x, t, rounds)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
