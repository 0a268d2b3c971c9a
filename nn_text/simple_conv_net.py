"""SimpleConvNet (chapter 7): convolution, ReLU, pooling, then two affine layers.

``conv - relu - pool - affine - relu - affine - softmax``, the book's first CNN. Gradients come
from backpropagation through the layers, exactly as in chapter 5's `nn_text.layer_net`; the
layers themselves are in `nn_text.convolution`, `nn_text.pooling` and `nn_text.layers`.
"""

from pathlib import Path

import numpy as np

from nn_text._checks import check_float_dtype, check_positive_int
from nn_text._io import write_atomically
from nn_text.convolution import Convolution
from nn_text.gradient import numerical_gradient as _numerical_gradient
from nn_text.im2col import _check_images, conv_output_size as _conv_output_size
from nn_text.layers import Affine, Relu, SoftmaxWithLoss
from nn_text.network import accuracy as _accuracy
from nn_text.pooling import Pooling

__all__ = ["SimpleConvNet"]

PARAM_NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")
CONV_PARAM = {"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1}


class SimpleConvNet:
    """A small CNN for MNIST: one convolution layer with 2x2 max pooling, then two affine layers.

    Parameters
    ----------
    input_dim : tuple of int, default (1, 28, 28)
        Channels, height and width of one input image; height and width must be equal.
    conv_param : dict, optional
        ``filter_num`` (default 30), ``filter_size`` (5), ``pad`` (0), ``stride`` (1).
    hidden_size : int, default 100
    output_size : int, default 10
    weight_init_std : float, default 0.01
        Standard deviation of the initial weights (biases start at 0).
    rng : numpy.random.Generator, optional
        Source of the initial weights; default seeded with 0, so runs repeat exactly.
    dtype : numpy dtype, default numpy.float64
        Of the parameters, their gradients and the computation: ``np.float32`` halves the
        memory and is faster (chapter 7, "making it fast"); `predict` converts the images to it.

    Attributes
    ----------
    params : dict of str to ndarray
        ``W1`` (filter_num, C, FH, FW), ``b1``; ``W2``, ``b2`` (affine); ``W3``, ``b3`` (output).
    layers : dict of str to layer
        ``Conv1``, ``Relu1``, ``Pool1``, ``Affine1``, ``Relu2``, ``Affine2``.
    last_layer : SoftmaxWithLoss

    Raises
    ------
    TypeError
        If a size is not an int.
    ValueError
        If the image is not square, the convolution does not tile it, or its output cannot
        be pooled 2x2.

    Examples
    --------
    >>> from nn_text.simple_conv_net import SimpleConvNet
    >>> net = SimpleConvNet()
    >>> {k: v.shape for k, v in net.params.items()}
    {'W1': (30, 1, 5, 5), 'b1': (30,), 'W2': (4320, 100), 'b2': (100,), 'W3': (100, 10), 'b3': (10,)}
    """

    def __init__(self, input_dim=(1, 28, 28), conv_param=None, hidden_size=100,
                 output_size=10, weight_init_std=0.01, rng=None,
                 dtype=np.float64):
        _check_sizes(input_dim, conv_param, hidden_size, output_size)
        check_float_dtype("SimpleConvNet", dtype)
        # the defaults, then what the caller gave
        conv_param = {**CONV_PARAM, **(conv_param or {})}
        filter_num = conv_param["filter_num"]
        filter_size = conv_param["filter_size"]
        filter_pad = conv_param["pad"]
        filter_stride = conv_param["stride"]
        C, H, W = input_dim  # square images: W == H
        conv_output_size = (H + 2*filter_pad - filter_size) // filter_stride + 1
        # 2x2 pooling halves each side
        pool_output_size = filter_num * (conv_output_size // 2) ** 2

        rng = np.random.default_rng(0) if rng is None else rng
        self.params = {}
        self.params["W1"] = weight_init_std * rng.standard_normal(
            (filter_num, C, filter_size, filter_size))
        self.params["b1"] = np.zeros(filter_num)
        self.params["W2"] = weight_init_std * rng.standard_normal(
            (pool_output_size, hidden_size))
        self.params["b2"] = np.zeros(hidden_size)
        self.params["W3"] = weight_init_std * rng.standard_normal(
            (hidden_size, output_size))
        self.params["b3"] = np.zeros(output_size)
        for key in PARAM_NAMES:
            self.params[key] = self.params[key].astype(dtype)

        self.layers = {}
        # no gradient for the input images: nothing would use it
        self.layers["Conv1"] = Convolution(self.params["W1"], self.params["b1"],
                                           filter_stride, filter_pad,
                                           input_grad=False)
        self.layers["Relu1"] = Relu()
        self.layers["Pool1"] = Pooling(pool_h=2, pool_w=2, stride=2)
        self.layers["Affine1"] = Affine(self.params["W2"], self.params["b2"])
        self.layers["Relu2"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W3"], self.params["b3"])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        """Scores (before softmax) for a batch of images.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)

        Returns
        -------
        ndarray of float, shape (N, output_size)

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> net = SimpleConvNet(input_dim=(1, 10, 10), conv_param={"filter_num": 4, "filter_size": 3})
        >>> net.predict(np.zeros((2, 1, 10, 10))).shape
        (2, 10)
        """
        _check_images("SimpleConvNet.predict", "x", x, networks=True)
        x = x.astype(self.params["W1"].dtype, copy=False)  # the network's dtype
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Cross-entropy error of softmax of the scores, against ``t``.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_size": 3}, weight_init_std=0.0)
        >>> round(net.loss(np.ones((1, 1, 6, 6)), np.array([3])), 4)  # all scores 0: -log(1/10)
        2.3026
        """
        y = self.predict(x)
        return self.last_layer.forward(y, t)

    def accuracy(self, x, t, batch_size=100):
        """Fraction of images whose highest score is the class ``t``, computed batch by batch.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).
        batch_size : int, default 100
            Images per forward pass, to bound the memory that im2col needs.

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_size": 3}, output_size=2)
        >>> net.params["b3"][:] = [1.0, 0.0]  # in place: always class 0
        >>> net.accuracy(np.zeros((5, 1, 6, 6)), np.array([0, 0, 1, 0, 0]), batch_size=2)
        0.8
        """
        check_positive_int("SimpleConvNet.accuracy", batch_size=batch_size)
        _check_images("SimpleConvNet.accuracy", "x", x, networks=True)
        y = np.concatenate([self.predict(x[i:i + batch_size])
                            for i in range(0, len(x), batch_size)])
        return _accuracy(y, t)

    def numerical_gradient(self, x, t):
        """Gradient of the loss for every parameter, by central differences (very slow).

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        dict of str to ndarray

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> net = SimpleConvNet(input_dim=(1, 4, 4), conv_param={"filter_num": 2, "filter_size": 3},
        ...                     hidden_size=3, output_size=2)
        >>> sorted(net.numerical_gradient(np.ones((1, 1, 4, 4)), np.array([1])))
        ['W1', 'W2', 'W3', 'b1', 'b2', 'b3']
        """
        # W is params[key] itself, nudged in place
        loss_W = lambda W: self.loss(x, t)
        grads = {}
        for key in self.params:
            grads[key] = _numerical_gradient(loss_W, self.params[key])
        return grads

    def gradient(self, x, t):
        """Gradient of the loss for every parameter, by backpropagation.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)
        t : ndarray
            Labels (N,) or one-hot (N, output_size).

        Returns
        -------
        dict of str to ndarray
            ``grads[name]`` has the shape of ``params[name]``.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> rng = np.random.default_rng(0)
        >>> net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 3, "filter_size": 3},
        ...                     hidden_size=4, output_size=3, weight_init_std=0.5, rng=rng)
        >>> x, t = rng.random((2, 1, 6, 6)), np.array([0, 2])
        >>> numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
        >>> max(float(np.abs(numeric[k] - backprop[k]).max()) for k in net.params) < 1e-7
        True
        """
        # forward
        self.loss(x, t)

        # backward
        dout = 1
        dout = self.last_layer.backward(dout)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)

        grads = {}
        grads["W1"] = self.layers["Conv1"].dW
        grads["b1"] = self.layers["Conv1"].db
        grads["W2"] = self.layers["Affine1"].dW
        grads["b2"] = self.layers["Affine1"].db
        grads["W3"] = self.layers["Affine2"].dW
        grads["b3"] = self.layers["Affine2"].db
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
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> path = Path(tempfile.mkdtemp()) / "params.npz"
        >>> SimpleConvNet().save_params(path)
        >>> path.stat().st_size > 1_000_000
        True
        """
        write_atomically(file_name, lambda f: np.savez(f, **self.params))

    def load_params(self, file_name="params.npz"):
        """Load parameters saved by `save_params` into this network, in place.

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
        >>> import numpy as np
        >>> from pathlib import Path
        >>> from nn_text.simple_conv_net import SimpleConvNet
        >>> path = Path(tempfile.mkdtemp()) / "params.npz"
        >>> SimpleConvNet(rng=np.random.default_rng(1)).save_params(path)
        >>> net = SimpleConvNet()
        >>> net.load_params(path)
        >>> bool(np.array_equal(net.params["W1"], SimpleConvNet(rng=np.random.default_rng(1)).params["W1"]))
        True
        """
        if not Path(file_name).is_file():
            raise FileNotFoundError(f"SimpleConvNet.load_params: no file at {str(file_name)!r}; "
                                    "save one with save_params first")
        with np.load(file_name) as data:
            _check_saved_params(data, self.params, file_name)
            for key in PARAM_NAMES:
                # in place: the layers share these arrays
                self.params[key][...] = data[key]


def _check_sizes(input_dim, conv_param, hidden_size, output_size):
    """Raise unless the sizes make a network whose convolution output can be pooled 2x2."""
    conv_param = {**CONV_PARAM, **(conv_param or {})}
    if len(tuple(input_dim)) != 3:
        raise ValueError(f"SimpleConvNet expects input_dim (C, H, W) such as (1, 28, 28), "
                         f"got {input_dim!r}")
    if input_dim[1] != input_dim[2]:
        raise ValueError(f"SimpleConvNet expects square images, input_dim (C, H, H), "
                         f"got {tuple(input_dim)}")
    check_positive_int("SimpleConvNet", hidden_size=hidden_size, output_size=output_size,
                       filter_num=conv_param["filter_num"], **{"input_dim[0]": input_dim[0]})
    conv_size = _conv_output_size(input_dim[1], conv_param["filter_size"],
                                  conv_param["stride"], conv_param["pad"])
    if conv_size % 2:
        raise ValueError(f"SimpleConvNet pools 2x2 with stride 2, so it expects an even "
                         f"convolution output, got {conv_size}x{conv_size} from "
                         f"input_dim {tuple(input_dim)} and conv_param {conv_param}")


def _check_saved_params(data, params, file_name):
    """Raise unless the file's arrays ``data`` have the names and shapes of ``params``."""
    missing = [k for k in PARAM_NAMES if k not in data]
    if missing:
        raise ValueError(f"SimpleConvNet.load_params expects {file_name} to hold "
                         f"{', '.join(PARAM_NAMES)}; missing {', '.join(missing)}")
    for key in PARAM_NAMES:
        if data[key].shape != params[key].shape:
            raise ValueError(f"SimpleConvNet.load_params expects {key} of shape "
                             f"{params[key].shape} for this network, got "
                             f"{data[key].shape} in {file_name}")
