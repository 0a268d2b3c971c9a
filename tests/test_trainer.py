"""Trainer: seeded runs repeat, evaluation samples, and any network with the protocol trains."""

import numpy as np
import pytest

from nn_text.layer_net import TwoLayerNet
from nn_text.multi_layer_net import MultiLayerNet
from nn_text.optimizers import Momentum
from nn_text.trainer import Trainer


def toy(n=200, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, 3))
    return x, (x[:, 0] + x[:, 1] > 1).astype(int)


def test_runs_repeat_exactly():
    x, t = toy()
    runs = []
    for _ in range(2):
        trainer = Trainer(MultiLayerNet(3, [8], 2), x, t, x, t, epochs=3, mini_batch_size=20,
                          optimizer="adam", optimizer_param={"lr": 0.01})
        trainer.train()
        runs.append((trainer.train_loss_list, trainer.test_acc_list))
    assert runs[0] == runs[1]


def test_optimizer_object_and_layer_net_work_and_learn():
    x, t = toy()
    net = TwoLayerNet(3, 16, 2, weight_init_std=0.5)
    trainer = Trainer(net, x, t, x, t, epochs=30, mini_batch_size=20, optimizer=Momentum(lr=0.1))
    trainer.train()
    assert trainer.test_acc_list[-1] > 0.9 > trainer.test_acc_list[0] or trainer.test_acc_list[0] > 0.9
    assert trainer.test_acc_list[-1] > 0.9


def test_evaluate_sample_and_verbose_output(capsys):
    x, t = toy(100)
    trainer = Trainer(MultiLayerNet(3, [4], 2), x, t, x[:50], t[:50], epochs=2, mini_batch_size=50,
                      evaluate_sample_num_per_epoch=10, verbose=True)
    trainer.train()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("epoch   0  train acc")
    assert all(round(a * 10) == a * 10 for a in trainer.train_acc_list)  # out of 10 samples


def test_quiet_by_default_when_not_a_terminal(capsys):
    x, t = toy(40)
    Trainer(MultiLayerNet(3, [4], 2), x, t, x, t, epochs=1, mini_batch_size=20).train()
    assert capsys.readouterr().out == ""


def test_a_network_without_gradient_is_refused():
    with pytest.raises(TypeError, match="Trainer expects a network with params, gradient, loss and accuracy, got Params without gradient"):
        class Params(dict):
            params = {}
        Trainer(Params(), *toy(10), *toy(10))
