"""Loss functions of chapter 4: how far the network's output is from the answer.

``y`` is the network's output (probabilities after softmax), ``t`` the answer: either one-hot
rows with the same shape as ``y``, or integer class labels (one per sample).
"""

import numpy as np

from nn_text._checks import as_float_array, check_targets

__all__ = ["EPS", "mean_squared_error", "cross_entropy_error"]

EPS = 1e-7  # added inside log so that a probability of exactly 0 gives a large loss, not inf


def mean_squared_error(y, t):
    """The book's squared error ``0.5 * sum((y - t) ** 2)``, averaged over a batch.

    The book calls this mean squared error; for one sample it is half the *sum* of squared
    errors (the 0.5 makes its derivative simply ``y - t``).

    Parameters
    ----------
    y : array_like of float, shape (n,) or (batch, n)
        Network outputs.
    t : array_like, shape like ``y``, or int labels of shape () or (batch,)
        One-hot answers, or class labels.

    Returns
    -------
    float
        For a batch, the mean over samples of each sample's loss.

    Raises
    ------
    ValueError
        If the shapes of ``y`` and ``t`` do not match, or they hold NaN or inf.

    Examples
    --------
    The book's two outputs for the answer "2":

    >>> from nn_text.losses import mean_squared_error
    >>> t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    >>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    >>> round(mean_squared_error(y, t), 4)
    0.0975
    >>> y = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
    >>> round(mean_squared_error(y, t), 4)
    0.5975
    """
    y = as_float_array("mean_squared_error", "y", y, ndims=(1, 2))
    t, is_label = check_targets("mean_squared_error", y, t)
    if is_label:
        t = np.eye(y.shape[-1])[t]  # labels to one-hot rows
    batch_size = y.shape[0] if y.ndim == 2 else 1
    return float(0.5 * np.sum((y - t) ** 2) / batch_size)


def cross_entropy_error(y, t):
    """Cross-entropy error ``-sum(t * log(y + EPS))``, averaged over a batch.

    Parameters
    ----------
    y : array_like of float, shape (n,) or (batch, n)
        Network outputs, probabilities (after softmax).
    t : array_like, shape like ``y``, or int labels of shape () or (batch,)
        One-hot answers, or class labels.

    Returns
    -------
    float
        The mean over the batch of ``-log`` of the probability given to the right class.

    Raises
    ------
    ValueError
        If ``y`` and ``t`` do not match in shape, labels are out of range, ``y`` has values
        outside [0, 1], or anything is NaN or inf.

    Examples
    --------
    >>> from nn_text.losses import cross_entropy_error
    >>> t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    >>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    >>> round(cross_entropy_error(y, t), 4)
    0.5108
    >>> y = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
    >>> round(cross_entropy_error(y, t), 4)
    2.3026

    Labels work as well as one-hot rows, for one sample or a batch:

    >>> round(cross_entropy_error([[0.1, 0.9], [0.8, 0.2]], [1, 0]), 4)
    0.1643
    """
    y = as_float_array("cross_entropy_error", "y", y, ndims=(1, 2))
    if np.any(y < 0) or np.any(y > 1):
        raise ValueError("cross_entropy_error expects y to be probabilities in [0, 1] "
                         "(apply softmax first), got values from "
                         f"{y.min():g} to {y.max():g}")
    t, is_label = check_targets("cross_entropy_error", y, t)
    if y.ndim == 1:  # one sample: make it a batch of one
        y = y.reshape(1, -1)  # (n,) -> (1, n)
        t = t.reshape(1) if is_label else t.reshape(1, -1)
    batch_size = y.shape[0]
    if is_label:  # pick each sample's probability of its right class
        return float(-np.sum(np.log(y[np.arange(batch_size), t] + EPS)) / batch_size)
    return float(-np.sum(t * np.log(y + EPS)) / batch_size)
