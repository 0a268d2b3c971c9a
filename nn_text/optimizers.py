"""Optimizers of chapter 6: SGD, Momentum, AdaGrad, RMSprop and Adam.

Each one has ``update(params, grads)``, which changes the arrays of ``params`` **in place** (so
the layers that share those arrays see the new values) and returns nothing. The optimizers that
remember something between steps (velocities, sums of squared gradients) are classes for that
reason; all take ``lr``, the learning rate.
"""

import numbers

import numpy as np

__all__ = ["SGD", "Momentum", "AdaGrad", "RMSprop", "Adam"]

EPS = 1e-7  # keeps the step finite where the gradients so far were all 0


def _check_rate(cls_name, **rates):
    """Raise unless each rate is a finite number; ``lr`` must be > 0, the others in [0, 1)."""
    for name, value in rates.items():
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
            raise TypeError(f"{cls_name} expects {name} to be a finite number, got {value!r}")
        if name == "lr" and value <= 0:
            raise ValueError(f"{cls_name} expects lr > 0, got lr={value}")
        if name != "lr" and not 0 <= value < 1:
            raise ValueError(f"{cls_name} expects 0 <= {name} < 1, got {name}={value}")


def _check_update(cls_name, params, grads):
    """Raise unless ``params`` and ``grads`` are dicts with the same keys and shapes, and every
    gradient is finite: the one scan of the step, where a diverging training shows first."""
    where = f"{cls_name}.update"
    for name, d in [("params", params), ("grads", grads)]:
        if not isinstance(d, dict):
            raise TypeError(f"{where} expects {name} to be a dict such as net.params, "
                            f"got {type(d).__name__}")
    if set(params) != set(grads):
        raise ValueError(f"{where} expects grads with the keys of params {sorted(params)}, "
                         f"got {sorted(grads)}")
    for key in params:
        p, g = params[key], grads[key]
        if not (isinstance(p, np.ndarray) and p.dtype.kind == "f"):
            raise TypeError(f"{where} expects params['{key}'] to be a float ndarray that it can "
                            f"change in place, got {type(p).__name__}"
                            + (f" of dtype {p.dtype}" if isinstance(p, np.ndarray) else ""))
        if not (isinstance(g, np.ndarray) and g.dtype.kind in "biuf"):
            raise TypeError(f"{where} expects grads['{key}'] to be an ndarray of numbers, got "
                            f"{type(g).__name__}"
                            + (f" of dtype {g.dtype}" if isinstance(g, np.ndarray) else ""))
        if g.shape != p.shape:
            raise ValueError(f"{where} expects grads['{key}'] of shape {p.shape}, like "
                             f"params['{key}'], got shape {g.shape}")
        if not np.isfinite(g).all():
            raise ValueError(f"{where} expects grads['{key}'] to be finite, got NaN or inf "
                             "(the loss diverged: try a smaller lr)")


class SGD:
    """Stochastic gradient descent: ``W <- W - lr * dW``.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate.

    Raises
    ------
    TypeError, ValueError
        If ``lr`` is not a number > 0.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.optimizers import SGD
    >>> params = {"W": np.array([1.0, 2.0])}
    >>> SGD(lr=0.1).update(params, {"W": np.array([10.0, -10.0])})
    >>> params["W"]
    array([0., 3.])
    """

    def __init__(self, lr=0.01):
        _check_rate("SGD", lr=lr)
        self.lr = lr

    def update(self, params, grads):
        """Take one step: change every array of ``params`` in place.

        Parameters
        ----------
        params : dict of str to ndarray of float
            The parameters, changed in place.
        grads : dict of str to ndarray of float
            The gradients, same keys and shapes.

        Returns
        -------
        None

        Raises
        ------
        TypeError, ValueError
            If the dicts do not match in keys or shapes, or a gradient is NaN or inf.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.optimizers import SGD
        >>> W = np.array([1.0])
        >>> SGD(lr=0.5).update({"W": W}, {"W": np.array([1.0])})
        >>> W  # the caller's array itself was updated
        array([0.5])
        """
        _check_update("SGD", params, grads)
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    """Momentum: ``v <- momentum * v - lr * dW``, then ``W <- W + v``, like a ball rolling downhill.

    Parameters
    ----------
    lr : float, default 0.01
    momentum : float, default 0.9
        How much of the last velocity is kept, in [0, 1).

    Raises
    ------
    TypeError, ValueError
        If a rate is out of range.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.optimizers import Momentum
    >>> params, opt = {"W": np.array([0.0])}, Momentum(lr=0.1, momentum=0.9)
    >>> for _ in range(3):
    ...     opt.update(params, {"W": np.array([1.0])})  # a constant slope: the steps grow
    ...     print(params["W"])
    [-0.1]
    [-0.29]
    [-0.561]
    """

    def __init__(self, lr=0.01, momentum=0.9):
        _check_rate("Momentum", lr=lr, momentum=momentum)
        self.lr = lr
        self.momentum = momentum
        self.v = None  # one velocity per parameter, made at the first update

    def update(self, params, grads):
        """Take one step: change every array of ``params`` in place.

        Parameters
        ----------
        params : dict of str to ndarray of float
            The parameters, changed in place.
        grads : dict of str to ndarray of float
            The gradients, same keys and shapes.

        Returns
        -------
        None

        Raises
        ------
        TypeError, ValueError
            If the dicts do not match in keys or shapes, or a gradient is NaN or inf.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.optimizers import Momentum
        >>> params = {"W": np.array([1.0])}
        >>> Momentum(lr=0.1).update(params, {"W": np.array([2.0])})  # first step: plain SGD
        >>> params["W"]
        array([0.8])
        """
        _check_update("Momentum", params, grads)
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class AdaGrad:
    """AdaGrad: each parameter's step shrinks with the sum of its squared gradients so far.

    Parameters
    ----------
    lr : float, default 0.01

    Raises
    ------
    TypeError, ValueError
        If ``lr`` is not a number > 0.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.optimizers import AdaGrad
    >>> params, opt = {"W": np.array([0.0, 0.0])}, AdaGrad(lr=1.0)
    >>> opt.update(params, {"W": np.array([100.0, 0.01])})  # both move by about lr
    >>> params["W"].round(4)
    array([-1., -1.])
    """

    def __init__(self, lr=0.01):
        _check_rate("AdaGrad", lr=lr)
        self.lr = lr
        self.h = None  # sums of squared gradients, made at the first update

    def update(self, params, grads):
        """Take one step: change every array of ``params`` in place.

        Parameters
        ----------
        params : dict of str to ndarray of float
            The parameters, changed in place.
        grads : dict of str to ndarray of float
            The gradients, same keys and shapes.

        Returns
        -------
        None

        Raises
        ------
        TypeError, ValueError
            If the dicts do not match in keys or shapes, or a gradient is NaN or inf.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.optimizers import AdaGrad
        >>> params, opt = {"W": np.array([0.0])}, AdaGrad(lr=1.0)
        >>> for _ in range(3):
        ...     opt.update(params, {"W": np.array([1.0])})
        ...     print(params["W"].round(4))  # steps 1, 1/sqrt(2), 1/sqrt(3)
        [-1.]
        [-1.7071]
        [-2.2845]
        """
        _check_update("AdaGrad", params, grads)
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + EPS)


