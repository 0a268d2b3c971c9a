"""The convolution layer of chapter 7, computed as one matrix product through `im2col`."""

import numpy as np

from nn_text._checks import check_array, check_layer_dout, check_positive_int
from nn_text.im2col import (_check_filter, _check_images, _check_ndarray, col2im,
                            conv_output_size, im2col)

__all__ = ["Convolution"]


class Convolution:
    """Convolution layer: ``FN`` filters of shape (C, FH, FW) slide over a batch of images.

    ``W`` and ``b`` are kept as the very arrays passed in, so a network's ``params`` and the
    layer share them (as in `nn_text.layers.Affine`).

    Parameters
    ----------
    W : ndarray of float, shape (FN, C, FH, FW)
        The filters.
    b : ndarray of float, shape (FN,)
        One bias per filter.
    stride : int, default 1
    pad : int, default 0

    Attributes
    ----------
    dW : ndarray of float, shape (FN, C, FH, FW)
        Gradient of the loss for ``W``, set by `backward`.
    db : ndarray of float, shape (FN,)
        Gradient of the loss for ``b``, set by `backward`.

    Raises
    ------
    TypeError
        If ``W`` or ``b`` is not a NumPy array of numbers, or stride or pad is not an int.
    ValueError
        If ``W`` is not 4-D or ``b`` does not have one value per filter.

    Examples
    --------
    One 3x3 filter that adds up its patch, over a 4x4 image, with padding 1 (the size stays):

    >>> import numpy as np
    >>> from nn_text.convolution import Convolution
    >>> conv = Convolution(np.ones((1, 1, 3, 3)), np.zeros(1), pad=1)
    >>> conv.forward(np.ones((1, 1, 4, 4)))
    array([[[[4., 6., 6., 4.],
             [6., 9., 9., 6.],
             [6., 9., 9., 6.],
             [4., 6., 6., 4.]]]])
    """

    def __init__(self, W, b, stride=1, pad=0):
        _check_weights(W, b)
        check_positive_int("Convolution", stride=stride, pad=pad)
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        # kept by forward for backward
        self.x = None
        self.col = None
        self.col_W = None
        # gradients of the parameters, set by backward
        self.dW = None
        self.db = None

    def forward(self, x):
        """Convolve the filters over ``x`` and add the biases.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)
            ``C`` must match the filters' channels.

        Returns
        -------
        ndarray of float, shape (N, FN, OH, OW)

        Raises
        ------
        TypeError
            If ``x`` is not a NumPy array of numbers.
        ValueError
            If ``x`` is not 4-D, its channels differ from the filters', or stride and padding
            do not tile it.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.convolution import Convolution
        >>> rng = np.random.default_rng(0)
        >>> conv = Convolution(rng.standard_normal((30, 1, 5, 5)), np.zeros(30))
        >>> conv.forward(rng.random((100, 1, 28, 28))).shape
        (100, 30, 24, 24)
        """
        _check_images("Convolution.forward", "x", x)
        if x.shape[1] != self.W.shape[1]:
            raise ValueError(f"Convolution.forward expects x with {self.W.shape[1]} channels, "
                             f"(N, {self.W.shape[1]}, H, W), to match W of shape {self.W.shape}, "
                             f"got x of shape {x.shape}")
        _check_filter("Convolution.forward", x.shape, *self.W.shape[2:], self.stride, self.pad)
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        col = im2col(x, FH, FW, self.stride, self.pad)  # (N*OH*OW, C*FH*FW)
        col_W = self.W.reshape(FN, -1).T  # (FN, C, FH, FW) -> (C*FH*FW, FN)
        out = np.dot(col, col_W) + self.b  # (N*OH*OW, FN)
        # (N*OH*OW, FN) -> (N, OH, OW, FN) -> (N, FN, OH, OW)
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x = x
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        """Return the gradient for ``x``; store those for ``W`` and ``b`` in ``dW`` and ``db``.

        Parameters
        ----------
        dout : ndarray of float, shape (N, FN, OH, OW)
            Gradient of the loss with respect to the output.

        Returns
        -------
        ndarray of float, shape (N, C, H, W)

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.
        TypeError
            If ``dout`` is not a NumPy array of numbers.
        ValueError
            If ``dout`` is not shaped like the output.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.convolution import Convolution
        >>> conv = Convolution(np.ones((1, 1, 2, 2)), np.zeros(1))
        >>> _ = conv.forward(np.ones((1, 1, 3, 3)))
        >>> conv.backward(np.ones((1, 1, 2, 2)))  # each pixel: how many positions used it
        array([[[[1., 2., 1.],
                 [2., 4., 2.],
                 [1., 2., 1.]]]])
        >>> conv.db
        array([4.])
        """
        _check_dout(self, dout)
        FN, C, FH, FW = self.W.shape
        # (N, FN, OH, OW) -> (N, OH, OW, FN) -> (N*OH*OW, FN)
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout)  # (C*FH*FW, FN)
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)

        dcol = np.dot(dout, self.col_W.T)  # (N*OH*OW, C*FH*FW)
        dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
        return dx


def _check_weights(W, b):
    """Raise unless ``W`` is (FN, C, FH, FW) and ``b`` is (FN,), both ndarrays. O(1)."""
    check_array("Convolution", "W", W, ndims=(4,))
    check_array("Convolution", "b", b, ndims=(1,))
    if np.shape(b) != np.shape(W)[:1]:
        raise ValueError(f"Convolution expects b of shape ({np.shape(W)[0]},), one bias per "
                         f"filter of W {np.shape(W)}, got b of shape {np.shape(b)}")
    _check_ndarray("Convolution", "W", W)
    _check_ndarray("Convolution", "b", b)


def _check_dout(conv, dout):
    """Raise unless ``conv.forward`` has run and ``dout`` is an ndarray shaped like its output."""
    out_shape = None
    if conv.x is not None:
        N, _, H, W = conv.x.shape
        FN, _, FH, FW = conv.W.shape
        out_shape = (N, FN, conv_output_size(H, FH, conv.stride, conv.pad),
                     conv_output_size(W, FW, conv.stride, conv.pad))
    check_layer_dout("Convolution", dout, out_shape)
