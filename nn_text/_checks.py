"""Input checks shared by the modules: one place that words the error messages.

Every check is called as a statement of its own at the top of a function, returns None and
changes nothing, so the listings on the pages (hooks/listings.py) can leave it out and the
taught code after it works the same. Each costs O(1) on an ndarray (type, dtype, rank, shape),
except `check_finite`, which reads every value and is meant for the few places where a
learner's mistake shows once per step (a loss, an optimizer update) or for a function a
learner calls directly.
"""

import numbers

import numpy as np


def check_scalar_inputs(func_name, **values):
    """Raise if any value is not a finite real number (bools and NumPy scalars count).

    Parameters
    ----------
    func_name : str
        The public function to name in the message.
    **values
        The arguments to check, by name.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If a value is not a number.
    ValueError
        If a value is NaN or infinite.

    Examples
    --------
    >>> from nn_text._checks import check_scalar_inputs
    >>> check_scalar_inputs("AND", x1=1, x2=0.0)
    >>> check_scalar_inputs("AND", x1=[1, 0], x2=1)
    Traceback (most recent call last):
    ...
    TypeError: AND expects x1 to be a number such as 0 or 1, got list [1, 0]
    """
    for name, value in values.items():
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value.item()
        if not isinstance(value, (numbers.Real, np.bool_)):
            raise TypeError(
                f"{func_name} expects {name} to be a number such as 0 or 1, "
                f"got {type(value).__name__} {value!r}"
            )
        if not np.isfinite(float(value)):
            raise ValueError(f"{func_name} expects {name} to be finite, got {value!r}")




def check_features(func_name, x, W, w_name="W1", batch=False):
    """Raise unless ``x @ W`` is defined: the last axis of x must match the rows of ``W``.

    Parameters
    ----------
    func_name : str
        The public function to name in the message.
    x : ndarray, shape (D,) or (N, D)
    W : ndarray, shape (D, H)
    w_name : str, default "W1"
        The weight's name in the message.
    batch : bool, default False
        True where only a batch (N, D) is accepted, so the message asks for that shape.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        If the shapes do not chain; for images that are not flattened, the fix is named.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_features
    >>> check_features("predict", np.zeros((2, 3)), np.zeros((3, 4)))
    >>> check_features("predict", np.zeros((2, 4)), np.zeros((3, 4)))
    Traceback (most recent call last):
    ...
    ValueError: predict expects x of shape (3,) or (N, 3) to match W1 of shape (3, 4), got x of shape (2, 4)
    >>> check_features("predict", np.zeros((2, 2)), np.zeros((4, 3)))  # one 2x2 "image"
    Traceback (most recent call last):
    ...
    ValueError: predict expects x of shape (4,) or (N, 4) to match W1 of shape (4, 3), got x of shape (2, 2); flatten one sample with x.reshape(-1)
    """
    if x.ndim not in (1, 2) or x.shape[-1] != W.shape[0]:
        raise ValueError(
            f"{func_name} expects x of shape {'' if batch else f'({W.shape[0]},) or '}"
            f"(N, {W.shape[0]}) to match {w_name} of shape {W.shape}, got x of shape {x.shape}"
            + (f"; flatten one sample with x.reshape({'1, ' if batch else ''}-1)"
               if x.ndim == 2 and x.size == W.shape[0]  # e.g. one 28x28 image for 784 inputs
               else "; flatten images with x.reshape(len(x), -1)" if x.ndim > 2 else ""))


def check_batch(func_name, x, D):
    """Raise if ``x`` is one sample ``(D,)`` where a batch ``(N, D)`` is expected. O(1).

    The networks that learn from mini-batches take a batch; the message names the fix.

    Parameters
    ----------
    func_name : str
        The public method to name in the message.
    x : array_like
        What the caller passed.
    D : int
        The number of features of one sample.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        If ``x`` is 1-D.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_batch
    >>> check_batch("TwoLayerNet.predict", np.zeros((1, 784)), 784)
    >>> check_batch("TwoLayerNet.predict", np.zeros(784), 784)
    Traceback (most recent call last):
    ...
    ValueError: TwoLayerNet.predict expects a batch x of shape (N, 784), got one sample of shape (784,); pass x.reshape(1, -1), a batch of one
    """
    if np.ndim(x) == 1:
        raise ValueError(f"{func_name} expects a batch x of shape (N, {D}), got one sample of "
                         f"shape {np.shape(x)}; pass x.reshape(1, -1), a batch of one")


