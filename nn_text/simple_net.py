"""simpleNet: the smallest network with a loss, to take the gradient of its weights (chapter 4)."""

import numpy as np

from nn_text._checks import check_array, check_features
from nn_text.activations import softmax
from nn_text.losses import cross_entropy_error

__all__ = ["simpleNet"]


def _check_x(func_name, x, W):
    """Raise unless ``x`` holds numbers and its last axis matches the rows of ``W``. O(1)."""
    check_array(func_name, "x", x)
    check_features(func_name, np.asarray(x), W, "W")  # no copy of an ndarray


class simpleNet:  # the book's lower-case name, so readers' code runs unchanged
    """One layer of weights ``W`` (2, 3) with softmax and cross-entropy error.

    Parameters
    ----------
    rng : numpy.random.Generator, optional
        Draws the initial ``W`` from a standard normal distribution; default a generator
        seeded with 0, so the same numbers come out every time.

    Attributes
    ----------
    W : ndarray of float, shape (2, 3)
        The weights; ``numerical_gradient`` nudges them in place.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.simple_net import simpleNet
    >>> net = simpleNet(np.random.default_rng(0))
    >>> net.W.shape
    (2, 3)
    """

    def __init__(self, rng=None):
        rng = np.random.default_rng(0) if rng is None else rng
        self.W = rng.standard_normal((2, 3))  # drawn from a normal distribution

    def predict(self, x):
        """Scores ``x @ W`` (before softmax).

        Parameters
        ----------
        x : array_like of float, shape (2,) or (N, 2)

        Returns
        -------
        ndarray of float, shape (3,) or (N, 3)

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_net import simpleNet
        >>> net = simpleNet()
        >>> net.W = np.array([[0.47355232, 0.9977393, 0.84668094],
        ...                   [0.85557411, 0.03563661, 0.69422093]])  # the book's W
        >>> net.predict(np.array([0.6, 0.9]))
        array([1.05414809, 0.63071653, 1.1328074 ])
        """
        _check_x("simpleNet.predict", x, self.W)
        return np.dot(x, self.W)

    def loss(self, x, t):
        """Cross-entropy error of ``softmax(predict(x))`` against ``t``.

        Parameters
        ----------
        x : array_like of float, shape (2,) or (N, 2)
        t : array_like
            One-hot of shape (3,) / (N, 3), or labels.

        Returns
        -------
        float

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.simple_net import simpleNet
        >>> net = simpleNet()
        >>> net.W = np.array([[0.47355232, 0.9977393, 0.84668094],
        ...                   [0.85557411, 0.03563661, 0.69422093]])  # the book's W
        >>> round(net.loss(np.array([0.6, 0.9]), np.array([0, 0, 1])), 4)
        0.9281
        """
        z = self.predict(x)
        y = softmax(z)
        loss = cross_entropy_error(y, t)
        return loss
