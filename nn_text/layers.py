"""Layers of chapter 5: each one does its forward pass and its backward pass.

A layer keeps what ``forward`` saw, because ``backward`` needs it: ``backward(dout)`` takes the
gradient of the loss with respect to the layer's output and returns the gradient with respect to
its input (and, for `Affine`, stores those of its parameters in ``dW`` and ``db``). ``backward``
returns new arrays; it never changes ``dout``.
"""

import math
import numbers

import numpy as np

from nn_text._checks import (check_backward, check_finite, check_layer_dout,
                             check_layer_input, check_ndarray)

__all__ = ["MulLayer", "AddLayer", "Relu", "Sigmoid", "Affine", "SoftmaxWithLoss"]


def _check_operands(func_name, x, y):
    """Raise unless ``x`` and ``y`` are finite numbers or non-empty ndarrays whose shapes
    broadcast.

    These two layers are for small graphs of a few numbers, so reading every value costs
    nothing that matters here (the layers of a network never do it).
    """
    for name, value in [("x", x), ("y", y)]:
        if isinstance(value, np.ndarray):
            check_layer_input(func_name, name, value)
        elif isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{func_name} expects {name} to be a number or a NumPy array of "
                            f"numbers, got {type(value).__name__} {value!r}")
        check_finite(func_name, name, value)
    try:
        np.broadcast_shapes(np.shape(x), np.shape(y))
    except ValueError:
        raise ValueError(f"{func_name} expects x and y of shapes that broadcast together, "
                         f"got shapes {np.shape(x)} and {np.shape(y)}") from None


def _check_node_dout(layer_name, dout, expected):
    """`check_backward`, and a dout that is not a number must be an ndarray (``*`` would
    repeat a list)."""
    check_backward(layer_name, dout, expected)
    if np.ndim(dout) != 0:
        check_ndarray(f"{layer_name}.backward", "dout", dout)


def _check_affine_x(x, W):
    """Raise unless ``x`` is a batch whose samples have as many features as ``W`` has rows."""
    check_layer_input("Affine.forward", "x", x)
    D = W.shape[0]
    if x.ndim < 2 or x.size != x.shape[0] * D:  # x is not empty: shape[0] >= 1
        fix = "; for one sample pass x.reshape(1, -1)" if x.ndim == 1 and x.size == D else ""
        raise ValueError(f"Affine.forward expects x of shape (N, {D}) to match W of shape "
                         f"{W.shape}, got x of shape {x.shape}{fix}")


def _check_loss_dout(dout, y):
    """`check_backward` for SoftmaxWithLoss, whose ``dout`` is a number: a plain finite int or
    float passes at once (this runs at every training step)."""
    if y is not None and type(dout) in (int, float) and math.isfinite(dout):
        return
    check_backward("SoftmaxWithLoss", dout, None if y is None else ())


def _check_targets(func_name, x, t):
    """Raise unless ``x`` holds 1-D or 2-D scores and ``t`` is one-hot rows shaped like ``x``
    or int labels in range, one per row. O(1) for one-hot ``t``; labels are read for their
    range (min and max of N labels, once per step, where a wrong label shows)."""
    check_layer_input(func_name, "x", x, ndims=(1, 2), kinds="if")  # x - max(x)
    t = np.asarray(t)
    if t.shape == x.shape:
        return
    n_classes = x.shape[-1]
    if t.shape == x.shape[:-1] and t.dtype.kind in "iu":
        if t.min() < 0 or t.max() >= n_classes:  # a negative label would silently wrap around
            raise ValueError(f"{func_name} expects labels in 0..{n_classes - 1} for x of "
                             f"{n_classes} classes, got labels from {t.min()} to {t.max()}")
        return
    raise ValueError(
        f"{func_name} expects t as one-hot with the shape of x {x.shape} or as integer labels "
        f"of shape {x.shape[:-1]}, got t of shape {t.shape} and dtype {t.dtype}")


def _sum_to_shape(grad, shape):
    """Sum ``grad`` over the axes that broadcasting added, so it has ``shape`` again."""
    if np.shape(grad) == shape:
        return grad
    lead = np.ndim(grad) - len(shape)  # axes that broadcasting put in front
    grad = np.sum(grad, axis=tuple(range(lead)))
    # axes of size 1 in shape that broadcasting stretched
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] > 1)
    grad = np.sum(grad, axis=axes, keepdims=True)
    return float(grad) if shape == () else grad


