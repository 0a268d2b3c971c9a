"""Checks for the exercises at the end of each chapter: run a reader's solution on known cases.

Each exercise that asks for code has a name such as ``"ch05-sigmoid-backward"`` and a check
that calls the reader's function or class on a few inputs and compares the results with the
package's own code, or with the numerical gradient for a backward pass. `check` prints one line
when every case passes, and otherwise raises `ExerciseError` saying what is wrong: the type or
shape (expected and got), the value (for which input, expected and got), or the gradient (the
largest difference from the numerical one, and where).

A chapter's checks are one section of this file, registered with ``@_exercise(name)``; its
exercise page (``docs/chNN/exercises.*.md``) shows the solutions, which the tests run. A name
starts with the folder of its page: ``ch05-...`` for ``docs/ch05/``, ``appendix-...`` for
Appendix A's ``docs/appendix/``.
"""

import itertools

import numpy as np

from nn_text.activations import sigmoid, softmax
from nn_text.convolution import Convolution
from nn_text.gradient import gradient_descent, numerical_gradient
from nn_text.layers import SoftmaxWithLoss
from nn_text.losses import cross_entropy_error
from nn_text.network import forward, init_network
from nn_text.optimizers import AdaGrad, Momentum
from nn_text.pooling import Pooling

__all__ = ["ExerciseError", "check", "names"]

RTOL, ATOL = 1e-5, 1e-7  # values: agree to about 5 significant digits
GRAD_TOL = 1e-5  # gradients: the central difference (h = 1e-4) is good to about 1e-8 here

_CHECKS = {}  # exercise name -> check(obj) that returns how many cases passed


class ExerciseError(AssertionError):
    """A solution gave a wrong result; the message says which exercise, input and value.

    Examples
    --------
    >>> from nn_text.exercises import ExerciseError
    >>> raise ExerciseError("ch02-xor-nand: XOR(1, 1) should be 0, got 1")
    Traceback (most recent call last):
    ...
    nn_text.exercises.ExerciseError: ch02-xor-nand: XOR(1, 1) should be 0, got 1
    """


def _exercise(name):
    """Register the decorated function as the check of exercise ``name``."""
    def register(func):
        _CHECKS[name] = func
        return func
    return register


def names(chapter=None):
    """The names of the exercises that have a check, in chapter order.

    Parameters
    ----------
    chapter : int or str, optional
        Only this chapter's exercises: its number, or ``"appendix"`` for Appendix A.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from nn_text import exercises
    >>> exercises.names(2)
    ['ch02-nor', 'ch02-xor-nand', 'ch02-majority']
    >>> exercises.names("appendix")
    ['appendix-softmax-with-loss']
    >>> len(exercises.names())
    21
    """
    prefix = f"ch{chapter:02d}-" if isinstance(chapter, int) else f"{chapter}-"
    return [n for n in _CHECKS if chapter is None or n.startswith(prefix)]


