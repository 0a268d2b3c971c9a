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
