"""The convolution layer of chapter 7: a whole convolution as one matrix product.

`BookConvolution` is the book's layer, through `im2col`, as chapter 7 teaches it. `Convolution`
computes the same numbers faster (chapter 7, "making it fast"): `unfold` keeps the batch first, so
no transpose comes before or after the product, and a first layer can skip the gradient for the
input images. The networks use `Convolution`.
"""

import numpy as np

from nn_text._checks import check_array, check_layer_dout, check_positive_int
from nn_text.im2col import (_check_filter, _check_images, _check_ndarray, col2im,
                            conv_output_size, fold, im2col, unfold)

__all__ = ["Convolution", "BookConvolution"]


class Convolution:
    """Convolution layer: ``FN`` filters of shape (C, FH, FW) slide over a batch of images.

    The same numbers as the book's layer (`BookConvolution`), computed faster: the input is
    unfolded image by image with `nn_text.im2col.unfold`, ``(N, C*FH*FW, OH*OW)``, so one
    batched ``@`` gives the output already in ``(N, FN, OH, OW)`` order, with no transpose before
    or after it. Its dtype is that of ``W`` and ``x`` (float32 halves the memory and time).
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
    input_grad : bool, default True
        Whether `backward` computes the gradient for ``x``. A network's first layer sets it to
        False: nothing uses the gradient for the input images, and it costs a third of the
        layer's backward pass.

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

    def __init__(self, W, b, stride=1, pad=0, input_grad=True):
        _check_weights("Convolution", W, b)
        check_positive_int("Convolution", stride=stride, pad=pad)
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.input_grad = input_grad
        # kept by forward for backward
        self.x = None
        self.col = None
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
        >>> from nn_text.convolution import BookConvolution, Convolution
        >>> rng = np.random.default_rng(0)
        >>> W, x = rng.standard_normal((30, 1, 5, 5)), rng.random((100, 1, 28, 28))
        >>> out = Convolution(W, np.zeros(30)).forward(x)
        >>> out.shape
        (100, 30, 24, 24)
        >>> bool(np.allclose(out, BookConvolution(W, np.zeros(30)).forward(x)))
        True
        """
        _check_input("Convolution.forward", x, self.W, self.stride, self.pad)
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1
        col = unfold(x, FH, FW, self.stride, self.pad)  # (N, C*FH*FW, OH*OW)
        # (FN, C*FH*FW) @ (N, C*FH*FW, OH*OW) -> (N, FN, OH*OW): per image
        out = self.W.reshape(FN, -1) @ col
        out += self.b.reshape(FN, 1)  # in place: no second output-sized array
        self.x = x
        self.col = col
        return out.reshape(N, FN, out_h, out_w)

    def backward(self, dout):
        """Return the gradient for ``x``; store those for ``W`` and ``b`` in ``dW`` and ``db``.

        Parameters
        ----------
        dout : ndarray of float, shape (N, FN, OH, OW)
            Gradient of the loss with respect to the output.

        Returns
        -------
        ndarray of float, shape (N, C, H, W), or None
            None if ``input_grad`` is False.

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
        >>> conv.input_grad = False  # as a first layer: dW and db only
        >>> print(conv.backward(np.ones((1, 1, 2, 2))), conv.dW.ravel())
        None [4. 4. 4. 4.]
        """
        _check_dout("Convolution", self, dout)
        FN, C, FH, FW = self.W.shape
        N = dout.shape[0]
        dout = dout.reshape(N, FN, -1)  # (N, FN, OH*OW)
        self.db = dout.sum(axis=(0, 2))
        # per image (FN, OH*OW) @ (OH*OW, C*FH*FW), summed over the batch
        dW = np.matmul(dout, self.col.transpose(0, 2, 1)).sum(axis=0)
        self.dW = dW.reshape(FN, C, FH, FW)
        if not self.input_grad:
            return None
        # (C*FH*FW, FN) @ (n, FN, OH*OW) -> (n, C*FH*FW, OH*OW), back to images,
        # 25 images at a time: smaller products allocate and fold faster
        W_T = self.W.reshape(FN, -1).T
        dx = np.empty(self.x.shape, dtype=np.result_type(W_T, dout))
        for i in range(0, N, 25):
            dcol = W_T @ dout[i:i + 25]
            shape = (len(dcol),) + self.x.shape[1:]
            dx[i:i + 25] = fold(dcol, shape, FH, FW, self.stride, self.pad)
        return dx


