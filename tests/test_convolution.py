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
