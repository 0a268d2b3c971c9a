"""Trainer (chapters 6 and 7): the mini-batch training loop, for any network and optimizer.

A network is anything with ``params``, ``gradient(x, t)``, ``loss(x, t)`` and
``accuracy(x, t)``: `nn_text.layer_net.TwoLayerNet`, `nn_text.multi_layer_net.MultiLayerNet`,
`nn_text.simple_conv_net.SimpleConvNet`. The arguments are the book's, so its scripts run.
"""

import sys

import numpy as np

from nn_text._checks import check_layer_input, check_positive_int
from nn_text.optimizers import SGD, AdaGrad, Adam, Momentum, RMSprop

__all__ = ["OPTIMIZERS", "Trainer"]

OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adagrad": AdaGrad,
              "rmsprop": RMSprop, "adam": Adam}


def _check_args(network, x_train, t_train, x_test, t_test, epochs, mini_batch_size, optimizer,
                evaluate_sample_num_per_epoch):
    """Raise unless the network, the data and the settings fit `Trainer`."""
    data = {"x_train": x_train, "t_train": t_train, "x_test": x_test, "t_test": t_test}
    for name in ("params", "gradient", "loss", "accuracy"):
        if not hasattr(network, name):
            raise TypeError(f"Trainer expects a network with params, gradient, loss and "
                            f"accuracy, got {type(network).__name__} without {name}")
    check_positive_int("Trainer", epochs=epochs, mini_batch_size=mini_batch_size)
    if evaluate_sample_num_per_epoch is not None:
        check_positive_int("Trainer",
                           evaluate_sample_num_per_epoch=evaluate_sample_num_per_epoch)
    for name, array in data.items():
        check_layer_input("Trainer", name, array)
    for x_name, t_name in [("x_train", "t_train"), ("x_test", "t_test")]:
        if len(data[x_name]) != len(data[t_name]):
            raise ValueError(f"Trainer expects one answer per image, got {x_name} of "
                             f"{len(data[x_name])} images and {t_name} of "
                             f"{len(data[t_name])} answers")
    if isinstance(optimizer, str):
        if optimizer.lower() not in OPTIMIZERS:
            raise ValueError(f"Trainer expects optimizer to be one of "
                             f"{', '.join(OPTIMIZERS)} (any case) or an optimizer object, "
                             f"got {optimizer!r}")
    elif not hasattr(optimizer, "update"):
        raise TypeError(f"Trainer expects optimizer to be a name or have update(params, "
                        f"grads), got {type(optimizer).__name__}")


