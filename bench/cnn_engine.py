"""How fast nn_text's CNN layers are against the book's code, as ratios measured in one process.

    .venv/bin/python bench/cnn_engine.py [rounds] [--profile] [--memory] [--save FILE]

The book's layers and CNNs (chapters 7 and 8: im2col, col2im, Convolution, Pooling, Relu, Affine,
Dropout, SoftmaxWithLoss, SimpleConvNet, DeepConvNet) are written out below as the book writes
them, float64 and no checks. Each round times, in turns, the book's version and nn_text's in
float64 and float32 on the same weights and batch (100 MNIST-sized images), one BLAS thread;
the ratios ``nn_text / book`` are medians over the rounds, with their range. The convolution
layer alone, a tenth of a second a round, runs 7 times as many rounds. Targets (issue
"A fast NumPy engine"): SimpleConvNet ``gradient`` <= 0.55 (float64) and <= 0.35 (float32);
one convolution layer's forward and backward, input gradient included, <= 0.6 and <= 0.45;
a DeepConvNet step (gradient and Adam) in float32 <= 0.35. If PyTorch happens to be installed,
its CPU time for the same SimpleConvNet step is printed too (it is never a dependency).

``--profile`` prints where one SimpleConvNet step's time goes, layer by layer, for the book's
code and nn_text's. ``--memory`` prints the peak memory above the start (tracemalloc) of three
SimpleConvNet steps for each. ``--save FILE`` writes everything printed as JSON as well
(``results/cnn_engine.json`` is what chapter 7's "making it fast" quotes).
"""

import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # before NumPy loads: one thread, steadier timings

import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

from nn_text._io import write_atomically  # noqa: E402
from nn_text.convolution import Convolution  # noqa: E402
from nn_text.deep_conv_net import DeepConvNet  # noqa: E402
from nn_text.optimizers import Adam  # noqa: E402
from nn_text.simple_conv_net import SimpleConvNet  # noqa: E402

BATCH = 100
RESULTS = {}  # what --save writes


# --- the book's code (common/util.py, common/layers.py, ch07, ch08), float64, no checks ------

def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2*pad - filter_h)//stride + 1
    out_w = (W + 2*pad - filter_w)//stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))
    for y in range(filter_h):
        y_max = y + stride*out_h
        for x in range(filter_w):
            x_max = x + stride*out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N*out_h*out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2*pad - filter_h)//stride + 1
    out_w = (W + 2*pad - filter_w)//stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2*pad + stride - 1, W + 2*pad + stride - 1))
    for y in range(filter_h):
        y_max = y + stride*out_h
        for x in range(filter_w):
            x_max = x + stride*out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
    return img[:, :, pad:H + pad, pad:W + pad]


class BookConvolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2*self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2*self.pad - FW) / self.stride)
        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T
        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)
        self.x, self.col, self.col_W = x, col, col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH, FW)
        dcol = np.dot(dout, self.col_W.T)
        return col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)


class BookPooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H - self.pool_h) / self.stride)
        out_w = int(1 + (W - self.pool_w) / self.stride)
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h*self.pool_w)
        arg_max = np.argmax(col, axis=1)
        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)
        self.x, self.arg_max = x, arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))
        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class BookRelu:
    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class BookAffine:
    def __init__(self, W, b):
        self.W, self.b = W, b

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


class BookDropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask


class BookSoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        x = x - np.max(x, axis=-1, keepdims=True)
        self.y = np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)
        batch_size = self.y.shape[0]
        return -np.sum(np.log(self.y[np.arange(batch_size), t] + 1e-7)) / batch_size

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx / batch_size