def check_targets(func_name, y, t):
    """Raise unless the answers ``t`` fit the outputs ``y``: one-hot rows or integer labels.

    Parameters
    ----------
    func_name : str
        The public function to name in the message.
    y : ndarray of float, shape (n,) or (batch, n)
        The outputs the answers belong to.
    t : array_like
        One-hot rows with the shape of ``y``, or integer labels of shape ``y.shape[:-1]``.

    Returns
    -------
    None

    Raises
    ------
    TypeError, ValueError
        If ``t`` fits neither form, holds NaN or inf, or a label is out of range.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_targets
    >>> check_targets("cross_entropy_error", np.zeros((2, 3)), [2, 0])
    >>> check_targets("cross_entropy_error", np.zeros((2, 3)), [3, 0])
    Traceback (most recent call last):
    ...
    ValueError: cross_entropy_error expects labels in 0..2 for y with 3 classes, got labels from 0 to 3
    """
    t_arr = np.asarray(t)
    if t_arr.shape == y.shape:
        check_array(func_name, "t", t_arr)
        check_finite(func_name, "t", t_arr)
        return
    if t_arr.shape == y.shape[:-1] and np.issubdtype(t_arr.dtype, np.integer):
        n_classes = y.shape[-1]
        if t_arr.size and (t_arr.min() < 0 or t_arr.max() >= n_classes):
            raise ValueError(f"{func_name} expects labels in 0..{n_classes - 1} for y with "
                             f"{n_classes} classes, got labels from {t_arr.min()} to {t_arr.max()}")
        return
    raise ValueError(
        f"{func_name} expects t as one-hot with the shape of y {y.shape} or as integer labels "
        f"of shape {y.shape[:-1]}, got t of shape {t_arr.shape} and dtype {t_arr.dtype}")



def check_positive_int(func_name, **values):
    """Raise unless every value is an int of at least 1 (``0`` is allowed for ``pad``).

    Parameters
    ----------
    func_name : str
        The public function or class to name in the message.
    **values
        The arguments to check, by name.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If a value is not an int (bools and floats such as ``2.0`` are refused too).
    ValueError
        If a value is below 1 (below 0 for ``pad``).

    Examples
    --------
    >>> from nn_text._checks import check_positive_int
    >>> check_positive_int("Pooling", pool_h=2, stride=1, pad=0)
    >>> check_positive_int("Pooling", stride=0)
    Traceback (most recent call last):
    ...
    ValueError: Pooling expects stride to be an int >= 1, got 0
    """
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{func_name} expects {name} to be an int, "
                            f"got {type(value).__name__} {value!r}")
        low = 0 if name == "pad" else 1
        if value < low:
            raise ValueError(f"{func_name} expects {name} to be an int >= {low}, got {value}")


# --- Arrays ----------------------------------------------------------------------------------------


def _as_array(func_name, name, value):
    """``value`` as an ndarray for checking (no copy for an ndarray), or raise if it is not one."""
    if isinstance(value, np.ndarray):
        return value
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{func_name} expects {name} to be an array of numbers, "
                        f"got {type(value).__name__} {value!r}")
    try:
        return np.asarray(value)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{func_name} expects {name} to be a rectangular array: {exc}") from None


def check_array(func_name, name, value, ndims=None, shape=None):
    """Raise unless ``value`` is a non-empty array of numbers with an accepted rank and shape.

    O(1) for an ndarray: its values are not read.

    Parameters
    ----------
    func_name, name : str
        The public function and its argument, to name in the message.
    value : array_like
        What the caller passed.
    ndims : tuple of int, optional
        Accepted numbers of dimensions.
    shape : tuple of int or None, optional
        The exact shape expected, ``None`` in a place meaning any size there.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If ``value`` does not hold numbers.
    ValueError
        If it is ragged, empty, or has the wrong number of dimensions or shape.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_array
    >>> check_array("softmax", "a", np.array([1.0, 2.0]), ndims=(1, 2))
    >>> check_array("softmax", "a", np.zeros((1, 1, 1)), ndims=(1, 2))
    Traceback (most recent call last):
    ...
    ValueError: softmax expects a to be 1-D or 2-D, got shape (1, 1, 1)
    >>> check_array("Affine.forward", "x", np.zeros((2, 3)), shape=(None, 4))
    Traceback (most recent call last):
    ...
    ValueError: Affine.forward expects x of shape (N, 4), got shape (2, 3)
    """
    arr = _as_array(func_name, name, value)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"{func_name} expects {name} to hold numbers, got dtype {arr.dtype}")
    if ndims is not None and arr.ndim not in ndims:
        wanted = " or ".join(f"{d}-D" for d in ndims)
        raise ValueError(f"{func_name} expects {name} to be {wanted}, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{func_name} expects {name} to be non-empty, got shape {arr.shape}")
    if shape is not None and (arr.ndim != len(shape) or any(
            want is not None and got != want for got, want in zip(arr.shape, shape))):
        letters = iter("NMKL")
        wanted = ", ".join(str(d) if d is not None else next(letters) for d in shape)
        raise ValueError(f"{func_name} expects {name} of shape ({wanted}"
                         f"{',' if len(shape) == 1 else ''}), got shape {arr.shape}")


