"""MultiLayerNet (chapter 6): a fully connected network of any depth, with the chapter's tools.

The book's ``MultiLayerNet`` and ``MultiLayerNetExtend`` in one class: any number of hidden
layers, ReLU or sigmoid, weight initialization by a number or by name ("He" for ReLU,
"Xavier" for sigmoid), weight decay, and optionally batch normalization and dropout after each
hidden Affine layer. ``MultiLayerNetExtend`` is kept as another name for it, so readers'
snippets from the book run.
"""

import numbers

import numpy as np

from nn_text._checks import check_batch, check_positive_int
from nn_text.batch_normalization import BatchNormalization
from nn_text.dropout import Dropout
from nn_text.gradient import numerical_gradient as _numerical_gradient
from nn_text.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss
from nn_text.network import accuracy as _accuracy

__all__ = ["init_scale", "MultiLayerNet", "MultiLayerNetExtend"]

ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}
INIT_NAMES = ("relu", "he", "sigmoid", "xavier")


def _check_init_std(weight_init_std):
    """Raise unless ``weight_init_std`` is a number > 0 or one of `INIT_NAMES` (any case)."""
    if isinstance(weight_init_std, str):
        if weight_init_std.lower() not in INIT_NAMES:
            raise ValueError("init_scale expects weight_init_std to be a number or one of "
                             f"'relu', 'he', 'sigmoid', 'xavier', got {weight_init_std!r}")
    elif (isinstance(weight_init_std, bool) or not isinstance(weight_init_std, numbers.Real)
            or not weight_init_std > 0):
        raise ValueError("init_scale expects weight_init_std to be a number > 0 or one of "
                         f"'relu', 'he', 'sigmoid', 'xavier', got {weight_init_std!r}")


def init_scale(weight_init_std, n_in):
    """Standard deviation of the initial weights of a layer with ``n_in`` inputs.

    Parameters
    ----------
    weight_init_std : float or {"relu", "he", "sigmoid", "xavier"}
        A number is used as it is; "relu"/"he" give He's ``sqrt(2 / n_in)``, "sigmoid"/"xavier"
        give Xavier's ``sqrt(1 / n_in)``.
    n_in : int
        Neurons of the previous layer.

    Returns
    -------
    float

    Raises
    ------
    TypeError, ValueError
        If ``weight_init_std`` is neither a positive number nor one of the names, or ``n_in``
        is not an int of at least 1.

    Examples
    --------
    >>> from nn_text.multi_layer_net import init_scale
    >>> init_scale("he", 100), init_scale("xavier", 100), init_scale(0.01, 100)
    (0.1414213562373095, 0.1, 0.01)
    """
    _check_init_std(weight_init_std)
    check_positive_int("init_scale", n_in=n_in)
    name = str(weight_init_std).lower()
    if name in ("relu", "he"):
        # He: ReLU zeroes half its inputs, so the weights get twice the variance
        return float(np.sqrt(2.0 / n_in))
    if name in ("sigmoid", "xavier"):
        # Xavier: keeps the variance of the signal through sigmoid (or tanh)
        return float(np.sqrt(1.0 / n_in))
    return float(weight_init_std)


