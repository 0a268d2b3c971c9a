"""TwoLayerNet built from layers (chapter 5): Affine, ReLU, Affine, then Softmax-with-Loss.

This is the book's chapter 5 network. It has the same methods as chapter 4's
`nn_text.two_layer_net.TwoLayerNet`, but ``gradient`` is backpropagation through the layers:
one forward pass, then each layer's ``backward`` in reverse order. Adding a layer is adding a
line to ``self.layers``; no derivative has to be worked out again by hand.
"""

import numpy as np

from nn_text._checks import check_batch, check_positive_int
from nn_text.gradient import numerical_gradient as _numerical_gradient
from nn_text.layers import Affine, Relu, SoftmaxWithLoss
from nn_text.network import accuracy as _accuracy

__all__ = ["TwoLayerNet"]


class TwoLayerNet:
    """Affine, ReLU, Affine, Softmax-with-Loss: ``input_size -> hidden_size -> output_size``.

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
        The layers hold these very arrays, so changing them in place changes the network.
    layers : dict of str to layer
        ``Affine1``, ``Relu1``, ``Affine2``, in the order the data flows.
    lastLayer : SoftmaxWithLoss
        The output layer, used for the loss and the start of the backward pass.

    Raises
    ------
    TypeError, ValueError
        If a size is not an int of at least 1.

    Examples
    --------
    >>> from nn_text.layer_net import TwoLayerNet
    >>> net = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    >>> list(net.layers)
    ['Affine1', 'Relu1', 'Affine2']
    >>> net.layers["Affine1"].W is net.params["W1"]
    True
    """

    def __init__(self, input_size, hidden_size, output_size,
                 weight_init_std=0.01, rng=None):
        check_positive_int("TwoLayerNet", input_size=input_size, hidden_size=hidden_size,
                           output_size=output_size)
        rng = np.random.default_rng(0) if rng is None else rng
        std = weight_init_std
        self.params = {
            "W1": std * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": std * rng.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }

        # a dict keeps its insertion order: forward goes through it in order,
        # backward in reverse
        self.layers = {}
        # no gradient for the input data: nothing would use it
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"],
                                        input_grad=False)
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        """Scores (before softmax) for ``x``: the forward pass through ``layers``.

        Like every network class in `nn_text`, it takes a batch: one sample is a batch of one,
        ``x.reshape(1, -1)``.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)

        Returns
        -------
        ndarray of float, shape (N, output_size)
            The class with the highest score is the prediction.

        Raises
        ------
        ValueError
            If ``x`` is one sample of shape (input_size,) (the message says how to fix it), or
            its rows do not have input_size features.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layer_net import TwoLayerNet
        >>> net = TwoLayerNet(4, 3, 2, weight_init_std=0.0)  # all weights 0: every score 0
        >>> net.predict(np.ones((2, 4)))
        array([[0., 0.],
               [0., 0.]])
        >>> net.predict(np.ones(4))
        Traceback (most recent call last):
        ...
        ValueError: TwoLayerNet.predict expects a batch x of shape (N, 4), got one sample of shape (4,); pass x.reshape(1, -1), a batch of one
        """
        check_batch("TwoLayerNet.predict", x, self.params["W1"].shape[0])
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Cross-entropy error of softmax of the scores for ``x``, against ``t``.

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
        >>> from nn_text.layer_net import TwoLayerNet
        >>> net = TwoLayerNet(4, 3, 2, weight_init_std=0.0)
        >>> round(net.loss(np.ones((1, 4)), [1]), 4)  # -log(0.5)
        0.6931
        """
        check_batch("TwoLayerNet.loss", x, self.params["W1"].shape[0])
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def accuracy(self, x, t):
        """Fraction of samples whose highest score is the class ``t``.

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
        >>> from nn_text.layer_net import TwoLayerNet
        >>> net = TwoLayerNet(2, 3, 2)
        >>> net.params["b2"][:] = [1.0, 0.0]  # in place: the layer sees it; always class 0
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
        >>> from nn_text.layer_net import TwoLayerNet
        >>> net = TwoLayerNet(3, 2, 2)
        >>> grads = net.numerical_gradient(np.ones((1, 3)), [1])
        >>> {k: v.shape for k, v in grads.items()}
        {'W1': (3, 2), 'b1': (2,), 'W2': (2, 2), 'b2': (2,)}
        """
        check_batch("TwoLayerNet.numerical_gradient", x, self.params["W1"].shape[0])
        # W is self.params[key] itself, which numerical_gradient nudges in place
        loss_W = lambda W: self.loss(x, t)
        grads = {}
        for key in self.params:
            grads[key] = _numerical_gradient(loss_W, self.params[key])
        return grads

    def gradient(self, x, t):
        """Gradient of the loss for every parameter, by backpropagation through the layers.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            One-hot (N, output_size) or labels (N,).

        Returns
        -------
        dict of str to ndarray
            The same values as `numerical_gradient`, computed far faster.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layer_net import TwoLayerNet
        >>> net = TwoLayerNet(3, 2, 2, weight_init_std=1.0)
        >>> x, t = np.array([[0.1, 0.5, 0.9]]), [1]
        >>> numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
        >>> all(np.allclose(numeric[k], backprop[k], atol=1e-7) for k in net.params)
        True
        """
        check_batch("TwoLayerNet.gradient", x, self.params["W1"].shape[0])
        # forward
        self.loss(x, t)

        # backward
        dout = 1
        dout = self.lastLayer.backward(dout)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)

        grads = {}
        grads["W1"] = self.layers["Affine1"].dW
        grads["b1"] = self.layers["Affine1"].db
        grads["W2"] = self.layers["Affine2"].dW
        grads["b2"] = self.layers["Affine2"].db
        return grads