class MulLayer:
    """Multiplication node ``out = x * y`` of a computational graph.

    Examples
    --------
    The book's shopping example: 2 apples of 100 won each, with 10% tax.

    >>> from nn_text.layers import MulLayer
    >>> mul_apple_layer, mul_tax_layer = MulLayer(), MulLayer()
    >>> apple_price = mul_apple_layer.forward(100, 2)
    >>> apple_price
    200
    >>> round(mul_tax_layer.forward(apple_price, 1.1), 6)
    220.0
    """

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        """Return ``x * y`` and remember both inputs.

        Parameters
        ----------
        x, y : float or ndarray of float
            Numbers, or arrays whose shapes broadcast together.

        Returns
        -------
        float or ndarray of float
            A number if both are numbers (an int for two ints, as in Python).

        Raises
        ------
        TypeError
            If an input is neither a number nor an ndarray of numbers.
        ValueError
            If the shapes do not broadcast, or a value is NaN or inf.

        Examples
        --------
        >>> from nn_text.layers import MulLayer
        >>> MulLayer().forward(100, 1.1)
        110.00000000000001
        """
        _check_operands("MulLayer.forward", x, y)
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        """Return ``(dx, dy)``: each input's gradient is ``dout`` times the *other* input.

        Parameters
        ----------
        dout : float or ndarray of float
            Gradient of the loss with respect to ``out``, shaped like ``out``.

        Returns
        -------
        dx, dy : float or ndarray of float
            Shaped like ``x`` and ``y`` (summed over axes that broadcasting added).

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.
        TypeError, ValueError
            If ``dout`` is not a number or an ndarray shaped like the output.

        Examples
        --------
        >>> from nn_text.layers import MulLayer
        >>> layer = MulLayer()
        >>> layer.forward(100.0, 2.0)
        200.0
        >>> layer.backward(1.0)  # d(x*y)/dx = y, d(x*y)/dy = x
        (2.0, 100.0)
        """
        _check_node_dout("MulLayer", dout, None if self.x is None else
                         np.broadcast_shapes(np.shape(self.x), np.shape(self.y)))
        dx = _sum_to_shape(dout * self.y, np.shape(self.x))  # swap the inputs
        dy = _sum_to_shape(dout * self.x, np.shape(self.y))
        return dx, dy


class AddLayer:
    """Addition node ``out = x + y`` of a computational graph.

    Examples
    --------
    >>> from nn_text.layers import AddLayer
    >>> layer = AddLayer()
    >>> layer.forward(200, 450)
    650
    >>> layer.backward(1.1)  # both inputs get dout unchanged
    (1.1, 1.1)
    """

    def __init__(self):
        self.x_shape = None  # the shapes, to give each gradient its input's
        self.y_shape = None

    def forward(self, x, y):
        """Return ``x + y``.

        Parameters
        ----------
        x, y : float or ndarray of float
            Numbers, or arrays whose shapes broadcast together.

        Returns
        -------
        float or ndarray of float
            A number if both are numbers (an int for two ints, as in Python).

        Raises
        ------
        TypeError
            If an input is neither a number nor an ndarray of numbers.
        ValueError
            If the shapes do not broadcast, or a value is NaN or inf.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import AddLayer
        >>> AddLayer().forward(np.array([1.0, 2.0]), 10)
        array([11., 12.])
        """
        _check_operands("AddLayer.forward", x, y)
        self.x_shape, self.y_shape = np.shape(x), np.shape(y)
        out = x + y
        return out

    def backward(self, dout):
        """Return ``(dx, dy)``: an addition passes ``dout`` on to both inputs unchanged.

        Parameters
        ----------
        dout : float or ndarray of float
            Gradient of the loss with respect to ``out``, shaped like ``out``.

        Returns
        -------
        dx, dy : float or ndarray of float
            Shaped like ``x`` and ``y`` (summed over axes that broadcasting added).

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.
        TypeError, ValueError
            If ``dout`` is not a number or an ndarray shaped like the output.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import AddLayer
        >>> layer = AddLayer()
        >>> _ = layer.forward(np.array([1.0, 2.0]), 10)
        >>> layer.backward(np.array([1.0, 1.0]))  # y was added to both elements
        (array([1., 1.]), 2.0)
        """
        _check_node_dout("AddLayer", dout, None if self.x_shape is None else
                         np.broadcast_shapes(self.x_shape, self.y_shape))
        dx = dout * 1
        dy = dout * 1
        return _sum_to_shape(dx, self.x_shape), _sum_to_shape(dy, self.y_shape)


