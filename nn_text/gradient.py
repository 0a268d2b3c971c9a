"""Numerical differentiation and gradient descent (chapter 4).

``numerical_diff`` and ``numerical_gradient`` use the central difference
``(f(x + h) - f(x - h)) / (2h)`` with ``h = 1e-4``: small enough to follow the curve, large
enough that rounding error does not swamp the difference (``h = 1e-50`` rounds to nothing).
"""

import numbers

import numpy as np

from nn_text._checks import check_array, check_finite, check_scalar_inputs

__all__ = ["H", "numerical_diff", "numerical_gradient", "gradient_descent"]

H = 1e-4  # small, yet large enough not to drown in rounding error


def _check_callable(func_name, f):
    if not callable(f):
        raise TypeError(f"{func_name} expects f to be a function, got {type(f).__name__} {f!r}")


def _check_f_value(func_name, value):
    """Raise unless ``f`` returned one number, as a loss does. O(1) for a number."""
    if np.ndim(value) != 0:
        raise ValueError(f"{func_name} expects f to return one number (a scalar), got an array "
                         f"of shape {np.shape(value)}; return a sum or a mean, such as np.sum(...)")
    if not isinstance(value, (numbers.Real, np.number, np.ndarray)) or isinstance(value, bool):
        raise TypeError(f"{func_name} expects f to return one number (a scalar), got "
                        f"{type(value).__name__} {value!r}")


def _check_point(func_name, name, x):
    """Raise unless ``x`` is a non-empty float ndarray of finite numbers (this one scans ``x``).

    In an int array ``x + 1e-4`` would be stored back as an int: the gradient would be wrong.
    """
    check_array(func_name, name, x)
    check_finite(func_name, name, x)
    if not isinstance(x, np.ndarray):
        raise TypeError(f"{func_name} expects {name} to be a NumPy array of floats (numerical "
                        f"differentiation nudges its elements in place), got "
                        f"{type(x).__name__}; wrap it in np.array(...)")
    if not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"{func_name} expects {name} to be a float array, got dtype {x.dtype}; "
                        f"convert it with {name}.astype(float) or write 3.0 instead of 3")


def numerical_diff(f, x, h=H):
    """Derivative of a one-variable function at ``x``, by the central difference.

    Parameters
    ----------
    f : callable
        A function of one number returning one number.
    x : float
        Where to differentiate.
    h : float, default 1e-4
        The step. Much smaller steps lose to rounding error.

    Returns
    -------
    float
        ``(f(x + h) - f(x - h)) / (2 * h)``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not a number.
    ValueError
        If ``h`` is not positive.

    Examples
    --------
    The book's function ``0.01x^2 + 0.1x``, whose true derivatives at 5 and 10 are 0.2 and 0.3:

    >>> from nn_text.gradient import numerical_diff
    >>> def function_1(x):
    ...     return 0.01 * x**2 + 0.1 * x
    >>> round(numerical_diff(function_1, 5), 10), round(numerical_diff(function_1, 10), 10)
    (0.2, 0.3)
    """
    _check_callable("numerical_diff", f)
    check_scalar_inputs("numerical_diff", x=x)
    if not h > 0:
        raise ValueError(f"numerical_diff expects h > 0, got h={h!r}")
    return float((f(x + h) - f(x - h)) / (2 * h))


def numerical_gradient(f, x, h=H):
    """Gradient of ``f`` at ``x`` for an array ``x`` of any shape, by central differences.

    Each element of ``x`` is nudged by ``+h`` and ``-h`` in turn, in place, and restored right
    after, also when ``f`` raises. ``x`` must be a float array: in an int array ``x + 1e-4``
    would be stored back as an int and the gradient would be silently wrong.

    Parameters
    ----------
    f : callable
        Takes ``x`` (the array itself) and returns a number, for example a loss.
    x : ndarray of float
        The point; any shape. It is changed during the call and restored before returning.
    h : float, default 1e-4
        The step.

    Returns
    -------
    ndarray of float, same shape as ``x``
        The partial derivative of ``f`` with respect to each element of ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or does not return a number, ``x`` is not a NumPy array, or
        ``x`` is not a float array.
    ValueError
        If ``x`` is empty or holds NaN or inf, or ``f`` returns an array instead of one number.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.gradient import numerical_gradient
    >>> def function_2(x):
    ...     return np.sum(x**2)
    >>> numerical_gradient(function_2, np.array([3.0, 4.0]))
    array([6., 8.])
    >>> numerical_gradient(function_2, np.array([0.0, 2.0]))
    array([0., 4.])
    >>> numerical_gradient(function_2, np.array([3, 4]))
    Traceback (most recent call last):
    ...
    TypeError: numerical_gradient expects x to be a float array, got dtype int64; convert it with x.astype(float) or write 3.0 instead of 3

    ``f`` must return one number; ``x**2`` alone is an array:

    >>> numerical_gradient(lambda x: x**2, np.array([3.0, 4.0]))
    Traceback (most recent call last):
    ...
    ValueError: numerical_gradient expects f to return one number (a scalar), got an array of shape (2,); return a sum or a mean, such as np.sum(...)
    """
    _check_callable("numerical_gradient", f)
    _check_point("numerical_gradient", "x", x)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):  # every element, whatever the shape
        original = x[idx]
        try:
            x[idx] = original + h
            fxh1 = f(x)  # f(x + h)
            _check_f_value("numerical_gradient", fxh1)
            x[idx] = original - h
            fxh2 = f(x)  # f(x - h)
        finally:
            x[idx] = original  # restore, even if f raised
        grad[idx] = (fxh1 - fxh2) / (2 * h)
    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    """Minimise ``f`` by gradient descent from ``init_x``; return the end point and the path.

    Parameters
    ----------
    f : callable
        Takes an array like ``init_x`` and returns a number.
    init_x : ndarray of float
        The starting point; it is not changed.
    lr : float, default 0.01
        The learning rate: how far each step goes along the negative gradient.
    step_num : int, default 100
        How many steps to take.

    Returns
    -------
    x : ndarray of float
        The point after ``step_num`` steps.
    x_history : ndarray of float, shape (step_num, *init_x.shape)
        The point before each step, for drawing the path.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``init_x`` is not a float array.
    ValueError
        If ``lr`` is not positive or ``step_num`` is not a positive integer.

    Examples
    --------
    From (-3, 4) with the book's ``lr=0.1`` for 100 steps, towards the minimum at (0, 0):

    >>> import numpy as np
    >>> from nn_text.gradient import gradient_descent
    >>> def function_2(x):
    ...     return np.sum(x**2)
    >>> x, path = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    >>> print(x)
    [-6.11110793e-10  8.14814391e-10]
    >>> path.shape
    (100, 2)
    """
    _check_callable("gradient_descent", f)
    if not lr > 0:
        raise ValueError(f"gradient_descent expects lr > 0, got lr={lr!r}")
    if not (isinstance(step_num, (int, np.integer)) and step_num > 0):
        raise ValueError(f"gradient_descent expects step_num to be a positive int, "
                         f"got {step_num!r}")
    _check_point("gradient_descent", "init_x", init_x)
    x = init_x.copy()  # never move the caller's array
    x_history = []
    for _ in range(step_num):
        x_history.append(x.copy())
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x, np.array(x_history)
