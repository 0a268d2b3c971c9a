"""The chapter exercises: nn_text.exercises, the exercise pages and the notebooks' exercise cells.

* every check has a solution on its chapter's page, in both languages, and that solution passes
  (the page's >>> sessions, those inside the folded solutions included, run here as one session);
* every check has its empty cell in the chapter's notebook, which prints "not solved yet";
* wrong solutions, the mistakes readers make, get the message that says what is wrong.

A new chapter's exercises need only its checks in nn_text/exercises.py, its page pair
docs/chNN/exercises.{ko,en}.md and its notebook cells: the tests below find them by name, whose
first part is the page's folder (ch08-shift: docs/ch08/; appendix-...: docs/appendix/).
"""

import contextlib
import doctest
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from sybil import Document
from sybil.parsers.markdown import CodeBlockParser

from nn_text import exercises
from nn_text.activations import sigmoid
from nn_text.exercises import ExerciseError
from nn_text.gradient import numerical_gradient
from nn_text.im2col import im2col
from nn_text.layers import Affine, Relu
from nn_text.perceptron import NAND

DOCS = Path(__file__).resolve().parents[1] / "docs"
LANGS = ("ko", "en")
PAGES = sorted(DOCS.glob("*/exercises.ko.md"))
NO_NOTEBOOK = {"appendix"}  # Appendix A has no companion notebook (the chapters each have one)
# a fenced block, also indented inside a ??? admonition
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\w+)\n(?P<body>.*?)^(?P=indent)```$", re.S | re.M)


def folder(name):
    """The docs folder of an exercise's page: ch08-shift -> ch08, appendix-... -> appendix."""
    return name.split("-")[0]


def chapter(folder_name):
    """What exercises.names takes for a folder: 8 for ch08, "appendix" for appendix."""
    return int(folder_name[2:]) if folder_name.startswith("ch") else folder_name


FOLDERS = list(dict.fromkeys(folder(name) for name in exercises.names()))  # in names() order


def page_sessions(path):
    """The >>> blocks of a page, dedented, in page order."""
    return [re.sub(rf"^{m['indent']}", "", m["body"], flags=re.M)
            for m in FENCE.finditer(path.read_text(encoding="utf-8")) if m["lang"] == "pycon"]


def run_page(path):
    """Run a page's >>> blocks as one session; return (failures report, everything printed)."""
    globs, printed, report = {}, [], []
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    for number, block in enumerate(page_sessions(path)):
        test = parser.get_doctest(block, globs, f"{path.name}[{number}]", str(path), 0)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            runner.run(test, out=report.append, clear_globs=False)
        printed.append(out.getvalue())
        globs.update(test.globs)
        for example in test.examples:  # what the examples printed is their expected output
            printed.append(example.want)
    return "".join(report), "".join(printed)


def test_every_check_belongs_to_a_chapter_with_an_exercise_page():
    assert len(exercises.names()) >= 2 * 7
    for name in exercises.names():
        assert (DOCS / folder(name) / "exercises.ko.md").is_file(), name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ko_page", PAGES, ids=lambda p: p.parent.name)
def test_every_solution_on_the_page_passes_its_check(ko_page, lang):
    path = ko_page.with_name(f"exercises.{lang}.md")
    failures, printed = run_page(path)
    assert not failures, failures
    for name in exercises.names(chapter(path.parent.name)):
        assert f"{name}: passed" in printed, f"{path}: no solution passes {name}"


@pytest.mark.parametrize("ko_page", PAGES, ids=lambda p: p.parent.name)
def test_the_page_tests_run_the_folded_solutions_too(ko_page):
    # The page tests (Sybil, conftest.py) must collect the blocks indented in ??? folds, or a
    # solution could hide from them: they find as many >>> blocks as this file's reader does.
    document = Document.parse(str(ko_page), CodeBlockParser(language="pycon",
                                                            evaluator=lambda example: None))
    sessions = page_sessions(ko_page)
    assert len(list(document.examples())) == len(sessions)
    assert sum(">>> exercises.check(" in block for block in sessions) >= 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", [f for f in FOLDERS if f not in NO_NOTEBOOK])
def test_every_notebook_ends_with_its_exercises_not_solved_yet(where, lang):
    n = chapter(where)
    nb = json.loads((DOCS / where / f"notebook.{lang}.ipynb").read_text(encoding="utf-8"))
    cells = nb["cells"]
    first = next(i for i, c in enumerate(cells) if c.get("id") == "exercises")
    code = ["".join(c["source"]) for c in cells[first:] if c["cell_type"] == "code"]
    out = io.StringIO()
    namespace = {}
    with contextlib.redirect_stdout(out):
        for source in code:  # what the build runs, less the chapter's own cells before
            exec(source, namespace)
    for name in exercises.names(n):
        assert sum(f'exercises.check("{name}", ' in source for source in code) == 1, name
        assert f"{name}: not solved yet" in out.getvalue(), name


# --- What the check says about wrong solutions ---------------------------------------------------
# Two or more per chapter: the mistakes the pages warn about.


def clip_in_place(x):
    x[x < 0] = 0  # changes the caller's array
    return x


def standardize_rows(X):
    return (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)  # rows


def xor_as_and(x1, x2):
    return NAND(NAND(x1, x2), NAND(x1, x2))  # NOT NAND is AND


def nor_bias_only(x1, x2):
    return int(0.5 * x1 + 0.5 * x2 + 0.2 > 0)  # only OR's bias negated


def majority_low_bias(x1, x2, x3):
    return int(0.5 * (x1 + x2 + x3) - 0.4 > 0)  # one input is enough


def softmax_no_max(a):
    exp_a = np.exp(a)  # overflows for 1010
    return exp_a / np.sum(exp_a, axis=1, keepdims=True)


def softmax_one_max(a):
    exp_a = np.exp(a - np.max(a))  # one max for the whole batch
    return exp_a / np.sum(exp_a, axis=1, keepdims=True)


def softmax_whole_sum(a):
    exp_a = np.exp(a - np.max(a, axis=1, keepdims=True))
    return exp_a / np.sum(exp_a)  # the sum of the whole batch


def forward_no_second_sigmoid(network, x):
    z1 = sigmoid(x @ network["W1"] + network["b1"])
    z2 = z1 @ network["W2"] + network["b2"]  # sigmoid forgotten
    return z2 @ network["W3"] + network["b3"]


def cross_entropy_sum(y, t):
    return -np.sum(np.log(y[np.arange(len(t)), t] + 1e-7))  # not divided by the batch size


def cross_entropy_no_delta(y, t):
    return -np.mean(np.log(y[np.arange(len(t)), t]))  # log(0) is -inf


def descent_in_place(f, init_x, lr=0.01, step_num=100):
    x = init_x  # no copy
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
    return x


def ascent(f, init_x, lr=0.01, step_num=100):
    x = init_x.copy()
    for _ in range(step_num):
        x += lr * numerical_gradient(f, x)  # uphill
    return x


class MySigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * self.out  # 1 - y forgotten


class Tanh:
    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1 - self.out)  # 1 - y instead of 1 - y**2


class MyAffine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout  # the branch sum over the batch forgotten
        return dout @ self.W.T


class AffineTransposed(MyAffine):
    def backward(self, dout):
        dx = super().backward(dout)
        self.dW = dout.T @ self.x  # (H, D), not (D, H)
        self.db = dout.sum(axis=0)
        return dx


class MomentumForgets:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum = lr, momentum

    def update(self, params, grads):
        for key in params:
            params[key] += -self.lr * grads[key]  # v starts over at every step


class MyMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] = params[key] + self.v[key]  # a new array


class MyAdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {k: np.zeros_like(p) for k, p in params.items()}
        for key in params:
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / np.sqrt(self.h[key])  # no 1e-7


def normalize_rows(x):
    mu, var = x.mean(axis=1, keepdims=True), x.var(axis=1, keepdims=True)  # per sample
    return (x - mu) / np.sqrt(var + 1e-7)


def conv1d_flipped(x, w):
    return np.convolve(x, w, mode="valid")  # flips w


def conv1d_short(x, w):
    return np.array([np.sum(x[i:i + len(w)] * w) for i in range(len(x) - len(w))])


def pool_backward_corner(x, dout):
    dx = np.zeros_like(x)
    dx[::2, ::2] = dout  # always the top-left cell
    return dx


def pool_backward_average(x, dout):
    return np.repeat(np.repeat(dout, 2, axis=0), 2, axis=1) / 4  # average pooling's


def conv_no_transpose(x, W, b):
    FN, C, FH, FW = W.shape
    N, C, H, W_in = x.shape
    out = im2col(x, FH, FW) @ W.reshape(FN, -1).T + b
    return out.reshape(N, FN, H - FH + 1, W_in - FW + 1)  # rows are (N, OH, OW)


def shift_roll(image, dy, dx):
    return np.roll(image, (dy, dx), axis=(0, 1))  # what leaves one side comes back at the other


def shift_up(image, dy, dx):
    H, W = image.shape
    p = max(abs(dy), abs(dx))
    padded = np.pad(image, p)
    return padded[p + dy:p + dy + H, p + dx:p + dx + W]  # + dy: moves the image up, not down


class Residual:
    def __init__(self, W1, b1, W2, b2):
        self.affine1, self.relu, self.affine2 = Affine(W1, b1), Relu(), Affine(W2, b2)

    def forward(self, x):
        return self.affine2.forward(self.relu.forward(self.affine1.forward(x))) + x

    def backward(self, dout):
        return self.affine1.backward(self.relu.backward(self.affine2.backward(dout)))  # no dout


class ResidualInPlace(Residual):
    def backward(self, dout):
        dx = dout  # the same array, not a copy
        dx += self.affine1.backward(self.relu.backward(self.affine2.backward(dout)))
        return dx


class MySoftmaxWithLoss:
    def forward(self, x, t):
        if t.ndim == 1:
            t = np.eye(x.shape[1])[t]
        self.t = t
        exp_x = np.exp(x - x.max(axis=1, keepdims=True))
        self.y = exp_x / exp_x.sum(axis=1, keepdims=True)
        return float(-np.sum(t * np.log(self.y + 1e-7)) / x.shape[0])

    def backward(self, dout=1):
        return dout * (self.y - self.t)  # not divided by N


class SoftmaxWithLossNoMax(MySoftmaxWithLoss):
    def forward(self, x, t):
        super().forward(x, t)
        exp_x = np.exp(x)  # exp(1010) overflows: inf / inf is nan
        self.y = exp_x / exp_x.sum(axis=1, keepdims=True)
        return float(-np.sum(self.t * np.log(self.y + 1e-7)) / x.shape[0])

    def backward(self, dout=1):
        return dout * (self.y - self.t) / self.y.shape[0]


POOL_CASE = ("pool_backward(x, dout) with x = [[1., 2., 0., 1.], [0., 3., 4., 2.], "
             "[3., 0., 1., 0.], [2., 4., 0., 3.]], dout = [[1., 2.], [3., 4.]] is wrong at "
             "index (0, 0): expected 0, ")
SOFTMAX_BIG = "softmax_batch(a) with a = [[1010., 1000.,  990.], [   1.,    2.,    3.]] "
SHIFT_CASE = ("shift(image, 1, 0) with image = [[ 1.,  2.,  3.,  4.], [ 5.,  6.,  7.,  8.], "
              "[ 9., 10., 11., 12.]] is wrong at index (0, 0): expected 0, ")
IN_PLACE = ("changed its argument in place; leave it as it was and return a new array (copy it "
            "first with x.copy(), or use an expression that makes one, such as x - c or "
            "np.maximum(x, 0), not x -= c or x[mask] = 0)")

WRONG = [
    ("ch01-clip-negative", clip_in_place,
     f"clip_negative(x) with x = [-1. ,  0. ,  2.5] {IN_PLACE}"),
    ("ch01-standardize", standardize_rows,
     "standardize(X) with X = [[ 1.,  2.], [ 3.,  6.], [ 5., 10.]] is wrong at index (0, 0): "
     "expected -1.22474, got -1"),
    ("ch02-xor-nand", xor_as_and, "XOR(1, 0) should be 1, got 0"),
    ("ch02-nor", nor_bias_only, "NOR(1, 0) should be 0, got 1"),
    ("ch02-majority", majority_low_bias, "MAJ(0, 0, 1) should be 0, got 1"),
    ("ch03-softmax-batch", softmax_no_max,
     SOFTMAX_BIG + "is wrong at index (0, 0): expected 0.999955, got nan"),
    ("ch03-softmax-batch", softmax_one_max,
     SOFTMAX_BIG + "is wrong at index (1, 0): expected 0.0900306, got nan"),
    ("ch03-softmax-batch", softmax_whole_sum,
     "softmax_batch(a) with a = [[0.3, 2.9, 4. ], [1. , 1. , 1. ]] is wrong at index (0, 0): "
     "expected 0.0182113, got 0.00567366"),
    ("ch03-forward-batch", forward_no_second_sigmoid,
     "forward_batch(network, x) with x = [[1. , 0.5]] is wrong at index (0, 0): "
     "expected 0.316827, got 0.394421"),
    ("ch04-cross-entropy-batch", cross_entropy_sum,
     "cross_entropy(y, t) with y = [[0.1, 0.9], [0.8, 0.2]], t = [1, 0] should be 0.164252, "
     "got 0.328504"),
    ("ch04-cross-entropy-batch", cross_entropy_no_delta,
     "cross_entropy(y, t) with y = [[0.1, 0.9], [1. , 0. ]], t = [1, 1] should be 8.11173, "
     "got inf"),
    ("ch04-gradient-descent", descent_in_place,
     f"gradient_descent(f, [-3.,  4.], lr=0.1, step_num=100) {IN_PLACE}"),
    ("ch04-gradient-descent", ascent,
     "gradient_descent(f, [-3.,  4.], lr=0.1, step_num=100) is wrong at index (0,): "
     "expected -6.11111e-10, got -2.48446e+08"),
    ("ch05-sigmoid-backward", MySigmoid,
     "dx from MySigmoid.backward disagrees with the numerical gradient: max difference 0.483 at "
     "index (2,) (yours -0.775529, numerical -0.292794)"),
    ("ch05-tanh-layer", Tanh,
     "dx from Tanh.backward disagrees with the numerical gradient: max difference 4.4 at index "
     "(0,) (yours -4.56642, numerical -0.164265)"),
    ("ch05-affine-backward", MyAffine,
     "db from MyAffine.backward with x of shape (1, 2) should have shape (3,), got shape (1, 3)"),
    ("ch05-affine-backward", AffineTransposed,
     "dW from AffineTransposed.backward with x of shape (1, 2) should have shape (2, 3), "
     "got shape (3, 2)"),
    ("ch06-momentum", MomentumForgets,
     "params['W'] after update 2 is wrong at index (0,): expected 0.71, got 0.8"),
    ("ch06-momentum", MyMomentum,
     "MyMomentum.update replaced params['W'] with a new array; change it in place "
     "(params[key] -= ..., params[key] += ...) so that the layers sharing it see the update"),
    ("ch06-adagrad", MyAdaGrad,
     "params['W'] after update 1 is wrong at index (1,): expected 2, got nan"),
    ("ch06-batch-norm-forward", normalize_rows,
     "normalize(x) with x = [[ 1., 10.], [ 3., 30.]] is wrong at index (0, 1): "
     "expected -1, got 1"),
    ("ch07-conv1d", conv1d_flipped,
     "conv1d(x, w) with x = [1., 2., 3., 4., 5.], w = [ 1.,  0., -1.] is wrong at index (0,): "
     "expected -2, got 2"),
    ("ch07-conv1d", conv1d_short,
     "conv1d(x, w) with x = [1., 2., 3., 4., 5.], w = [ 1.,  0., -1.] should have shape (3,), "
     "got shape (2,)"),
    ("ch07-max-pool-backward", pool_backward_corner, POOL_CASE + "got 1"),
    ("ch07-max-pool-backward", pool_backward_average, POOL_CASE + "got 0.25"),
    ("ch07-conv-im2col", conv_no_transpose,
     "conv_forward(x, W, b) with x of shape (2, 3, 5, 4), W of shape (4, 3, 2, 2) is wrong at "
     "index (0, 0, 0, 1): expected 1.27194, got 2.63994"),
    ("ch08-shift", shift_roll, SHIFT_CASE + "got 9"),
    ("ch08-shift", shift_up, SHIFT_CASE + "got 5"),
    ("ch08-residual-block", Residual,
     "dx from Residual.backward disagrees with the numerical gradient: max difference 0.654 at "
     "index (0, 2) (yours 0, numerical -0.653829)"),
    ("ch08-residual-block", ResidualInPlace, f"ResidualInPlace.backward(dout) {IN_PLACE}"),
    ("appendix-softmax-with-loss", MySoftmaxWithLoss,
     "dx from MySoftmaxWithLoss.backward() with x of shape (4, 3), t = [2, 0, 1, 2] disagrees "
     "with the numerical gradient: max difference 0.484 at index (1, 0) (yours -0.645345, "
     "numerical -0.161336)"),
    ("appendix-softmax-with-loss", SoftmaxWithLossNoMax,
     "SoftmaxWithLossNoMax.forward(x, t) with x = [[1010., 1000.,  990.], [   1.,    2.,    3.]], "
     "t = [0, 2] should be 0.203826, got nan"),
]


@pytest.mark.parametrize("name, solution, message", WRONG, ids=[f"{w[0]}-{w[1].__name__}"
                                                                 for w in WRONG])
def test_a_wrong_solution_gets_a_message_that_says_what_is_wrong(name, solution, message):
    with pytest.raises(ExerciseError, match=f"^{re.escape(f'{name}: {message}')}$"):
        exercises.check(name, solution)


def test_two_wrong_solutions_per_chapter_at_least():
    folders = [folder(name) for name, _, _ in WRONG]
    for where in FOLDERS:
        assert folders.count(where) >= 2, where


# --- The check itself -----------------------------------------------------------------------------


def test_an_unknown_name_is_a_value_error_that_says_where_the_names_are():
    with pytest.raises(ValueError, match=r"^check expects an exercise name such as "
                                         r"'ch01-clip-negative', got 'ch05-sigmoid'; "
                                         r"nn_text\.exercises\.names\(\) lists them$"):
        exercises.check("ch05-sigmoid", MySigmoid)


def test_an_instance_instead_of_the_class_is_named():
    with pytest.raises(ExerciseError, match=r"^ch05-sigmoid-backward: expected the class "
                                            r"MySigmoid itself, got MySigmoid <.*>; pass "
                                            r"MySigmoid, not MySigmoid\(\)$"):
        exercises.check("ch05-sigmoid-backward", MySigmoid())


def test_a_list_instead_of_an_array_is_named():
    with pytest.raises(ExerciseError, match=r"should be a NumPy array of shape \(3,\), got list$"):
        exercises.check("ch01-clip-negative", lambda x: [max(v, 0) for v in x])


def test_a_number_where_an_array_is_expected_and_the_reverse():
    with pytest.raises(ExerciseError, match=r"should be a number such as 0\.510825, got an "
                                            r"array of shape \(1,\)$"):
        exercises.check("ch04-cross-entropy-batch",
                        lambda y, t: -np.log(y[np.arange(len(t)), t] + 1e-7))
    with pytest.raises(ExerciseError, match=r"NOR\(0, 0\) should be 1, got None$"):
        exercises.check("ch02-nor", lambda x1, x2: None)


def test_an_error_in_the_readers_code_is_the_readers_own():
    def broken(x):
        return x.no_such_method()

    with pytest.raises(AttributeError, match="no_such_method"):
        exercises.check("ch01-clip-negative", broken)


def test_names_by_chapter():
    assert exercises.names(5) == ["ch05-sigmoid-backward", "ch05-tanh-layer",
                                  "ch05-affine-backward"]
    assert exercises.names("appendix") == ["appendix-softmax-with-loss"]
    assert exercises.names(9) == []
    assert FOLDERS == [f"ch{n:02d}" for n in range(1, 9)] + ["appendix"]
    assert exercises.names() == [n for f in FOLDERS for n in exercises.names(chapter(f))]


def test_a_nan_gradient_is_reported_where_it_first_is():
    class NanSigmoid:
        def forward(self, x):
            return sigmoid(x)

        def backward(self, dout):
            return dout * np.nan

    with pytest.raises(ExerciseError, match=r"dx from NanSigmoid\.backward disagrees with the "
                                            r"numerical gradient: max difference nan at index "
                                            r"\(0,\) \(yours nan, numerical -0\.244113\)$"):
        exercises.check("ch05-sigmoid-backward", NanSigmoid)
