"""Batch normalization: statistics, running averages, and backward against numerical gradients."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nn_text.batch_normalization import BatchNormalization
from nn_text.gradient import numerical_gradient


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 6), d=st.integers(1, 4),
       images=st.booleans())
def test_backward_matches_numerical(seed, n, d, images):
    rng = np.random.default_rng(seed)
    shape = (n, d, 2, 1) if images else (n, d)
    features = int(np.prod(shape[1:]))
    x = 3 * rng.standard_normal(shape) + 1
    # a feature whose values nearly coincide has a variance near EPS, where the function bends
    # within the numerical step h: such a batch checks the difference formula, not backward
    assume(x.reshape(n, -1).std(axis=0).min() > 0.1)
    gamma, beta = rng.standard_normal(features), rng.standard_normal(features)
    dout = rng.standard_normal(shape)
    bn = BatchNormalization(gamma, beta)
    bn.forward(x)
    dx = bn.backward(dout)
    loss = lambda _: float(np.sum(BatchNormalization(gamma, beta).forward(x) * dout))
    assert np.allclose(dx, numerical_gradient(loss, x), rtol=1e-4, atol=1e-6)
    assert np.allclose(bn.dgamma, numerical_gradient(loss, gamma), rtol=1e-4, atol=1e-6)
    assert np.allclose(bn.dbeta, numerical_gradient(loss, beta), rtol=1e-4, atol=1e-6)


def test_training_output_has_mean_beta_and_std_gamma():
    rng = np.random.default_rng(0)
    x = 5 * rng.standard_normal((100, 3)) + 7
    out = BatchNormalization(np.array([1.0, 2.0, 3.0]), np.array([0.0, -1.0, 4.0])).forward(x)
    assert np.allclose(out.mean(axis=0), [0.0, -1.0, 4.0])
    assert np.allclose(out.std(axis=0), [1.0, 2.0, 3.0], rtol=1e-4)


def test_running_statistics_approach_the_data_and_serve_at_test_time():
    rng = np.random.default_rng(0)
    bn = BatchNormalization(np.ones(2), np.zeros(2))
    for _ in range(200):
        bn.forward(rng.normal([3.0, -2.0], [2.0, 0.5], size=(50, 2)))
    assert np.allclose(bn.running_mean, [3.0, -2.0], atol=0.2)
    assert np.allclose(bn.running_var, [4.0, 0.25], rtol=0.15)
    one = bn.forward(np.array([[3.0, -2.0]]), train_flg=False)  # a single sample works at test time
    assert np.allclose(one, 0.0, atol=0.15)


def test_the_callers_running_arrays_are_not_changed():
    mean = np.zeros(2)
    bn = BatchNormalization(np.ones(2), np.zeros(2), running_mean=mean)
    bn.forward(np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert np.array_equal(mean, [0.0, 0.0])


def test_backward_needs_a_training_forward():
    bn = BatchNormalization(np.ones(2), np.zeros(2))
    bn.forward(np.ones((1, 2)), train_flg=False)
    with pytest.raises(RuntimeError, match="BatchNormalization.backward needs BatchNormalization.forward first"):
        bn.backward(np.ones((1, 2)))
