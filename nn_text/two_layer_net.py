"""TwoLayerNet: a two-layer network for MNIST, trained by mini-batch SGD (chapter 4).

It computes gradients two ways: ``numerical_gradient`` (chapter 4: simple and very slow) and
``gradient`` (backpropagation, explained in chapter 5: the same numbers, thousands of times
faster). Tests check that the two agree.
"""

import numpy as np

from nn_text._checks import (check_array, check_batch, check_features, check_finite,
                             check_ndarray)
from nn_text.activations import sigmoid, softmax
from nn_text.gradient import numerical_gradient as _numerical_gradient
from nn_text.losses import cross_entropy_error
from nn_text.network import accuracy as _accuracy

__all__ = ["TwoLayerNet"]


def _check_sizes(**sizes):
    for name, size in sizes.items():
        if not (isinstance(size, (int, np.integer)) and size > 0):
            raise ValueError(f"TwoLayerNet expects {name} to be a positive int, got {size!r}")


def _check_x(func_name, x, W1):
    """Raise unless ``x`` is a 2-D array of finite numbers whose rows fit ``W1``.

    The finite check reads ``x`` once per call: once per training step, where a NaN in the
    data shows first."""
    check_batch(func_name, x, W1.shape[0])
    check_array(func_name, "x", x, ndims=(2,))
    check_ndarray(func_name, "x", x, kinds="iuf")
    check_features(func_name, x, W1, batch=True)
    check_finite(func_name, "x", x)


def _check_t(func_name, t, batch_size, output_size):
    """Raise unless ``t`` has one label or one one-hot row per sample. O(1)."""
    check_array(func_name, "t", t, ndims=(1, 2))
    if np.shape(t) not in [(batch_size,), (batch_size, output_size)]:
        raise ValueError(f"{func_name} expects t as labels of shape ({batch_size},) or one-hot "
                         f"of shape ({batch_size}, {output_size}), got t of shape {np.shape(t)}")