def check_finite(func_name, name, value):
    """Raise if ``value`` holds NaN or inf. This one scans every element: use it once per step.

    Parameters
    ----------
    func_name, name : str
        The public function and its argument, to name in the message.
    value : float or array_like of float

    Returns
    -------
    None

    Raises
    ------
    ValueError
        If any element is NaN or infinite.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_finite
    >>> check_finite("sigmoid", "x", np.array([0.0, 1.0]))
    >>> check_finite("sigmoid", "x", np.array([0.0, np.nan]))
    Traceback (most recent call last):
    ...
    ValueError: sigmoid expects x to be finite, got NaN or inf in x
    """
    arr = _as_array(func_name, name, value)
    if arr.dtype.kind in "fc" and not np.isfinite(arr).all():
        raise ValueError(f"{func_name} expects {name} to be finite, got NaN or inf in {name}")


def check_backward(layer_name, dout, expected):
    """Raise unless ``forward`` has run and ``dout`` has the shape of its output. O(1).

    Parameters
    ----------
    layer_name : str
        The layer, to name in the message, such as ``"Relu"``.
    dout : float or array_like of float
        The gradient that comes from the next layer.
    expected : tuple of int, ndarray or None
        The shape of forward's output, or an array of that shape that forward saved;
        None if forward has not run yet.

    Returns
    -------
    None

    Raises
    ------
    RuntimeError
        If ``forward`` has not run yet.
    TypeError, ValueError
        If ``dout`` is not numbers, or not shaped like forward's output.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_backward
    >>> check_backward("Relu", np.ones((1, 2)), (1, 2))
    >>> check_backward("Relu", np.ones(2), None)
    Traceback (most recent call last):
    ...
    RuntimeError: Relu.backward needs Relu.forward first: it uses what forward saw
    >>> check_backward("Relu", np.ones(3), np.zeros((1, 2)))
    Traceback (most recent call last):
    ...
    ValueError: Relu.backward expects dout of shape (1, 2) (the shape of forward's output), got shape (3,)
    """
    if expected is None:
        raise RuntimeError(f"{layer_name}.backward needs {layer_name}.forward first: "
                           "it uses what forward saw")
    want = tuple(expected) if isinstance(expected, tuple) else np.shape(expected)
    if np.ndim(dout) == 0 and want == ():
        check_scalar_inputs(f"{layer_name}.backward", dout=dout)
        return
    arr = _as_array(f"{layer_name}.backward", "dout", dout)
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
        raise TypeError(f"{layer_name}.backward expects dout to hold numbers, "
                        f"got dtype {arr.dtype}")
    if arr.shape != want:
        raise ValueError(f"{layer_name}.backward expects dout of shape {want} "
                         f"(the shape of forward's output), got shape {arr.shape}")


# --- Chapters 3-4 (activations, losses, networks) -------------------------------------------------
# Their taught code, like the book's, uses array operators (x > 0, y - t, y.reshape) that lists
# and Python numbers lack: this names the fix instead of a TypeError from the middle of the code.


def check_ndarray(func_name, name, value, kinds="if"):
    """Raise unless ``value`` is a NumPy array (or NumPy scalar) of numbers of the right kind. O(1).

    Parameters
    ----------
    func_name, name : str
        The public function and its argument, to name in the message.
    value : object
        What the caller passed.
    kinds : str, default "if"
        The accepted dtype kinds: ``"i"`` signed int, ``"u"`` unsigned int, ``"f"`` float.
        Unsigned ints are left out by default: ``-x`` and ``a - max(a)`` wrap around in them.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If ``value`` is not a NumPy array, or its dtype is not of an accepted kind.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_ndarray
    >>> check_ndarray("sigmoid", "x", np.array([1.0, 2.0]))
    >>> check_ndarray("sigmoid", "x", [1.0, 2.0])
    Traceback (most recent call last):
    ...
    TypeError: sigmoid expects x to be a NumPy array, got list; wrap it in np.array(...)
    >>> check_ndarray("sigmoid", "x", np.array([200], dtype=np.uint8))
    Traceback (most recent call last):
    ...
    TypeError: sigmoid expects x to be a float or signed int array, got dtype uint8; convert it with x.astype(float)
    """
    if not isinstance(value, (np.ndarray, np.generic)):
        raise TypeError(f"{func_name} expects {name} to be a NumPy array, "
                        f"got {type(value).__name__}; wrap it in np.array(...)")
    if value.dtype.kind not in kinds:
        wanted = "an int or float" if "u" in kinds else "a float or signed int"
        raise TypeError(f"{func_name} expects {name} to be {wanted} array, got dtype "
                        f"{value.dtype}; convert it with {name}.astype(float)")