def check(name, obj):
    """Run the check of exercise ``name`` on a solution, and print a line if it passes.

    Parameters
    ----------
    name : str
        The exercise, as on its page: ``"ch05-sigmoid-backward"``. `names` lists them.
    obj : callable
        The solution: the function or the class (not an instance) that the exercise asks for.

    Returns
    -------
    None

    Raises
    ------
    ExerciseError
        If the solution gives a wrong type, shape, value or gradient on one of the cases.
    ValueError
        If ``name`` is not an exercise. Any other error that the solution raises while it runs
        (but NotImplementedError, the mark of an empty cell) reaches the caller unchanged.

    Examples
    --------
    >>> from nn_text import exercises
    >>> from nn_text.perceptron import NAND
    >>> def XOR(x1, x2):
    ...     s = NAND(x1, x2)
    ...     return NAND(NAND(x1, s), NAND(x2, s))
    >>> exercises.check("ch02-xor-nand", XOR)
    ch02-xor-nand: passed (4 cases)

    A wrong solution gets the input, the expected value and its own:

    >>> def XOR(x1, x2):
    ...     return NAND(NAND(x1, x2), NAND(x1, x2))  # this is AND
    >>> exercises.check("ch02-xor-nand", XOR)
    Traceback (most recent call last):
    ...
    nn_text.exercises.ExerciseError: ch02-xor-nand: XOR(1, 0) should be 1, got 0

    A solution not written yet (the notebooks' empty cells) is not an error:

    >>> def XOR(x1, x2):
    ...     raise NotImplementedError("your code here")
    >>> exercises.check("ch02-xor-nand", XOR)
    ch02-xor-nand: not solved yet (your code raises NotImplementedError)
    """
    if name not in _CHECKS:
        raise ValueError(f"check expects an exercise name such as {names()[0]!r}, got {name!r}; "
                         "nn_text.exercises.names() lists them")
    try:
        with np.errstate(all="ignore"):  # an overflow shows as inf or nan in the comparison
            cases = _CHECKS[name](obj)
    except NotImplementedError:
        print(f"{name}: not solved yet (your code raises NotImplementedError)")
        return
    except ExerciseError as e:
        raise ExerciseError(f"{name}: {e}") from None
    print(f"{name}: passed ({cases} cases)")


# --- Comparing results ---------------------------------------------------------------------------