class Relu:
    """ReLU layer: passes ``x`` where ``x > 0``; its gradient is 1 there and 0 elsewhere.

    At exactly 0 the slope is taken as 0, the same choice in ``forward`` and ``backward``.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.layers import Relu
    >>> layer = Relu()
    >>> layer.forward(np.array([[1.0, -0.5], [-2.0, 3.0]]))
    array([[1., 0.],
           [0., 3.]])
    >>> layer.backward(np.ones((2, 2)))
    array([[1., 0.],
           [0., 1.]])
    """

    def __init__(self):
        self.mask = None

    def forward(self, x):
        """Return ``max(0, x)`` and remember where ``x <= 0``.

        Parameters
        ----------
        x : ndarray of float
            Inputs of any shape.

        Returns
        -------
        ndarray, same shape and dtype as ``x``
            A new array; ``x`` is not changed.

        Raises
        ------
        TypeError
            If ``x`` is not an ndarray of numbers.
        ValueError
            If ``x`` is empty.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import Relu
        >>> Relu().forward(np.array([-1.0, 0.0, 2.0]))
        array([0., 0., 2.])
        """
        check_layer_input("Relu.forward", "x", x)
        self.mask = (x <= 0)
        out = np.where(self.mask, 0, x)  # 0 where x <= 0, x elsewhere
        return out

    def backward(self, dout):
        """Return ``dout`` where the input was positive, 0 elsewhere.

        Parameters
        ----------
        dout : ndarray of float
            Gradient of the loss with respect to the output, shaped like it.

        Returns
        -------
        ndarray of float
            A new array; ``dout`` is not changed (the book's version zeroes it in place).

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.
        TypeError, ValueError
            If ``dout`` is not an ndarray shaped like the output.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import Relu
        >>> layer = Relu()
        >>> _ = layer.forward(np.array([-1.0, 0.0, 2.0]))
        >>> dout = np.array([5.0, 5.0, 5.0])
        >>> layer.backward(dout), dout
        (array([0., 0., 5.]), array([5., 5., 5.]))
        """
        check_layer_dout("Relu", dout, self.mask)
        dx = np.where(self.mask, 0, dout)  # a new array: dout stays as it was
        return dx


class Sigmoid:
    """Sigmoid layer: ``y = 1 / (1 + exp(-x))``, whose derivative is ``y * (1 - y)``.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.layers import Sigmoid
    >>> layer = Sigmoid()
    >>> layer.forward(np.array([0.0, 2.0]))
    array([0.5       , 0.88079708])
    >>> layer.backward(np.array([1.0, 1.0]))
    array([0.25      , 0.10499359])
    """

    def __init__(self):
        self.out = None

    def forward(self, x):
        """Return the sigmoid of ``x`` and remember it.

        Parameters
        ----------
        x : ndarray of float
            Inputs of any shape.

        Returns
        -------
        ndarray of float, same shape as ``x``

        Raises
        ------
        TypeError
            If ``x`` is not an ndarray of numbers.
        ValueError
            If ``x`` is empty.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import Sigmoid
        >>> Sigmoid().forward(np.array([-1000.0, 0.0]))  # no overflow
        array([0. , 0.5])
        """
        check_layer_input("Sigmoid.forward", "x", x, kinds="if")  # -x
        # for x < -709 exp(-x) overflows to inf, and out is 0 as it should be
        with np.errstate(over="ignore"):
            out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        """Return ``dout * y * (1 - y)``, with ``y`` the output of `forward`.

        Parameters
        ----------
        dout : ndarray of float
            Gradient of the loss with respect to the output, shaped like it.

        Returns
        -------
        ndarray of float

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.
        TypeError, ValueError
            If ``dout`` is not an ndarray shaped like the output.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import Sigmoid
        >>> layer = Sigmoid()
        >>> _ = layer.forward(np.zeros(3))
        >>> layer.backward(np.array([1.0, 2.0, 4.0]))  # the slope at 0 is 0.25
        array([0.25, 0.5 , 1.  ])
        """
        check_layer_dout("Sigmoid", dout, self.out)
        dx = dout * (1.0 - self.out) * self.out
        return dx


