"""Input checks shared by the modules: one place that words the error messages."""

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


def as_float_array(func_name, name, value, ndims=None):
    """Return ``value`` as a float ndarray, or raise naming what was expected and what was given.

    NaN and inf are refused: they are always an upstream bug here, and silently propagate
    otherwise.

    Parameters
    ----------
    func_name, name : str
        The public function and its argument, to name in the message.
    value : array_like
        What the caller passed.
    ndims : tuple of int, optional
        Accepted numbers of dimensions.

    Returns
    -------
    ndarray of float
        ``value`` itself if it already is a float array, else a float copy.

    Raises
    ------
    TypeError
        If ``value`` does not hold numbers.
    ValueError
        If it is ragged, has the wrong number of dimensions, is empty or holds NaN or inf.

    Examples
    --------
    >>> from nn_text._checks import as_float_array
    >>> as_float_array("softmax", "a", [1, 2])
    array([1., 2.])
    >>> as_float_array("softmax", "a", [[[1.0]]], ndims=(1, 2))
    Traceback (most recent call last):
    ...
    ValueError: softmax expects a to be 1-D or 2-D, got shape (1, 1, 1)
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{func_name} expects {name} to be an array of numbers, "
                        f"got {type(value).__name__} {value!r}")
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{func_name} expects {name} to be a rectangular array: {exc}") from None
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"{func_name} expects {name} to hold numbers, got dtype {arr.dtype}")
    if ndims is not None and arr.ndim not in ndims:
        wanted = " or ".join(f"{d}-D" for d in ndims)
        raise ValueError(f"{func_name} expects {name} to be {wanted}, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{func_name} expects {name} to be non-empty, got shape {arr.shape}")
    arr = arr.astype(float) if not np.issubdtype(arr.dtype, np.floating) else arr
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{func_name} expects {name} to be finite, got NaN or inf in {name}")
    return arr


def check_network(func_name, network, keys):
    """Return the weights of ``network`` as float arrays, or raise naming what is missing.

    Parameters
    ----------
    func_name : str
        The public function to name in the message.
    network : dict of str to array_like
    keys : sequence of str
        The names the network must hold.

    Returns
    -------
    dict of str to ndarray

    Raises
    ------
    TypeError
        If ``network`` is not a dict.
    ValueError
        If a key is missing or a weight is not a finite numeric array.

    Examples
    --------
    >>> from nn_text._checks import check_network
    >>> check_network("forward", {"W1": [[1.0]]}, ["W1", "b1"])
    Traceback (most recent call last):
    ...
    ValueError: forward expects network to hold W1, b1; missing b1
    """
    if not isinstance(network, dict):
        raise TypeError(f"{func_name} expects network to be a dict of weights such as "
                        f"init_network() returns, got {type(network).__name__}")
    missing = [k for k in keys if k not in network]
    if missing:
        raise ValueError(f"{func_name} expects network to hold {', '.join(keys)}; "
                         f"missing {', '.join(missing)}")
    return {k: as_float_array(func_name, f"network['{k}']", network[k]) for k in keys}


def check_features(func_name, x, W, w_name="W1"):
    """Raise unless ``x @ W`` is defined: the last axis of x must match the rows of ``W``.

    Parameters
    ----------
    func_name : str
        The public function to name in the message.
    x : ndarray, shape (D,) or (N, D)
    W : ndarray, shape (D, H)
    w_name : str, default "W1"
        The weight's name in the message.

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
    """
    if x.ndim not in (1, 2) or x.shape[-1] != W.shape[0]:
        raise ValueError(
            f"{func_name} expects x of shape ({W.shape[0]},) or (N, {W.shape[0]}) to match "
            f"{w_name} of shape {W.shape}, got x of shape {x.shape}"
            + ("; flatten images with x.reshape(len(x), -1)" if x.ndim > 2 else ""))
