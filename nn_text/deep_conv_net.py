"""DeepConvNet (chapter 8): the book's deeper CNN, six 3x3 convolutions and two affine layers.

``conv - relu - conv - relu - pool`` three times (16, 32 and 64 filters), then
``affine - relu - dropout - affine - dropout - softmax``. Every weight starts with He's scale for
ReLU, ``sqrt(2 / n)`` where ``n`` is the number of inputs of one neuron. The layers are chapter
7's; what is new is only how many there are.
"""

from importlib import resources
from pathlib import Path

import numpy as np

from nn_text._checks import check_float_dtype, check_positive_int
from nn_text._io import write_atomically
from nn_text.convolution import Convolution
from nn_text.dropout import Dropout
from nn_text.im2col import _check_images
from nn_text.layers import Affine, Relu, SoftmaxWithLoss
from nn_text.network import accuracy as _accuracy
from nn_text.pooling import Pooling

__all__ = ["DeepConvNet", "load_pretrained"]

PRETRAINED = "deep_conv_net.npz"  # made by tools/train_deep_conv_net.py

# The book's six convolutions: filters, size, padding, stride. The fourth pads
# by 2, so the 14x14 maps become 16x16 and the last pooling gives 4x4.
CONV_PARAMS = (
    {"filter_num": 16, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 16, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 32, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 32, "filter_size": 3, "pad": 2, "stride": 1},
    {"filter_num": 64, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 64, "filter_size": 3, "pad": 1, "stride": 1},
)
PARAM_NAMES = tuple(f"{p}{i}" for i in range(1, 9) for p in "Wb")


def load_pretrained(dtype=np.float32):
    """A `DeepConvNet` with the weights that ship with nn_text, ready to `predict`.

    ``tools/train_deep_conv_net.py`` trained them on the MNIST training set (seed 0, Adam,
    25 epochs) and saved them as float32; ``results/deep_conv_net.json`` keeps the history.

    Parameters
    ----------
    dtype : numpy dtype, default numpy.float32
        Of the network; the weights are stored as float32, so float64 only widens them.

    Returns
    -------
    DeepConvNet

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.deep_conv_net import load_pretrained
    >>> net = load_pretrained()
    >>> net.params["W1"].shape, net.params["W1"].dtype
    ((16, 1, 3, 3), dtype('float32'))
    >>> net.predict(np.zeros((2, 1, 28, 28))).shape  # scores for 2 blank images
    (2, 10)
    """
    net = DeepConvNet(dtype=dtype)
    with resources.as_file(resources.files("nn_text.data") / PRETRAINED) as path:
        net.load_params(path)
    return net


