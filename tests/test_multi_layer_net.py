"""MultiLayerNet: backprop equals the numerical gradient in every configuration without dropout."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.multi_layer_net import MultiLayerNet, MultiLayerNetExtend, init_scale


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), hidden=st.lists(st.integers(2, 5), min_size=1, max_size=3),
       activation=st.sampled_from(["relu", "sigmoid"]), batchnorm=st.booleans(),
       decay=st.sampled_from([0.0, 0.1]))
def test_gradient_check(seed, hidden, activation, batchnorm, decay):
    rng = np.random.default_rng(seed)
    net = MultiLayerNet(4, hidden, 3, activation=activation, weight_init_std=1.0,
                        weight_decay_lambda=decay, use_batchnorm=batchnorm, rng=rng)
    for key in net.params:  # biases start at 0: a dead layer would put ReLU exactly on its kink
        if key.startswith("b"):
            net.params[key][:] = rng.standard_normal(net.params[key].shape)
    x = rng.standard_normal((6, 4))
    t = rng.integers(0, 3, 6)
    numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
    assert set(numeric) == set(backprop) == set(net.params)
    for key in net.params:
        # ReLU's kink can sit within h of an input: allow that element alone to differ
        close = np.isclose(numeric[key], backprop[key], rtol=1e-4, atol=1e-6)
        assert close.mean() > 0.9 and (close.all() or activation == "relu"), key


def test_weight_init_scales():
    for name, expected in [("he", np.sqrt(2 / 784)), ("relu", np.sqrt(2 / 784)),
                           ("xavier", np.sqrt(1 / 784)), ("sigmoid", np.sqrt(1 / 784)), (0.01, 0.01)]:
        W1 = MultiLayerNet(784, [500], 10, weight_init_std=name).params["W1"]
        assert W1.std() == pytest.approx(expected, rel=0.01), name
    assert init_scale("He", 50) == pytest.approx(0.2)


def test_dropout_changes_training_but_not_inference():
    net = MultiLayerNet(5, [50, 50], 3, use_dropout=True, dropout_ratio=0.5)
    x = np.random.default_rng(0).random((4, 5))
    assert np.array_equal(net.predict(x), net.predict(x))
    assert not np.array_equal(net.predict(x, train_flg=True), net.predict(x, train_flg=True))


def test_dropout_backward_uses_the_same_masks_as_its_forward():
    net = MultiLayerNet(3, [8], 2, use_dropout=True, weight_init_std=1.0)
    x, t = np.random.default_rng(1).random((4, 3)), [0, 1, 1, 0]
    grads = net.gradient(x, t)
    kept = net.layers["Dropout1"].mask  # (4, 8): the neurons kept in that step
    # a hidden neuron dropped for every sample gets no gradient in W2's row for it
    dead = ~kept.any(axis=0)
    assert np.all(grads["W2"][dead] == 0)


def test_weight_decay_shrinks_weights_and_is_in_the_loss():
    x, t = np.ones((2, 3)), [0, 1]
    plain = MultiLayerNet(3, [4], 2, weight_init_std=1.0)
    decayed = MultiLayerNet(3, [4], 2, weight_init_std=1.0, weight_decay_lambda=0.5)
    W = [decayed.params[k] for k in ("W1", "W2")]
    assert decayed.loss(x, t) == pytest.approx(plain.loss(x, t) + 0.25 * sum(np.sum(w**2) for w in W))
    assert np.allclose(decayed.gradient(x, t)["W1"], plain.gradient(x, t)["W1"] + 0.5 * W[0])


def test_book_name_is_the_same_class():
    assert MultiLayerNetExtend is MultiLayerNet