def _show(value):
    """A value for a message, on one line."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, separator=", ", precision=6, suppress_small=True)
        return text.replace("\n", "")
    return repr(value)


def _same(label, got, expected):
    """Raise unless ``got`` is an ndarray (a number, for a scalar ``expected``) close to it."""
    want = np.asarray(expected, dtype=float)
    if want.ndim == 0:
        if isinstance(got, np.ndarray) and got.ndim > 0:
            raise ExerciseError(f"{label} should be a number such as {float(want):.6g}, "
                                f"got an array of shape {got.shape}")
        try:
            ok = np.isclose(float(got), want, rtol=RTOL, atol=ATOL)
        except (TypeError, ValueError):
            raise ExerciseError(f"{label} should be the number {float(want):.6g}, "
                                f"got {type(got).__name__} {got!r}") from None
        if not ok:
            raise ExerciseError(f"{label} should be {float(want):.6g}, got {float(got):.6g}")
        return
    if not isinstance(got, np.ndarray):
        raise ExerciseError(f"{label} should be a NumPy array of shape {want.shape}, "
                            f"got {type(got).__name__}")
    if got.shape != want.shape:
        raise ExerciseError(f"{label} should have shape {want.shape}, got shape {got.shape}")
    bad = ~np.isclose(got.astype(float), want, rtol=RTOL, atol=ATOL)  # nan is never close
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ExerciseError(f"{label} is wrong at index {where}: expected {want[where]:.6g}, "
                            f"got {float(got[where]):.6g}")


def _unchanged(label, before, after):
    """Raise if the solution changed an array it was given."""
    if not np.array_equal(before, after):
        raise ExerciseError(f"{label} changed its argument in place; leave it as it was and "
                            "return a new array (copy it first with x.copy(), or use an "
                            "expression that makes one, such as x - c or np.maximum(x, 0), "
                            "not x -= c or x[mask] = 0)")


def _gradient(label, got, f, x):
    """Raise unless ``got`` agrees with the numerical gradient of ``f`` at ``x``."""
    numeric = numerical_gradient(f, x)
    if not isinstance(got, np.ndarray) or got.shape != numeric.shape:
        _same(label, got, numeric)  # says what the type or shape should be
    diff = np.abs(got - numeric)
    if not diff.max() <= GRAD_TOL:  # also catches nan
        worst = np.argmax(np.where(np.isnan(diff), np.inf, diff))  # a nan is the worst
        where = tuple(int(i) for i in np.unravel_index(worst, diff.shape))
        raise ExerciseError(
            f"{label} disagrees with the numerical gradient: max difference "
            f"{float(diff.max()):.3g} at index {where} (yours {float(got[where]):.6g}, "
            f"numerical {float(numeric[where]):.6g})")


def _class(obj, what):
    """Raise unless ``obj`` is a class: the check makes its own instances."""
    if not isinstance(obj, type):
        raise ExerciseError(f"expected the class {what} itself, got {type(obj).__name__} "
                            f"{obj!r}; pass {what}, not {what}()")


def _function(obj, what):
    if not callable(obj) or isinstance(obj, type):
        raise ExerciseError(f"expected a function {what}, got {type(obj).__name__} {obj!r}")


def _gate(func, what, inputs, rule):
    """Compare a logic gate with ``rule`` on every input; return how many there were."""
    _function(func, what)
    for x in inputs:
        got, want = func(*x), rule(*x)
        if not (isinstance(got, (int, np.integer, bool, np.bool_)) and got == want):
            raise ExerciseError(f"{what}{x} should be {want}, got {got!r}")
    return len(inputs)


# --- Chapter 1 -----------------------------------------------------------------------------------


@_exercise("ch01-clip-negative")
def _ch01_clip_negative(clip_negative):
    _function(clip_negative, "clip_negative(x)")
    cases = [np.array([-1.0, 0.0, 2.5]), np.array([[1.0, -2.0], [-3.0, 4.0]])]
    for x in cases:
        before = x.copy()
        got = clip_negative(x)
        _unchanged(f"clip_negative(x) with x = {_show(before)}", before, x)
        _same(f"clip_negative(x) with x = {_show(before)}", got, np.maximum(before, 0))
    return len(cases)


@_exercise("ch01-standardize")
def _ch01_standardize(standardize):
    _function(standardize, "standardize(X)")
    cases = [np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0]]),
             np.array([[0.0, 10.0, 4.0], [2.0, 30.0, 4.5]])]
    for X in cases:
        before = X.copy()
        got = standardize(X)
        _unchanged(f"standardize(X) with X = {_show(before)}", before, X)
        _same(f"standardize(X) with X = {_show(before)}", got,
              (before - before.mean(axis=0)) / before.std(axis=0))
    return len(cases)


# --- Chapter 2 -----------------------------------------------------------------------------------

BITS2 = [(0, 0), (1, 0), (0, 1), (1, 1)]  # the book's order


@_exercise("ch02-nor")
def _ch02_nor(NOR):
    return _gate(NOR, "NOR", BITS2, lambda a, b: int(not (a or b)))


@_exercise("ch02-xor-nand")
def _ch02_xor_nand(XOR):
    return _gate(XOR, "XOR", BITS2, lambda a, b: a ^ b)


@_exercise("ch02-majority")
def _ch02_majority(MAJ):
    return _gate(MAJ, "MAJ", list(itertools.product((0, 1), repeat=3)),
                 lambda a, b, c: int(a + b + c >= 2))


# --- Chapter 3 -----------------------------------------------------------------------------------


@_exercise("ch03-softmax-batch")
def _ch03_softmax_batch(softmax_batch):
    _function(softmax_batch, "softmax_batch(a)")
    cases = [np.array([[0.3, 2.9, 4.0]]),
             np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]]),
             np.array([[1010.0, 1000.0, 990.0], [1.0, 2.0, 3.0]])]  # exp(1010) overflows
    for a in cases:
        before = a.copy()
        got = softmax_batch(a)
        _unchanged(f"softmax_batch(a) with a = {_show(before)}", before, a)
        _same(f"softmax_batch(a) with a = {_show(before)}", got, softmax(before))
    return len(cases)


@_exercise("ch03-forward-batch")
def _ch03_forward_batch(forward_batch):
    _function(forward_batch, "forward_batch(network, x)")
    network = init_network()
    cases = [np.array([[1.0, 0.5]]), np.array([[1.0, 0.5], [0.0, 0.0], [-1.0, 2.0]])]
    for x in cases:
        _same(f"forward_batch(network, x) with x = {_show(x)}", forward_batch(network, x),
              forward(network, x))
    return len(cases)


# --- Chapter 4 -----------------------------------------------------------------------------------


@_exercise("ch04-cross-entropy-batch")
def _ch04_cross_entropy_batch(cross_entropy):
    _function(cross_entropy, "cross_entropy(y, t)")
    y1 = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]])
    cases = [(y1, np.array([2])),
             (np.array([[0.1, 0.9], [0.8, 0.2]]), np.array([1, 0])),
             (np.array([[0.1, 0.9], [1.0, 0.0]]), np.array([1, 1]))]  # log(0): needs the delta
    for y, t in cases:
        _same(f"cross_entropy(y, t) with y = {_show(y)}, t = {_show(t)}", cross_entropy(y, t),
              cross_entropy_error(y, t))
    return len(cases)


@_exercise("ch04-gradient-descent")
def _ch04_gradient_descent(descend):
    _function(descend, "gradient_descent(f, init_x, lr, step_num)")
    cases = [(lambda x: np.sum(x**2), np.array([-3.0, 4.0]), 0.1, 100),
             (lambda x: np.sum((x - 1.0) ** 2), np.array([0.0, 3.0, -2.0]), 0.05, 20)]
    for f, init_x, lr, step_num in cases:
        before = init_x.copy()
        label = f"gradient_descent(f, {_show(before)}, lr={lr}, step_num={step_num})"
        got = descend(f, init_x, lr=lr, step_num=step_num)
        _unchanged(label, before, init_x)
        _same(label, got, gradient_descent(f, before, lr=lr, step_num=step_num)[0])
    return len(cases)


# --- Chapter 5 -----------------------------------------------------------------------------------


def _layer_case(cls, x, dout, *args):
    """Check forward's shape and backward's gradient of a layer ``cls(*args)`` at ``x``."""
    name = cls.__name__
    layer = cls(*args)
    out = layer.forward(x.copy())
    if not isinstance(out, np.ndarray) or out.shape != dout.shape:
        _same(f"{name}.forward(x) with x of shape {x.shape}", out, np.zeros(dout.shape))
    before = dout.copy()
    dx = layer.backward(dout)
    _unchanged(f"{name}.backward(dout)", before, dout)
    # With L = sum(forward(x) * dout), dL/dout is dout, so dL/dx is what backward returns.
    _gradient(f"dx from {name}.backward", dx,
              lambda x_: np.sum(cls(*args).forward(x_) * before), x.copy())
    return layer


def _activation_layer(cls, what, function):
    _class(cls, what)
    rng = np.random.default_rng(0)
    cases = [np.array([-2.0, 0.0, 0.5]), rng.standard_normal((3, 4))]
    for x in cases:
        _same(f"{cls.__name__}.forward(x) with x = {_show(x)}", cls().forward(x.copy()),
              function(x))
        _layer_case(cls, x, rng.standard_normal(x.shape))
    return len(cases)


@_exercise("ch05-sigmoid-backward")
def _ch05_sigmoid_backward(MySigmoid):
    return _activation_layer(MySigmoid, "MySigmoid", sigmoid)


@_exercise("ch05-tanh-layer")
def _ch05_tanh_layer(Tanh):
    return _activation_layer(Tanh, "Tanh", np.tanh)


@_exercise("ch05-affine-backward")
def _ch05_affine_backward(MyAffine):
    _class(MyAffine, "MyAffine")
    rng = np.random.default_rng(0)
    cases = [(1, 2, 3), (4, 3, 2)]  # N, D, H
    for N, D, H in cases:
        x, W, b = rng.standard_normal((N, D)), rng.standard_normal((D, H)), rng.standard_normal(H)
        dout = rng.standard_normal((N, H))
        layer = _layer_case(MyAffine, x, dout, W, b)
        for key, p in [("W", W), ("b", b)]:
            got = getattr(layer, f"d{key}", None)

            def loss(p_, key=key):
                args = (p_, b) if key == "W" else (W, p_)
                return np.sum(MyAffine(*args).forward(x) * dout)

            _gradient(f"d{key} from {MyAffine.__name__}.backward with x of shape {x.shape}",
                      got, loss, p.copy())
    return len(cases)


# --- Chapter 6 -----------------------------------------------------------------------------------


def _optimizer(cls, what, reference, **rates):
    """Compare three updates of ``cls(**rates)`` with those of ``reference``."""
    _class(cls, what)
    grads = [{"W": np.array([1.0, 0.0, -2.0]), "b": np.array([0.5])},
             {"W": np.array([1.0, 0.0, 3.0]), "b": np.array([0.0])},
             {"W": np.array([-1.0, 0.0, 0.5]), "b": np.array([0.5])}]
    ours, theirs = cls(**rates), reference(**rates)
    params = {"W": np.array([1.0, 2.0, 3.0]), "b": np.array([0.0])}
    expected = {k: v.copy() for k, v in params.items()}
    arrays = dict(params)  # the arrays themselves, which layers share
    for step, g in enumerate(grads, 1):
        ours.update(params, {k: v.copy() for k, v in g.items()})
        theirs.update(expected, {k: v.copy() for k, v in g.items()})
        for key in params:
            if params[key] is not arrays[key]:
                raise ExerciseError(f"{cls.__name__}.update replaced params['{key}'] with a new "
                                    "array; change it in place (params[key] -= ..., "
                                    "params[key] += ...) so that the layers sharing it see "
                                    "the update")
            _same(f"params['{key}'] after update {step}", params[key], expected[key])
    return len(grads)


@_exercise("ch06-momentum")
def _ch06_momentum(MyMomentum):
    return _optimizer(MyMomentum, "MyMomentum", Momentum, lr=0.1, momentum=0.9)


@_exercise("ch06-adagrad")
def _ch06_adagrad(MyAdaGrad):
    return _optimizer(MyAdaGrad, "MyAdaGrad", AdaGrad, lr=0.1)


@_exercise("ch06-batch-norm-forward")
def _ch06_batch_norm_forward(normalize):
    _function(normalize, "normalize(x)")
    rng = np.random.default_rng(0)
    cases = [np.array([[1.0, 10.0], [3.0, 30.0]]), 5 + 2 * rng.standard_normal((4, 3))]
    for x in cases:
        before = x.copy()
        got = normalize(x)
        _unchanged(f"normalize(x) with x = {_show(before)}", before, x)
        mu, var = before.mean(axis=0), before.var(axis=0)
        _same(f"normalize(x) with x = {_show(before)}", got, (before - mu) / np.sqrt(var + 1e-7))
    return len(cases)


# --- Chapter 7 -----------------------------------------------------------------------------------


@_exercise("ch07-conv1d")
def _ch07_conv1d(conv1d):
    _function(conv1d, "conv1d(x, w)")
    cases = [(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([1.0, 0.0, -1.0])),
             (np.array([0.0, 1.0, 0.0, 2.0]), np.array([2.0, 1.0]))]
    for x, w in cases:
        _same(f"conv1d(x, w) with x = {_show(x)}, w = {_show(w)}", conv1d(x, w),
              np.correlate(x, w, mode="valid"))  # what CNNs call convolution: no flip
    return len(cases)


@_exercise("ch07-max-pool-backward")
def _ch07_max_pool_backward(pool_backward):
    _function(pool_backward, "pool_backward(x, dout)")
    rng = np.random.default_rng(0)
    cases = [np.array([[1.0, 2.0, 0.0, 1.0], [0.0, 3.0, 4.0, 2.0],
                       [3.0, 0.0, 1.0, 0.0], [2.0, 4.0, 0.0, 3.0]]),
             rng.permutation(24).reshape(6, 4).astype(float)]  # distinct values: one max each
    for x in cases:
        H, W = x.shape
        dout = np.arange(1.0, H * W // 4 + 1).reshape(H // 2, W // 2)
        pool = Pooling(2, 2, stride=2)
        pool.forward(x.reshape(1, 1, H, W))
        expected = pool.backward(dout.reshape(1, 1, H // 2, W // 2)).reshape(H, W)
        _same(f"pool_backward(x, dout) with x = {_show(x)}, dout = {_show(dout)}",
              pool_backward(x, dout), expected)
    return len(cases)


@_exercise("ch07-conv-im2col")
def _ch07_conv_im2col(conv_forward):
    _function(conv_forward, "conv_forward(x, W, b)")
    rng = np.random.default_rng(0)
    cases = [((1, 1, 4, 4), (1, 1, 3, 3)), ((2, 3, 5, 4), (4, 3, 2, 2))]
    for x_shape, w_shape in cases:
        x, W = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
        b = rng.standard_normal(w_shape[0])
        _same(f"conv_forward(x, W, b) with x of shape {x_shape}, W of shape {w_shape}",
              conv_forward(x, W, b), Convolution(W, b).forward(x))
    return len(cases)


# --- Chapter 8 -----------------------------------------------------------------------------------


def _shifted(image, dy, dx):
    """``image`` moved ``dy`` rows down and ``dx`` columns right, the background (0) coming in."""
    H, W = image.shape
    p = max(abs(dy), abs(dx))
    padded = np.pad(image, p)  # background all around
    return padded[p - dy:p - dy + H, p - dx:p - dx + W]


@_exercise("ch08-shift")
def _ch08_shift(shift):
    _function(shift, "shift(image, dy, dx)")
    image = np.arange(1.0, 13.0).reshape(3, 4)
    cases = [(image, 1, 0), (image, 0, -1), (image, -2, 3), (image, 0, 0),
             (np.eye(5), 2, 1)]
    for x, dy, dx in cases:
        before = x.copy()
        label = f"shift(image, {dy}, {dx}) with image = {_show(before)}"
        got = shift(x, dy, dx)
        _unchanged(label, before, x)
        _same(label, got, _shifted(before, dy, dx))
    return len(cases)


@_exercise("ch08-residual-block")
def _ch08_residual_block(Residual):
    _class(Residual, "Residual")
    rng = np.random.default_rng(0)
    cases = [(1, 3, 4), (4, 3, 5)]  # N, D, H: F is D -> H -> D, so that F(x) + x fits
    for N, D, H in cases:
        x = rng.standard_normal((N, D))
        W1, b1 = rng.standard_normal((D, H)), rng.standard_normal(H)
        W2, b2 = rng.standard_normal((H, D)), rng.standard_normal(D)
        F = np.maximum(x @ W1 + b1, 0) @ W2 + b2
        _same(f"{Residual.__name__}.forward(x) with x of shape {x.shape}",
              Residual(W1, b1, W2, b2).forward(x.copy()), x + F)
        _layer_case(Residual, x, rng.standard_normal((N, D)), W1, b1, W2, b2)
    return len(cases)


# --- Appendix A ----------------------------------------------------------------------------------


@_exercise("appendix-softmax-with-loss")
def _appendix_softmax_with_loss(MySoftmaxWithLoss):
    _class(MySoftmaxWithLoss, "MySoftmaxWithLoss")
    name = MySoftmaxWithLoss.__name__
    rng = np.random.default_rng(0)
    cases = [(np.array([[0.3, 2.9, 4.0]]), np.array([[0, 0, 1]])),  # one-hot
             (rng.standard_normal((4, 3)), np.array([2, 0, 1, 2])),  # labels
             (np.array([[1010.0, 1000.0, 990.0], [1.0, 2.0, 3.0]]), np.array([0, 2]))]
    for x, t in cases:
        shown = f"x = {_show(x)}" if x.size <= 6 else f"x of shape {x.shape}"
        inputs = f"{shown}, t = {_show(t)}"
        layer = MySoftmaxWithLoss()
        _same(f"{name}.forward(x, t) with {inputs}", layer.forward(x.copy(), t.copy()),
              SoftmaxWithLoss().forward(x, t))
        _gradient(f"dx from {name}.backward() with {inputs}", layer.backward(),
                  lambda x_: SoftmaxWithLoss().forward(x_, t), x.copy())
    return len(cases)