class Affine:
    """Affine layer ``out = x @ W + b``, for a batch of ``N`` samples.

    ``W`` and ``b`` are kept as the very arrays passed in (not copies), so a network's
    ``params`` dict and its layers share them: updating ``params["W1"]`` in place updates the
    layer. An input of images ``(N, C, H, W)`` is flattened to ``(N, C*H*W)``, and ``dx`` gets
    the input's shape back.

    Parameters
    ----------
    W : ndarray of float, shape (D, H)
        Weights: D inputs, H outputs.
    b : ndarray of float, shape (H,)
        Biases.
    input_grad : bool, default True
        Whether `backward` computes the gradient for ``x``. A network's first layer sets it to
        False: nothing uses the gradient for the input data.

    Attributes
    ----------
    dW : ndarray of float, shape (D, H)
        Gradient of the loss for ``W``, set by `backward`.
    db : ndarray of float, shape (H,)
        Gradient of the loss for ``b``, set by `backward`.

    Raises
    ------
    TypeError
        If ``W`` or ``b`` is not an ndarray of numbers.
    ValueError
        If ``W`` is not 2-D, or ``b`` does not have one value per column of ``W``.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.layers import Affine
    >>> layer = Affine(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), np.array([0.1, 0.2, 0.3]))
    >>> layer.forward(np.array([[1.0, 1.0]]))
    array([[5.1, 7.2, 9.3]])
    >>> layer.backward(np.array([[1.0, 0.0, 0.0]]))  # dx = dout @ W.T
    array([[1., 4.]])
    >>> layer.dW, layer.db
    (array([[1., 0., 0.],
           [1., 0., 0.]]), array([1., 0., 0.]))
    """

    def __init__(self, W, b, input_grad=True):
        check_layer_input("Affine", "W", W, ndims=(2,))
        check_layer_input("Affine", "b", b, ndims=(1,))
        if b.shape != W.shape[1:]:
            raise ValueError(f"Affine expects b of shape ({W.shape[1]},), one bias per column "
                             f"of W {W.shape}, got b of shape {b.shape}")
        self.W = W
        self.b = b
        self.input_grad = input_grad
        self.x = None
        self.original_x_shape = None
        self.dW = None  # gradients of the parameters, set by backward
        self.db = None

    def forward(self, x):
        """Return ``x @ W + b`` and remember ``x``.

        Parameters
        ----------
        x : ndarray of float, shape (N, D) or (N, C, H, W) with ``C*H*W == D``
            A batch; one sample is a batch of one, ``x.reshape(1, -1)``.

        Returns
        -------
        ndarray of float, shape (N, H)

        Raises
        ------
        TypeError
            If ``x`` is not an ndarray of numbers.
        ValueError
            If ``x`` is not a batch, or its features do not match the rows of ``W``.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import Affine
        >>> layer = Affine(np.ones((4, 2)), np.zeros(2))
        >>> layer.forward(np.ones((3, 1, 2, 2)))  # 3 images of 1x2x2 flattened to 4 features
        array([[4., 4.],
               [4., 4.],
               [4., 4.]])
        """
        _check_affine_x(x, self.W)
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)  # (N, C, H, W) -> (N, C*H*W)
        self.x = x
        out = np.dot(self.x, self.W) + self.b  # (N, D) @ (D, H) -> (N, H)
        return out

    def backward(self, dout):
        """Return ``dx = dout @ W.T``; store ``dW = x.T @ dout`` and ``db``, the sum over the batch.

        Parameters
        ----------
        dout : ndarray of float, shape (N, H)
            Gradient of the loss with respect to the output.

        Returns
        -------
        ndarray of float, shape of the input of `forward`, or None
            None if ``input_grad`` is False.

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.
        TypeError, ValueError
            If ``dout`` is not an ndarray shaped like the output.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import Affine
        >>> layer = Affine(np.ones((2, 3)), np.zeros(3))
        >>> _ = layer.forward(np.array([[1.0, 2.0], [3.0, 4.0]]))
        >>> layer.backward(np.ones((2, 3)))
        array([[3., 3.],
               [3., 3.]])
        >>> layer.db  # each bias was added to both samples
        array([2., 2., 2.])
        >>> layer.input_grad = False  # as a first layer: dW and db only
        >>> print(layer.backward(np.ones((2, 3))), layer.dW[:, 0])
        None [4. 6.]
        """
        check_layer_dout("Affine", dout,
                         None if self.x is None else (self.x.shape[0], self.W.shape[1]))
        self.dW = np.dot(self.x.T, dout)  # (D, N) @ (N, H) -> (D, H)
        self.db = np.sum(dout, axis=0)  # b was added to every sample
        if not self.input_grad:
            return None
        dx = np.dot(dout, self.W.T)  # (N, H) @ (H, D) -> (N, D)
        dx = dx.reshape(*self.original_x_shape)  # back to the input's shape
        return dx


