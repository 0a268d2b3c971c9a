"""The 3-layer network of chapter 3: forward propagation with matrix products.

Notation (the book's): ``W1`` holds the weights from the input layer (layer 0) to the first
hidden layer (layer 1): one row per input neuron, one column per hidden neuron. The weight from
input neuron $i$ to hidden neuron $j$ is written $w_{ji}^{(1)}$ in formulas (next neuron first,
previous second, both counted from 1), so it is ``W1[i - 1, j - 1]`` with Python's indices from 0:
$w_{12}^{(1)}$ is ``W1[1, 0]``.
So ``a1 = x @ W1 + b1`` computes every $a_j^{(1)} = \\sum_i w_{ji}^{(1)} x_i + b_j^{(1)}$ at once.
"""

from importlib import resources

import numpy as np

from nn_text._checks import check_array, check_features, check_finite
from nn_text.activations import identity_function, sigmoid, softmax

__all__ = ["init_network", "forward", "predict", "load_pretrained", "accuracy"]

PARAM_NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")
PRETRAINED = "mnist_weights.npz"  # made by tools/train_pretrained.py


def init_network():
    """The book's small example network: 2 inputs, hidden layers of 3 and 2 neurons, 2 outputs.

    Returns
    -------
    dict of str to ndarray
        ``W1`` (2, 3), ``b1`` (3,), ``W2`` (3, 2), ``b2`` (2,), ``W3`` (2, 2), ``b3`` (2,).

    Examples
    --------
    >>> from nn_text.network import init_network
    >>> {name: w.shape for name, w in init_network().items()}
    {'W1': (2, 3), 'b1': (3,), 'W2': (3, 2), 'b2': (2,), 'W3': (2, 2), 'b3': (2,)}
    """
    network = {}
    network["W1"] = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    network["b1"] = np.array([0.1, 0.2, 0.3])
    network["W2"] = np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]])
    network["b2"] = np.array([0.1, 0.2])
    network["W3"] = np.array([[0.1, 0.3], [0.2, 0.4]])
    network["b3"] = np.array([0.1, 0.2])
    return network


def _check_network(func_name, network, x):
    """Raise unless ``network`` holds finite W1, b1, ..., b3 that chain and finite ``x`` fits
    ``W1``. Inference of chapter 3, not a training step: reading the values once is cheap here."""
    if not isinstance(network, dict):
        raise TypeError(f"{func_name} expects network to be a dict of weights such as "
                        f"init_network() returns, got {type(network).__name__}")
    missing = [k for k in PARAM_NAMES if k not in network]
    if missing:
        raise ValueError(f"{func_name} expects network to hold {', '.join(PARAM_NAMES)}; "
                         f"missing {', '.join(missing)}")
    for k in PARAM_NAMES:
        check_array(func_name, f"network['{k}']", network[k])
        check_finite(func_name, f"network['{k}']", network[k])
    check_array(func_name, "x", x)
    check_finite(func_name, "x", x)
    p = {k: np.asarray(network[k]) for k in PARAM_NAMES}  # no copy of an ndarray
    check_features(func_name, np.asarray(x), p["W1"])
    for i in (1, 2, 3):
        W, b = p[f"W{i}"], p[f"b{i}"]
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise ValueError(f"{func_name} expects b{i} of shape ({W.shape[-1]},) to match W{i} "
                             f"of shape {W.shape}, got b{i} of shape {b.shape}")
        W_next = p.get(f"W{i + 1}")
        if W_next is not None and W_next.shape[0] != W.shape[1]:
            raise ValueError(f"{func_name} expects W{i + 1} to have {W.shape[1]} rows to follow "
                             f"W{i} of shape {W.shape}, got W{i + 1} of shape {W_next.shape}")


def forward(network, x):
    """Forward propagation of the 3-layer network with sigmoid hidden layers and identity output.

    Parameters
    ----------
    network : dict of str to ndarray
        ``W1, b1, W2, b2, W3, b3`` as from `init_network`.
    x : array_like of float, shape (n_in,) or (N, n_in)
        One input or a batch of inputs, one per row.

    Returns
    -------
    ndarray of float, shape (n_out,) or (N, n_out)

    Raises
    ------
    TypeError
        If ``network`` is not a dict, or ``x`` or a weight does not hold numbers.
    ValueError
        If a weight is missing, or the shapes of ``x`` and the weights do not chain. NaN or
        inf in ``x`` or the weights is reported by the first `sigmoid`, which reads the
        values (this function only looks at shapes).

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.network import init_network, forward
    >>> forward(init_network(), np.array([1.0, 0.5]))
    array([0.31682708, 0.69627909])
    """
    _check_network("forward", network, x)
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]
    a1 = np.dot(x, W1) + b1  # (2,) @ (2, 3) -> (3,)
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2  # (3,) @ (3, 2) -> (2,)
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3  # (2,) @ (2, 2) -> (2,)
    y = identity_function(a3)
    return y