class Trainer:
    """Train ``network`` by mini-batches for a number of epochs, and keep the history.

    Parameters
    ----------
    network : object
        Has ``params``, ``gradient(x, t)``, ``loss(x, t)`` and ``accuracy(x, t)``.
    x_train, t_train, x_test, t_test : ndarray
        Images (flattened or not, as the network wants) and labels or one-hot answers.
    epochs : int, default 20
    mini_batch_size : int, default 100
    optimizer : str or optimizer, default "SGD"
        A name from `OPTIMIZERS` (any case), or an optimizer object such as ``Adam(lr=0.001)``.
    optimizer_param : dict, optional
        Arguments for the named optimizer; default ``{"lr": 0.01}``.
    evaluate_sample_num_per_epoch : int, optional
        Measure the accuracies at the end of each epoch on only the first this many images
        (faster); default: all of them.
    verbose : bool, optional
        Print each epoch's accuracies; default: only when the output is a terminal.
    rng : numpy.random.Generator, optional
        Draws the mini-batches; default seeded with 0, so a run repeats exactly.

    Attributes
    ----------
    train_loss_list : list of float
        The loss of every mini-batch.
    train_acc_list, test_acc_list : list of float
        Accuracies measured at the start and at the end of each epoch.

    Raises
    ------
    ValueError
        If an optimizer name is unknown, or the data or settings do not fit.

    Examples
    --------
    >>> import numpy as np
    >>> from nn_text.multi_layer_net import MultiLayerNet
    >>> from nn_text.trainer import Trainer
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((300, 2)); t = (x[:, 0] > x[:, 1]).astype(int)  # a toy task
    >>> net = MultiLayerNet(2, [10], 2)
    >>> trainer = Trainer(net, x, t, x, t, epochs=10, mini_batch_size=30,
    ...                   optimizer="Adam", optimizer_param={"lr": 0.05})
    >>> trainer.train()
    >>> len(trainer.train_loss_list), len(trainer.test_acc_list)
    (100, 11)
    >>> trainer.test_acc_list[-1] > 0.9
    True
    """

    def __init__(self, network, x_train, t_train, x_test, t_test, epochs=20,
                 mini_batch_size=100, optimizer="SGD", optimizer_param=None,
                 evaluate_sample_num_per_epoch=None, verbose=None, rng=None):
        _check_args(network, x_train, t_train, x_test, t_test, epochs, mini_batch_size,
                    optimizer, evaluate_sample_num_per_epoch)
        if isinstance(optimizer, str):  # a name: make the optimizer
            optimizer_class = OPTIMIZERS[optimizer.lower()]
            optimizer = optimizer_class(**(optimizer_param or {"lr": 0.01}))
        self.network = network
        self.verbose = sys.stdout.isatty() if verbose is None else verbose
        self.x_train, self.t_train = x_train, t_train
        self.x_test, self.t_test = x_test, t_test
        self.epochs = epochs
        self.batch_size = mini_batch_size
        self.evaluate_sample_num_per_epoch = evaluate_sample_num_per_epoch
        self.optimizer = optimizer
        self.rng = np.random.default_rng(0) if rng is None else rng

        self.train_size = x_train.shape[0]
        self.iter_per_epoch = max(self.train_size // mini_batch_size, 1)
        self.max_iter = epochs * self.iter_per_epoch
        self.current_iter = 0
        self.current_epoch = 0

        self.train_loss_list = []
        self.train_acc_list = []
        self.test_acc_list = []

    def train_step(self):
        """One mini-batch: gradient, update; at an epoch's start, measure the accuracies.

        Returns
        -------
        None

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> from nn_text.trainer import Trainer
        >>> x, t = np.eye(4), np.array([0, 1, 0, 1])
        >>> trainer = Trainer(MultiLayerNet(4, [3], 2), x, t, x, t, epochs=1, mini_batch_size=2)
        >>> trainer.train_step()
        >>> trainer.current_iter, len(trainer.train_loss_list), len(trainer.train_acc_list)
        (1, 1, 1)
        """
        batch_mask = self.rng.choice(self.train_size, self.batch_size)
        x_batch = self.x_train[batch_mask]
        t_batch = self.t_train[batch_mask]

        grads = self.network.gradient(x_batch, t_batch)
        self.optimizer.update(self.network.params, grads)

        loss = self.network.loss(x_batch, t_batch)
        self.train_loss_list.append(loss)

        if self.current_iter % self.iter_per_epoch == 0:
            self._evaluate()
            self.current_epoch += 1
        self.current_iter += 1

    def _evaluate(self):
        """Measure and keep the train and test accuracies (on a sample, if so asked)."""
        n = self.evaluate_sample_num_per_epoch
        # [:None] takes them all
        x_train, t_train = self.x_train[:n], self.t_train[:n]
        x_test, t_test = self.x_test[:n], self.t_test[:n]
        train_acc = self.network.accuracy(x_train, t_train)
        test_acc = self.network.accuracy(x_test, t_test)
        self.train_acc_list.append(train_acc)
        self.test_acc_list.append(test_acc)
        if self.verbose:
            print(f"epoch {self.current_epoch:3d}  train acc {train_acc:.4f}  "
                  f"test acc {test_acc:.4f}")

    def train(self):
        """Run every step of every epoch, then measure the accuracies once more.

        Returns
        -------
        None

        Examples
        --------
        >>> import numpy as np
        >>> from nn_text.multi_layer_net import MultiLayerNet
        >>> from nn_text.trainer import Trainer
        >>> x, t = np.eye(4), np.array([0, 1, 0, 1])
        >>> trainer = Trainer(MultiLayerNet(4, [3], 2), x, t, x, t, epochs=3, mini_batch_size=2)
        >>> trainer.train()
        >>> trainer.current_iter, len(trainer.train_acc_list)  # 3 epochs of 2 steps, 3 + 1 checks
        (6, 4)
        """
        for _ in range(self.max_iter):
            self.train_step()
        self._evaluate()  # after the last epoch
