"""Numerical differentiation: the book's numbers, any shape, input restored, bad input named."""

import numpy as np
import pytest

from nn_text.gradient import gradient_descent, numerical_diff, numerical_gradient


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    return np.sum(x**2)


def test_numerical_diff_book_values():
    assert numerical_diff(function_1, 5) == pytest.approx(0.2, abs=1e-9)
    assert numerical_diff(function_1, 10) == pytest.approx(0.3, abs=1e-9)


def test_tiny_h_fails_as_the_book_says():
    assert numerical_diff(function_1, 5, h=1e-50) == 0.0  # 5 + 1e-50 == 5 in float64
    assert abs(numerical_diff(function_1, 5, h=1e-4) - 0.2) < 1e-9


@pytest.mark.parametrize("x, expected", [([3.0, 4.0], [6, 8]), ([0.0, 2.0], [0, 4]), ([3.0, 0.0], [6, 0])])
def test_numerical_gradient_book_values(x, expected):
    # The seed notes claimed [0, 2] and [3, 0]; the gradient of x0^2 + x1^2 is 2x.
    assert numerical_gradient(function_2, np.array(x)) == pytest.approx(expected)


def test_numerical_gradient_works_on_any_shape():
    rng = np.random.default_rng(0)
    for shape in [(5,), (2, 3), (2, 3, 4)]:
        x = rng.standard_normal(shape)
        assert np.allclose(numerical_gradient(function_2, x), 2 * x, atol=1e-6)


def test_numerical_gradient_restores_x_even_if_f_raises():
    x = np.array([1.0, 2.0])
    calls = []

    def f(v):
        calls.append(v.copy())
        if len(calls) == 2:
            raise RuntimeError("boom")
        return 0.0

    with pytest.raises(RuntimeError):
        numerical_gradient(f, x)
    assert x.tolist() == [1.0, 2.0]


def test_int_arrays_are_refused_with_the_fix():
    with pytest.raises(TypeError, match=r"x to be a float array, got dtype int\d+; convert it with x.astype\(float\)"):
        numerical_gradient(function_2, np.array([3, 4]))


@pytest.mark.parametrize("bad, error, message", [
    ([3.0, 4.0], TypeError, "x to be a NumPy array .* got list"),
    (np.array([np.nan, 1.0]), ValueError, "x to be finite"),
    (np.array([], dtype=float), ValueError, "x to be non-empty"),
])
def test_numerical_gradient_bad_x(bad, error, message):
    with pytest.raises(error, match=f"^numerical_gradient expects {message}"):
        numerical_gradient(function_2, bad)


@pytest.mark.parametrize("func", [numerical_gradient, gradient_descent])
def test_non_callable_f_is_named(func):
    with pytest.raises(TypeError, match=f"^{func.__name__} expects f to be a function, got int 3"):
        func(3, np.array([1.0]))


def test_gradient_descent_book_example_and_path():
    init = np.array([-3.0, 4.0])
    x, path = gradient_descent(function_2, init, lr=0.1, step_num=100)
    assert np.allclose(x, 0, atol=1e-8)
    assert init.tolist() == [-3.0, 4.0]  # the start is not moved
    assert path[0].tolist() == [-3.0, 4.0] and path.shape == (100, 2)
    assert np.all(np.diff([function_2(p) for p in path]) < 0)  # downhill every step


def test_learning_rates_too_large_and_too_small():
    big, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    small, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=1e-10, step_num=100)
    assert np.abs(big).max() > 1e10  # diverges
    assert np.allclose(small, [-3.0, 4.0], atol=1e-6)  # barely moves


@pytest.mark.parametrize("kwargs, message", [({"lr": 0}, "lr > 0, got lr=0"),
                                              ({"step_num": 0}, "step_num to be a positive int, got 0"),
                                              ({"step_num": 2.5}, "step_num to be a positive int, got 2.5")])
def test_gradient_descent_settings(kwargs, message):
    with pytest.raises(ValueError, match=f"^gradient_descent expects {message}"):
        gradient_descent(function_2, np.array([1.0]), **kwargs)
