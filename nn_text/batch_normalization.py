"""Batch normalization (chapter 6): make each feature of a mini-batch mean 0, variance 1."""

import math
import numbers

import numpy as np

from nn_text._checks import check_layer_dout, check_layer_input

__all__ = ["EPS", "BatchNormalization"]

EPS = 1e-6  # added to the variance: a constant feature would divide by 0


def _check_params(gamma, beta, momentum, running_mean, running_var):
    """Raise unless gamma, beta and the running statistics are 1-D ndarrays of one size, and
    ``momentum`` is in [0, 1)."""
    check_layer_input("BatchNormalization", "gamma", gamma, ndims=(1,))
    check_layer_input("BatchNormalization", "beta", beta, ndims=(1,))
    if beta.shape != gamma.shape:
        raise ValueError(f"BatchNormalization expects beta of the shape of gamma "
                         f"{gamma.shape}, got {beta.shape}")
    if (isinstance(momentum, bool) or not isinstance(momentum, numbers.Real)
            or not 0 <= momentum < 1):
        raise ValueError(f"BatchNormalization expects 0 <= momentum < 1, got {momentum!r}")
    for name, value in [("running_mean", running_mean), ("running_var", running_var)]:
        if value is not None:
            check_layer_input("BatchNormalization", name, value, ndims=(1,))
            if value.shape != gamma.shape:
                raise ValueError(f"BatchNormalization expects {name} of shape "
                                 f"{gamma.shape}, like gamma, got {value.shape}")


def _check_x(x, gamma, train_flg):
    """Raise unless ``x`` is a batch of ``gamma.size`` features (at least 2 samples in
    training)."""
    check_layer_input("BatchNormalization.forward", "x", x, ndims=(2, 4))
    D = gamma.size
    if math.prod(x.shape[1:]) != D:
        raise ValueError(f"BatchNormalization.forward expects x of shape (N, {D}), or "
                         f"(N, C, H, W) with C*H*W = {D}, to match gamma of shape "
                         f"{gamma.shape}, got x of shape {x.shape}")
    if train_flg and x.shape[0] < 2:
        raise ValueError("BatchNormalization.forward in training needs a batch of at least "
                         f"2 samples to have a variance, got x of shape {x.shape}; "
                         "for inference pass train_flg=False")


class BatchNormalization:
    """Batch normalization layer: ``out = gamma * (x - mean) / std + beta``, feature by feature.

    In training, ``mean`` and ``std`` are those of the mini-batch, and running averages of them
    are kept for testing (``train_flg=False``), when one sample must not depend on the others.
    ``gamma`` and ``beta`` are kept as the arrays passed in, so ``params`` can share them.

    Parameters
    ----------
    gamma : ndarray of float, shape (D,)
        Scale, learned (usually starts at 1).
    beta : ndarray of float, shape (D,)
        Shift, learned (usually starts at 0).
    momentum : float, default 0.9
        How much of the running mean and variance is kept at each training step.
    running_mean, running_var : ndarray of float, shape (D,), optional
        Statistics for testing; start at 0 if not given. Training replaces them with new
        arrays, so the caller's arrays are never changed.

    Attributes
    ----------
    dgamma, dbeta : ndarray of float, shape (D,)
        Gradients of the loss for ``gamma`` and ``beta``, set by `backward`.

    Raises
    ------
    TypeError
        If ``gamma``, ``beta`` or a running statistic is not an ndarray of numbers.
    ValueError
        If they are not 1-D of the same size, or ``momentum`` is not in [0, 1).

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.batch_normalization import BatchNormalization
    >>> bn = BatchNormalization(gamma=np.ones(2), beta=np.zeros(2))
    >>> out = bn.forward(np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 30.0]]))
    >>> out.round(4)
    array([[-1.2247, -1.2247],
           [ 0.    ,  0.    ],
           [ 1.2247,  1.2247]])
    >>> out.mean(axis=0).round(4), out.std(axis=0).round(4)
    (array([0., 0.]), array([1., 1.]))
    """

    def __init__(self, gamma, beta, momentum=0.9,
                 running_mean=None, running_var=None):
        _check_params(gamma, beta, momentum, running_mean, running_var)
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape = None  # (N, C, H, W) inputs are treated as (N, C*H*W)
        if running_mean is None:  # the statistics for test time start at 0
            running_mean = np.zeros(gamma.size)
        if running_var is None:
            running_var = np.zeros(gamma.size)
        self.running_mean = running_mean
        self.running_var = running_var
        # kept by a training forward for backward
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        """Normalize ``x`` with the batch's statistics (training) or the running ones (testing).

        Parameters
        ----------
        x : ndarray of float, shape (N, D) or (N, C, H, W) with ``C*H*W == D``
        train_flg : bool, default True
            True while training, False for inference.

        Returns
        -------
        ndarray of float, shape of ``x``

        Raises
        ------
        TypeError
            If ``x`` is not an ndarray of numbers.
        ValueError
            If ``x`` does not have D features, or a training batch has fewer than 2 samples.

        Examples
        --------
        At test time the running statistics are used, so one sample alone works:

        >>> import numpy as np
        >>> from nn_text.batch_normalization import BatchNormalization
        >>> bn = BatchNormalization(np.ones(1), np.zeros(1),
        ...                         running_mean=np.array([2.0]), running_var=np.array([4.0]))
        >>> bn.forward(np.array([[6.0]]), train_flg=False).round(4)  # (6 - 2) / 2
        array([[2.]])
        """
        _check_x(x, self.gamma, train_flg)
        self.input_shape = x.shape
        x = x.reshape(x.shape[0], -1)  # (N, C, H, W) -> (N, C*H*W)

        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + EPS)
            xn = xc / std

            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = (self.momentum * self.running_mean
                                 + (1 - self.momentum) * mu)
            self.running_var = (self.momentum * self.running_var
                                + (1 - self.momentum) * var)
        else:
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + EPS)
            self.xc = None  # backward is for training steps only

        out = self.gamma * xn + self.beta
        return out.reshape(*self.input_shape)

    def backward(self, dout):
        """Return the gradient for ``x``; store those for ``gamma`` and ``beta``.

        Parameters
        ----------
        dout : ndarray of float, shape of the training forward's output

        Returns
        -------
        ndarray of float, shape of ``x``

        Raises
        ------
        RuntimeError
            If no training forward (``train_flg=True``) came before.
        TypeError, ValueError
            If ``dout`` is not an ndarray shaped like the output.

        Examples
        --------
        The normalized output does not change when every input moves by the same amount, so a
        gradient that pushes all samples the same way is cancelled:

        >>> import numpy as np
        >>> from nn_text.batch_normalization import BatchNormalization
        >>> bn = BatchNormalization(np.ones(1), np.zeros(1))
        >>> _ = bn.forward(np.array([[1.0], [2.0], [4.0]]))
        >>> dx = bn.backward(np.ones((3, 1)))
        >>> dx.shape, bool(np.all(np.abs(dx) < 1e-12))
        ((3, 1), True)
        >>> bn.dbeta
        array([3.])
        """
        check_layer_dout("BatchNormalization", dout,
                         None if self.xc is None else self.input_shape)
        dout = dout.reshape(dout.shape[0], -1)  # as in forward: (N, C*H*W)

        # forward's steps, last first: out = gamma * xn + beta, xn = xc / std...
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size

        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx.reshape(*self.input_shape)