class MultiLayerNet:
    """Fully connected network: ``input -> hidden layers -> output``, each hidden layer being
    Affine, [BatchNorm,] activation, [Dropout].

    Parameters
    ----------
    input_size : int
        784 for MNIST.
    hidden_size_list : list of int
        Neurons of each hidden layer, e.g. ``[100, 100, 100]``.
    output_size : int
        10 for MNIST.
    activation : {"relu", "sigmoid"}, default "relu"
    weight_init_std : float or {"relu", "he", "sigmoid", "xavier"}, default "relu"
        See `init_scale`.
    weight_decay_lambda : float, default 0
        Strength of weight decay: the loss gains ``0.5 * lambda * sum(W**2)`` over all W.
    use_dropout : bool, default False
    dropout_ratio : float, default 0.5
    use_batchnorm : bool, default False
    rng : numpy.random.Generator, optional
        Source of the initial weights and dropout masks; default seeded with 0.

    Attributes
    ----------
    params : dict of str to ndarray
        ``W1``, ``b1``, ... and, with batch normalization, ``gamma1``, ``beta1``, ...
    layers : dict of str to layer
        In the order the data flows, e.g. ``Affine1``, ``Activation_function1``, ...
    last_layer : SoftmaxWithLoss

    Raises
    ------
    TypeError, ValueError
        If a size, the activation or a setting is not valid.

    Examples
    --------
    >>> from nn_text.multi_layer_net import MultiLayerNet
    >>> net = MultiLayerNet(784, [100, 100], 10, use_batchnorm=True, use_dropout=True)
    >>> list(net.layers)  # doctest: +NORMALIZE_WHITESPACE
    ['Affine1', 'BatchNorm1', 'Activation_function1', 'Dropout1',
     'Affine2', 'BatchNorm2', 'Activation_function2', 'Dropout2', 'Affine3']
    >>> round(float(net.params["W1"].std()), 2)  # He: sqrt(2 / 784) = 0.0505
    0.05
    """

    def __init__(self, input_size, hidden_size_list, output_size,
                 activation="relu", weight_init_std="relu",
                 weight_decay_lambda=0, use_dropout=False, dropout_ratio=0.5,
                 use_batchnorm=False, rng=None):
        if not isinstance(hidden_size_list, (list, tuple)):
            raise TypeError("MultiLayerNet expects hidden_size_list to be a list of sizes such "
                            f"as [100, 100], got {type(hidden_size_list).__name__} "
                            f"{hidden_size_list!r}")
        check_positive_int("MultiLayerNet", input_size=input_size, output_size=output_size,
                           **{f"hidden_size_list[{i}]": n for i, n in enumerate(hidden_size_list)})
        if activation not in ACTIVATIONS:
            raise ValueError("MultiLayerNet expects activation 'relu' or 'sigmoid', "
                             f"got {activation!r}")
        if (isinstance(weight_decay_lambda, bool) or not isinstance(weight_decay_lambda, numbers.Real)
                or not weight_decay_lambda >= 0):
            raise ValueError("MultiLayerNet expects weight_decay_lambda >= 0, "
                             f"got {weight_decay_lambda!r}")
        rng = np.random.default_rng(0) if rng is None else rng
        self.hidden_layer_num = len(hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda
        self.use_dropout = use_dropout
        self.use_batchnorm = use_batchnorm
        all_size_list = [input_size] + list(hidden_size_list) + [output_size]

        self.params = {}
        for idx in range(1, len(all_size_list)):
            n_in, n_out = all_size_list[idx - 1], all_size_list[idx]
            scale = init_scale(weight_init_std, n_in)
            self.params[f"W{idx}"] = scale * rng.standard_normal((n_in, n_out))
            self.params[f"b{idx}"] = np.zeros(n_out)

        self.layers = {}
        for idx in range(1, self.hidden_layer_num + 1):
            W, b = self.params[f"W{idx}"], self.params[f"b{idx}"]
            # no gradient for the input data: nothing would use it
            self.layers[f"Affine{idx}"] = Affine(W, b, input_grad=idx > 1)
            if self.use_batchnorm:
                self.params[f"gamma{idx}"] = np.ones(all_size_list[idx])
                self.params[f"beta{idx}"] = np.zeros(all_size_list[idx])
                self.layers[f"BatchNorm{idx}"] = BatchNormalization(
                    self.params[f"gamma{idx}"], self.params[f"beta{idx}"])
            self.layers[f"Activation_function{idx}"] = ACTIVATIONS[activation]()
            if self.use_dropout:
                self.layers[f"Dropout{idx}"] = Dropout(dropout_ratio, rng=rng)

        idx = self.hidden_layer_num + 1
        W, b = self.params[f"W{idx}"], self.params[f"b{idx}"]
        self.layers[f"Affine{idx}"] = Affine(W, b, input_grad=idx > 1)
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x, train_flg=False):
        """Scores (before softmax) for ``x``.

        Like every network class in `nn_text`, it takes a batch: one sample is a batch of one,
        ``x.reshape(1, -1)``.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        train_flg : bool, default False
            True during training: dropout drops and batch norm uses the batch's statistics.

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
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> net = MultiLayerNet(4, [3, 3], 2)
        >>> net.predict(np.ones((5, 4))).shape
        (5, 2)
        >>> net.predict(np.ones(4).reshape(1, -1)).shape  # one sample: a batch of one
        (1, 2)
        >>> net.predict(np.ones(4))
        Traceback (most recent call last):
        ...
        ValueError: MultiLayerNet.predict expects a batch x of shape (N, 4), got one sample of shape (4,); pass x.reshape(1, -1), a batch of one
        """
        check_batch("MultiLayerNet.predict", x, self.params["W1"].shape[0])
        for layer in self.layers.values():
            # these two behave differently in training
            if isinstance(layer, (Dropout, BatchNormalization)):
                x = layer.forward(x, train_flg)
            else:
                x = layer.forward(x)
        return x

    def loss(self, x, t, train_flg=False):
        """Cross-entropy error plus the weight-decay term ``0.5 * lambda * sum(W**2)``.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            Labels (N,) or one-hot (N, output_size).
        train_flg : bool, default False

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> net = MultiLayerNet(2, [2], 2, weight_init_std=1.0, weight_decay_lambda=0.1)
        >>> plain = net.last_layer.forward(net.predict(np.ones((1, 2))), [0])
        >>> decay = 0.5 * 0.1 * sum(np.sum(net.params[k] ** 2) for k in ("W1", "W2"))
        >>> bool(np.isclose(net.loss(np.ones((1, 2)), [0]), plain + decay))
        True
        """
        check_batch("MultiLayerNet.loss", x, self.params["W1"].shape[0])
        y = self.predict(x, train_flg)
        weight_decay = 0
        if self.weight_decay_lambda:  # with lambda = 0 there is nothing to add
            for idx in range(1, self.hidden_layer_num + 2):
                W = self.params[f"W{idx}"]
                weight_decay += 0.5 * self.weight_decay_lambda * np.sum(W**2)
        return self.last_layer.forward(y, t) + float(weight_decay)

    def accuracy(self, x, t):
        """Fraction of samples whose highest score is the class ``t`` (inference mode).

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> net = MultiLayerNet(2, [3], 2)
        >>> net.params["b2"][:] = [1.0, 0.0]  # in place: always class 0
        >>> net.accuracy(np.ones((4, 2)), [0, 1, 0, 0])
        0.75
        """
        check_batch("MultiLayerNet.accuracy", x, self.params["W1"].shape[0])
        return _accuracy(self.predict(x, train_flg=False), t)

    def numerical_gradient(self, x, t):
        """Gradient of the training loss for every parameter, by central differences (slow).

        With dropout the masks change at every forward pass, so this is only meaningful
        without dropout (a gradient check turns it off).

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        dict of str to ndarray

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> net = MultiLayerNet(3, [4], 2, use_batchnorm=True)
        >>> sorted(net.numerical_gradient(np.eye(3), [0, 1, 1]))
        ['W1', 'W2', 'b1', 'b2', 'beta1', 'gamma1']
        """
        check_batch("MultiLayerNet.numerical_gradient", x, self.params["W1"].shape[0])
        # W is self.params[key] itself, which numerical_gradient nudges in place
        loss_W = lambda W: self.loss(x, t, train_flg=True)
        grads = {}
        for key in self.params:
            grads[key] = _numerical_gradient(loss_W, self.params[key])
        return grads

    def gradient(self, x, t):
        """Gradient of the training loss for every parameter, by backpropagation.

        Parameters
        ----------
        x : ndarray of float, shape (N, input_size)
        t : array_like
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        dict of str to ndarray
            ``grads[name]`` has the shape of ``params[name]``; each ``W`` includes the
            weight-decay term ``lambda * W`` (with lambda 0, it is the Affine layer's ``dW``).

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> net = MultiLayerNet(3, [4, 4], 2, weight_decay_lambda=0.1, use_batchnorm=True)
        >>> x, t = np.random.default_rng(0).random((5, 3)), [0, 1, 1, 0, 1]
        >>> grads = net.gradient(x, t)
        >>> sorted(grads) == sorted(net.params)
        True
        >>> dW = net.layers["Affine1"].dW  # backpropagation's part, then weight decay's
        >>> bool(np.allclose(grads["W1"], dW + 0.1 * net.params["W1"]))
        True
        """
        check_batch("MultiLayerNet.gradient", x, self.params["W1"].shape[0])
        # forward
        self.loss(x, t, train_flg=True)

        # backward
        dout = 1
        dout = self.last_layer.backward(dout)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)

        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            affine = self.layers[f"Affine{idx}"]
            grads[f"W{idx}"] = affine.dW
            grads[f"b{idx}"] = affine.db
            if self.weight_decay_lambda:
                # the loss's 0.5 * lambda * W**2 adds lambda * W to the gradient
                decay = self.weight_decay_lambda * affine.W
                grads[f"W{idx}"] = affine.dW + decay
            if self.use_batchnorm and idx != self.hidden_layer_num + 1:
                grads[f"gamma{idx}"] = self.layers[f"BatchNorm{idx}"].dgamma
                grads[f"beta{idx}"] = self.layers[f"BatchNorm{idx}"].dbeta
        return grads



MultiLayerNetExtend = MultiLayerNet  # the book's name for the version with dropout and batch norm