def predict(network, x):
    """Class probabilities of a 3-layer classifier: sigmoid, sigmoid, then softmax.

    Parameters
    ----------
    network : dict of str to ndarray
        ``W1, b1, W2, b2, W3, b3``; for MNIST as from `load_pretrained`.
    x : array_like of float, shape (784,) or (N, 784)
        One flattened image or a batch of them, pixels scaled to [0, 1].

    Returns
    -------
    ndarray of float, shape (10,) or (N, 10)
        Probabilities per class; each row sums to 1.

    Raises
    ------
    ValueError
        If ``x`` does not match ``W1`` (for example an unflattened (28, 28) image), or the
        weights do not chain. NaN or inf is reported by the first `sigmoid`, as in `forward`.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.network import load_pretrained, predict
    >>> network = load_pretrained()
    >>> y = predict(network, np.zeros((2, 784)))
    >>> y.shape, np.allclose(y.sum(axis=1), 1)
    ((2, 10), True)
    >>> predict(network, np.zeros((28, 28)))
    Traceback (most recent call last):
    ...
    ValueError: predict expects x of shape (784,) or (N, 784) to match W1 of shape (784, 50), got x of shape (28, 28); flatten one sample with x.reshape(-1)
    """
    _check_network("predict", network, x)
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]
    a1 = np.dot(x, W1) + b1  # (N, 784) @ (784, 50) -> (N, 50)
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2  # (N, 50) @ (50, 100) -> (N, 100)
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3  # (N, 100) @ (100, 10) -> (N, 10)
    y = softmax(a3)
    return y


def load_pretrained():
    """Load the MNIST weights that ship with nn_text (784-50-100-10, trained by our own code).

    ``tools/train_pretrained.py`` makes them, deterministically, from the MNIST training set.

    Returns
    -------
    dict of str to ndarray
        ``W1`` (784, 50), ``b1`` (50,), ``W2`` (50, 100), ``b2`` (100,), ``W3`` (100, 10),
        ``b3`` (10,), as float32.

    Examples
    --------
    >>> from nn_text.network import load_pretrained
    >>> {name: w.shape for name, w in load_pretrained().items()}
    {'W1': (784, 50), 'b1': (50,), 'W2': (50, 100), 'b2': (100,), 'W3': (100, 10), 'b3': (10,)}
    """
    with resources.files("nn_text.data").joinpath(PRETRAINED).open("rb") as f:
        with np.load(f) as data:
            return {name: data[name] for name in PARAM_NAMES}


def _check_scores_labels(func_name, y, t):
    """Raise unless ``y`` is 2-D and ``t`` has one label or one-hot row per row of ``y``. O(1)."""
    check_array(func_name, "y", y, ndims=(2,))
    y_shape, t_shape = np.shape(y), np.shape(t)
    if not (len(t_shape) in (1, 2) and t_shape[0] == y_shape[0]):
        raise ValueError(f"{func_name} expects one label per row of y {y_shape}: t of shape "
                         f"({y_shape[0]},) or {y_shape}, got t of shape {t_shape}")


def accuracy(y, t):
    """Fraction of rows of ``y`` whose largest entry is at the right class.

    Parameters
    ----------
    y : array_like of float, shape (N, n_classes)
        Scores or probabilities, one row per sample.
    t : array_like of int, shape (N,), or one-hot of shape (N, n_classes)
        The right classes.

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        If ``y`` is not 2-D or ``t`` does not have one answer per row of ``y``.

    Examples
    --------
    >>> from nn_text.network import accuracy
    >>> accuracy([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]], [1, 0, 0])
    0.6666666666666666
    """
    _check_scores_labels("accuracy", y, t)
    if np.ndim(t) == 2:
        t = np.argmax(t, axis=1)  # one-hot rows -> labels
    return float(np.mean(np.argmax(y, axis=1) == t))