class BookConvolution:
    """The book's convolution layer: ``FN`` filters of shape (C, FH, FW), through `im2col`.

    Line for line the book's ``Convolution``: the batch is unfolded into one 2-D matrix,
    ``(N*OH*OW, C*FH*FW)``, so the whole convolution is one ``np.dot``. `Convolution` computes
    the same numbers faster, and is the one the networks use.

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
    >>> from nn_text.convolution import BookConvolution
    >>> conv = BookConvolution(np.ones((1, 1, 3, 3)), np.zeros(1), pad=1)
    >>> conv.forward(np.ones((1, 1, 4, 4)))
    array([[[[4., 6., 6., 4.],
             [6., 9., 9., 6.],
             [6., 9., 9., 6.],
             [4., 6., 6., 4.]]]])
    """

    def __init__(self, W, b, stride=1, pad=0):
        _check_weights("BookConvolution", W, b)
        check_positive_int("BookConvolution", stride=stride, pad=pad)
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
        >>> from nn_text.convolution import BookConvolution
        >>> rng = np.random.default_rng(0)
        >>> conv = BookConvolution(rng.standard_normal((30, 1, 5, 5)), np.zeros(30))
        >>> conv.forward(rng.random((100, 1, 28, 28))).shape
        (100, 30, 24, 24)
        """
        _check_input("BookConvolution.forward", x, self.W, self.stride, self.pad)
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
        >>> from nn_text.convolution import BookConvolution
        >>> conv = BookConvolution(np.ones((1, 1, 2, 2)), np.zeros(1))
        >>> _ = conv.forward(np.ones((1, 1, 3, 3)))
        >>> conv.backward(np.ones((1, 1, 2, 2)))  # each pixel: how many positions used it
        array([[[[1., 2., 1.],
                 [2., 4., 2.],
                 [1., 2., 1.]]]])
        >>> conv.db
        array([4.])
        """
        _check_dout("BookConvolution", self, dout)
        FN, C, FH, FW = self.W.shape
        # (N, FN, OH, OW) -> (N, OH, OW, FN) -> (N*OH*OW, FN)
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout)  # (C*FH*FW, FN)
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)

        dcol = np.dot(dout, self.col_W.T)  # (N*OH*OW, C*FH*FW)
        dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
        return dx


def _check_weights(layer_name, W, b):
    """Raise unless ``W`` is (FN, C, FH, FW) and ``b`` is (FN,), both ndarrays. O(1)."""
    check_array(layer_name, "W", W, ndims=(4,))
    check_array(layer_name, "b", b, ndims=(1,))
    if np.shape(b) != np.shape(W)[:1]:
        raise ValueError(f"{layer_name} expects b of shape ({np.shape(W)[0]},), one bias per "
                         f"filter of W {np.shape(W)}, got b of shape {np.shape(b)}")
    _check_ndarray(layer_name, "W", W)
    _check_ndarray(layer_name, "b", b)


def _check_dout(layer_name, conv, dout):
    """Raise unless ``conv.forward`` has run and ``dout`` is an ndarray shaped like its output."""
    out_shape = None
    if conv.x is not None:
        N, _, H, W = conv.x.shape
        FN, _, FH, FW = conv.W.shape
        out_shape = (N, FN, conv_output_size(H, FH, conv.stride, conv.pad),
                     conv_output_size(W, FW, conv.stride, conv.pad))
    check_layer_dout(layer_name, dout, out_shape)


def _check_input(func_name, x, W, stride, pad):
    """Raise unless ``x`` is (N, C, H, W) with the filters' channels and tiles with them. O(1)."""
    _check_images(func_name, "x", x)
    if x.shape[1] != W.shape[1]:
        raise ValueError(f"{func_name} expects x of shape (N, {W.shape[1]}, H, W), "
                         f"{W.shape[1]} channel{'' if W.shape[1] == 1 else 's'} to match W of shape {W.shape}, "
                         f"got x of shape {x.shape}")
    _check_filter(func_name, x.shape, *W.shape[2:], stride, pad)
