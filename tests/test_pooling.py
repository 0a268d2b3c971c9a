"""Max pooling: against a plain loop, and backward against numerical gradients."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.gradient import numerical_gradient
from nn_text.pooling import Pooling

from test_im2col import shapes


def direct_max_pool(x, ph, pw, stride):
    N, C, H, W = x.shape
    oh, ow = (H - ph) // stride + 1, (W - pw) // stride + 1
    out = np.zeros((N, C, oh, ow))
    for i in range(oh):
        for j in range(ow):
            window = x[:, :, i * stride:i * stride + ph, j * stride:j * stride + pw]
            out[:, :, i, j] = window.max(axis=(2, 3))
    return out


@settings(max_examples=40, deadline=None)
@given(case=shapes, seed=st.integers(0, 2**32 - 1))
def test_forward_matches_loop_and_backward_matches_numerical(case, seed):
    (N, C, H, W), ph, pw, stride, pad = case
    rng = np.random.default_rng(seed)
    # distinct values far apart: the maximum of a window stays the maximum when nudged by h
    x = rng.permutation(N * C * H * W).reshape(N, C, H, W) * 0.01 + 1.0
    pool = Pooling(ph, pw, stride, pad)
    out = pool.forward(x)
    if pad == 0:
        assert np.array_equal(out, direct_max_pool(x, ph, pw, stride))
    dout = rng.standard_normal(out.shape)
    dx = pool.backward(dout)
    loss = lambda v: float(np.sum(Pooling(ph, pw, stride, pad).forward(v) * dout))
    assert np.allclose(dx, numerical_gradient(loss, x.copy()), rtol=1e-4, atol=1e-7)


def test_gradient_goes_to_the_first_maximum_on_ties():
    pool = Pooling(2, 2, stride=2)
    pool.forward(np.ones((1, 1, 2, 2)))
    assert np.array_equal(pool.backward(np.ones((1, 1, 1, 1))), [[[[1.0, 0.0], [0.0, 0.0]]]])


def test_channels_are_pooled_separately():
    x = np.stack([np.zeros((2, 2)), np.full((2, 2), 5.0)])[None]  # (1, 2, 2, 2)
    assert np.array_equal(Pooling(2, 2, stride=2).forward(x), [[[[0.0]], [[5.0]]]])


def test_backward_before_forward():
    with pytest.raises(RuntimeError, match="Pooling.backward needs Pooling.forward first"):
        Pooling(2, 2).backward(np.ones((1, 1, 1, 1)))


# --- the fast layer against the book's ------------------------------------------------------

from nn_text.pooling import BookPooling  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(case=shapes, levels=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def test_fast_layer_equals_the_books_ties_included(case, levels, seed):
    (N, C, H, W), ph, pw, stride, pad = case
    rng = np.random.default_rng(seed)
    # few distinct values (and zeros, as after ReLU): windows often hold their maximum twice,
    # and only the first of them may get the gradient, as in the book
    x = rng.integers(-1, levels, (N, C, H, W)).astype(float)
    fast, book = Pooling(ph, pw, stride, pad), BookPooling(ph, pw, stride, pad)
    out = fast.forward(x)
    assert np.array_equal(out, book.forward(x))
    dout = rng.standard_normal(out.shape)
    assert np.array_equal(fast.backward(dout), book.backward(dout.copy()))


def test_float32_stays_float32():
    x = np.random.default_rng(0).random((2, 3, 4, 4)).astype(np.float32)
    pool = Pooling(2, 2, stride=2)
    out = pool.forward(x)
    assert out.dtype == pool.backward(np.ones_like(out)).dtype == np.float32
