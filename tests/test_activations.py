"""Activation functions: the book's values, shapes, stability and no mutation of inputs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nn_text.activations import (identity_function, leaky_relu, relu, sigmoid, softmax,
                                 step_function)

ALL = [step_function, sigmoid, relu, leaky_relu, identity_function, softmax]
finite = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)
rows = arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 8)), elements=finite)


def test_step_function_is_zero_at_zero_and_returns_ints():
    y = step_function(np.array([-1.0, 0.0, 1e-12, 5.0]))
    assert y.tolist() == [0, 0, 1, 1]
    assert y.dtype.kind == "i"


def test_sigmoid_limits_and_midpoint():
    y = sigmoid(np.array([-50.0, 0.0, 50.0]))
    assert y[0] == pytest.approx(0, abs=1e-20)  # tends to 0, not -1
    assert y[1] == 0.5
    assert y[2] == pytest.approx(1)


def test_sigmoid_matches_the_textbook_formula_where_that_is_safe():
    x = np.linspace(-30, 30, 101)
    assert np.allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12, atol=0)


def test_relu_and_leaky_relu():
    x = np.array([-2.0, -0.5, 0.0, 3.0])
    assert relu(x).tolist() == [0, 0, 0, 3]
    assert leaky_relu(x, alpha=0.1).tolist() == pytest.approx([-0.2, -0.05, 0, 3])
    with pytest.raises(ValueError, match=r"leaky_relu expects 0 <= alpha < 1, got alpha=1.5"):
        leaky_relu(x, alpha=1.5)


def test_softmax_book_example():
    y = softmax(np.array([0.3, 2.9, 4.0]))
    assert y == pytest.approx([0.01821127, 0.24519181, 0.73659691], abs=1e-8)


def test_softmax_overflow_example_is_finite_while_the_naive_formula_is_not():
    a = np.array([1010.0, 1000.0, 990.0])
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(a) / np.sum(np.exp(a))
    assert np.isnan(naive).all()
    assert np.isfinite(softmax(a)).all()


def test_softmax_is_per_row_for_batches():
    a = np.array([[0.3, 2.9, 4.0], [1010.0, 1000.0, 990.0]])
    assert softmax(a)[0] == pytest.approx(softmax(a[0]))
    assert softmax(a)[1] == pytest.approx(softmax(a[1]))


@settings(max_examples=200, deadline=None)
@given(rows)
def test_softmax_rows_sum_to_one_and_never_overflow(a):
    y = softmax(a)
    assert np.all(np.isfinite(y)) and np.all(y >= 0)
    assert np.allclose(y.sum(axis=1), 1)


@settings(max_examples=200, deadline=None)
@given(rows, st.floats(-1e3, 1e3))
def test_softmax_is_shift_invariant(a, c):
    assert np.allclose(softmax(a), softmax(a + c), atol=1e-9)


@settings(max_examples=100, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_in_unit_interval_and_monotone(x):
    y = sigmoid(np.sort(x))
    assert np.all((0 <= y) & (y <= 1))
    assert np.all(np.diff(y) >= 0)


@pytest.mark.parametrize("f", ALL, ids=lambda f: f.__name__)
def test_functions_do_not_change_their_argument(f):
    x = np.array([[-1.0, 0.0, 2.0]])
    before = x.copy()
    y = f(x)
    y[...] = 99  # writing to the result must not reach the caller's array either
    assert np.array_equal(x, before)


@pytest.mark.parametrize("f", ALL, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "bad, error, message",
    [
        ("abc", TypeError, "to be an array of numbers, got str 'abc'"),
        (None, TypeError, "to be an array of numbers, got NoneType None"),
        (np.array([]), ValueError, r"to be non-empty, got shape \(0,\)"),
        (np.array([1.0, np.nan]), ValueError, "to be finite, got NaN or inf"),
        (np.array([1.0, np.inf]), ValueError, "to be finite, got NaN or inf"),
        (np.array(["a", "b"]), TypeError, "to hold numbers, got dtype <U1"),
        ([[1, 2], [3]], ValueError, "to be a rectangular array"),
    ],
)
def test_bad_input_is_named(f, bad, error, message):
    with pytest.raises(error, match=f"^{f.__name__} expects .*{message}"):
        f(bad)


def test_softmax_rejects_3d_with_its_shape():
    with pytest.raises(ValueError, match=r"softmax expects a to be 1-D or 2-D, got shape \(2, 2, 2\)"):
        softmax(np.zeros((2, 2, 2)))


def test_int_arrays_work_and_stay_ints_where_the_formula_allows():
    # As in the book: no conversion to float before the formula.
    assert relu(np.array([-2, 3])).tolist() == [0, 3] and relu(np.array([1])).dtype.kind == "i"
    assert identity_function(np.array([1, 2])).dtype.kind == "i"
    assert sigmoid(np.array([0, 1000])).tolist() == [0.5, 1.0]
    assert softmax(np.array([0, 0])).tolist() == [0.5, 0.5]


@pytest.mark.parametrize("f", ALL, ids=lambda f: f.__name__)
def test_lists_are_refused_with_the_fix(f):
    with pytest.raises(TypeError, match=rf"^{f.__name__} expects .* to be a NumPy array, got list; "
                                        r"wrap it in np.array\(...\)"):
        f([1.0, 2.0])
