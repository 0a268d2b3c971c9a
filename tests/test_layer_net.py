"""Chapter 5's TwoLayerNet: backprop through the layers equals the numerical gradient."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text import two_layer_net
from nn_text.layer_net import TwoLayerNet


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), sizes=st.tuples(*[st.integers(1, 6)] * 3),
       batch=st.integers(1, 4), labels=st.booleans())
def test_gradient_check(seed, sizes, batch, labels):
    rng = np.random.default_rng(seed)
    net = TwoLayerNet(*sizes, weight_init_std=1.0, rng=rng)
    x = rng.standard_normal((batch, sizes[0]))
    t = rng.integers(0, sizes[2], size=batch)
    t = t if labels else np.eye(sizes[2])[t]
    numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
    for key in net.params:
        # ReLU's kink can sit within h of a hidden input: that element alone may differ
        close = np.isclose(numeric[key], backprop[key], rtol=1e-4, atol=1e-6)
        assert close.mean() > 0.9 and (close.all() or key in ("W1", "b1")), key


def test_book_gradient_check_on_mnist_shapes():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(784, 50, 10, rng=rng)
    x = rng.random((3, 784))  # pixel-like values in [0, 1)
    t = np.eye(10)[[7, 2, 1]]
    numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
    for key in net.params:
        assert np.mean(np.abs(numeric[key] - backprop[key])) < 1e-9, key


def test_untrained_loss_is_log_of_the_class_count_like_chapter_4s_net():
    # all weights 0: both nets give every class the same probability, 1/2
    net5, net4 = TwoLayerNet(3, 2, 2, weight_init_std=0.0), two_layer_net.TwoLayerNet(3, 2, 2, weight_init_std=0.0)
    x, t = np.ones((2, 3)), [0, 1]
    assert net5.loss(x, t) == pytest.approx(net4.loss(x, t)) == pytest.approx(np.log(2))


def test_sgd_with_backprop_learns_a_toy_task():
    rng = np.random.default_rng(0)
    x = rng.random((200, 4))
    t = (x[:, 0] > x[:, 1]).astype(int)
    net = TwoLayerNet(4, 16, 2, weight_init_std=0.5, rng=rng)
    before = net.accuracy(x, t)
    for _ in range(300):
        grads = net.gradient(x, t)
        for key in net.params:
            net.params[key] -= 0.5 * grads[key]  # in place: the layers share these arrays
    assert net.accuracy(x, t) > 0.9 > before


def test_gradient_leaves_params_unchanged_and_is_repeatable():
    net = TwoLayerNet(5, 4, 3, weight_init_std=1.0)
    x, t = np.random.default_rng(1).random((2, 5)), [0, 2]
    before = {k: v.copy() for k, v in net.params.items()}
    first = net.gradient(x, t)
    second = net.gradient(x, t)
    for key in net.params:
        assert np.array_equal(net.params[key], before[key])
        assert np.array_equal(first[key], second[key])


def test_the_training_loop_that_chapter_5_lists_runs_and_learns():
    # docs/ch05/backprop-net shows tools/train_layer_net.py's train(); run it on a toy task
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "train_layer_net.py"
    spec = importlib.util.spec_from_file_location("train_layer_net", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = np.random.default_rng(0)
    x = rng.random((200, 4))
    t = np.eye(2)[(x[:, 0] > x[:, 1]).astype(int)]
    history = module.train(x, t, x, t, hidden_size=16, iters_num=400, batch_size=20,
                           learning_rate=0.5, rng=rng)
    assert len(history["loss"]) == 400 and len(history["test_acc"]) == 40
    assert history["test_acc"][-1] > 0.9
