"""The max-pooling layer of chapter 7: the largest value of each window.

`BookPooling` is the book's layer, through `im2col`, as chapter 7 teaches it. `Pooling` computes
the same numbers faster (chapter 7, "making it fast"), through `unfold`. The networks use `Pooling`.
"""

import numpy as np

from nn_text._checks import check_layer_dout, check_positive_int
from nn_text.im2col import _check_filter, _check_images, col2im, conv_output_size, im2col, unfold

__all__ = ["Pooling", "BookPooling"]


class Pooling:
    """Max pooling over ``pool_h x pool_w`` windows, channel by channel; no parameters to learn.

    The same numbers as the book's layer (`BookPooling`), computed faster: the windows come from
    `nn_text.im2col.unfold` with the window's cells on their own axis, ``(N, C, PH*PW, OH*OW)``,
    so the maximum is taken across whole planes, and the output is already ``(N, C, OH, OW)``;
    backward adds each cell's gradient into the image with one strided slice per cell, as
    `col2im` does. Of equal values, the first in the window (row by row) is the maximum, as in
    the book.

    Parameters
    ----------
    pool_h, pool_w : int
        Window height and width.
    stride : int, default 1
        Usually set to the window size (2x2 windows with stride 2, as in the book's CNN).
    pad : int, default 0

    Raises
    ------
    TypeError, ValueError
        If a size is not an int of at least 1 (``pad``: at least 0).

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.pooling import Pooling
    >>> pool = Pooling(2, 2, stride=2)
    >>> x = np.array([[[[1.0, 2.0, 0.0, 1.0],
    ...                 [0.0, 3.0, 4.0, 2.0],
    ...                 [3.0, 0.0, 1.0, 0.0],
    ...                 [2.0, 4.0, 0.0, 3.0]]]])
    >>> pool.forward(x)
    array([[[[3., 4.],
             [4., 3.]]]])
    """

    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        check_positive_int("Pooling", pool_h=pool_h, pool_w=pool_w, stride=stride, pad=pad)
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        # kept by forward for backward
        self.x = None
        self.arg_max = None

    def forward(self, x):
        """Return the maximum of each window, and remember where it was.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)

        Returns
        -------
        ndarray of float, shape (N, C, OH, OW)

        Raises
        ------
        TypeError
            If ``x`` is not a NumPy array of numbers.
        ValueError
            If ``x`` is not 4-D, or the window, stride and padding do not tile it.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.pooling import BookPooling, Pooling
        >>> x = np.random.default_rng(0).random((100, 30, 24, 24))
        >>> out = Pooling(2, 2, stride=2).forward(x)
        >>> out.shape
        (100, 30, 12, 12)
        >>> bool(np.array_equal(out, BookPooling(2, 2, stride=2).forward(x)))
        True
        """
        _check_images("Pooling.forward", "x", x)
        _check_filter("Pooling.forward", x.shape, self.pool_h, self.pool_w, self.stride,
                      self.pad)
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1
        col = unfold(x, self.pool_h, self.pool_w, self.stride, self.pad)
        # (N, C*PH*PW, OH*OW) -> (N, C, PH*PW, OH*OW)
        # plane k holds cell k of every window
        col = col.reshape(N, C, self.pool_h * self.pool_w, -1)
        out = np.max(col, axis=2)  # (N, C, OH*OW)
        # the first cell holding the maximum, as np.argmax gives it
        # (found plane by plane: np.argmax on a middle axis copies the array)
        arg_max = np.zeros(out.shape, dtype=np.intp)
        for k in reversed(range(col.shape[2])):
            arg_max = np.where(col[:, :, k] == out, k, arg_max)
        self.x = x
        self.arg_max = arg_max
        return out.reshape(N, C, out_h, out_w)

    def backward(self, dout):
        """Send each output's gradient back to the input that was the maximum; 0 elsewhere.

        Parameters
        ----------
        dout : ndarray of float, shape (N, C, OH, OW)
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
        >>> from nn_text.pooling import Pooling
        >>> pool = Pooling(2, 2, stride=2)
        >>> _ = pool.forward(np.array([[[[1.0, 2.0], [4.0, 3.0]]]]))
        >>> pool.backward(np.array([[[[10.0]]]]))  # only the 4 was passed on
        array([[[[ 0.,  0.],
                 [10.,  0.]]]])
        """
        _check_dout("Pooling", self, dout)
        N, C, H, W = self.x.shape
        out_h, out_w = dout.shape[2:]
        dout = dout.reshape(N, C, -1)  # (N, C, OH*OW), the layout of arg_max
        s = self.stride
        pad = self.pad
        dimg = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=dout.dtype)
        # cell k of a window gets its gradient if it held the maximum
        for k in range(self.pool_h * self.pool_w):
            y, x = divmod(k, self.pool_w)
            dcell = np.where(self.arg_max == k, dout, 0)  # (N, C, OH*OW)
            dcell = dcell.reshape(N, C, out_h, out_w)
            dimg[:, :, y:y + s * out_h:s, x:x + s * out_w:s] += dcell
        return dimg[:, :, pad:H + pad, pad:W + pad]  # drop the padding