class TwoLayerNet:
    """Affine, sigmoid, affine, softmax: ``input_size -> hidden_size -> output_size``.

    Parameters
    ----------
    input_size, hidden_size, output_size : int
        Neurons per layer; for MNIST 784, for example 50, and 10.
    weight_init_std : float, default 0.01
        Standard deviation of the initial weights (biases start at 0).
    rng : numpy.random.Generator, optional
        Source of the initial weights; default seeded with 0, so runs repeat exactly.

    Attributes
    ----------
    params : dict of str to ndarray
        ``W1`` (input, hidden), ``b1`` (hidden,), ``W2`` (hidden, output), ``b2`` (output,).

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.two_layer_net import TwoLayerNet
    >>> net = TwoLayerNet(input_size=784, hidden_size=100, output_size=10)
    >>> {k: v.shape for k, v in net.params.items()}
    {'W1': (784, 100), 'b1': (100,), 'W2': (100, 10), 'b2': (10,)}
    """

    def __init__(self, input_size, hidden_size, output_size,
                 weight_init_std=0.01, rng=None):
        _check_sizes(input_size=input_size, hidden_size=hidden_size, output_size=output_size)
        rng = np.random.default_rng(0) if rng is None else rng
        std = weight_init_std
        self.params = {}
        self.params["W1"] = std * rng.standard_normal(
            (input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * rng.standard_normal(
            (hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    def predict(self, x):
        """Class probabilities for ``x``.

        Like every network class in `nn_text`, it takes a batch: one sample is a batch of one,
        ``x.reshape(1, -1)``.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)

        Returns
        -------
        ndarray of float, shape (N, output_size)

        Raises
        ------
        ValueError
            If ``x`` is one sample of shape (input_size,) (the message says how to fix it), or
            its rows do not have input_size features.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(4, 3, 2, weight_init_std=0.0)  # all weights 0: no preference
        >>> net.predict(np.ones((2, 4)))
        array([[0.5, 0.5],
               [0.5, 0.5]])
        >>> net.predict(np.ones(4))
        Traceback (most recent call last):
        ...
        ValueError: TwoLayerNet.predict expects a batch x of shape (N, 4), got one sample of shape (4,); pass x.reshape(1, -1), a batch of one
        >>> net.predict(np.ones(4).reshape(1, -1))
        array([[0.5, 0.5]])
        """
        _check_x("TwoLayerNet.predict", x, self.params["W1"])
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        # (N, input) @ (input, hidden) -> (N, hidden)
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        # (N, hidden) @ (hidden, output) -> (N, output)
        a2 = np.dot(z1, W2) + b2
        y = softmax(a2)
        return y

    def loss(self, x, t):
        """Cross-entropy error of the predictions for ``x`` against ``t``.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            One-hot (N, output_size) or labels (N,).

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(4, 3, 2, weight_init_std=0.0)
        >>> round(net.loss(np.ones((1, 4)), [1]), 4)  # -log(0.5)
        0.6931
        """
        check_batch("TwoLayerNet.loss", x, self.params["W1"].shape[0])
        y = self.predict(x)
        return cross_entropy_error(y, t)

    def accuracy(self, x, t):
        """Fraction of samples whose most probable class is ``t``.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            One-hot (N, output_size) or labels (N,).

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(2, 3, 2)
        >>> net.params["W2"] = np.array([[1.0, -1.0]] * 3)  # always favour class 0
        >>> net.accuracy(np.ones((4, 2)), [0, 0, 1, 0])
        0.75
        """
        check_batch("TwoLayerNet.accuracy", x, self.params["W1"].shape[0])
        return _accuracy(self.predict(x), t)

    def numerical_gradient(self, x, t):
        """Gradient of the loss for every parameter, by central differences (slow).

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            One-hot (N, output_size) or labels (N,).

        Returns
        -------
        dict of str to ndarray
            ``grads[name]`` has the shape of ``params[name]``.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(3, 2, 2)
        >>> grads = net.numerical_gradient(np.ones((1, 3)), [1])
        >>> {k: v.shape for k, v in grads.items()}
        {'W1': (3, 2), 'b1': (2,), 'W2': (2, 2), 'b2': (2,)}
        """
        check_batch("TwoLayerNet.numerical_gradient", x, self.params["W1"].shape[0])
        # W is params[key] itself, nudged in place
        loss_W = lambda W: self.loss(x, t)
        grads = {}
        for key in self.params:
            grads[key] = _numerical_gradient(loss_W, self.params[key])
        return grads

    def gradient(self, x, t):
        """Gradient of the loss for every parameter, by backpropagation (chapter 5).

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            One-hot (N, output_size) or labels (N,).

        Returns
        -------
        dict of str to ndarray
            The same values as `numerical_gradient` (tests compare the two), computed far
            faster.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(3, 2, 2, weight_init_std=0.0)  # all weights 0
        >>> grads = net.gradient(np.array([[0.1, 0.5, 0.9]]), np.array([1]))
        >>> grads["b2"]  # y - t: the output is [0.5, 0.5], the answer [0, 1]
        array([ 0.5, -0.5])
        >>> grads["W2"]  # each hidden neuron outputs sigmoid(0) = 0.5
        array([[ 0.25, -0.25],
               [ 0.25, -0.25]])
        """
        _check_x("TwoLayerNet.gradient", x, self.params["W1"])
        _check_t("TwoLayerNet.gradient", t, len(x), self.params["W2"].shape[1])
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        batch_num = x.shape[0]
        if np.ndim(t) == 1:  # labels -> one-hot, (N,) -> (N, output)
            t = np.eye(W2.shape[1])[t]
        # forward
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = softmax(a2)
        # backward: softmax with cross-entropy gives (y - t) / N at the output
        dy = (y - t) / batch_num
        grads = {"W2": np.dot(z1.T, dy), "b2": np.sum(dy, axis=0)}
        dz1 = np.dot(dy, W2.T)
        da1 = z1 * (1 - z1) * dz1  # sigmoid'(a) = sigmoid(a) * (1 - sigmoid(a))
        grads["W1"] = np.dot(x.T, da1)
        grads["b1"] = np.sum(da1, axis=0)
        return {key: grads[key] for key in self.params}