class RMSprop:
    """RMSprop: like AdaGrad, but old squared gradients fade away by ``decay_rate`` per step.

    Parameters
    ----------
    lr : float, default 0.01
    decay_rate : float, default 0.99
        How much of the running mean of squared gradients is kept each step, in [0, 1).

    Raises
    ------
    TypeError, ValueError
        If a rate is out of range.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.optimizers import RMSprop
    >>> params = {"W": np.array([0.0])}
    >>> RMSprop(lr=0.01).update(params, {"W": np.array([1.0])})  # 0.01 / sqrt(0.01)
    >>> params["W"].round(4)
    array([-0.1])
    """

    def __init__(self, lr=0.01, decay_rate=0.99):
        _check_rate("RMSprop", lr=lr, decay_rate=decay_rate)
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        """Take one step: change every array of ``params`` in place.

        Parameters
        ----------
        params : dict of str to ndarray of float
            The parameters, changed in place.
        grads : dict of str to ndarray of float
            The gradients, same keys and shapes.

        Returns
        -------
        None

        Raises
        ------
        TypeError, ValueError
            If the dicts do not match in keys or shapes, or a gradient is NaN or inf.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.optimizers import RMSprop
        >>> params = {"W": np.array([0.0])}
        >>> RMSprop(lr=0.01, decay_rate=0.0).update(params, {"W": np.array([5.0])})
        >>> params["W"].round(4)  # with no memory the step is lr times the gradient's sign
        array([-0.01])
        """
        _check_update("RMSprop", params, grads)
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + EPS)


class Adam:
    """Adam: momentum and RMSprop together, with the bias of their zero start corrected.

    Parameters
    ----------
    lr : float, default 0.001
    beta1 : float, default 0.9
        Decay of the running mean of gradients (the momentum), in [0, 1).
    beta2 : float, default 0.999
        Decay of the running mean of squared gradients, in [0, 1).

    Raises
    ------
    TypeError, ValueError
        If a rate is out of range.

    Examples
    --------
    The first step of Adam moves every parameter by about ``lr``, whatever the gradient's size:

    >>> import numpy as np
    >>> from nn_text.optimizers import Adam
    >>> params = {"W": np.array([0.0, 0.0])}
    >>> Adam(lr=0.001).update(params, {"W": np.array([1000.0, -0.1])})
    >>> params["W"].round(6)
    array([-0.001,  0.001])
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        _check_rate("Adam", lr=lr, beta1=beta1, beta2=beta2)
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        """Take one step: change every array of ``params`` in place.

        Parameters
        ----------
        params : dict of str to ndarray of float
            The parameters, changed in place.
        grads : dict of str to ndarray of float
            The gradients, same keys and shapes.

        Returns
        -------
        None

        Raises
        ------
        TypeError, ValueError
            If the dicts do not match in keys or shapes, or a gradient is NaN or inf.

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.optimizers import Adam
        >>> params, opt = {"W": np.array([0.0])}, Adam(lr=0.1)
        >>> for _ in range(3):
        ...     opt.update(params, {"W": np.array([2.0])})
        >>> params["W"].round(4), opt.iter
        (array([-0.3]), 3)
        """
        _check_update("Adam", params, grads)
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        # m and v start at 0, so early means are too small: lr_t corrects that
        lr_t = (self.lr * np.sqrt(1.0 - self.beta2**self.iter)
                / (1.0 - self.beta1**self.iter))
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + EPS)


