"""im2col against a plain loop over output positions; col2im is its transpose."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.im2col import col2im, conv_output_size, im2col


def tiling(draw, max_size=7):
    """A random (N, C, H, W), filter and stride/pad that tile, drawn by hypothesis."""
    fh, fw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    stride, pad = draw(st.integers(1, 3)), draw(st.integers(0, 2))
    oh, ow = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    H, W = (oh - 1) * stride + fh - 2 * pad, (ow - 1) * stride + fw - 2 * pad
    if min(H, W) < 1:
        H, W, pad = (oh - 1) * stride + fh, (ow - 1) * stride + fw, 0
    N, C = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    return (N, C, H, W), fh, fw, stride, pad


shapes = st.composite(tiling)()


def naive_im2col(x, fh, fw, stride, pad):
    N, C, H, W = x.shape
    img = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    oh, ow = (H + 2 * pad - fh) // stride + 1, (W + 2 * pad - fw) // stride + 1
    rows = []
    for n in range(N):
        for i in range(oh):
            for j in range(ow):
                patch = img[n, :, i * stride:i * stride + fh, j * stride:j * stride + fw]
                rows.append(patch.reshape(-1))
    return np.array(rows)


@settings(max_examples=60, deadline=None)
@given(case=shapes, seed=st.integers(0, 2**32 - 1))
def test_im2col_matches_a_plain_loop(case, seed):
    shape, fh, fw, stride, pad = case
    x = np.random.default_rng(seed).standard_normal(shape)
    assert np.array_equal(im2col(x, fh, fw, stride, pad), naive_im2col(x, fh, fw, stride, pad))


@settings(max_examples=60, deadline=None)
@given(case=shapes, seed=st.integers(0, 2**32 - 1))
def test_col2im_is_the_transpose_of_im2col(case, seed):
    # <im2col(x), c> == <x, col2im(c)> for all x, c: what backpropagation through im2col needs
    shape, fh, fw, stride, pad = case
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    col = im2col(x, fh, fw, stride, pad)
    c = rng.standard_normal(col.shape)
    assert np.sum(col * c) == pytest.approx(np.sum(x * col2im(c, shape, fh, fw, stride, pad)))


def test_book_shapes():
    rng = np.random.default_rng(0)
    assert im2col(rng.random((1, 3, 7, 7)), 5, 5).shape == (9, 75)
    assert im2col(rng.random((10, 3, 7, 7)), 5, 5).shape == (90, 75)
    assert conv_output_size(28, 5) == 24 and conv_output_size(24, 2, stride=2) == 12


def test_inputs_are_not_changed():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    col = im2col(x, 2, 2, stride=2)
    before = (x.copy(), col.copy())
    col2im(col, x.shape, 2, 2, stride=2)
    assert np.array_equal(x, before[0]) and np.array_equal(col, before[1])
