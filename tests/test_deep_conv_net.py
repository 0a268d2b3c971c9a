"""DeepConvNet: the book's architecture, its gradient against numerical differences, float32,
and a few training steps on real MNIST in which the loss falls."""

import os
from pathlib import Path

import numpy as np
import pytest

from nn_text.convolution import Convolution
from nn_text.deep_conv_net import DeepConvNet
from nn_text.optimizers import Adam

REAL = (Path(os.environ.get("NN_TEXT_DATA", "")) / "mnist.npz").is_file()


def test_the_books_shapes_layer_by_layer():
    net = DeepConvNet()
    h = np.zeros((2, 1, 28, 28))
    shapes = []
    for layer in net.layers:
        h = layer.forward(h)
        shapes.append(h.shape[1:])
    # conv conv pool, conv conv(pad 2) pool, conv conv pool, affine, affine
    assert shapes[4] == (16, 14, 14)
    assert shapes[9] == (32, 8, 8)
    assert shapes[14] == (64, 4, 4)
    assert shapes[-1] == (10,)
    assert sum(p.size for p in net.params.values()) == 123552


def test_he_initialization():
    net = DeepConvNet(rng=np.random.default_rng(1))
    fan_in = {"W1": 9, "W2": 144, "W3": 144, "W4": 288, "W5": 288, "W6": 576, "W7": 1024,
              "W8": 50}
    for key, n in fan_in.items():
        assert net.params[key].std() == pytest.approx(np.sqrt(2 / n), rel=0.25), key
    assert all(not net.params[f"b{i}"].any() for i in range(1, 9))


def numerical_entries(net, x, t, key, index, h=1e-5):
    """Central difference of the loss (dropout off) for one entry of one parameter."""
    p = net.params[key]
    old = p[index]
    p[index] = old + h
    plus = net.loss(x, t)
    p[index] = old - h
    minus = net.loss(x, t)
    p[index] = old
    return (plus - minus) / (2 * h)


def test_gradient_matches_numerical_in_float64():
    rng = np.random.default_rng(0)
    net = DeepConvNet(dropout_ratio=0.0, rng=rng)  # dropout off: the same function each call
    x, t = rng.random((3, 1, 28, 28)), np.array([3, 1, 4])
    grads = net.gradient(x, t)
    for key, p in net.params.items():
        assert grads[key].shape == p.shape and grads[key].dtype == np.float64
        flat = rng.choice(p.size, size=min(4, p.size), replace=False)
        for i in flat:
            index = np.unravel_index(i, p.shape)
            numeric = numerical_entries(net, x, t, key, index)
            assert grads[key][index] == pytest.approx(numeric, rel=1e-4, abs=1e-8), (key, index)


def test_first_layer_computes_no_input_gradient():
    net = DeepConvNet()
    assert isinstance(net.layers[0], Convolution) and net.layers[0].input_grad is False
    assert all(layer.input_grad for layer in net.layers[1:] if hasattr(layer, "input_grad"))


def test_float32_throughout():
    net = DeepConvNet(dtype=np.float32)
    x = np.random.default_rng(0).random((2, 1, 28, 28))  # float64 in: converted once
    assert net.predict(x).dtype == np.float32
    grads = net.gradient(x, np.array([0, 1]))
    assert all(g.dtype == np.float32 for g in grads.values())
    optimizer = Adam()
    optimizer.update(net.params, grads)
    assert all(p.dtype == np.float32 for p in net.params.values())
    assert all(m.dtype == np.float32 for m in optimizer.m.values())


def test_float32_and_float64_agree():
    x = np.random.default_rng(0).random((4, 1, 28, 28))
    y64 = DeepConvNet().predict(x)
    y32 = DeepConvNet(dtype=np.float32).predict(x)
    assert np.abs(y64 - y32).max() < 1e-4 * np.abs(y64).max()


def test_bad_input_dim_says_what_it_needs():
    with pytest.raises(ValueError, match=r"DeepConvNet expects input_dim \(C, 28, 28\)"):
        DeepConvNet(input_dim=(1, 32, 32))
    with pytest.raises(TypeError, match="DeepConvNet expects dtype to be a floating-point type"):
        DeepConvNet(dtype=np.int32)


@pytest.mark.skipif(not REAL, reason="needs real MNIST in $NN_TEXT_DATA (tools/dev.py sets it)")
def test_smoke_training_on_real_mnist_lowers_the_loss():
    from nn_text.mnist import load_mnist
    (x_train, t_train), _ = load_mnist(flatten=False)
    x, t = x_train[:300], t_train[:300]
    net = DeepConvNet(dtype=np.float32)
    optimizer = Adam(lr=0.001)
    before = net.loss(x, t)
    for step in range(30):  # 10 passes over 300 images, batches of 100
        batch = slice(step % 3 * 100, step % 3 * 100 + 100)
        optimizer.update(net.params, net.gradient(x[batch], t[batch]))
    after = net.loss(x, t)
    assert after < 0.75 * before, (before, after)  # 2.39 -> 1.49 here


def test_shipped_weights_are_small_float32_and_widen_exactly():
    from nn_text.deep_conv_net import load_pretrained
    path = Path(__file__).resolve().parents[1] / "nn_text" / "data" / "deep_conv_net.npz"
    assert path.stat().st_size <= 3 * 2**20  # the bound: at most 3 MB
    net32, net64 = load_pretrained(), load_pretrained(np.float64)
    assert {W.dtype for W in net32.params.values()} == {np.dtype(np.float32)}
    assert {W.dtype for W in net64.params.values()} == {np.dtype(np.float64)}
    for key, W in net32.params.items():
        assert np.array_equal(W.astype(np.float64), net64.params[key]), key


@pytest.mark.skipif(not REAL, reason="needs real MNIST in $NN_TEXT_DATA (tools/dev.py sets it)")
def test_shipped_weights_reach_the_books_accuracy_and_their_record():
    import json
    from nn_text.deep_conv_net import load_pretrained
    from nn_text.mnist import load_mnist
    _, (x_test, t_test) = load_mnist(flatten=False)
    accuracy = load_pretrained().accuracy(x_test, t_test)
    record = Path(__file__).resolve().parents[1] / "results" / "deep_conv_net.json"
    run = json.loads(record.read_text(encoding="utf-8"))
    assert accuracy >= 0.9935  # the book's shipped weights' test accuracy
    assert accuracy == pytest.approx(run["test_acc"][-1], abs=2e-4)  # the run that made them