class DeepConvNet:
    """The book's deep CNN for MNIST: about 99.4% test accuracy after training.

    Parameters
    ----------
    input_dim : tuple of int, default (1, 28, 28)
        Channels, height and width of one input image.
    hidden_size : int, default 50
        Neurons of the hidden affine layer.
    output_size : int, default 10
    dropout_ratio : float, default 0.5
        Share of neurons each dropout layer drops while training.
    rng : numpy.random.Generator, optional
        Source of the initial weights and of the dropout masks; default seeded with 0.
    dtype : numpy dtype, default numpy.float64
        Of the parameters, their gradients and the computation; ``np.float32`` halves the
        memory and is faster (measured on chapter 8's "Faster" page). `predict` converts the
        images to it.

    Attributes
    ----------
    params : dict of str to ndarray
        ``W1`` ... ``W6`` (filters), ``W7``, ``W8`` (affine) and their biases ``b1`` ... ``b8``.
    layers : list
        The layers in order, from ``Convolution`` to the last ``Dropout``.
    last_layer : SoftmaxWithLoss

    Raises
    ------
    TypeError
        If a size is not an int, or ``dtype`` is not a floating-point type.
    ValueError
        If ``input_dim`` is not (C, 28, 28): the book's sizes need 28x28 images.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.deep_conv_net import DeepConvNet
    >>> net = DeepConvNet()
    >>> [net.params[f"W{i}"].shape for i in range(1, 9)]  # doctest: +NORMALIZE_WHITESPACE
    [(16, 1, 3, 3), (16, 16, 3, 3), (32, 16, 3, 3), (32, 32, 3, 3), (64, 32, 3, 3),
     (64, 64, 3, 3), (1024, 50), (50, 10)]
    >>> sum(p.size for p in net.params.values())
    123552
    """

    def __init__(self, input_dim=(1, 28, 28), hidden_size=50, output_size=10,
                 dropout_ratio=0.5, rng=None, dtype=np.float64):
        _check_sizes(input_dim, hidden_size, output_size)
        check_float_dtype("DeepConvNet", dtype)
        rng = np.random.default_rng(0) if rng is None else rng
        C = input_dim[0]
        # inputs of one neuron, layer by layer: 3x3 patches of C, 16, 16, 32,
        # 32, 64 channels, then the 64 maps of 4x4, then the hidden layer
        in_channels = [C] + [p["filter_num"] for p in CONV_PARAMS[:-1]]
        fan_in = [c * 3 * 3 for c in in_channels] + [64 * 4 * 4, hidden_size]
        shapes = [(p["filter_num"], c, 3, 3)
                  for p, c in zip(CONV_PARAMS, in_channels)]
        shapes += [(64 * 4 * 4, hidden_size), (hidden_size, output_size)]
        self.params = {}
        for i, (shape, n) in enumerate(zip(shapes, fan_in), start=1):
            scale = np.sqrt(2.0 / n)  # He initialization, for ReLU
            W = scale * rng.standard_normal(shape)
            self.params[f"W{i}"] = W.astype(dtype)
            out = shape[0] if i <= 6 else shape[1]  # filters, or neurons
            self.params[f"b{i}"] = np.zeros(out, dtype=dtype)

        self.layers = []
        for i, p in enumerate(CONV_PARAMS, start=1):
            # no gradient for the input images: nothing would use it
            W, b = self.params[f"W{i}"], self.params[f"b{i}"]
            self.layers.append(Convolution(W, b, p["stride"], p["pad"],
                                           input_grad=i > 1))
            self.layers.append(Relu())
            if i % 2 == 0:
                self.layers.append(Pooling(pool_h=2, pool_w=2, stride=2))
        self.layers.append(Affine(self.params["W7"], self.params["b7"]))
        self.layers.append(Relu())
        self.layers.append(Dropout(dropout_ratio, rng=rng))
        self.layers.append(Affine(self.params["W8"], self.params["b8"]))
        self.layers.append(Dropout(dropout_ratio, rng=rng))
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x, train_flg=False):
        """Scores (before softmax) for a batch of images.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, 28, 28)
        train_flg : bool, default False
            True while training: the dropout layers drop neurons.

        Returns
        -------
        ndarray, shape (N, output_size)

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.deep_conv_net import DeepConvNet
        >>> x = np.random.default_rng(0).random((2, 1, 28, 28))
        >>> DeepConvNet().predict(x).shape
        (2, 10)
        """
        _check_images("DeepConvNet.predict", "x", x, networks=True,
                      image_shape=(self.params["W1"].shape[1], 28, 28))
        x = x.astype(self.params["W1"].dtype, copy=False)  # the network's dtype
        for layer in self.layers:
            if isinstance(layer, Dropout):
                x = layer.forward(x, train_flg)
            else:
                x = layer.forward(x)
        return x

    def loss(self, x, t, train_flg=False):
        """Cross-entropy error of softmax of the scores, against ``t``.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, 28, 28)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).
        train_flg : bool, default False

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.deep_conv_net import DeepConvNet
        >>> x = np.random.default_rng(0).random((10, 1, 28, 28))
        >>> round(float(DeepConvNet().loss(x, np.arange(10))), 1)  # near ln 10 = 2.3 at the start
        2.5
        """
        y = self.predict(x, train_flg)
        return self.last_layer.forward(y, t)

    def accuracy(self, x, t, batch_size=100):
        """Fraction of images whose highest score is the class ``t`` (inference: no dropout).

        Parameters
        ----------
        x : ndarray of float, shape (N, C, 28, 28)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).
        batch_size : int, default 100
            Images per forward pass, to bound memory.

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.deep_conv_net import DeepConvNet
        >>> net = DeepConvNet()
        >>> x = np.random.default_rng(0).random((5, 1, 28, 28))
        >>> t = net.predict(x).argmax(axis=1)  # its own answers: all right
        >>> net.accuracy(x, t)
        1.0
        """
        check_positive_int("DeepConvNet.accuracy", batch_size=batch_size)
        _check_images("DeepConvNet.accuracy", "x", x, networks=True,
                      image_shape=(self.params["W1"].shape[1], 28, 28))
        y = np.concatenate([self.predict(x[i:i + batch_size])
                            for i in range(0, len(x), batch_size)])
        return _accuracy(y, t)

    def gradient(self, x, t):
        """Gradient of the loss for every parameter, by backpropagation (dropout on).

        Parameters
        ----------
        x : ndarray of float, shape (N, C, 28, 28)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        dict of str to ndarray
            ``grads[name]`` has the shape and dtype of ``params[name]``.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.deep_conv_net import DeepConvNet
        >>> net = DeepConvNet(dtype=np.float32)
        >>> x = np.random.default_rng(0).random((4, 1, 28, 28))
        >>> grads = net.gradient(x, np.array([0, 1, 2, 3]))
        >>> grads["W1"].shape, grads["W1"].dtype, grads["b8"].shape
        ((16, 1, 3, 3), dtype('float32'), (10,))
        """
        # forward, with dropout
        self.loss(x, t, train_flg=True)

        # backward
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)

        grads = {}
        layers = [layer for layer in self.layers
                  if isinstance(layer, (Convolution, Affine))]
        for i, layer in enumerate(layers, start=1):
            grads[f"W{i}"] = layer.dW
            grads[f"b{i}"] = layer.db
        return grads

    def save_params(self, file_name="params.npz"):
        """Save the parameters to an ``.npz`` file, atomically (a crash leaves the old file).

        Parameters
        ----------
        file_name : str or Path, default "params.npz"

        Returns
        -------
        None

        Examples
        --------
        >>> import tempfile
        >>> from pathlib import Path
        >>> import numpy as np
        >>> from nn_text.deep_conv_net import DeepConvNet
        >>> path = Path(tempfile.mkdtemp()) / "deep.npz"
        >>> DeepConvNet(dtype=np.float32).save_params(path)
        >>> round(path.stat().st_size / 123_552, 2)  # bytes per parameter: float32 is 4
        4.03
        """
        write_atomically(file_name, lambda f: np.savez(f, **self.params))

    def load_params(self, file_name="params.npz"):
        """Load parameters saved by `save_params` into this network, in place.

        The values take this network's dtype, whatever the file's.

        Parameters
        ----------
        file_name : str or Path, default "params.npz"

        Returns
        -------
        None

        Raises
        ------
        FileNotFoundError
            If there is no such file.
        ValueError
            If the file lacks a parameter or one has another shape than this network's.

        Examples
        --------
        >>> import tempfile
        >>> from pathlib import Path
        >>> import numpy as np
        >>> from nn_text.deep_conv_net import DeepConvNet
        >>> path = Path(tempfile.mkdtemp()) / "deep.npz"
        >>> DeepConvNet(rng=np.random.default_rng(1)).save_params(path)
        >>> net = DeepConvNet()
        >>> net.load_params(path)
        >>> other = DeepConvNet(rng=np.random.default_rng(1))
        >>> bool(np.array_equal(net.params["W4"], other.params["W4"]))
        True
        """
        if not Path(file_name).is_file():
            raise FileNotFoundError(f"DeepConvNet.load_params: no file at {str(file_name)!r}; "
                                    "save one with save_params first")
        with np.load(file_name) as data:
            _check_saved_params(data, self.params, file_name)
            for key in PARAM_NAMES:
                # in place: the layers share these arrays
                self.params[key][...] = data[key]


def _check_sizes(input_dim, hidden_size, output_size):
    """Raise unless ``input_dim`` is (C, 28, 28) and the sizes are positive ints."""
    if len(tuple(input_dim)) != 3 or tuple(input_dim)[1:] != (28, 28):
        raise ValueError(f"DeepConvNet expects input_dim (C, 28, 28), such as (1, 28, 28): its "
                         f"affine layer expects 64 maps of 4x4, got {input_dim!r}")
    check_positive_int("DeepConvNet", channels=input_dim[0], hidden_size=hidden_size,
                       output_size=output_size)


def _check_saved_params(data, params, file_name):
    """Raise unless ``data`` has every parameter, each of the shape in ``params``."""
    for key in PARAM_NAMES:
        if key not in data:
            raise ValueError(f"DeepConvNet.load_params: {str(file_name)!r} has no {key}; "
                             f"it holds {sorted(data.files)}")
        if data[key].shape != params[key].shape:
            raise ValueError(f"DeepConvNet.load_params: {key} in {str(file_name)!r} has shape "
                             f"{data[key].shape}, this network's has {params[key].shape}")