class BookPooling:
    """The book's max-pooling layer: the largest value of each window, through `im2col`.

    Line for line the book's ``Pooling``: `im2col` makes a row of every window and channel, and
    ``np.max`` takes each row's largest value. `Pooling` computes the same numbers faster, and
    is the one the networks use.

    Parameters
    ----------
    pool_h, pool_w : int
        Window height and width.
    stride : int, default 1
        Usually set to the window size (2x2 windows with stride 2, as in the book's CNN).
    pad : int, default 0

    Raises
    ------
    TypeError, ValueError
        If a size is not an int of at least 1 (``pad``: at least 0).

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.pooling import BookPooling
    >>> pool = BookPooling(2, 2, stride=2)
    >>> x = np.array([[[[1.0, 2.0, 0.0, 1.0],
    ...                 [0.0, 3.0, 4.0, 2.0],
    ...                 [3.0, 0.0, 1.0, 0.0],
    ...                 [2.0, 4.0, 0.0, 3.0]]]])
    >>> pool.forward(x)
    array([[[[3., 4.],
             [4., 3.]]]])
    """

    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        check_positive_int("BookPooling", pool_h=pool_h, pool_w=pool_w, stride=stride, pad=pad)
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        # kept by forward for backward
        self.x = None
        self.arg_max = None

    def forward(self, x):
        """Return the maximum of each window, and remember where it was.

        Parameters
        ----------
        x : ndarray of float, shape (N, C, H, W)

        Returns
        -------
        ndarray of float, shape (N, C, OH, OW)

        Raises
        ------
        TypeError
            If ``x`` is not a NumPy array of numbers.
        ValueError
            If ``x`` is not 4-D, or the window, stride and padding do not tile it.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.pooling import BookPooling
        >>> Pooling(2, 2, stride=2).forward(np.zeros((10, 30, 24, 24))).shape
        (10, 30, 12, 12)
        """
        _check_images("BookPooling.forward", "x", x)
        _check_filter("BookPooling.forward", x.shape, self.pool_h, self.pool_w, self.stride,
                      self.pad)
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1

        # (N*OH*OW, C*PH*PW) -> (N*OH*OW*C, PH*PW): a row per window and channel
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        arg_max = np.argmax(col, axis=1)  # the first maximum of equal ones
        out = np.max(col, axis=1)
        # (N*OH*OW*C,) -> (N, OH, OW, C) -> (N, C, OH, OW)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

        self.x = x
        self.arg_max = arg_max
        return out

    def backward(self, dout):
        """Send each output's gradient back to the input that was the maximum; 0 elsewhere.

        Parameters
        ----------
        dout : ndarray of float, shape (N, C, OH, OW)
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
        >>> from nn_text.pooling import BookPooling
        >>> pool = BookPooling(2, 2, stride=2)
        >>> _ = pool.forward(np.array([[[[1.0, 2.0], [4.0, 3.0]]]]))
        >>> pool.backward(np.array([[[[10.0]]]]))  # only the 4 was passed on
        array([[[[ 0.,  0.],
                 [10.,  0.]]]])
        """
        _check_dout("BookPooling", self, dout)
        # (N, C, OH, OW) -> (N, OH, OW, C): the order of im2col's rows
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size))
        rows = np.arange(self.arg_max.size)
        dmax[rows, self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))  # (N, OH, OW, C, PH*PW)

        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w,
                    self.stride, self.pad)
        return dx


def _check_dout(layer_name, pool, dout):
    """Raise unless ``pool.forward`` has run and ``dout`` is an ndarray shaped like its output."""
    out_shape = None
    if pool.x is not None:
        N, C, H, W = pool.x.shape
        out_shape = (N, C, conv_output_size(H, pool.pool_h, pool.stride, pool.pad),
                     conv_output_size(W, pool.pool_w, pool.stride, pool.pad))
    check_layer_dout(layer_name, dout, out_shape)
