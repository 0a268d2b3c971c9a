"""Chapter 5 layers: the book's worked numbers, and backward == numerical gradient for each layer."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_text.gradient import numerical_gradient
from nn_text.layers import Affine, AddLayer, MulLayer, Relu, Sigmoid, SoftmaxWithLoss

SEEDS = st.integers(0, 2**32 - 1)
SIZES = st.integers(1, 5)


def numeric_input_grad(forward, x, dout):
    """Numerical gradient of sum(forward(x) * dout) for x: what backward(dout) must return."""
    x = x.copy()
    return numerical_gradient(lambda v: float(np.sum(forward(v) * dout)), x)


def assert_close(backprop, numeric, what):
    assert np.shape(backprop) == np.shape(numeric), what
    assert np.allclose(backprop, numeric, rtol=1e-4, atol=1e-7), (what, backprop, numeric)


def test_buy_apple_book_numbers():
    mul_apple_layer, mul_tax_layer = MulLayer(), MulLayer()
    apple_price = mul_apple_layer.forward(100, 2)
    price = mul_tax_layer.forward(apple_price, 1.1)
    assert price == pytest.approx(220)
    dapple_price, dtax = mul_tax_layer.backward(1)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    assert (dapple, dapple_num, dtax) == pytest.approx((2.2, 110, 200))
    # plain Python numbers, as in the book: ints stay ints (200 * 1 is 200)
    assert [type(v) for v in (price, dapple, dapple_num, dtax)] == [float, float, float, int]


def test_buy_apple_orange_book_numbers():
    mul_apple, mul_orange, add_fruit, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(100, 2)
    orange_price = mul_orange.forward(150, 3)
    all_price = add_fruit.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, 1.1)
    assert price == pytest.approx(715)
    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add_fruit.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert (dapple_num, dapple, dorange, dorange_num, dtax) == pytest.approx((110, 2.2, 3.3, 165, 650))


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=SIZES, d=SIZES, broadcast=st.sampled_from(["same", "row", "scalar"]))
def test_mul_and_add_backward_match_numerical(seed, n, d, broadcast):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d))
    y = {"same": rng.standard_normal((n, d)), "row": rng.standard_normal(d),
         "scalar": rng.standard_normal(())}[broadcast]
    y = float(y) if broadcast == "scalar" else y
    dout = rng.standard_normal((n, d))
    for cls in (MulLayer, AddLayer):
        layer = cls()
        layer.forward(x, y)
        dx, dy = layer.backward(dout)
        assert_close(dx, numeric_input_grad(lambda v: cls().forward(v, y), x, dout), f"{cls.__name__} dx")
        y_arr = np.array(y, dtype=float)
        dy_num = numerical_gradient(lambda v: float(np.sum(cls().forward(x, v) * dout)), y_arr)
        assert_close(dy, dy_num, f"{cls.__name__} dy")


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, shape=st.lists(SIZES, min_size=1, max_size=4))
def test_relu_backward_matches_numerical(seed, shape):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    x[np.abs(x) < 1e-3] = 0.5  # keep clear of the kink at 0, where the slope is a convention
    dout = rng.standard_normal(shape)
    layer = Relu()
    layer.forward(x)
    assert_close(layer.backward(dout), numeric_input_grad(lambda v: Relu().forward(v), x, dout), "Relu")


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, shape=st.lists(SIZES, min_size=1, max_size=4), scale=st.sampled_from([1.0, 10.0]))
def test_sigmoid_backward_matches_numerical(seed, shape, scale):
    rng = np.random.default_rng(seed)
    x = scale * rng.standard_normal(shape)
    dout = rng.standard_normal(shape)
    layer = Sigmoid()
    layer.forward(x)
    assert_close(layer.backward(dout), numeric_input_grad(lambda v: Sigmoid().forward(v), x, dout), "Sigmoid")


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=SIZES, d=SIZES, h=SIZES, images=st.booleans())
def test_affine_backward_matches_numerical(seed, n, d, h, images):
    rng = np.random.default_rng(seed)
    x_shape = (n, 1, d, 2) if images else (n, d)
    features = int(np.prod(x_shape[1:]))
    x = rng.standard_normal(x_shape)
    W, b = rng.standard_normal((features, h)), rng.standard_normal(h)
    dout = rng.standard_normal((n, h))
    layer = Affine(W, b)
    layer.forward(x)
    dx = layer.backward(dout)
    assert_close(dx, numeric_input_grad(lambda v: Affine(W, b).forward(v), x, dout), "Affine dx")
    loss = lambda _: float(np.sum(Affine(W, b).forward(x) * dout))  # W, b nudged in place
    assert_close(layer.dW, numerical_gradient(loss, W), "Affine dW")
    assert_close(layer.db, numerical_gradient(loss, b), "Affine db")


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=SIZES, c=st.integers(2, 6), labels=st.booleans(), dout=st.sampled_from([1.0, 0.5]))
def test_softmax_with_loss_backward_matches_numerical(seed, n, c, labels, dout):
    rng = np.random.default_rng(seed)
    x = 3 * rng.standard_normal((n, c))
    t = rng.integers(0, c, size=n)
    t = t if labels else np.eye(c)[t]
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward(dout)
    onehot = t if t.ndim == 2 else np.eye(c)[t]

    def exact_loss(v):  # log-sum-exp cross-entropy, without the EPS that the layer adds in log
        log_y = v - v.max(axis=1, keepdims=True)
        log_y -= np.log(np.exp(log_y).sum(axis=1, keepdims=True))
        return dout * float(-np.sum(onehot * log_y) / n)

    numeric = numerical_gradient(exact_loss, x.copy())
    assert_close(dx, numeric, "SoftmaxWithLoss dx")


def test_softmax_with_loss_one_sample_and_large_scores():
    layer = SoftmaxWithLoss()
    loss = layer.forward(np.array([1000.0, 0.0, -1000.0]), 0)  # no overflow: stable softmax
    assert loss == pytest.approx(0.0, abs=1e-6)
    dx = layer.backward()
    assert dx.shape == (3,) and np.allclose(dx, 0.0)


def test_softmax_with_loss_gradient_is_y_minus_t_over_n():
    x = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    layer = SoftmaxWithLoss()
    layer.forward(x, [2, 0])
    y = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    assert np.allclose(layer.backward(), (y - np.eye(3)[[2, 0]]) / 2)


def test_backward_never_changes_dout_or_forward_input():
    x = np.array([[-1.0, 2.0], [3.0, -4.0]])
    x_before = x.copy()
    for layer in (Relu(), Sigmoid(), Affine(np.ones((2, 2)), np.zeros(2))):
        out = layer.forward(x)
        assert out is not x
        dout = np.ones_like(out)
        layer.backward(dout)
        assert np.array_equal(dout, np.ones_like(out)), type(layer).__name__
    assert np.array_equal(x, x_before)


def test_affine_shares_weights_with_the_caller():
    W, b = np.zeros((2, 1)), np.zeros(1)
    layer = Affine(W, b)
    W += 1.0  # an optimizer's in-place update of params["W1"] reaches the layer
    assert layer.forward(np.ones((1, 2)))[0, 0] == 2.0


def test_relu_slope_at_zero_is_zero_in_forward_and_backward():
    layer = Relu()
    assert layer.forward(np.array([0.0]))[0] == 0.0
    assert layer.backward(np.array([1.0]))[0] == 0.0


@pytest.mark.parametrize("layer", [MulLayer(), AddLayer(), Relu(), Sigmoid(),
                                   Affine(np.ones((2, 2)), np.zeros(2)), SoftmaxWithLoss()],
                         ids=lambda layer: type(layer).__name__)
def test_backward_before_forward_is_a_clear_error(layer):
    name = type(layer).__name__
    with pytest.raises(RuntimeError, match=f"{name}.backward needs {name}.forward first"):
        layer.backward(np.ones((1, 2)))