class BookNet:
    """The book's SimpleConvNet or DeepConvNet: its layers in a list, with nn_text's weights."""

    def __init__(self, net):
        p = {k: v.astype(np.float64) for k, v in net.params.items()}  # copies, float64
        self.params, self.layers = p, []
        conv_i = affine_i = 0
        for layer in (net.layers.values() if isinstance(net.layers, dict) else net.layers):
            kind = type(layer).__name__
            if kind == "Convolution":
                conv_i += 1
                self.layers.append(BookConvolution(p[f"W{conv_i}"], p[f"b{conv_i}"],
                                                   layer.stride, layer.pad))
            elif kind == "Affine":
                affine_i += 1
                i = conv_i + affine_i
                self.layers.append(BookAffine(p[f"W{i}"], p[f"b{i}"]))
            elif kind == "Pooling":
                self.layers.append(BookPooling(2, 2, 2))
            elif kind == "Relu":
                self.layers.append(BookRelu())
            elif kind == "Dropout":
                self.layers.append(BookDropout(layer.dropout_ratio))
        self.last_layer = BookSoftmaxWithLoss()

    def gradient(self, x, t):
        for layer in self.layers:
            x = layer.forward(x, True) if isinstance(layer, BookDropout) else layer.forward(x)
        self.last_layer.forward(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads, i = {}, 0
        for layer in self.layers:
            if isinstance(layer, (BookConvolution, BookAffine)):
                i += 1
                grads[f"W{i}"], grads[f"b{i}"] = layer.dW, layer.db
        return grads


class BookAdam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


# --- timing ---------------------------------------------------------------------------------

def rounds_of(runs, rounds):
    """Time each run once per round, in turns; return each one's list of seconds."""
    times = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return times


def report(key, title, times, reference, targets):
    ref = times[reference]
    print(title)
    RESULTS[key] = {"reference": reference, "reference_ms": round(statistics.median(ref) * 1000, 1),
                    "rounds": len(ref), "ratios": {}}
    for name, ts in times.items():
        if name == reference:
            print(f"  {name:<22} {statistics.median(ts) * 1000:7.1f} ms (reference)")
            continue
        ratios = [t / r for t, r in zip(ts, ref)]
        goal = targets.get(name)
        RESULTS[key]["ratios"][name] = {
            "median": round(statistics.median(ratios), 2), "min": round(min(ratios), 2),
            "max": round(max(ratios), 2), "ms": round(statistics.median(ts) * 1000, 1),
            "target": goal}
        mark = "" if goal is None else (f"  target <= {goal}: "
                                        f"{'met' if statistics.median(ratios) <= goal else 'NOT met'}")
        print(f"  {name:<22} {statistics.median(ts) * 1000:7.1f} ms  ratio "
              f"{statistics.median(ratios):.2f} (range {min(ratios):.2f}-{max(ratios):.2f}){mark}")


def blas_line():
    info = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    return ", ".join(f"{i['internal_api']} {i['version']} kernel {i.get('architecture')} "
                     f"threads {i['num_threads']}" for i in info) or "no BLAS found"


def batch(seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((BATCH, 1, 28, 28)), rng.integers(0, 10, BATCH)


def conv_layer(rounds):
    rng = np.random.default_rng(0)
    x = rng.random((BATCH, 1, 28, 28))
    W, b = 0.01 * rng.standard_normal((30, 1, 5, 5)), np.zeros(30)
    dout = rng.standard_normal((BATCH, 30, 24, 24))
    layers = {"book (loop im2col)": (BookConvolution(W, b), x, dout),
              "nn_text float64": (Convolution(W, b), x, dout),
              "nn_text float32": (Convolution(W.astype(np.float32), b.astype(np.float32)),
                                  x.astype(np.float32), dout.astype(np.float32))}
    runs = {name: (lambda l=l, x=x, d=d: (l.forward(x), l.backward(d.copy())))
            for name, (l, x, d) in layers.items()}
    book, fast = BookConvolution(W, b), Convolution(W, b)
    same = np.abs(book.forward(x) - fast.forward(x)).max()
    dx_diff = np.abs(book.backward(dout.copy()) - fast.backward(dout.copy())).max()
    report("convolution", f"Convolution forward+backward with dx, 100x1x28x28, 30 filters 5x5 ({rounds} rounds; "
           f"largest difference out {same:.1e}, dx {dx_diff:.1e})",
           rounds_of(runs, rounds), "book (loop im2col)",
           {"nn_text float64": 0.6, "nn_text float32": 0.45})


def simple_conv_net(rounds):
    x, t = batch()
    nets = {"nn_text float64": SimpleConvNet(), "nn_text float32": SimpleConvNet(dtype=np.float32)}
    book = BookNet(nets["nn_text float64"])
    g_book, g_fast = book.gradient(x, t), nets["nn_text float64"].gradient(x, t)
    g_32 = nets["nn_text float32"].gradient(x, t)
    diff = max(float(np.abs(g_book[k] - g_fast[k]).max()) for k in g_book)
    rel32 = max(float(np.abs(g_32[k] - g_book[k]).max() / np.abs(g_book[k]).max()) for k in g_book)
    runs = {"book float64": lambda: book.gradient(x, t)}
    runs.update({name: (lambda n=net: n.gradient(x, t)) for name, net in nets.items()})
    report("simple_conv_net", f"SimpleConvNet gradient, batch {BATCH} ({rounds} rounds; largest gradient difference "
           f"float64 {diff:.1e}, float32 relative {rel32:.1e})",
           rounds_of(runs, rounds), "book float64",
           {"nn_text float64": 0.55, "nn_text float32": 0.35})
    try:
        import torch
    except ImportError:
        print("  (PyTorch is not installed: no ratio to it)")
        return
    torch.set_num_threads(1)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 30, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(4320, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))
    xt, tt = torch.tensor(x, dtype=torch.float32), torch.tensor(t)

    def torch_step():
        model.zero_grad()
        torch.nn.functional.cross_entropy(model(xt), tt).backward()

    times = rounds_of({"torch float32": torch_step,
                       "nn_text float32": lambda: nets["nn_text float32"].gradient(x, t)}, rounds)
    report("torch", "  against PyTorch on the CPU", times, "torch float32", {"nn_text float32": 2.5})


def deep_conv_net(rounds):
    x, t = batch()
    np.random.seed(0)  # the book's dropout draws from NumPy's global generator
    net32 = DeepConvNet(dtype=np.float32)
    book = BookNet(DeepConvNet())
    opt_book, opt32 = BookAdam(), Adam()
    runs = {"book float64": lambda: opt_book.update(book.params, book.gradient(x, t)),
            "nn_text float32": lambda: opt32.update(net32.params, net32.gradient(x, t))}
    report("deep_conv_net", f"DeepConvNet step (gradient and Adam), batch {BATCH} ({rounds} rounds)",
           rounds_of(runs, rounds), "book float64", {"nn_text float32": 0.35})


def profile():
    """Share of one SimpleConvNet step's time in each layer's forward and backward."""
    x, t = batch()
    for name, net in (("book", BookNet(SimpleConvNet())), ("nn_text float64", SimpleConvNet()),
                      ("nn_text float32", SimpleConvNet(dtype=np.float32))):
        layers = list(net.layers.values()) if isinstance(net.layers, dict) else net.layers
        spent = {}
        for _ in range(5):
            h = x.astype(np.float32) if "32" in name else x
            for i, layer in enumerate(layers):
                start = time.perf_counter()
                h = layer.forward(h)
                key = f"{type(layer).__name__.removeprefix('Book')}{i} forward"
                spent[key] = spent.get(key, 0) + time.perf_counter() - start
            start = time.perf_counter()
            net.last_layer.forward(h, t)
            dout = net.last_layer.backward(1)
            spent["SoftmaxWithLoss"] = spent.get("SoftmaxWithLoss", 0) + time.perf_counter() - start
            for i, layer in reversed(list(enumerate(layers))):
                start = time.perf_counter()
                dout = layer.backward(dout)
                key = f"{type(layer).__name__.removeprefix('Book')}{i} backward"
                spent[key] = spent.get(key, 0) + time.perf_counter() - start
        total = sum(spent.values())
        top = sorted(spent.items(), key=lambda kv: -kv[1])
        RESULTS.setdefault("profile", {})[name] = {
            "step_ms": round(total / 5 * 1000, 1),
            "shares": {k: round(v / total, 3) for k, v in top}}
        print(f"Profile of one SimpleConvNet step, {name}: {total / 5 * 1000:.0f} ms; " + ", ".join(
            f"{k} {v / total:.0%}" for k, v in top if v / total >= 0.02))


def memory():
    """Peak memory above the start over three SimpleConvNet steps (tracemalloc sees NumPy)."""
    x, t = batch()
    for name, make in (("book float64", lambda: BookNet(SimpleConvNet())),
                       ("nn_text float64", SimpleConvNet),
                       ("nn_text float32", lambda: SimpleConvNet(dtype=np.float32))):
        net = make()
        tracemalloc.start()
        for _ in range(3):
            net.gradient(x, t)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"Peak memory of 3 SimpleConvNet steps, {name}: {peak / 2**20:.0f} MiB")
        RESULTS.setdefault("peak_memory_mib", {})[name] = round(peak / 2**20)


def main():
    args = sys.argv[1:]
    rounds = int(next((a for a in args if a.isdigit()), 9))
    with threadpool_limits(1):
        print(f"BLAS: {blas_line()}; NumPy {np.__version__}")
        RESULTS["machine"] = {"blas": blas_line(), "numpy": np.__version__,
                              "cpu": platform.processor() or platform.machine(),
                              "cores": os.cpu_count()}
        if "--profile" in args:
            profile()
        if "--memory" in args:
            memory()
        conv_layer(7 * rounds)  # a round takes 0.1 s: more of them steady its noisy median
        simple_conv_net(rounds)
        deep_conv_net(max(3, rounds // 3))
    if "--save" in args:
        path = args[args.index("--save") + 1]
        text = json.dumps(RESULTS, indent=1) + "\n"
        write_atomically(path, lambda f: f.write(text.encode()))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
