"""Mini-batch stochastic gradient descent for TwoLayerNet on MNIST (chapter 4).

The loop draws a random mini-batch, takes the gradient, steps every parameter against it, and
once per epoch measures the accuracy on the whole training and test sets.
"""

import sys

import numpy as np

from nn_text._checks import check_array, check_finite, check_ndarray
from nn_text.two_layer_net import TwoLayerNet

__all__ = ["train_two_layer_net"]
_NAME = "train_two_layer_net"  # the function the messages name


def _check_settings(iters_num, batch_size, learning_rate):
    for name, value in [("iters_num", iters_num), ("batch_size", batch_size),
                        ("learning_rate", learning_rate)]:
        if not value > 0:
            raise ValueError(f"{_NAME} expects {name} > 0, got {value!r}")


def _check_data(x_train, t_train, x_test, t_test):
    """Raise unless the data fits together; scans the images once per run, not per step."""
    for name, x in [("x_train", x_train), ("x_test", x_test)]:
        check_array(_NAME, name, x, ndims=(2,))
        check_finite(_NAME, name, x)
    if len(t_train) != len(x_train) or len(t_test) != len(x_test):
        raise ValueError(f"{_NAME} expects one label per image, got {len(x_train)} train images "
                         f"with {len(t_train)} labels and {len(x_test)} test images with "
                         f"{len(t_test)} labels")
    if np.shape(x_test)[1] != np.shape(x_train)[1]:
        raise ValueError(f"{_NAME} expects train and test images of the same size, got "
                         f"{np.shape(x_train)[1]} and {np.shape(x_test)[1]} features")
    for name, value in [("x_train", x_train), ("t_train", t_train), ("x_test", x_test),
                        ("t_test", t_test)]:
        check_ndarray(_NAME, name, value, kinds="iuf")


def train_two_layer_net(x_train, t_train, x_test, t_test, hidden_size=50,
                        iters_num=10000, batch_size=100, learning_rate=0.1,
                        rng=None, verbose=None):
    """Train a TwoLayerNet by mini-batch SGD, as in the book's ``train_neuralnet.py``.

    Parameters
    ----------
    x_train, x_test : ndarray of float, shape (N, D)
        Flattened, normalised images.
    t_train, t_test : ndarray
        Labels (N,) or one-hot (N, classes).
    hidden_size : int, default 50
        Neurons of the hidden layer (one hidden layer).
    iters_num : int, default 10000
        Mini-batch steps.
    batch_size : int, default 100
    learning_rate : float, default 0.1
    rng : numpy.random.Generator, optional
        Draws the initial weights and the mini-batches; default seeded with 0 (repeatable).
    verbose : bool, optional
        Print the epoch, loss and accuracies once per epoch. By default it prints when the
        output is a terminal (a reader running a script) and stays quiet otherwise (doctests,
        the site build, pipes).

    Returns
    -------
    net : TwoLayerNet
        The trained network.
    history : dict
        ``"loss"`` per step, ``"train_acc"`` and ``"test_acc"`` per epoch.

    Raises
    ------
    TypeError
        If the data are not NumPy arrays of numbers.
    ValueError
        If the data's shapes disagree, the images hold NaN or inf, or a setting is not
        positive.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.training import train_two_layer_net
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((200, 4)); t = (x[:, 0] > 0.5).astype(int)  # a toy task
    >>> net, history = train_two_layer_net(x, t, x, t, hidden_size=8, iters_num=400,
    ...                                    batch_size=20, learning_rate=1.0)
    >>> len(history["loss"]), len(history["train_acc"])
    (400, 40)
    >>> history["train_acc"][-1] > 0.9
    True
    """
    _check_settings(iters_num, batch_size, learning_rate)
    _check_data(x_train, t_train, x_test, t_test)
    rng = np.random.default_rng(0) if rng is None else rng
    if verbose is None:
        verbose = sys.stdout.isatty()
    if t_train.ndim == 2:  # one-hot rows
        n_classes = t_train.shape[1]
    else:  # labels 0, 1, 2, ...
        n_classes = int(max(t_train.max(), t_test.max())) + 1
    network = TwoLayerNet(input_size=x_train.shape[1], hidden_size=hidden_size,
                          output_size=n_classes, rng=rng)
    train_size = x_train.shape[0]
    iter_per_epoch = max(train_size // batch_size, 1)
    history = {"loss": [], "train_acc": [], "test_acc": []}

    for i in range(iters_num):
        batch_mask = rng.choice(train_size, batch_size)  # a random mini-batch
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]

        grad = network.gradient(x_batch, t_batch)  # backpropagation (chapter 5)
        for key in ("W1", "b1", "W2", "b2"):
            network.params[key] -= learning_rate * grad[key]

        history["loss"].append(network.loss(x_batch, t_batch))
        if i % iter_per_epoch == 0:  # once per epoch: how well on all the data?
            history["train_acc"].append(network.accuracy(x_train, t_train))
            history["test_acc"].append(network.accuracy(x_test, t_test))
            if verbose:
                epoch = i // iter_per_epoch
                print(f"epoch {epoch:3d}  loss {history['loss'][-1]:.4f}  "
                      f"train acc {history['train_acc'][-1]:.4f}  "
                      f"test acc {history['test_acc'][-1]:.4f}")
    return network, history
