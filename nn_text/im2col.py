"""im2col and col2im (chapter 7): turn convolution into one matrix product, and back.

``im2col`` copies every patch that a filter covers into one row of a 2-D array, so a whole
convolution becomes a single ``np.dot``; ``col2im`` adds the rows back into an image, which is
what the backward pass needs. The output size follows the book's formula
``OH = (H + 2*pad - FH) / stride + 1``, and it must be a whole number: a stride and padding that
do not tile the input are refused, instead of silently dropping the last rows and columns.

``unfold`` and ``fold`` do the same work in the layout the fast layers use (chapter 7's "making it
fast"): the batch stays first and the patches become columns, ``(N, C*FH*FW, OH*OW)``, which is
what PyTorch's ``unfold`` returns. Then ``W.reshape(FN, -1) @ col`` is already ``(N, FN, OH*OW)``,
an ``(N, FN, OH, OW)`` output with no transpose, and the patches are taken through a strided view
of the image instead of a loop.
"""

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nn_text._checks import check_array, check_positive_int

__all__ = ["conv_output_size", "im2col", "col2im", "unfold", "fold"]


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output height (or width) of a convolution or pooling: ``(H + 2*pad - FH) / stride + 1``.

    Parameters
    ----------
    input_size : int
        Height (or width) of the input, ``H``.
    filter_size : int
        Height (or width) of the filter or pooling window, ``FH``.
    stride : int, default 1
        Step between two filter positions.
    pad : int, default 0
        Zeros added on each side.

    Returns
    -------
    int

    Raises
    ------
    TypeError
        If a size is not an int.
    ValueError
        If the filter is larger than the padded input, or the stride does not tile it.

    Examples
    --------
    The book's examples: a 4x4 input, a 3x3 filter, padding 1, stride 1 keeps the size;
    a 7x7 input with a 3x3 filter and stride 2 gives 3x3.

    >>> from nn_text.im2col import conv_output_size
    >>> conv_output_size(4, 3, stride=1, pad=1)
    4
    >>> conv_output_size(7, 3, stride=2)
    3
    >>> conv_output_size(6, 3, stride=2)
    Traceback (most recent call last):
    ...
    ValueError: conv_output_size expects stride 2 to tile the padded input: (input + 2*pad - filter) = (6 + 2*0 - 3) = 3 is not a multiple of 2; no pad fixes it (2*pad is even, 3 odd): change stride or filter, or pad the input by hand with 1 less at the end (stride=1 always fits)
    """
    check_positive_int("conv_output_size", input_size=input_size, filter_size=filter_size,
                       stride=stride, pad=pad)
    _check_tiling("conv_output_size", "input", input_size, filter_size, stride, pad)
    return (input_size + 2 * pad - filter_size) // stride + 1


def _check_tiling(func_name, axis, size, filter_size, stride, pad):
    """Raise unless the filter fits in the padded ``axis`` and the stride lands on its end."""
    span = size + 2 * pad - filter_size
    if span < 0:
        raise ValueError(f"{func_name} expects the filter ({filter_size}) to fit in the padded "
                         f"{axis}: {size} + 2*{pad} = {size + 2 * pad}")
    if span % stride:
        # 2*pad is even: with an even stride, no pad can fix an odd span
        fix = ("change stride or pad" if stride % 2 or span % 2 == 0 else
               f"no pad fixes it (2*pad is even, {span} odd): change stride or filter, or pad "
               f"the input by hand with 1 less at the end")
        raise ValueError(
            f"{func_name} expects stride {stride} to tile the padded {axis}: "
            f"({axis} + 2*pad - filter) = ({size} + 2*{pad} - {filter_size}) = {span} is not a "
            f"multiple of {stride}; {fix} (stride=1 always fits)")


def _check_filter(func_name, shape, filter_h, filter_w, stride, pad):
    """Raise unless the filter, stride and padding tile an input of ``shape`` (N, C, H, W)."""
    check_positive_int(func_name, filter_h=filter_h, filter_w=filter_w, stride=stride, pad=pad)
    _check_tiling(func_name, "H", shape[2], filter_h, stride, pad)
    _check_tiling(func_name, "W", shape[3], filter_w, stride, pad)


def _check_ndarray(func_name, name, value):
    """Raise unless ``value`` is an ndarray: the code calls its methods (``.shape``,
    ``.reshape``)."""
    if not isinstance(value, np.ndarray):
        raise TypeError(f"{func_name} expects {name} to be a NumPy array, got "
                        f"{type(value).__name__}; convert it with np.array({name}, dtype=float)")


def _check_images(func_name, name, x, networks=False, image_shape=None):
    """Raise unless ``x`` is a non-empty 4-D ndarray of numbers, (N, C, H, W). O(1).

    ``networks=True`` (the CNNs' methods) names the reshape for flattened square images,
    which is what a network given chapter 3's MNIST arrays receives. ``image_shape``, if
    given, is the (C, H, W) that every image must have."""
    if np.ndim(x) == 3:
        raise ValueError(f"{func_name} expects {name} of shape (N, C, H, W), got shape "
                         f"{np.shape(x)}; for one image pass {name}.reshape(1, *{name}.shape)")
    side = math.isqrt(np.shape(x)[-1]) if networks and np.ndim(x) in (1, 2) else 0
    if side > 1 and side * side == np.shape(x)[-1]:  # flattened square images, as MNIST's 784
        raise ValueError(f"{func_name} expects {name} of shape (N, C, H, W), got shape "
                         f"{np.shape(x)}; for flattened {side}x{side} images pass "
                         f"{name}.reshape(-1, 1, {side}, {side}) (or load_mnist(flatten=False))")
    check_array(func_name, name, x, ndims=(4,))
    _check_ndarray(func_name, name, x)
    if image_shape is not None and tuple(x.shape[1:]) != tuple(image_shape):
        raise ValueError(f"{func_name} expects {name} of shape (N, {', '.join(map(str, image_shape))}), "
                         f"got shape {x.shape}")


def _check_col(col, input_shape, filter_h, filter_w, stride, pad):
    """Raise unless ``col`` is what `im2col` makes of an input of ``input_shape``."""
    N, C, H, W = input_shape
    rows = N * conv_output_size(H, filter_h, stride, pad) * conv_output_size(
        W, filter_w, stride, pad)
    check_array("col2im", "col", col, ndims=(2,))
    _check_ndarray("col2im", "col", col)
    if col.shape != (rows, C * filter_h * filter_w):
        raise ValueError(f"col2im expects col of shape (N*OH*OW, C*FH*FW) = "
                         f"({rows}, {C * filter_h * filter_w}) for input_shape "
                         f"{tuple(input_shape)}, got {col.shape}")


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """Unfold a batch of images into rows: one row per filter position, one column per weight.

    Parameters
    ----------
    input_data : ndarray of float, shape (N, C, H, W)
        Batch of ``N`` images with ``C`` channels.
    filter_h, filter_w : int
        Filter height and width.
    stride : int, default 1
    pad : int, default 0

    Returns
    -------
    ndarray of float, shape (N * OH * OW, C * filter_h * filter_w)
        Row ``(n, i, j)`` holds the patch under the filter at output position ``(i, j)`` of
        image ``n``, channel by channel.

    Raises
    ------
    TypeError
        If ``input_data`` is not a NumPy array of numbers, or a size is not an int.
    ValueError
        If ``input_data`` is not 4-D, or the filter, stride and padding do not tile it.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.im2col import im2col
    >>> x = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> col = im2col(x, 3, 3)  # 2x2 positions of a 3x3 filter
    >>> col.shape
    (4, 9)
    >>> col[0]  # the top-left patch
    array([ 0.,  1.,  2.,  4.,  5.,  6.,  8.,  9., 10.])
    >>> im2col(np.random.default_rng(0).random((10, 3, 7, 7)), 5, 5, stride=1, pad=0).shape
    (90, 75)
    """
    _check_images("im2col", "input_data", input_data)
    _check_filter("im2col", input_data.shape, filter_h, filter_w, stride, pad)
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    pad_hw = [(0, 0), (0, 0), (pad, pad), (pad, pad)]  # height and width only
    img = np.pad(input_data, pad_hw, "constant")
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))
    # loop over the filter's cells, not over output positions
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
    # (N, C, FH, FW, OH, OW) -> (N, OH, OW, C, FH, FW) -> (N*OH*OW, C*FH*FW)
    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """Fold rows back into images, adding up the values of patches that overlap.

    This is the transpose of `im2col` (not its inverse): a pixel that ``k`` patches share
    receives the sum of its ``k`` copies, which is exactly how a gradient flows back.

    Parameters
    ----------
    col : ndarray of float, shape (N * OH * OW, C * filter_h * filter_w)
    input_shape : tuple of int
        ``(N, C, H, W)`` of the images that `im2col` unfolded.
    filter_h, filter_w : int
    stride : int, default 1
    pad : int, default 0

    Returns
    -------
    ndarray of float, shape ``input_shape``

    Raises
    ------
    TypeError
        If ``col`` is not a NumPy array of numbers, or a size is not an int.
    ValueError
        If ``input_shape`` is not 4 sizes, the sizes do not tile, or ``col`` has the wrong shape.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.im2col import col2im, im2col
    >>> x = np.ones((1, 1, 3, 3))
    >>> col2im(im2col(x, 2, 2), x.shape, 2, 2)  # how many 2x2 patches cover each pixel
    array([[[[1., 2., 1.],
             [2., 4., 2.],
             [1., 2., 1.]]]])
    """
    if len(tuple(input_shape)) != 4:
        raise ValueError(f"col2im expects input_shape (N, C, H, W), got {input_shape!r}")
    check_positive_int("col2im", **dict(zip("NCHW", input_shape)))
    _check_filter("col2im", input_shape, filter_h, filter_w, stride, pad)
    _check_col(col, input_shape, filter_h, filter_w, stride, pad)
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    # (N*OH*OW, C*FH*FW) -> (N, OH, OW, C, FH, FW) -> (N, C, FH, FW, OH, OW)
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w)
    col = col.transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
    return img[:, :, pad:H + pad, pad:W + pad]  # drop the padding


def unfold(input_data, filter_h, filter_w, stride=1, pad=0):
    """Unfold a batch of images into columns, image by image: ``(N, C*FH*FW, OH*OW)``.

    The same patches as `im2col`, in the layout that keeps the batch first: column ``(i, j)``
    of image ``n`` is the patch under the filter at output position ``(i, j)``. The patches are
    read through `numpy.lib.stride_tricks.sliding_window_view`, a view of the padded image, so
    the one copy is the final reshape.

    Parameters
    ----------
    input_data : ndarray of float, shape (N, C, H, W)
        Batch of ``N`` images with ``C`` channels.
    filter_h, filter_w : int
        Filter height and width.
    stride : int, default 1
    pad : int, default 0

    Returns
    -------
    ndarray, shape (N, C * filter_h * filter_w, OH * OW)
        Of the input's dtype.

    Raises
    ------
    TypeError
        If ``input_data`` is not a NumPy array of numbers, or a size is not an int.
    ValueError
        If ``input_data`` is not 4-D, or the filter, stride and padding do not tile it.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.im2col import im2col, unfold
    >>> x = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> col = unfold(x, 3, 3)  # 2x2 positions of a 3x3 filter, one column each
    >>> col.shape
    (1, 9, 4)
    >>> col[0, :, 0]  # the top-left patch, im2col's first row
    array([ 0.,  1.,  2.,  4.,  5.,  6.,  8.,  9., 10.])
    >>> x = np.random.default_rng(0).random((10, 3, 7, 7))
    >>> bool(np.array_equal(unfold(x, 5, 5).transpose(0, 2, 1).reshape(-1, 75), im2col(x, 5, 5)))
    True
    """
    _check_images("unfold", "input_data", input_data)
    _check_filter("unfold", input_data.shape, filter_h, filter_w, stride, pad)
    N, C, H, W = input_data.shape
    img = input_data
    if pad:
        img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    # a view of every window: (N, C, OH, OW, FH, FW); nothing is copied yet
    win = sliding_window_view(img, (filter_h, filter_w), axis=(2, 3))
    win = win[:, :, ::stride, ::stride]
    out_h, out_w = win.shape[2:4]
    # (N, C, OH, OW, FH, FW) -> (N, C, FH, FW, OH, OW) -> (N, C*FH*FW, OH*OW),
    # the one copy
    col = win.transpose(0, 1, 4, 5, 2, 3).reshape(N, -1, out_h * out_w)
    return col


def fold(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """Fold columns back into images, adding up the values of patches that overlap.

    The transpose of `unfold`, as `col2im` is of `im2col`: a loop over the filter's cells
    (not over output positions) adds each cell's values into the strided pixels it came from.

    Parameters
    ----------
    col : ndarray of float, shape (N, C * filter_h * filter_w, OH * OW)
    input_shape : tuple of int
        ``(N, C, H, W)`` of the images that `unfold` unfolded.
    filter_h, filter_w : int
    stride : int, default 1
    pad : int, default 0

    Returns
    -------
    ndarray, shape ``input_shape``
        Of ``col``'s dtype.

    Raises
    ------
    TypeError
        If ``col`` is not a NumPy array of numbers, or a size is not an int.
    ValueError
        If ``input_shape`` is not 4 sizes, the sizes do not tile, or ``col`` has the wrong shape.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.im2col import fold, unfold
    >>> x = np.ones((1, 1, 3, 3))
    >>> fold(unfold(x, 2, 2), x.shape, 2, 2)  # how many 2x2 patches cover each pixel
    array([[[[1., 2., 1.],
             [2., 4., 2.],
             [1., 2., 1.]]]])
    """
    _check_fold(col, input_shape, filter_h, filter_w, stride, pad)
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    # (N, C*FH*FW, OH*OW) -> (N, C, FH, FW, OH, OW): a view
    col = col.reshape(N, C, filter_h, filter_w, out_h, out_w)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x]
    return img[:, :, pad:H + pad, pad:W + pad]  # drop the padding


def _check_fold(col, input_shape, filter_h, filter_w, stride, pad):
    """Raise unless ``col`` is what `unfold` makes of an input of ``input_shape``. O(1)."""
    if len(tuple(input_shape)) != 4:
        raise ValueError(f"fold expects input_shape (N, C, H, W), got {input_shape!r}")
    check_positive_int("fold", **dict(zip("NCHW", input_shape)))
    _check_filter("fold", input_shape, filter_h, filter_w, stride, pad)
    N, C, H, W = input_shape
    cols = conv_output_size(H, filter_h, stride, pad) * conv_output_size(
        W, filter_w, stride, pad)
    check_array("fold", "col", col, ndims=(3,))
    _check_ndarray("fold", "col", col)
    if col.shape != (N, C * filter_h * filter_w, cols):
        raise ValueError(f"fold expects col of shape (N, C*FH*FW, OH*OW) = "
                         f"({N}, {C * filter_h * filter_w}, {cols}) for input_shape "
                         f"{tuple(input_shape)}, got {col.shape}")
