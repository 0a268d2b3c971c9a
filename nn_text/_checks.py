"""Input checks shared by the modules: one place that words the error messages."""

import numbers

import numpy as np


def check_scalar_inputs(func_name, **values):
    """Raise if any value is not a finite real number (bools and NumPy scalars count)."""
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

    ``ndims`` is a tuple of accepted numbers of dimensions. NaN and inf are refused: they are
    always an upstream bug here, and silently propagate otherwise.
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
    """Raise unless ``network`` is a dict holding each of ``keys`` as a float array."""
    if not isinstance(network, dict):
        raise TypeError(f"{func_name} expects network to be a dict of weights such as "
                        f"init_network() returns, got {type(network).__name__}")
    missing = [k for k in keys if k not in network]
    if missing:
        raise ValueError(f"{func_name} expects network to hold {', '.join(keys)}; "
                         f"missing {', '.join(missing)}")
    return {k: as_float_array(func_name, f"network['{k}']", network[k]) for k in keys}


def check_features(func_name, x, W, w_name="W1"):
    """Raise unless ``x @ W`` is defined: the last axis of x must match the rows of ``W``."""
    if x.ndim not in (1, 2) or x.shape[-1] != W.shape[0]:
        raise ValueError(
            f"{func_name} expects x of shape ({W.shape[0]},) or (N, {W.shape[0]}) to match "
            f"{w_name} of shape {W.shape}, got x of shape {x.shape}"
            + ("; flatten images with x.reshape(len(x), -1)" if x.ndim > 2 else ""))