class SoftmaxWithLoss:
    """Softmax followed by cross-entropy error; its backward pass is simply ``(y - t) / N``.

    The loss is computed from ``log(softmax(x))`` taken straight from the scores (log-sum-exp),
    not as ``cross_entropy_error(softmax(x), t)``: the same value, but exact, without chapter 4's
    ``EPS`` inside the log, and finite for any finite scores. So ``backward`` is the exact
    gradient of ``forward``, which a gradient check confirms to about 1e-10.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.layers import SoftmaxWithLoss
    >>> layer = SoftmaxWithLoss()
    >>> x = np.array([[0.3, 2.9, 4.0]])
    >>> round(layer.forward(x, np.array([[0, 0, 1]])), 4)
    0.3057
    >>> layer.backward()  # y - t: the prediction's error itself
    array([[ 0.01821127,  0.24519181, -0.26340309]])
    """

    def __init__(self):
        self.loss = None  # the loss
        self.y = None  # the output of softmax
        self.t = None  # the answers, as one-hot rows

    def forward(self, x, t):
        """Return the cross-entropy error of ``softmax(x)`` against ``t``.

        Parameters
        ----------
        x : ndarray of float, shape (N, C) or (C,)
            Scores (the last Affine layer's output).
        t : array_like
            One-hot rows shaped like ``x``, or int labels of shape (N,) (``()`` for one sample).

        Returns
        -------
        float
            The mean loss over the batch.

        Raises
        ------
        TypeError
            If ``x`` is not an ndarray of numbers.
        ValueError
            If ``x`` is not 1-D or 2-D, ``t`` fits neither form, or the loss is NaN or inf
            (the scores or answers hold NaN or inf: training diverged, or the data is bad).

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import SoftmaxWithLoss
        >>> layer = SoftmaxWithLoss()
        >>> round(layer.forward(np.array([[0.3, 2.9, 4.0], [0.3, 2.9, 4.0]]), [2, 0]), 4)
        2.1557
        """
        _check_targets("SoftmaxWithLoss.forward", x, t)
        if np.ndim(t) < x.ndim:  # labels -> one-hot rows: backward is y - t
            t = np.eye(x.shape[-1], dtype=np.result_type(x, 1.0))[t]
        self.t = t
        shifted = x - np.max(x, axis=-1, keepdims=True)  # exp cannot overflow
        exp_x = np.exp(shifted)
        sum_exp = np.sum(exp_x, axis=-1, keepdims=True)
        self.y = exp_x / sum_exp  # softmax
        # log(softmax(x)) from the scores: exact, and finite without an EPS
        log_y = shifted - np.log(sum_exp)
        batch_size = x.shape[0] if x.ndim == 2 else 1
        self.loss = float(-np.sum(self.t * log_y) / batch_size)
        if not math.isfinite(self.loss):
            raise ValueError(f"SoftmaxWithLoss.forward expects finite scores x and answers t, "
                             f"got a loss of {self.loss}: NaN or inf in x or t (if training "
                             "diverged, try a smaller learning rate)")
        return self.loss

    def backward(self, dout=1):
        """Return ``dout * (y - t) / N``, the gradient of the loss for the scores ``x``.

        Parameters
        ----------
        dout : float, default 1
            Gradient of the final value with respect to the loss (1 when the loss is the end).

        Returns
        -------
        ndarray of float, shape of ``x``

        Raises
        ------
        RuntimeError
            If `forward` has not run yet.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.layers import SoftmaxWithLoss
        >>> layer = SoftmaxWithLoss()
        >>> _ = layer.forward(np.zeros((2, 2)), [0, 1])
        >>> layer.backward()  # y = 0.5 everywhere; divided by the batch of 2
        array([[-0.25,  0.25],
               [ 0.25, -0.25]])
        """
        _check_loss_dout(dout, self.y)
        batch_size = self.y.shape[0] if self.y.ndim == 2 else 1
        # the loss is a mean: each sample counts 1/N
        dx = dout * (self.y - self.t) / batch_size
        return dx


