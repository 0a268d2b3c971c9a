"""Dropout: the kept share, seeded masks, and backward through the same mask."""

import numpy as np

from nn_text.dropout import Dropout
from nn_text.gradient import numerical_gradient


def test_kept_share_and_test_time_scaling_agree_on_average():
    x = np.ones((200, 500))
    train = Dropout(0.3).forward(x)
    test = Dropout(0.3).forward(x, train_flg=False)
    assert abs(train.mean() - 0.7) < 0.01
    assert np.allclose(test, 0.7)


def test_masks_are_seeded_and_new_at_each_step():
    a, b = Dropout(0.5), Dropout(0.5)
    x = np.ones(50)
    first = a.forward(x)
    assert np.array_equal(first, b.forward(x))
    assert not np.array_equal(first, a.forward(x))


def test_backward_matches_numerical_gradient_for_the_fixed_mask():
    rng = np.random.default_rng(1)
    drop = Dropout(0.4, rng=rng)
    x, dout = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    drop.forward(x)
    mask = drop.mask.copy()
    numeric = numerical_gradient(lambda v: float(np.sum(v * mask * dout)), x.copy())
    assert np.allclose(drop.backward(dout), numeric)


def test_backward_after_a_test_forward_is_the_scaling():
    drop = Dropout(0.25)
    drop.forward(np.ones((2, 2)), train_flg=False)
    assert np.array_equal(drop.backward(np.ones((2, 2))), np.full((2, 2), 0.75))


def test_ratio_zero_keeps_everything():
    x = np.arange(6.0)
    assert np.array_equal(Dropout(0.0).forward(x), x)
