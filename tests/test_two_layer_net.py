"""TwoLayerNet and simpleNet: backprop matches numerical gradients; training learns."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.gradient import numerical_gradient
from nn_text.simple_net import simpleNet
from nn_text.training import train_two_layer_net
from nn_text.two_layer_net import TwoLayerNet

BOOK_W = np.array([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]])


def test_simple_net_gradient_book_values():
    net = simpleNet()
    net.W = BOOK_W.copy()
    x, t = np.array([0.6, 0.9]), np.array([0, 0, 1])
    dW = numerical_gradient(lambda W: net.loss(x, t), net.W)
    expected = [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]
    assert dW == pytest.approx(np.array(expected), abs=1e-6)
    assert np.array_equal(net.W, BOOK_W)  # nudged and restored


def test_simple_net_is_seeded():
    assert np.array_equal(simpleNet().W, simpleNet().W)
    assert not np.array_equal(simpleNet(np.random.default_rng(1)).W, simpleNet().W)


@pytest.mark.parametrize("labels", [True, False])
def test_backprop_matches_numerical_gradient(labels):
    rng = np.random.default_rng(3)
    net = TwoLayerNet(6, 5, 3, weight_init_std=0.5, rng=rng)
    x = rng.random((4, 6))
    t = np.array([0, 2, 1, 2])
    if not labels:
        t = np.eye(3)[t]
    numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
    for key in net.params:
        assert np.allclose(numeric[key], backprop[key], atol=1e-8, rtol=1e-5), key


def test_constructor_and_predict_errors_are_named():
    with pytest.raises(ValueError, match="TwoLayerNet expects hidden_size to be a positive int, got 0"):
        TwoLayerNet(784, 0, 10)
    net = TwoLayerNet(784, 50, 10)
    with pytest.raises(ValueError, match=r"TwoLayerNet.predict expects a batch x of shape \(N, 784\), got one sample of shape \(784,\); pass x.reshape\(1, -1\)"):
        net.predict(np.zeros(784))
    with pytest.raises(ValueError, match=r"expects x of shape \(N, 784\) to match W1 of shape \(784, 50\), got x of shape \(2, 10\)"):
        net.predict(np.zeros((2, 10)))


def test_training_is_deterministic_and_learns_a_toy_task():
    rng = np.random.default_rng(0)
    x = rng.random((300, 5))
    t = (x[:, 0] + x[:, 1] > 1).astype(int)
    runs = [train_two_layer_net(x, t, x, t, hidden_size=10, iters_num=600, batch_size=30,
                                learning_rate=2.0)[1] for _ in range(2)]
    assert runs[0] == runs[1]
    assert runs[0]["train_acc"][-1] > 0.9
    assert np.mean(runs[0]["loss"][-50:]) < np.mean(runs[0]["loss"][:50])


def test_training_verbose_prints_per_epoch(capsys):
    x = np.random.default_rng(0).random((40, 3))
    train_two_layer_net(x, np.zeros(40, int), x, np.zeros(40, int), iters_num=8, batch_size=10,
                        verbose=True)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("epoch   0  loss")


def test_training_is_quiet_by_default(capsys):
    x = np.random.default_rng(0).random((40, 3))
    train_two_layer_net(x, np.zeros(40, int), x, np.zeros(40, int), iters_num=8, batch_size=10)
    assert capsys.readouterr().out == ""


def test_training_rejects_mismatched_data():
    x = np.zeros((10, 3))
    with pytest.raises(ValueError, match="expects one label per image, got 10 train images with 9 labels"):
        train_two_layer_net(x, np.zeros(9, int), x, np.zeros(10, int))


def test_training_prints_by_default_when_output_is_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    x = np.random.default_rng(0).random((40, 3))
    train_two_layer_net(x, np.zeros(40, int), x, np.zeros(40, int), iters_num=8, batch_size=10)
    assert capsys.readouterr().out.startswith("epoch   0  loss")


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.integers(2, 4), st.integers(1, 4),
       st.integers(0, 2**32 - 1))
def test_backprop_matches_numerical_gradient_for_any_shape(n_in, hidden, n_out, batch, seed):
    rng = np.random.default_rng(seed)
    net = TwoLayerNet(n_in, hidden, n_out, weight_init_std=1.0, rng=rng)
    x = rng.standard_normal((batch, n_in))
    t = rng.integers(0, n_out, batch)
    # Backprop is the exact gradient; the loss adds EPS inside log, which shifts the numerical
    # gradient by about EPS / y (1e-4 when a right class gets y = 1e-3). Without EPS they agree.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("nn_text.losses.EPS", 0.0)
        numeric = net.numerical_gradient(x, t)
    backprop = net.gradient(x, t)
    for key in net.params:
        assert np.allclose(numeric[key], backprop[key], atol=1e-7, rtol=1e-5), key
