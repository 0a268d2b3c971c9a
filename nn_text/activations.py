"""Activation functions of chapter 3: step, sigmoid, ReLU, Leaky ReLU, identity and softmax.

All of them take a NumPy array of any shape (softmax: 1-D or 2-D, along the last axis), work
element by element, and return a new array; none changes its argument. As in the book, an int
array stays an int array where the formula allows it (relu, identity_function).
"""

import numpy as np

from nn_text._checks import check_array, check_finite, check_ndarray

__all__ = ["step_function", "sigmoid", "relu", "leaky_relu", "identity_function", "softmax"]


def _check_x(func_name, name, x, ndims=None):
    """Raise unless ``x`` is a non-empty NumPy array of finite numbers (this one scans ``x``)."""
    check_array(func_name, name, x, ndims=ndims)
    check_finite(func_name, name, x)
    check_ndarray(func_name, name, x)


def step_function(x):
    """Step function: 1 where ``x > 0``, else 0.

    Parameters
    ----------
    x : ndarray of float
        Inputs of any shape.

    Returns
    -------
    ndarray of int, same shape as ``x``
        1 where ``x > 0``, 0 where ``x <= 0`` (so 0 at exactly 0).

    Raises
    ------
    TypeError
        If ``x`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``x`` is empty or holds NaN or inf.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.activations import step_function
    >>> step_function(np.array([-1.0, 0.0, 2.0]))
    array([0, 0, 1])
    """
    _check_x("step_function", "x", x)
    y = x > 0
    return y.astype(int)  # np.int is gone since NumPy 1.24: the built-in int


def sigmoid(x):
    """Sigmoid function ``1 / (1 + exp(-x))``, computed without overflow.

    Parameters
    ----------
    x : ndarray of float
        Inputs of any shape.

    Returns
    -------
    ndarray of float, same shape as ``x``
        Values in the open interval (0, 1); 0.5 at ``x = 0``. (For very large ``|x|`` they
        round to exactly 0.0 or 1.0 in floating point.)

    Raises
    ------
    TypeError
        If ``x`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``x`` is empty or holds NaN or inf.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.activations import sigmoid
    >>> sigmoid(np.array([-1.0, 1.0, 2.0]))
    array([0.26894142, 0.73105858, 0.88079708])
    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))  # no overflow warning
    array([0. , 0.5, 1. ])
    """
    _check_x("sigmoid", "x", x)
    # exp(-|x|) never overflows; for x < 0, z / (1 + z) equals 1 / (1 + exp(-x))
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def relu(x):
    """ReLU (rectified linear unit): ``x`` where ``x > 0``, else 0.

    Parameters
    ----------
    x : ndarray of float
        Inputs of any shape.

    Returns
    -------
    ndarray, same shape and dtype as ``x``
        ``max(0, x)`` element by element.

    Raises
    ------
    TypeError
        If ``x`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``x`` is empty or holds NaN or inf.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.activations import relu
    >>> relu(np.array([-2.0, 0.0, 3.0]))
    array([0., 0., 3.])
    """
    _check_x("relu", "x", x)
    return np.maximum(0, x)


def leaky_relu(x, alpha=0.01):
    """Leaky ReLU: ``x`` where ``x > 0``, else ``alpha * x``.

    Parameters
    ----------
    x : ndarray of float
        Inputs of any shape.
    alpha : float, default 0.01
        Slope for negative inputs; must be in ``[0, 1)``.

    Returns
    -------
    ndarray of float, same shape as ``x``

    Raises
    ------
    TypeError
        If ``x`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``x`` is empty, holds NaN or inf, or ``alpha`` is outside ``[0, 1)``.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.activations import leaky_relu
    >>> leaky_relu(np.array([-2.0, 0.0, 3.0]))
    array([-0.02,  0.  ,  3.  ])
    """
    if not 0 <= alpha < 1:
        raise ValueError(f"leaky_relu expects 0 <= alpha < 1, got alpha={alpha!r}")
    _check_x("leaky_relu", "x", x)
    return np.where(x > 0, x, alpha * x)


def identity_function(x):
    """Identity function: returns its input unchanged (the output activation for regression).

    Parameters
    ----------
    x : ndarray of float
        Inputs of any shape.

    Returns
    -------
    ndarray, same shape and dtype as ``x``
        A copy of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``x`` is empty or holds NaN or inf.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.activations import identity_function
    >>> identity_function(np.array([0.3, -1.5]))
    array([ 0.3, -1.5])
    """
    _check_x("identity_function", "x", x)
    return x.copy()  # changing the result never changes the caller's array


def softmax(a):
    """Softmax along the last axis, stable for large inputs.

    ``softmax(a)_k = exp(a_k - max(a)) / sum_i exp(a_i - max(a))``: subtracting the maximum
    changes nothing mathematically and keeps ``exp`` from overflowing.

    Parameters
    ----------
    a : ndarray of float, shape (n,) or (batch, n)
        Scores of one sample, or of a batch of samples (one row each).

    Returns
    -------
    ndarray of float, same shape as ``a``
        Probabilities: every entry is in [0, 1] (a very low score rounds to 0.0) and every
        row sums to 1.

    Raises
    ------
    TypeError
        If ``a`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``a`` is not 1-D or 2-D, is empty, or holds NaN or inf.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.activations import softmax
    >>> y = softmax(np.array([0.3, 2.9, 4.0]))
    >>> y
    array([0.01821127, 0.24519181, 0.73659691])
    >>> float(np.sum(y))
    1.0
    >>> softmax(np.array([1010.0, 1000.0, 990.0]))  # a naive exp would give nan
    array([9.99954600e-01, 4.53978686e-05, 2.06106005e-09])
    """
    _check_x("softmax", "a", a, ndims=(1, 2))
    c = np.max(a, axis=-1, keepdims=True)  # each row shifted by its own max
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a, axis=-1, keepdims=True)
