"""Optimizers: each walks the book's f(x, y) = x**2 / 20 + y**2 to its minimum; Adam against the paper's form."""

import numpy as np
import pytest

from nn_text.layer_net import TwoLayerNet
from nn_text.optimizers import SGD, AdaGrad, Adam, Momentum, RMSprop


def grad_f(p):  # the book's f(x, y) = x**2 / 20 + y**2 (chapter 6)
    return {"x": p["x"] / 10.0, "y": 2.0 * p["y"]}


# the book's learning rates for this function
BOOK = [(SGD, 0.95), (Momentum, 0.1), (AdaGrad, 1.5), (Adam, 0.3), (RMSprop, 0.1)]


@pytest.mark.parametrize("cls, lr", BOOK, ids=[c.__name__ for c, _ in BOOK])
def test_each_optimizer_reaches_the_minimum_from_the_books_start(cls, lr):
    params = {"x": np.array([-7.0]), "y": np.array([2.0])}
    opt = cls(lr=lr)
    for _ in range(300):
        opt.update(params, grad_f(params))
    assert abs(params["x"][0]) < 0.5 and abs(params["y"][0]) < 0.5, (cls.__name__, params)


@pytest.mark.parametrize("cls", [SGD, Momentum, AdaGrad, RMSprop, Adam])
def test_update_is_in_place_and_reaches_the_layers(cls):
    net = TwoLayerNet(3, 4, 2, weight_init_std=1.0)
    W1 = net.params["W1"]
    before = W1.copy()
    x, t = np.random.default_rng(0).random((5, 3)), [0, 1, 1, 0, 1]
    cls(lr=0.1).update(net.params, net.gradient(x, t))
    assert net.params["W1"] is W1 and net.layers["Affine1"].W is W1
    assert not np.array_equal(W1, before)


def test_adam_matches_the_papers_bias_corrected_form():
    rng = np.random.default_rng(0)
    w = rng.standard_normal(5)
    params, opt = {"w": w.copy()}, Adam(lr=0.01)
    m = v = np.zeros(5)
    for step in range(1, 51):
        g = 2 * params["w"] + rng.standard_normal(5)
        # Kingma & Ba: m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t), w -= lr * m_hat / sqrt(v_hat)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w = w - 0.01 * (m / (1 - 0.9**step)) / np.sqrt(v / (1 - 0.999**step))
        opt.update(params, {"w": g})
        assert np.allclose(params["w"], w, rtol=1e-5, atol=1e-7), step


def test_momentum_keeps_a_velocity_per_parameter():
    params = {"a": np.zeros(2), "b": np.zeros((2, 2))}
    opt = Momentum(lr=1.0, momentum=0.5)
    opt.update(params, {"a": np.ones(2), "b": np.zeros((2, 2))})
    opt.update(params, {"a": np.zeros(2), "b": np.zeros((2, 2))})
    assert np.array_equal(params["a"], [-1.5, -1.5]) and not params["b"].any()


def test_sgd_does_not_change_grads():
    g = {"W": np.array([1.0, 2.0])}
    SGD(lr=0.1).update({"W": np.zeros(2)}, g)
    assert np.array_equal(g["W"], [1.0, 2.0])
