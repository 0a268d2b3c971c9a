"""The chapter 3 network: the book's forward pass, MNIST inference with shipped weights."""

import os
from pathlib import Path

import numpy as np
import pytest

from nn_text.network import accuracy, forward, init_network, load_pretrained, predict

MNIST_READY = (Path(os.environ.get("NN_TEXT_DATA", "")) / "mnist.npz").is_file()
BOOK_ACCURACY = 0.9352


def test_forward_book_output():
    assert forward(init_network(), np.array([1.0, 0.5])) == pytest.approx([0.31682708, 0.69627909])


def test_forward_batch_equals_rows():
    x = np.array([[1.0, 0.5], [0.2, -0.3], [0.0, 0.0]])
    batch = forward(init_network(), x)
    assert np.allclose(batch, [forward(init_network(), row) for row in x])


def test_forward_does_not_change_the_network():
    net = init_network()
    before = {k: v.copy() for k, v in net.items()}
    forward(net, np.array([1.0, 0.5]))
    assert all(np.array_equal(net[k], before[k]) for k in net)


@pytest.mark.parametrize("change, message", [
    (lambda n: n.pop("W2"), "expects network to hold W1, b1, W2, b2, W3, b3; missing W2"),
    (lambda n: n.update(W1=n["W1"].T), r"expects x of shape \(3,\) or \(N, 3\) to match W1 of shape \(3, 2\), got x of shape \(2,\)"),
    (lambda n: n.update(b1=np.zeros(4)), r"expects b1 of shape \(3,\) to match W1 of shape \(2, 3\), got b1 of shape \(4,\)"),
    (lambda n: n.update(W2=np.zeros((4, 2))), r"expects W2 to have 3 rows to follow W1 of shape \(2, 3\), got W2 of shape \(4, 2\)"),
])
def test_bad_networks_are_named(change, message):
    net = init_network()
    change(net)
    with pytest.raises(ValueError, match=f"^forward {message}"):
        forward(net, np.array([1.0, 0.5]))


def test_predict_suggests_flattening_images():
    with pytest.raises(ValueError, match=r"got x of shape \(5, 28, 28\); flatten images with x.reshape\(len\(x\), -1\)"):
        predict(load_pretrained(), np.zeros((5, 28, 28)))


def test_shipped_weights_are_float32_and_finite():
    weights = load_pretrained()
    assert all(w.dtype == np.float32 and np.isfinite(w).all() for w in weights.values())


def test_accuracy_with_one_hot_and_bad_shapes():
    y = np.array([[0.1, 0.9], [0.8, 0.2]])
    assert accuracy(y, np.array([[0, 1], [0, 1]])) == 0.5
    with pytest.raises(ValueError, match=r"accuracy expects one label per row of y \(2, 2\)"):
        accuracy(y, [1, 0, 1])


@pytest.mark.skipif(not MNIST_READY, reason="real MNIST not provisioned (python3 tools/dev.py setup)")
def test_shipped_weights_beat_the_books_sample_weights_on_real_mnist():
    from nn_text.mnist import load_mnist

    _, (x_test, t_test) = load_mnist()
    network = load_pretrained()
    acc = accuracy(predict(network, x_test), t_test)
    assert acc >= BOOK_ACCURACY, acc
    # Batch processing gives exactly the one-at-a-time answer.
    one_by_one = [np.argmax(predict(network, x)) for x in x_test[:200]]
    assert one_by_one == list(np.argmax(predict(network, x_test[:200]), axis=1))
