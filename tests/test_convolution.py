"""Convolution: against a direct sum over positions, and backward against numerical gradients."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.convolution import Convolution
from nn_text.gradient import numerical_gradient

from test_im2col import shapes


def direct_convolution(x, W, b, stride, pad):
    N, C, H, Wd = x.shape
    FN, _, FH, FW = W.shape
    img = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    oh, ow = (H + 2 * pad - FH) // stride + 1, (Wd + 2 * pad - FW) // stride + 1
    out = np.zeros((N, FN, oh, ow))
    for n in range(N):
        for f in range(FN):
            for i in range(oh):
                for j in range(ow):
                    patch = img[n, :, i * stride:i * stride + FH, j * stride:j * stride + FW]
                    out[n, f, i, j] = np.sum(patch * W[f]) + b[f]
    return out


@settings(max_examples=40, deadline=None)
@given(case=shapes, fn=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_forward_matches_direct_sum_and_backward_matches_numerical(case, fn, seed):
    (N, C, H, W), fh, fw, stride, pad = case
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W))
    Wt, b = rng.standard_normal((fn, C, fh, fw)), rng.standard_normal(fn)
    conv = Convolution(Wt, b, stride, pad)
    out = conv.forward(x)
    assert np.allclose(out, direct_convolution(x, Wt, b, stride, pad))

    dout = rng.standard_normal(out.shape)
    dx = conv.backward(dout)
    loss = lambda _: float(np.sum(Convolution(Wt, b, stride, pad).forward(x) * dout))
    assert np.allclose(dx, numerical_gradient(loss, x), rtol=1e-4, atol=1e-7)
    assert np.allclose(conv.dW, numerical_gradient(loss, Wt), rtol=1e-4, atol=1e-7)
    assert np.allclose(conv.db, numerical_gradient(loss, b), rtol=1e-4, atol=1e-7)


# Fixed cases next to the random ones above: the input gradient dx is what a stacked convolution
# passes back to the layer before it, and SimpleConvNet's gradient check (its convolution is the
# first layer) never sees it. Each case tiles: (H + 2*pad - FH) is a multiple of stride.
@pytest.mark.parametrize("x_shape, w_shape, stride, pad", [
    ((2, 3, 5, 5), (2, 3, 3, 3), 1, 0),
    ((2, 3, 5, 5), (2, 3, 3, 3), 1, 1),
    ((2, 3, 5, 5), (2, 3, 3, 3), 2, 1),
    ((1, 2, 7, 6), (3, 2, 3, 2), 2, 0),
    ((1, 1, 5, 5), (2, 1, 3, 3), 3, 2),
])
def test_backward_dx_matches_numerical_gradient(x_shape, w_shape, stride, pad):
    rng = np.random.default_rng(0)
    x = rng.standard_normal(x_shape)  # float64
    conv = Convolution(rng.standard_normal(w_shape), rng.standard_normal(w_shape[0]), stride, pad)
    dout = rng.standard_normal(conv.forward(x).shape)
    dx = conv.backward(dout)

    def weighted_output(x_):  # its gradient with respect to x is dx
        return float(np.sum(conv.forward(x_) * dout))

    assert dx.shape == x.shape
    assert np.allclose(dx, numerical_gradient(weighted_output, x), rtol=1e-6, atol=1e-8)


def test_shares_weights_and_keeps_input():
    W, b = np.zeros((1, 1, 2, 2)), np.zeros(1)
    conv = Convolution(W, b)
    W += 1.0  # an in-place update of params reaches the layer
    x = np.ones((1, 1, 2, 2))
    assert conv.forward(x)[0, 0, 0, 0] == 4.0
    assert np.array_equal(x, np.ones((1, 1, 2, 2)))


def test_book_simple_conv_net_shapes():
    rng = np.random.default_rng(0)
    conv = Convolution(0.01 * rng.standard_normal((30, 1, 5, 5)), np.zeros(30))
    out = conv.forward(rng.random((2, 1, 28, 28)))
    assert out.shape == (2, 30, 24, 24)
    assert conv.backward(np.ones_like(out)).shape == (2, 1, 28, 28)
    assert conv.dW.shape == (30, 1, 5, 5) and conv.db.shape == (30,)


def test_backward_before_forward():
    with pytest.raises(RuntimeError, match="Convolution.backward needs Convolution.forward first"):
        Convolution(np.ones((1, 1, 2, 2)), np.zeros(1)).backward(np.ones((1, 1, 1, 1)))


# --- the fast layer against the book's ------------------------------------------------------

from nn_text.convolution import BookConvolution  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(case=shapes, fn=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def test_fast_layer_equals_the_books(case, fn, seed):
    (N, C, H, W), fh, fw, stride, pad = case
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, C, H, W))
    Wt, b = rng.standard_normal((fn, C, fh, fw)), rng.standard_normal(fn)
    fast, book = Convolution(Wt, b, stride, pad), BookConvolution(Wt, b, stride, pad)
    out = fast.forward(x)
    assert np.allclose(out, book.forward(x), rtol=1e-12, atol=1e-12)
    dout = rng.standard_normal(out.shape)
    assert np.allclose(fast.backward(dout), book.backward(dout.copy()), rtol=1e-12, atol=1e-12)
    assert np.allclose(fast.dW, book.dW, rtol=1e-12, atol=1e-12)
    assert np.allclose(fast.db, book.db, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("N", [25, 26, 61])
def test_input_gradient_in_chunks_of_25_covers_every_image(N):
    # backward folds 25 images at a time: a batch that is not a multiple of 25 ends in a short
    # chunk, and each image must get its own gradient (the hypothesis cases above stay small)
    rng = np.random.default_rng(N)
    x, W, b = rng.standard_normal((N, 2, 7, 7)), rng.standard_normal((3, 2, 3, 3)), np.zeros(3)
    fast, book = Convolution(W, b, pad=1), BookConvolution(W, b, pad=1)
    dout = rng.standard_normal(fast.forward(x).shape)
    book.forward(x)
    assert np.allclose(fast.backward(dout), book.backward(dout.copy()), rtol=1e-12, atol=1e-12)


def test_first_layer_skips_only_the_input_gradient():
    rng = np.random.default_rng(0)
    x, W, b = rng.random((3, 2, 6, 6)), rng.standard_normal((4, 2, 3, 3)), np.zeros(4)
    full, first = Convolution(W, b, pad=1), Convolution(W, b, pad=1, input_grad=False)
    dout = rng.standard_normal(full.forward(x).shape)
    first.forward(x)
    assert full.backward(dout) is not None and first.backward(dout) is None
    assert np.array_equal(full.dW, first.dW) and np.array_equal(full.db, first.db)


def test_float32_stays_float32_and_agrees_with_float64():
    rng = np.random.default_rng(0)
    x, W, b = rng.random((4, 3, 8, 8)), rng.standard_normal((5, 3, 3, 3)), rng.standard_normal(5)
    f64 = Convolution(W, b, pad=1)
    f32 = Convolution(W.astype(np.float32), b.astype(np.float32), pad=1)
    out64, out32 = f64.forward(x), f32.forward(x.astype(np.float32))
    dout = rng.standard_normal(out64.shape)
    dx64, dx32 = f64.backward(dout), f32.backward(dout.astype(np.float32))
    assert out32.dtype == dx32.dtype == f32.dW.dtype == f32.db.dtype == np.float32
    for a, b32 in ((out64, out32), (dx64, dx32), (f64.dW, f32.dW)):
        assert np.abs(a - b32).max() <= 1e-5 * np.abs(a).max()
