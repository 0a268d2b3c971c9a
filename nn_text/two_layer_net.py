"""TwoLayerNet: a two-layer network for MNIST, trained by mini-batch SGD (chapter 4).

It computes gradients two ways: ``numerical_gradient`` (chapter 4: simple and very slow) and
``gradient`` (backpropagation, explained in chapter 5: the same numbers, thousands of times
faster). Tests check that the two agree.
"""

import numpy as np

from nn_text._checks import as_float_array, check_features
from nn_text.activations import sigmoid, softmax
from nn_text.gradient import numerical_gradient as _numerical_gradient
from nn_text.losses import cross_entropy_error
from nn_text.network import accuracy as _accuracy

__all__ = ["TwoLayerNet"]


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

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01, rng=None):
        for name, size in [("input_size", input_size), ("hidden_size", hidden_size),
                           ("output_size", output_size)]:
            if not (isinstance(size, (int, np.integer)) and size > 0):
                raise ValueError(f"TwoLayerNet expects {name} to be a positive int, got {size!r}")
        rng = np.random.default_rng(0) if rng is None else rng
        self.params = {}
        self.params["W1"] = weight_init_std * rng.standard_normal((input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = weight_init_std * rng.standard_normal((hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    def predict(self, x):
        """Class probabilities for ``x``.

        Parameters
        ----------
        x : array_like of float, shape (N, input_size)

        Returns
        -------
        ndarray of float, shape (N, output_size)

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(4, 3, 2, weight_init_std=0.0)  # all weights 0: no preference
        >>> net.predict(np.ones((2, 4)))
        array([[0.5, 0.5],
               [0.5, 0.5]])
        """
        x = as_float_array("TwoLayerNet.predict", "x", x, ndims=(2,))
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        check_features("TwoLayerNet.predict", x, W1)
        a1 = np.dot(x, W1) + b1  # (N, input) @ (input, hidden) -> (N, hidden)
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2  # (N, hidden) @ (hidden, output) -> (N, output)
        y = softmax(a2)
        return y

    def loss(self, x, t):
        """Cross-entropy error of the predictions for ``x`` against ``t``.

        Parameters
        ----------
        x : array_like of float, shape (N, input_size)
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
        y = self.predict(x)
        return cross_entropy_error(y, t)

    def accuracy(self, x, t):
        """Fraction of samples whose most probable class is ``t``.

        Parameters
        ----------
        x : array_like of float, shape (N, input_size)
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
        return _accuracy(self.predict(x), t)

    def numerical_gradient(self, x, t):
        """Gradient of the loss for every parameter, by central differences (slow).

        Parameters
        ----------
        x : array_like of float, shape (N, input_size)
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
        loss_W = lambda W: self.loss(x, t)  # W is self.params[key] itself, nudged in place
        return {key: _numerical_gradient(loss_W, self.params[key]) for key in self.params}

    def gradient(self, x, t):
        """Gradient of the loss for every parameter, by backpropagation (chapter 5).

        Parameters
        ----------
        x : array_like of float, shape (N, input_size)
        t : array_like
            One-hot (N, output_size) or labels (N,).

        Returns
        -------
        dict of str to ndarray
            The same values as `numerical_gradient`, computed far faster.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.two_layer_net import TwoLayerNet
        >>> net = TwoLayerNet(3, 2, 2)
        >>> x, t = np.array([[0.1, 0.5, 0.9]]), [1]
        >>> numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
        >>> all(np.allclose(numeric[k], backprop[k], atol=1e-7) for k in net.params)
        True
        """
        x = as_float_array("TwoLayerNet.gradient", "x", x, ndims=(2,))
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        check_features("TwoLayerNet.gradient", x, W1)
        t = np.asarray(t)
        batch_num = x.shape[0]
        if t.ndim == 1:
            t = np.eye(W2.shape[1])[t]  # labels -> one-hot, (N,) -> (N, output)
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
