"""Loss functions: the book's numbers, labels vs one-hot, batches, and finite at zero."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.activations import softmax
from nn_text.losses import EPS, cross_entropy_error, sum_squared_error

T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
Y_GOOD = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y_BAD = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])


def test_book_values():
    assert sum_squared_error(Y_GOOD, T) == pytest.approx(0.0975)
    assert sum_squared_error(Y_BAD, T) == pytest.approx(0.5975)
    assert cross_entropy_error(Y_GOOD, T) == pytest.approx(0.510825457099338)
    assert cross_entropy_error(Y_BAD, T) == pytest.approx(2.302584092994546)


@pytest.mark.parametrize("loss", [sum_squared_error, cross_entropy_error])
def test_labels_and_one_hot_agree_for_one_sample_and_batches(loss):
    y = np.stack([Y_GOOD, Y_BAD])
    assert loss(Y_GOOD, 2) == pytest.approx(loss(Y_GOOD, T))
    assert loss(y, [2, 2]) == pytest.approx(loss(y, np.stack([T, T])))
    assert loss(y, [2, 2]) == pytest.approx((loss(Y_GOOD, T) + loss(Y_BAD, T)) / 2)


def test_cross_entropy_is_finite_when_the_right_class_gets_zero():
    assert cross_entropy_error(Y_GOOD, 3) == pytest.approx(-np.log(EPS))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-50, 50), min_size=2, max_size=10), st.data())
def test_cross_entropy_of_softmax_is_finite_and_non_negative(scores, data):
    y = softmax(np.array(scores))
    label = data.draw(st.integers(0, len(scores) - 1))
    loss = cross_entropy_error(y, label)
    assert np.isfinite(loss) and loss >= -EPS  # log(1 + EPS) makes a perfect answer -1e-7


@pytest.mark.parametrize(
    "y, t, message",
    [
        (Y_GOOD, T[:5], r"expects t as one-hot with the shape of y \(10,\) or as integer labels "
                        r"of shape \(\), got t of shape \(5,\)"),
        (np.stack([Y_GOOD, Y_BAD]), [2, 2, 2], r"expects t as one-hot .* or as integer labels of shape \(2,\), got t of shape \(3,\)"),
        (np.stack([Y_GOOD, Y_BAD]), [2, 10], r"expects labels in 0..9 for y with 10 classes, got labels from 2 to 10"),
        (np.stack([Y_GOOD, Y_BAD]), [0.0, 2.0], r"expects t as one-hot .* got t of shape \(2,\) and dtype float64"),
        (np.zeros((2, 2, 2)), [0, 1], r"expects y to be 1-D or 2-D, got shape \(2, 2, 2\)"),
    ],
)
@pytest.mark.parametrize("loss", [sum_squared_error, cross_entropy_error])
def test_mismatches_are_named(loss, y, t, message):
    with pytest.raises(ValueError, match=f"^{loss.__name__} {message}"):
        loss(y, t)


def test_cross_entropy_wants_probabilities():
    with pytest.raises(ValueError, match=r"expects y to be probabilities in \[0, 1\] \(apply softmax first\), got values from -1 to 3"):
        cross_entropy_error(np.array([3.0, -1.0]), 0)
