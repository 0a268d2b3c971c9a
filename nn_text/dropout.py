"""Dropout (chapter 6): while training, drop a random share of neurons at every step."""

import numbers

import numpy as np

from nn_text._checks import check_layer_dout, check_layer_input

__all__ = ["Dropout"]


class Dropout:
    """Dropout layer: in training, each output is kept with probability ``1 - dropout_ratio``.

    As in the book, training passes the kept values unchanged, and testing (``train_flg=False``)
    multiplies every value by ``1 - dropout_ratio``, the share that was kept on average.

    Parameters
    ----------
    dropout_ratio : float, default 0.5
        Share of neurons dropped at each training step, in [0, 1).
    rng : numpy.random.Generator, optional
        Source of the random masks; default seeded with 0, so runs repeat exactly.

    Raises
    ------
    ValueError
        If ``dropout_ratio`` is not in [0, 1).

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.dropout import Dropout
    >>> drop = Dropout(0.5, rng=np.random.default_rng(0))
    >>> drop.forward(np.ones((2, 4)))
    array([[1., 0., 0., 0.],
           [1., 1., 1., 1.]])
    >>> drop.forward(np.ones((2, 4)), train_flg=False)
    array([[0.5, 0.5, 0.5, 0.5],
           [0.5, 0.5, 0.5, 0.5]])
    """

    def __init__(self, dropout_ratio=0.5, rng=None):
        if (isinstance(dropout_ratio, bool) or not isinstance(dropout_ratio, numbers.Real)
                or not 0 <= dropout_ratio < 1):
            raise ValueError(f"Dropout expects 0 <= dropout_ratio < 1, got {dropout_ratio!r}")
        self.dropout_ratio = dropout_ratio
        self.rng = np.random.default_rng(0) if rng is None else rng
        self.mask = None  # what the last forward multiplied x by, for backward

    def forward(self, x, train_flg=True):
        """Drop random neurons (training) or scale all of them (testing).

        Parameters
        ----------
        x : ndarray of float
            Inputs of any shape.
        train_flg : bool, default True
            True while training, False for inference.

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
        >>> from nn_text.dropout import Dropout
        >>> out = Dropout(0.3).forward(np.ones(10_000))
        >>> float(out.mean().round(2))  # about 70% kept
        0.7
        """
        check_layer_input("Dropout.forward", "x", x)
        if train_flg:
            # True where a neuron is kept
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
        else:  # all kept, scaled by the share kept on average in training
            keep = 1.0 - self.dropout_ratio
            dtype = np.result_type(x, keep)  # float32 stays float32
            self.mask = np.full(x.shape, keep, dtype=dtype)
        return x * self.mask

    def backward(self, dout):
        """Pass ``dout`` back through the neurons that the last forward pass kept.

        After a test-time forward, which scaled every value, ``dout`` is scaled the same way.

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
        >>> from nn_text.dropout import Dropout
        >>> drop = Dropout(0.5, rng=np.random.default_rng(0))
        >>> _ = drop.forward(np.ones(4))
        >>> drop.backward(np.array([1.0, 2.0, 3.0, 4.0]))  # dropped neurons get no gradient
        array([1., 0., 0., 0.])
        """
        check_layer_dout("Dropout", dout, self.mask)
        return dout * self.mask


