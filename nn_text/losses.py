"""Loss functions of chapter 4: how far the network's output is from the answer.

``y`` is the network's output (probabilities after softmax), ``t`` the answer: either one-hot
rows with the same shape as ``y``, or integer class labels (one per sample). ``y`` is a NumPy
array, as in the book; ``t`` may also be a list or, for one sample, an int.
"""

import numpy as np

from nn_text._checks import check_array, check_finite, check_ndarray, check_targets

__all__ = ["EPS", "sum_squared_error", "cross_entropy_error"]

EPS = 1e-7  # inside log: a probability of exactly 0 gives a large loss, not inf


def _check_y_t(func_name, y, t, probabilities=False):
    """Raise unless ``y`` and ``t`` fit together as a loss needs (this one scans both)."""
    check_array(func_name, "y", y, ndims=(1, 2))
    check_finite(func_name, "y", y)
    y_arr = np.asarray(y)  # no copy of an array; a list is refused below, after these checks
    if probabilities and (np.any(y_arr < 0) or np.any(y_arr > 1)):
        raise ValueError(f"{func_name} expects y to be probabilities in [0, 1] (apply softmax "
                         f"first), got values from {y_arr.min():g} to {y_arr.max():g}")
    check_targets(func_name, y_arr, t)  # one-hot like y, or int labels in range
    check_ndarray(func_name, "y", y)


def sum_squared_error(y, t):
    """Sum of squared errors, halved: ``0.5 * sum((y - t) ** 2)``, averaged over a batch.

    This is the book's equation (4.1), the sum of squared errors (오차제곱합). The book's code
    names it ``mean_squared_error``, but for one sample it is half the *sum* of the squares, not
    their mean (the 0.5 makes its derivative simply ``y - t``); only the batch is averaged.

    Parameters
    ----------
    y : ndarray of float, shape (n,) or (batch, n)
        Network outputs.
    t : array_like, shape like ``y``, or int labels of shape () or (batch,)
        One-hot answers, or class labels.

    Returns
    -------
    float
        For a batch, the mean over samples of each sample's loss.

    Raises
    ------
    TypeError
        If ``y`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If the shapes of ``y`` and ``t`` do not match, or they hold NaN or inf.

    Examples
    --------
    The book's two outputs for the answer "2":

    >>> import numpy as np
    >>> from nn_text.losses import sum_squared_error
    >>> t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    >>> y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    >>> round(sum_squared_error(y, t), 4)
    0.0975
    >>> y = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
    >>> round(sum_squared_error(y, t), 4)
    0.5975
    """
    _check_y_t("sum_squared_error", y, t)
    if np.ndim(t) < y.ndim:  # labels: make them one-hot rows
        t = np.eye(y.shape[-1])[t]
    batch_size = y.shape[0] if y.ndim == 2 else 1
    return float(0.5 * np.sum((y - t) ** 2) / batch_size)


def cross_entropy_error(y, t):
    """Cross-entropy error ``-sum(t * log(y + EPS))``, averaged over a batch.

    Parameters
    ----------
    y : ndarray of float, shape (n,) or (batch, n)
        Network outputs, probabilities (after softmax).
    t : array_like, shape like ``y``, or int labels of shape () or (batch,)
        One-hot answers, or class labels.

    Returns
    -------
    float
        The mean over the batch of ``-log`` of the probability given to the right class.

    Raises
    ------
    TypeError
        If ``y`` is not a NumPy array of numbers (a list, for example).
    ValueError
        If ``y`` and ``t`` do not match in shape, labels are out of range, ``y`` has values
        outside [0, 1], or anything is NaN or inf.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.losses import cross_entropy_error
    >>> t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    >>> y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    >>> round(cross_entropy_error(y, t), 4)
    0.5108
    >>> y = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
    >>> round(cross_entropy_error(y, t), 4)
    2.3026

    Labels work as well as one-hot rows, for one sample or a batch:

    >>> round(cross_entropy_error(y, 2), 4)
    2.3026
    >>> round(cross_entropy_error(np.array([[0.1, 0.9], [0.8, 0.2]]), [1, 0]), 4)
    0.1643
    """
    _check_y_t("cross_entropy_error", y, t, probabilities=True)
    t = np.asarray(t)  # labels may come as a list or an int
    if y.ndim == 1:  # one sample: make it a batch of one
        y = y.reshape(1, y.size)  # (n,) -> (1, n)
        t = t.reshape(1, *t.shape)  # one-hot (n,) -> (1, n), label () -> (1,)
    batch_size = y.shape[0]
    if t.ndim == 1:  # labels: pick each sample's probability of its right class
        p = y[np.arange(batch_size), t]
        return float(-np.sum(np.log(p + EPS)) / batch_size)
    return float(-np.sum(t * np.log(y + EPS)) / batch_size)