# --- Chapters 5-6 (layers) -----------------------------------------------------------------------
# A layer's forward and backward run at every training step, so these read type, dtype and shape
# only (O(1), no scan), and decide the usual case (a fitting ndarray) before anything else.


def check_layer_input(func_name, name, value, ndims=None, kinds="iuf"):
    """Raise unless ``value`` is a non-empty ndarray of numbers of an accepted kind and rank.

    O(1): no value is read.

    Parameters
    ----------
    func_name, name : str
        The public function and its argument, to name in the message.
    value : object
        What the caller passed.
    ndims : tuple of int, optional
        Accepted numbers of dimensions.
    kinds : str, default "iuf"
        The accepted dtype kinds, as for `check_ndarray`: ``"if"`` where ``-x`` or
        ``x - max(x)`` would wrap around in unsigned ints.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If ``value`` is not an ndarray (a list, a number), or its dtype is not of those kinds.
    ValueError
        If it is empty or has the wrong number of dimensions.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_layer_input
    >>> check_layer_input("Relu.forward", "x", np.array([1.0, -1.0]))
    >>> check_layer_input("Relu.forward", "x", [1.0, -1.0])
    Traceback (most recent call last):
    ...
    TypeError: Relu.forward expects x to be a NumPy array, got list; wrap it in np.array(...)
    """
    if not (isinstance(value, np.ndarray) and value.dtype.kind in kinds):
        check_array(func_name, name, value, ndims)  # a string, None or ragged lists: say so
        if not isinstance(value, np.ndarray):  # a NumPy scalar has no items to set either
            raise TypeError(f"{func_name} expects {name} to be a NumPy array, "
                            f"got {type(value).__name__}; wrap it in np.array(...)")
        check_ndarray(func_name, name, value, kinds)
    if ndims is not None and value.ndim not in ndims:
        wanted = " or ".join(f"{d}-D" for d in ndims)
        raise ValueError(f"{func_name} expects {name} to be {wanted}, got shape {value.shape}")
    if value.size == 0:
        raise ValueError(f"{func_name} expects {name} to be non-empty, got shape {value.shape}")


def check_layer_dout(layer_name, dout, expected):
    """Raise unless ``forward`` has run and ``dout`` is an ndarray shaped like its output. O(1).

    Parameters
    ----------
    layer_name : str
        The layer, to name in the message, such as ``"Relu"``.
    dout : object
        The gradient that comes from the next layer.
    expected : tuple of int, ndarray or None
        The shape of forward's output, or an array of that shape that forward saved;
        None if forward has not run yet.

    Returns
    -------
    None

    Raises
    ------
    RuntimeError
        If ``forward`` has not run yet.
    TypeError, ValueError
        If ``dout`` is not an ndarray of floats or ints shaped like forward's output.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_layer_dout
    >>> check_layer_dout("Relu", np.ones((1, 2)), (1, 2))
    >>> check_layer_dout("Relu", np.ones(2), None)
    Traceback (most recent call last):
    ...
    RuntimeError: Relu.backward needs Relu.forward first: it uses what forward saw
    >>> check_layer_dout("Relu", np.ones(3), np.zeros((1, 2)))
    Traceback (most recent call last):
    ...
    ValueError: Relu.backward expects dout of shape (1, 2) (the shape of forward's output), got shape (3,)
    """
    if expected is not None:
        want = expected if isinstance(expected, tuple) else expected.shape
        if isinstance(dout, np.ndarray) and dout.shape == want and dout.dtype.kind in "iuf":
            return  # the usual case, decided at once
        check_layer_input(f"{layer_name}.backward", "dout", dout)
    check_backward(layer_name, dout, expected)  # forward has run; dout has its output's shape


def check_float_dtype(func_name, dtype):
    """Raise unless ``dtype`` names a floating-point NumPy dtype (float32, float64).

    Parameters
    ----------
    func_name : str
        The public function or class, to name in the message.
    dtype : object
        What the caller passed as ``dtype``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        If ``dtype`` is not a dtype, or not a floating-point one.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text._checks import check_float_dtype
    >>> check_float_dtype("SimpleConvNet", np.float32)
    >>> check_float_dtype("SimpleConvNet", int)
    Traceback (most recent call last):
    ...
    TypeError: SimpleConvNet expects dtype to be a floating-point type such as np.float32 or np.float64, got int64
    """
    try:
        kind = np.dtype(dtype).kind
    except TypeError:
        raise TypeError(f"{func_name} expects dtype to be a floating-point type such as "
                        f"np.float32 or np.float64, got {dtype!r}") from None
    if kind != "f":
        raise TypeError(f"{func_name} expects dtype to be a floating-point type such as "
                        f"np.float32 or np.float64, got {np.dtype(dtype)}")
