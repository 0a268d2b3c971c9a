"""What learners get wrong, answered with a clear error: one table, one probe per row.

Each probe calls a public function with a mistake a learner makes (wrong rank or shape, `W1`
transposed, labels vs one-hot, int arrays, NaN/inf, empty arrays, a non-callable `f` ...) and
checks the exception type and that the message names the function, what it expected and what
it got. Never a silent wrong answer, never a traceback from deep inside NumPy.
"""

import numpy as np
import pytest

from nn_text import activations as act
from nn_text import gradient, losses, mnist, network, perceptron
from nn_text.fonts import korean_font_family
from nn_text import layer_net
from nn_text.batch_normalization import BatchNormalization
from nn_text.convolution import Convolution
from nn_text.deep_conv_net import DeepConvNet
from nn_text.dropout import Dropout
from nn_text.im2col import col2im, conv_output_size, im2col
from nn_text.optimizers import SGD, AdaGrad, Adam, Momentum, RMSprop
from nn_text.pooling import Pooling
from nn_text.simple_conv_net import SimpleConvNet
from nn_text.multi_layer_net import MultiLayerNet, init_scale
from nn_text.trainer import Trainer
from nn_text.layers import Affine, AddLayer, MulLayer, Relu, Sigmoid, SoftmaxWithLoss
from nn_text.simple_net import simpleNet
from nn_text.training import train_two_layer_net
from nn_text.two_layer_net import TwoLayerNet

NAN, INF = float("nan"), float("inf")
X2 = np.array([[1.0, 0.5]])
Y = np.array([[0.1, 0.9], [0.8, 0.2]])


def net_with(**changes):
    net = network.init_network()
    net.update(changes)
    return net


def two_layer():
    return TwoLayerNet(4, 3, 2)


PROBES = []


def probe(name, call, error, message):
    PROBES.append(pytest.param(call, error, message, id=name))


# Perceptron gates: numbers only, finite.
for gate in [perceptron.AND, perceptron.NAND, perceptron.OR, perceptron.XOR, perceptron.AND_threshold]:
    g = gate.__name__
    probe(f"{g}-list", lambda gate=gate: gate([1, 0], 1), TypeError, f"{g} expects x1 to be a number such as 0 or 1, got list")
    probe(f"{g}-str", lambda gate=gate: gate(1, "1"), TypeError, f"{g} expects x2 to be a number such as 0 or 1, got str '1'")
    probe(f"{g}-none", lambda gate=gate: gate(None, 1), TypeError, f"{g} expects x1 .* got NoneType None")
    probe(f"{g}-array", lambda gate=gate: gate(np.array([1, 1]), 0), TypeError, f"{g} expects x1 to be a number")
    probe(f"{g}-nan", lambda gate=gate: gate(NAN, 1), ValueError, f"{g} expects x1 to be finite, got nan")
    probe(f"{g}-inf", lambda gate=gate: gate(1, -INF), ValueError, f"{g} expects x2 to be finite, got -inf")
probe("truth_table-not-callable", lambda: perceptron.truth_table("AND"), TypeError, "truth_table expects a gate function such as AND, got str 'AND'")

# Activation functions: arrays of finite numbers; softmax 1-D or 2-D.
for f in [act.step_function, act.sigmoid, act.relu, act.leaky_relu, act.identity_function, act.softmax]:
    n = f.__name__
    probe(f"{n}-str", lambda f=f: f("1.0"), TypeError, f"{n} expects .* to be an array of numbers, got str")
    probe(f"{n}-none", lambda f=f: f(None), TypeError, f"{n} expects .* got NoneType None")
    probe(f"{n}-empty", lambda f=f: f(np.array([])), ValueError, rf"{n} expects .* non-empty, got shape \(0,\)")
    probe(f"{n}-nan", lambda f=f: f(np.array([0.0, NAN])), ValueError, f"{n} expects .* to be finite")
    probe(f"{n}-inf", lambda f=f: f([INF]), ValueError, f"{n} expects .* to be finite")
    probe(f"{n}-ragged", lambda f=f: f([[1.0, 2.0], [3.0]]), ValueError, f"{n} expects .* to be a rectangular array")
    probe(f"{n}-strings", lambda f=f: f(np.array(["1", "2"])), TypeError, f"{n} expects .* to hold numbers, got dtype <U1")
    probe(f"{n}-objects", lambda f=f: f(np.array([1, None], dtype=object)), TypeError, f"{n} expects .* to hold numbers, got dtype object")
probe("softmax-3d", lambda: act.softmax(np.zeros((2, 2, 2))), ValueError, r"softmax expects a to be 1-D or 2-D, got shape \(2, 2, 2\)")
probe("softmax-scalar", lambda: act.softmax(3.0), ValueError, r"softmax expects a to be 1-D or 2-D, got shape \(\)")
probe("leaky_relu-alpha", lambda: act.leaky_relu([1.0], alpha=-0.1), ValueError, r"leaky_relu expects 0 <= alpha < 1, got alpha=-0.1")
probe("sigmoid-list", lambda: act.sigmoid([1.0, 2.0]), TypeError, r"sigmoid expects x to be a NumPy array, got list; wrap it in np.array\(...\)")
probe("step_function-float", lambda: act.step_function(3.0), TypeError, r"step_function expects x to be a NumPy array, got float")
probe("softmax-uint8", lambda: act.softmax(np.array([1, 2], dtype=np.uint8)), TypeError, r"softmax expects a to be a float or signed int array, got dtype uint8; convert it with a.astype\(float\)")
probe("sigmoid-bool", lambda: act.sigmoid(np.array([True, False])), TypeError, "sigmoid expects x to be a float or signed int array, got dtype bool")

# Loss functions: y and t must match; labels in range; probabilities for cross-entropy.
for f in [losses.sum_squared_error, losses.cross_entropy_error]:
    n = f.__name__
    probe(f"{n}-t-too-short", lambda f=f: f(Y, [1]), ValueError, rf"{n} expects t as one-hot with the shape of y \(2, 2\) or as integer labels of shape \(2,\), got t of shape \(1,\)")
    probe(f"{n}-onehot-wrong-width", lambda f=f: f(Y, np.eye(3)[[0, 1]]), ValueError, rf"{n} expects t .* got t of shape \(2, 3\)")
    probe(f"{n}-float-labels", lambda f=f: f(Y, [1.0, 0.0]), ValueError, rf"{n} expects t .* dtype float64")
    probe(f"{n}-label-too-big", lambda f=f: f(Y, [1, 2]), ValueError, f"{n} expects labels in 0..1 for y with 2 classes, got labels from 1 to 2")
    probe(f"{n}-negative-label", lambda f=f: f(Y, [-1, 0]), ValueError, f"{n} expects labels in 0..1 .* from -1 to 0")
    probe(f"{n}-y-3d", lambda f=f: f(np.zeros((1, 2, 2)), [0]), ValueError, rf"{n} expects y to be 1-D or 2-D, got shape \(1, 2, 2\)")
    probe(f"{n}-y-nan", lambda f=f: f([0.5, NAN], [1, 0]), ValueError, f"{n} expects y to be finite")
    probe(f"{n}-t-nan", lambda f=f: f([0.5, 0.5], [NAN, 1.0]), ValueError, f"{n} expects t to be finite")
    probe(f"{n}-y-empty", lambda f=f: f([], []), ValueError, f"{n} expects y to be non-empty")
    probe(f"{n}-y-str", lambda f=f: f("0.5", [1]), TypeError, f"{n} expects y to be an array of numbers, got str")
probe("cross_entropy-scores", lambda: losses.cross_entropy_error([2.0, -1.0], 0), ValueError, r"cross_entropy_error expects y to be probabilities in \[0, 1\] \(apply softmax first\)")
probe("cross_entropy-y-list", lambda: losses.cross_entropy_error([0.5, 0.5], [1, 0]), TypeError, r"cross_entropy_error expects y to be a NumPy array, got list; wrap it in np.array\(...\)")
probe("sum_squared_error-y-list", lambda: losses.sum_squared_error([0.5, 0.5], 1), TypeError, "sum_squared_error expects y to be a NumPy array, got list")

# Numerical differentiation and gradient descent.
f2 = lambda x: np.sum(x**2)  # noqa: E731
probe("numerical_diff-not-callable", lambda: gradient.numerical_diff(3, 1.0), TypeError, "numerical_diff expects f to be a function, got int 3")
probe("numerical_diff-array-x", lambda: gradient.numerical_diff(f2, [1.0]), TypeError, "numerical_diff expects x to be a number")
probe("numerical_diff-h-zero", lambda: gradient.numerical_diff(f2, 1.0, h=0), ValueError, "numerical_diff expects h > 0, got h=0")
probe("numerical_diff-h-negative", lambda: gradient.numerical_diff(f2, 1.0, h=-1e-4), ValueError, "numerical_diff expects h > 0")
probe("numerical_diff-nan", lambda: gradient.numerical_diff(f2, NAN), ValueError, "numerical_diff expects x to be finite")
probe("numerical_gradient-int", lambda: gradient.numerical_gradient(f2, np.array([3, 4])), TypeError, r"numerical_gradient expects x to be a float array, got dtype int\d+; convert it with x.astype\(float\)")
probe("numerical_gradient-bool", lambda: gradient.numerical_gradient(f2, np.array([True])), TypeError, "numerical_gradient expects x to be a float array, got dtype bool")
probe("numerical_gradient-list", lambda: gradient.numerical_gradient(f2, [3.0, 4.0]), TypeError, "numerical_gradient expects x to be a NumPy array .* got list")
probe("numerical_gradient-tuple", lambda: gradient.numerical_gradient(f2, (3.0, 4.0)), TypeError, "numerical_gradient expects x to be a NumPy array .* got tuple")
probe("numerical_gradient-not-callable", lambda: gradient.numerical_gradient("f", np.array([1.0])), TypeError, "numerical_gradient expects f to be a function, got str 'f'")
probe("numerical_gradient-nan", lambda: gradient.numerical_gradient(f2, np.array([NAN])), ValueError, "numerical_gradient expects x to be finite")
probe("numerical_gradient-f-array", lambda: gradient.numerical_gradient(lambda x: x**2, np.array([3.0, 4.0])), ValueError, r"numerical_gradient expects f to return one number \(a scalar\), got an array of shape \(2,\); return a sum or a mean")
probe("numerical_gradient-f-none", lambda: gradient.numerical_gradient(lambda x: None, np.array([3.0])), TypeError, r"numerical_gradient expects f to return one number \(a scalar\), got NoneType None")
probe("numerical_gradient-empty", lambda: gradient.numerical_gradient(f2, np.array([], dtype=float)), ValueError, "numerical_gradient expects x to be non-empty")
probe("gradient_descent-not-callable", lambda: gradient.gradient_descent(None, [1.0]), TypeError, "gradient_descent expects f to be a function, got NoneType None")
probe("gradient_descent-lr-zero", lambda: gradient.gradient_descent(f2, [1.0], lr=0), ValueError, "gradient_descent expects lr > 0, got lr=0")
probe("gradient_descent-lr-negative", lambda: gradient.gradient_descent(f2, [1.0], lr=-0.1), ValueError, "gradient_descent expects lr > 0, got lr=-0.1")
probe("gradient_descent-steps-float", lambda: gradient.gradient_descent(f2, [1.0], step_num=10.0), ValueError, "gradient_descent expects step_num to be a positive int, got 10.0")
probe("gradient_descent-steps-zero", lambda: gradient.gradient_descent(f2, [1.0], step_num=0), ValueError, "gradient_descent expects step_num to be a positive int, got 0")
probe("gradient_descent-str-x", lambda: gradient.gradient_descent(f2, "1.0"), TypeError, "gradient_descent expects init_x to be an array of numbers")
probe("gradient_descent-inf-x", lambda: gradient.gradient_descent(f2, [INF]), ValueError, "gradient_descent expects init_x to be finite")
probe("gradient_descent-int-x", lambda: gradient.gradient_descent(f2, np.array([3, 4])), TypeError, r"gradient_descent expects init_x to be a float array, got dtype int\d+; convert it with init_x.astype\(float\)")
probe("gradient_descent-list-x", lambda: gradient.gradient_descent(f2, [1.0]), TypeError, r"gradient_descent expects init_x to be a NumPy array of floats .* got list")

# The 3-layer network: weights that chain, inputs that fit.
probe("forward-not-dict", lambda: network.forward([1, 2], X2), TypeError, "forward expects network to be a dict of weights such as init_network\\(\\) returns, got list")
probe("forward-missing-b3", lambda: network.forward({k: v for k, v in network.init_network().items() if k != "b3"}, X2), ValueError, "forward expects network to hold W1, b1, W2, b2, W3, b3; missing b3")
probe("forward-W1-transposed", lambda: network.forward(net_with(W1=network.init_network()["W1"].T), X2), ValueError, r"forward expects x of shape \(3,\) or \(N, 3\) to match W1 of shape \(3, 2\), got x of shape \(1, 2\)")
probe("forward-x-too-wide", lambda: network.forward(network.init_network(), np.ones(3)), ValueError, r"forward expects x of shape \(2,\) or \(N, 2\) to match W1 of shape \(2, 3\), got x of shape \(3,\)")
probe("forward-x-3d", lambda: network.forward(network.init_network(), np.ones((1, 1, 2))), ValueError, r"got x of shape \(1, 1, 2\); flatten images")
probe("forward-b1-wrong", lambda: network.forward(net_with(b1=np.zeros(2)), X2), ValueError, r"forward expects b1 of shape \(3,\) to match W1 of shape \(2, 3\), got b1 of shape \(2,\)")
probe("forward-W2-wrong", lambda: network.forward(net_with(W2=np.zeros((2, 2))), X2), ValueError, r"forward expects W2 to have 3 rows to follow W1 of shape \(2, 3\), got W2 of shape \(2, 2\)")
probe("forward-W3-wrong", lambda: network.forward(net_with(W3=np.zeros((3, 2))), X2), ValueError, r"forward expects W3 to have 2 rows to follow W2 of shape \(3, 2\), got W3 of shape \(3, 2\)")
probe("forward-nan-weight", lambda: network.forward(net_with(W1=np.full((2, 3), NAN)), X2), ValueError, r"forward expects network\['W1'\] to be finite")
probe("forward-x-str", lambda: network.forward(network.init_network(), "x"), TypeError, "forward expects x to be an array of numbers, got str")
probe("forward-x-nan", lambda: network.forward(network.init_network(), [NAN, 1.0]), ValueError, "forward expects x to be finite")
probe("forward-x-empty", lambda: network.forward(network.init_network(), np.zeros((0, 2))), ValueError, r"forward expects x to be non-empty, got shape \(0, 2\)")
probe("predict-image-not-flattened", lambda: network.predict(network.load_pretrained(), np.zeros((3, 28, 28))), ValueError, r"predict expects x of shape \(784,\) or \(N, 784\) to match W1 of shape \(784, 50\), got x of shape \(3, 28, 28\); flatten images")
probe("predict-one-image-2d", lambda: network.predict(network.load_pretrained(), np.zeros((28, 28))), ValueError, r"got x of shape \(28, 28\)")
probe("predict-channels", lambda: network.predict(network.load_pretrained(), np.zeros((2, 1, 28, 28))), ValueError, r"got x of shape \(2, 1, 28, 28\); flatten images")
probe("accuracy-1d", lambda: network.accuracy([0.1, 0.9], [1]), ValueError, r"accuracy expects y to be 2-D, got shape \(2,\)")
probe("accuracy-count", lambda: network.accuracy(Y, [1]), ValueError, r"accuracy expects one label per row of y \(2, 2\): t of shape \(2,\) or \(2, 2\), got t of shape \(1,\)")
probe("accuracy-onehot-count", lambda: network.accuracy(Y, np.eye(2)[[0, 1, 1]]), ValueError, r"accuracy expects one label per row of y \(2, 2\)")

# simpleNet and TwoLayerNet.
probe("simpleNet-x-wide", lambda: simpleNet().predict(np.ones(3)), ValueError, r"simpleNet.predict expects x of shape \(2,\) or \(N, 2\) to match W of shape \(2, 3\), got x of shape \(3,\)")
probe("simpleNet-x-str", lambda: simpleNet().loss("x", [0, 0, 1]), TypeError, "simpleNet.predict expects x to be an array of numbers")
probe("simpleNet-t-mismatch", lambda: simpleNet().loss(np.ones(2), [0, 1]), ValueError, r"cross_entropy_error expects t as one-hot with the shape of y \(3,\)")
probe("TwoLayerNet-size-zero", lambda: TwoLayerNet(784, 0, 10), ValueError, "TwoLayerNet expects hidden_size to be a positive int, got 0")
probe("TwoLayerNet-size-float", lambda: TwoLayerNet(784.0, 50, 10), ValueError, "TwoLayerNet expects input_size to be a positive int, got 784.0")
probe("TwoLayerNet-size-negative", lambda: TwoLayerNet(784, 50, -10), ValueError, "TwoLayerNet expects output_size to be a positive int, got -10")
# One sample where a network class wants a batch: every network says the same, with the fix.
ONE_SAMPLE = r"expects a batch x of shape \(N, 4\), got one sample of shape \(4,\); pass x.reshape\(1, -1\), a batch of one"
for cls, make in [("TwoLayerNet", two_layer), ("TwoLayerNet", lambda: layer_net.TwoLayerNet(4, 3, 2)),
                  ("MultiLayerNet", lambda: MultiLayerNet(4, [3], 2))]:
    for method, args in [("predict", ()), ("loss", ([0],)), ("accuracy", ([0],)),
                         ("gradient", ([0],)), ("numerical_gradient", ([0],))]:
        probe(f"{make().__module__}.{cls}-{method}-1d",
              lambda make=make, method=method, args=args: getattr(make(), method)(np.ones(4), *args),
              ValueError, rf"{cls}.{method} {ONE_SAMPLE}")
probe("TwoLayerNet-predict-wide", lambda: two_layer().predict(np.ones((2, 5))), ValueError, r"TwoLayerNet.predict expects x of shape \(N, 4\) to match W1 of shape \(4, 3\), got x of shape \(2, 5\)")
probe("TwoLayerNet-loss-labels", lambda: two_layer().loss(np.ones((2, 4)), [0, 1, 1]), ValueError, r"cross_entropy_error expects t .* integer labels of shape \(2,\), got t of shape \(3,\)")
probe("TwoLayerNet-gradient-wide", lambda: two_layer().gradient(np.ones((1, 3)), [0]), ValueError, r"TwoLayerNet.gradient expects x of shape \(N, 4\) to match")
probe("TwoLayerNet-gradient-t-count", lambda: two_layer().gradient(np.ones((2, 4)), [0]), ValueError, r"TwoLayerNet.gradient expects t as labels of shape \(2,\) or one-hot of shape \(2, 2\), got t of shape \(1,\)")
probe("TwoLayerNet-predict-list", lambda: two_layer().predict([[1.0, 2.0, 3.0, 4.0]]), TypeError, "TwoLayerNet.predict expects x to be a NumPy array, got list")
probe("TwoLayerNet-accuracy-count", lambda: two_layer().accuracy(np.ones((2, 4)), [0]), ValueError, r"accuracy expects one label per row")
probe("TwoLayerNet-x-nan", lambda: two_layer().predict(np.full((1, 4), NAN)), ValueError, "TwoLayerNet.predict expects x to be finite")
probe("train-label-count", lambda: train_two_layer_net(np.ones((4, 2)), [0, 1, 0], np.ones((2, 2)), [0, 1]), ValueError, "train_two_layer_net expects one label per image, got 4 train images with 3 labels")
probe("train-feature-mismatch", lambda: train_two_layer_net(np.ones((4, 2)), [0, 1, 0, 1], np.ones((2, 3)), [0, 1]), ValueError, "train_two_layer_net expects train and test images of the same size, got 2 and 3 features")
probe("train-lr-zero", lambda: train_two_layer_net(np.ones((4, 2)), [0, 1, 0, 1], np.ones((2, 2)), [0, 1], learning_rate=0), ValueError, "train_two_layer_net expects learning_rate > 0, got 0")
probe("train-batch-zero", lambda: train_two_layer_net(np.ones((4, 2)), [0, 1, 0, 1], np.ones((2, 2)), [0, 1], batch_size=0), ValueError, "train_two_layer_net expects batch_size > 0, got 0")
probe("train-1d-images", lambda: train_two_layer_net(np.ones(4), [0, 1, 0, 1], np.ones((2, 2)), [0, 1]), ValueError, r"train_two_layer_net expects x_train to be 2-D, got shape \(4,\)")
probe("train-nan-images", lambda: train_two_layer_net(np.full((4, 2), NAN), np.zeros(4, int), np.ones((2, 2)), np.zeros(2, int)), ValueError, "train_two_layer_net expects x_train to be finite")
probe("train-labels-list", lambda: train_two_layer_net(np.ones((4, 2)), [0, 1, 0, 1], np.ones((2, 2)), [0, 1]), TypeError, r"train_two_layer_net expects t_train to be a NumPy array, got list")

# Chapter 5 layers: forward before backward, dout shaped like the output, weights that chain.
def after_forward(layer, *args):
    layer.forward(*args)
    return layer


def affine():
    return Affine(np.zeros((784, 50)), np.zeros(50))


for cls in [Relu, Sigmoid]:
    n = cls.__name__
    probe(f"{n}-backward-first", lambda cls=cls: cls().backward(np.ones(2)), RuntimeError, f"{n}.backward needs {n}.forward first: it uses what forward saw")
    probe(f"{n}-dout-shape", lambda cls=cls: after_forward(cls(), np.ones((2, 3))).backward(np.ones((3, 2))), ValueError, rf"{n}.backward expects dout of shape \(2, 3\) \(the shape of forward's output\), got shape \(3, 2\)")
    probe(f"{n}-dout-list", lambda cls=cls: after_forward(cls(), np.ones(2)).backward([NAN, 1.0]), TypeError, rf"{n}.backward expects dout to be a NumPy array, got list; wrap it in np.array\(...\)")
    probe(f"{n}-x-str", lambda cls=cls: cls().forward("x"), TypeError, f"{n}.forward expects x to be an array of numbers, got str")
    probe(f"{n}-x-list", lambda cls=cls: cls().forward([1.0, NAN]), TypeError, rf"{n}.forward expects x to be a NumPy array, got list; wrap it in np.array\(...\)")
    probe(f"{n}-x-empty", lambda cls=cls: cls().forward(np.zeros((0, 3))), ValueError, rf"{n}.forward expects x to be non-empty, got shape \(0, 3\)")
for cls in [MulLayer, AddLayer]:
    n = cls.__name__
    probe(f"{n}-no-broadcast", lambda cls=cls: cls().forward(np.ones((2, 3)), np.ones(2)), ValueError, rf"{n}.forward expects x and y of shapes that broadcast together, got shapes \(2, 3\) and \(2,\)")
    probe(f"{n}-backward-first", lambda cls=cls: cls().backward(1.0), RuntimeError, f"{n}.backward needs {n}.forward first")
    probe(f"{n}-dout-shape", lambda cls=cls: after_forward(cls(), 100, 2).backward([1.0, 1.0]), ValueError, rf"{n}.backward expects dout of shape \(\) \(the shape of forward's output\), got shape \(2,\)")
    probe(f"{n}-y-none", lambda cls=cls: cls().forward(100, None), TypeError, f"{n}.forward expects y to be a number or a NumPy array of numbers, got NoneType None")
    probe(f"{n}-y-list", lambda cls=cls: cls().forward(np.ones(2), [1.0, 2.0]), TypeError, f"{n}.forward expects y to be a number or a NumPy array of numbers, got list")
    probe(f"{n}-x-inf", lambda cls=cls: cls().forward(INF, 2), ValueError, f"{n}.forward expects x to be finite")
probe("MulLayer-dout-str", lambda: after_forward(MulLayer(), 100, 2).backward("1"), TypeError, "MulLayer.backward expects dout to be a number")
probe("Affine-W-1d", lambda: Affine(np.zeros(3), np.zeros(3)), ValueError, r"Affine expects W to be 2-D, got shape \(3,\)")
probe("Affine-b-2d", lambda: Affine(np.zeros((3, 2)), np.zeros((1, 2))), ValueError, r"Affine expects b to be 1-D, got shape \(1, 2\)")
probe("Affine-b-wrong-size", lambda: Affine(np.zeros((3, 2)), np.zeros(3)), ValueError, r"Affine expects b of shape \(2,\), one bias per column of W \(3, 2\), got b of shape \(3,\)")
probe("Affine-W-int-str", lambda: Affine([["a"]], [0.0]), TypeError, "Affine expects W to hold numbers")
probe("Affine-one-sample", lambda: affine().forward(np.zeros(784)), ValueError, r"Affine.forward expects x of shape \(N, 784\) to match W of shape \(784, 50\), got x of shape \(784,\); for one sample pass x.reshape\(1, -1\)")
probe("Affine-W-transposed", lambda: Affine(np.zeros((50, 784)), np.zeros(784)).forward(np.zeros((2, 784))), ValueError, r"Affine.forward expects x of shape \(N, 50\) to match W of shape \(50, 784\), got x of shape \(2, 784\)")
probe("Affine-image-size", lambda: affine().forward(np.zeros((2, 1, 27, 27))), ValueError, r"Affine.forward expects x of shape \(N, 784\) .* got x of shape \(2, 1, 27, 27\)")
probe("Affine-backward-first", lambda: affine().backward(np.ones((1, 50))), RuntimeError, "Affine.backward needs Affine.forward first")
probe("Affine-dout-transposed", lambda: after_forward(affine(), np.zeros((2, 784))).backward(np.ones((50, 2))), ValueError, r"Affine.backward expects dout of shape \(2, 50\) \(the shape of forward's output\), got shape \(50, 2\)")
probe("Affine-dout-batch", lambda: after_forward(affine(), np.zeros((2, 784))).backward(np.ones((3, 50))), ValueError, r"Affine.backward expects dout of shape \(2, 50\)")
probe("SoftmaxWithLoss-labels-count", lambda: SoftmaxWithLoss().forward(np.zeros((3, 10)), [1, 2]), ValueError, r"SoftmaxWithLoss.forward expects t as one-hot with the shape of x \(3, 10\) or as integer labels of shape \(3,\), got t of shape \(2,\)")
probe("SoftmaxWithLoss-label-range", lambda: SoftmaxWithLoss().forward(np.zeros((2, 10)), [3, 10]), ValueError, "SoftmaxWithLoss.forward expects labels in 0..9 for x of 10 classes, got labels from 3 to 10")
probe("SoftmaxWithLoss-negative-label", lambda: SoftmaxWithLoss().forward(np.zeros((2, 10)), [-1, 0]), ValueError, "SoftmaxWithLoss.forward expects labels in 0..9 for x of 10 classes, got labels from -1 to 0")
probe("SoftmaxWithLoss-x-nan", lambda: SoftmaxWithLoss().forward(np.array([[NAN, 0.0]]), [0]), ValueError, "SoftmaxWithLoss.forward expects finite scores x and answers t, got a loss of nan: NaN or inf in x or t")
probe("SoftmaxWithLoss-t-nan", lambda: SoftmaxWithLoss().forward(np.zeros((1, 2)), np.array([[NAN, 1.0]])), ValueError, "SoftmaxWithLoss.forward expects finite scores x and answers t, got a loss of nan")
probe("SoftmaxWithLoss-x-list", lambda: SoftmaxWithLoss().forward([[0.0, 1.0]], [0]), TypeError, r"SoftmaxWithLoss.forward expects x to be a NumPy array, got list; wrap it in np.array\(...\)")
probe("SoftmaxWithLoss-float-labels", lambda: SoftmaxWithLoss().forward(np.zeros((2, 3)), [1.0, 2.0]), ValueError, r"SoftmaxWithLoss.forward expects t .* dtype float64")
probe("SoftmaxWithLoss-x-3d", lambda: SoftmaxWithLoss().forward(np.zeros((2, 1, 3)), [0, 1]), ValueError, r"SoftmaxWithLoss.forward expects x to be 1-D or 2-D, got shape \(2, 1, 3\)")
probe("SoftmaxWithLoss-backward-first", lambda: SoftmaxWithLoss().backward(), RuntimeError, "SoftmaxWithLoss.backward needs SoftmaxWithLoss.forward first")
probe("SoftmaxWithLoss-dout-array", lambda: after_forward(SoftmaxWithLoss(), np.zeros((2, 3)), [0, 1]).backward(np.ones((2, 3))), ValueError, r"SoftmaxWithLoss.backward expects dout of shape \(\) \(the shape of forward's output\), got shape \(2, 3\)")
probe("SoftmaxWithLoss-dout-nan", lambda: after_forward(SoftmaxWithLoss(), np.zeros((2, 3)), [0, 1]).backward(NAN), ValueError, "SoftmaxWithLoss.backward expects dout to be finite")
probe("layer_net-size-float", lambda: layer_net.TwoLayerNet(784.0, 50, 10), TypeError, "TwoLayerNet expects input_size to be an int, got float 784.0")
probe("layer_net-size-zero", lambda: layer_net.TwoLayerNet(784, 0, 10), ValueError, "TwoLayerNet expects hidden_size to be an int >= 1, got 0")
probe("layer_net-size-bool", lambda: layer_net.TwoLayerNet(784, 50, True), TypeError, "TwoLayerNet expects output_size to be an int, got bool True")
probe("layer_net-one-image", lambda: layer_net.TwoLayerNet(784, 50, 10).predict(np.zeros(784)), ValueError, r"TwoLayerNet.predict expects a batch x of shape \(N, 784\), got one sample of shape \(784,\); pass x.reshape\(1, -1\)")
probe("layer_net-x-nan", lambda: layer_net.TwoLayerNet(4, 3, 2).gradient(np.full((2, 4), NAN), [0, 1]), ValueError, "SoftmaxWithLoss.forward expects finite scores x and answers t, got a loss of nan")
probe("layer_net-gradient-labels", lambda: layer_net.TwoLayerNet(4, 3, 2).gradient(np.ones((2, 4)), [0]), ValueError, r"SoftmaxWithLoss.forward expects t .* integer labels of shape \(2,\), got t of shape \(1,\)")

# Chapter 6: optimizers get matching params and grads; dropout and batch norm get sane settings.
P = {"W": np.zeros((2, 3)), "b": np.zeros(3)}
for cls in [SGD, Momentum, AdaGrad, RMSprop, Adam]:
    n = cls.__name__
    probe(f"{n}-lr-zero", lambda cls=cls: cls(lr=0), ValueError, f"{n} expects lr > 0, got lr=0")
    probe(f"{n}-lr-str", lambda cls=cls: cls(lr="0.01"), TypeError, f"{n} expects lr to be a finite number, got '0.01'")
    probe(f"{n}-grads-missing-key", lambda cls=cls: cls().update(dict(P), {"W": np.zeros((2, 3))}), ValueError, rf"{n}.update expects grads with the keys of params \['W', 'b'\], got \['W'\]")
    probe(f"{n}-grads-transposed", lambda cls=cls: cls().update(dict(P), {"W": np.zeros((3, 2)), "b": np.zeros(3)}), ValueError, rf"{n}.update expects grads\['W'\] of shape \(2, 3\), like params\['W'\], got shape \(3, 2\)")
    probe(f"{n}-grads-list", lambda cls=cls: cls().update(dict(P), {"W": np.zeros((2, 3)).tolist(), "b": np.zeros(3)}), TypeError, rf"{n}.update expects grads\['W'\] to be an ndarray of numbers, got list")
    probe(f"{n}-grads-nan", lambda cls=cls: cls().update(dict(P), {"W": np.full((2, 3), NAN), "b": np.zeros(3)}), ValueError, rf"{n}.update expects grads\['W'\] to be finite, got NaN or inf \(the loss diverged: try a smaller lr\)")
probe("SGD-params-list", lambda: SGD().update([np.zeros(2)], {"W": np.zeros(2)}), TypeError, "SGD.update expects params to be a dict such as net.params, got list")
probe("SGD-params-int-array", lambda: SGD().update({"W": np.zeros(2, dtype=int)}, {"W": np.zeros(2)}), TypeError, r"SGD.update expects params\['W'\] to be a float ndarray that it can change in place, got ndarray of dtype int\d+")
probe("SGD-params-list-value", lambda: SGD().update({"W": [0.0, 1.0]}, {"W": np.zeros(2)}), TypeError, r"SGD.update expects params\['W'\] to be a float ndarray that it can change in place, got list")
probe("Momentum-momentum-one", lambda: Momentum(momentum=1.0), ValueError, "Momentum expects 0 <= momentum < 1, got momentum=1.0")
probe("Adam-beta2-negative", lambda: Adam(beta2=-0.1), ValueError, "Adam expects 0 <= beta2 < 1, got beta2=-0.1")
probe("RMSprop-decay-nan", lambda: RMSprop(decay_rate=NAN), TypeError, "RMSprop expects decay_rate to be a finite number, got nan")
probe("Dropout-ratio-one", lambda: Dropout(1.0), ValueError, "Dropout expects 0 <= dropout_ratio < 1, got 1.0")
probe("Dropout-ratio-percent", lambda: Dropout(50), ValueError, "Dropout expects 0 <= dropout_ratio < 1, got 50")
probe("Dropout-backward-first", lambda: Dropout().backward(np.ones(3)), RuntimeError, "Dropout.backward needs Dropout.forward first")
probe("Dropout-dout-shape", lambda: after_forward(Dropout(), np.ones((2, 3))).backward(np.ones(3)), ValueError, r"Dropout.backward expects dout of shape \(2, 3\)")
probe("BatchNorm-beta-size", lambda: BatchNormalization(np.ones(3), np.zeros(2)), ValueError, r"BatchNormalization expects beta of the shape of gamma \(3,\), got \(2,\)")
probe("BatchNorm-momentum", lambda: BatchNormalization(np.ones(3), np.zeros(3), momentum=1.5), ValueError, "BatchNormalization expects 0 <= momentum < 1, got 1.5")
probe("BatchNorm-running-size", lambda: BatchNormalization(np.ones(3), np.zeros(3), running_var=np.ones(2)), ValueError, r"BatchNormalization expects running_var of shape \(3,\), like gamma, got \(2,\)")
probe("BatchNorm-x-features", lambda: BatchNormalization(np.ones(3), np.zeros(3)).forward(np.ones((4, 5))), ValueError, r"BatchNormalization.forward expects x of shape \(N, 3\), or \(N, C, H, W\) with C\*H\*W = 3, to match gamma of shape \(3,\), got x of shape \(4, 5\)")
probe("BatchNorm-one-sample-training", lambda: BatchNormalization(np.ones(3), np.zeros(3)).forward(np.ones((1, 3))), ValueError, r"BatchNormalization.forward in training needs a batch of at least 2 samples .* got x of shape \(1, 3\); for inference pass train_flg=False")
probe("BatchNorm-x-1d", lambda: BatchNormalization(np.ones(3), np.zeros(3)).forward(np.ones(3)), ValueError, r"BatchNormalization.forward expects x to be 2-D or 4-D, got shape \(3,\)")
probe("BatchNorm-dout-shape", lambda: after_forward(BatchNormalization(np.ones(3), np.zeros(3)), np.eye(3)).backward(np.ones((3, 2))), ValueError, r"BatchNormalization.backward expects dout of shape \(3, 3\)")

# Chapter 7: strides and padding that tile the input, filters that fit, channels that match.
IMG = np.zeros((2, 1, 6, 6))
probe("conv_output_size-no-tiling", lambda: conv_output_size(6, 3, stride=2), ValueError, r"conv_output_size expects stride 2 to tile the padded input: \(input \+ 2\*pad - filter\) = \(6 \+ 2\*0 - 3\) = 3 is not a multiple of 2; no pad fixes it \(2\*pad is even, 3 odd\): change stride or filter, or pad the input by hand with 1 less at the end \(stride=1 always fits\)")
probe("conv_output_size-pad-fits", lambda: conv_output_size(7, 3, stride=3), ValueError, r"conv_output_size expects stride 3 to tile the padded input: \(input \+ 2\*pad - filter\) = \(7 \+ 2\*0 - 3\) = 4 is not a multiple of 3; change stride or pad \(stride=1 always fits\)")
probe("conv_output_size-filter-too-big", lambda: conv_output_size(4, 5), ValueError, r"conv_output_size expects the filter \(5\) to fit in the padded input: 4 \+ 2\*0 = 4")
probe("conv_output_size-stride-zero", lambda: conv_output_size(4, 3, stride=0), ValueError, "conv_output_size expects stride to be an int >= 1, got 0")
probe("conv_output_size-pad-negative", lambda: conv_output_size(4, 3, pad=-1), ValueError, "conv_output_size expects pad to be an int >= 0, got -1")
probe("conv_output_size-stride-float", lambda: conv_output_size(4, 3, stride=1.0), TypeError, "conv_output_size expects stride to be an int, got float 1.0")
probe("im2col-3d", lambda: im2col(np.zeros((1, 28, 28)), 5, 5), ValueError, r"im2col expects input_data of shape \(N, C, H, W\), got shape \(1, 28, 28\); for one image pass input_data.reshape\(1, \*input_data.shape\)")
probe("im2col-list", lambda: im2col(np.zeros((1, 1, 4, 4)).tolist(), 3, 3), TypeError, r"im2col expects input_data to be a NumPy array, got list; convert it with np.array\(input_data, dtype=float\)")
probe("im2col-no-tiling", lambda: im2col(IMG, 3, 3, stride=2), ValueError, r"im2col expects stride 2 to tile the padded H: \(H \+ 2\*pad - filter\) = \(6 \+ 2\*0 - 3\) = 3 is not a multiple of 2")
probe("im2col-pad-fixes-width-not-height", lambda: im2col(np.zeros((1, 1, 7, 6)), 3, 3, stride=2), ValueError, r"im2col expects stride 2 to tile the padded W: \(W \+ 2\*pad - filter\) = \(6 \+ 2\*0 - 3\) = 3")
probe("im2col-filter-too-big", lambda: im2col(IMG, 7, 7), ValueError, r"im2col expects the filter \(7\) to fit in the padded H: 6 \+ 2\*0 = 6")
probe("im2col-filter-float", lambda: im2col(IMG, 3.0, 3), TypeError, "im2col expects filter_h to be an int, got float 3.0")
probe("col2im-shape-3", lambda: col2im(np.zeros((16, 9)), (1, 6, 6), 3, 3), ValueError, r"col2im expects input_shape \(N, C, H, W\), got \(1, 6, 6\)")
probe("col2im-col-list", lambda: col2im(np.zeros((16, 9)).tolist(), (1, 1, 6, 6), 3, 3), TypeError, "col2im expects col to be a NumPy array, got list")
probe("col2im-col-shape", lambda: col2im(np.zeros((16, 8)), (1, 1, 6, 6), 3, 3), ValueError, r"col2im expects col of shape \(N\*OH\*OW, C\*FH\*FW\) = \(16, 9\) for input_shape \(1, 1, 6, 6\), got \(16, 8\)")
probe("Convolution-W-3d", lambda: Convolution(np.zeros((30, 5, 5)), np.zeros(30)), ValueError, r"Convolution expects W to be 4-D, got shape \(30, 5, 5\)")
probe("Convolution-b-size", lambda: Convolution(np.zeros((30, 1, 5, 5)), np.zeros(10)), ValueError, r"Convolution expects b of shape \(30,\), one bias per filter of W \(30, 1, 5, 5\), got b of shape \(10,\)")
probe("Convolution-W-list", lambda: Convolution(np.zeros((1, 1, 3, 3)).tolist(), np.zeros(1)), TypeError, r"Convolution expects W to be a NumPy array, got list; convert it with np.array\(W, dtype=float\)")
probe("Convolution-stride-zero", lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1), stride=0), ValueError, "Convolution expects stride to be an int >= 1, got 0")
probe("Convolution-one-image", lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1)).forward(np.zeros((1, 28, 28))), ValueError, r"Convolution.forward expects x of shape \(N, C, H, W\), got shape \(1, 28, 28\); for one image pass x.reshape\(1, \*x.shape\)")
probe("Convolution-channels", lambda: Convolution(np.zeros((1, 3, 3, 3)), np.zeros(1)).forward(IMG), ValueError, r"Convolution.forward expects x of shape \(N, 3, H, W\), 3 channels to match W of shape \(1, 3, 3, 3\), got x of shape \(2, 1, 6, 6\)")
probe("Convolution-no-tiling", lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1), stride=2).forward(IMG), ValueError, r"Convolution.forward expects stride 2 to tile the padded H: \(H \+ 2\*pad - filter\) = \(6 \+ 2\*0 - 3\) = 3 is not a multiple of 2")
probe("Convolution-dout-shape", lambda: after_forward(Convolution(np.zeros((2, 1, 3, 3)), np.zeros(2)), IMG).backward(np.zeros((2, 4, 4, 2))), ValueError, r"Convolution.backward expects dout of shape \(2, 2, 4, 4\) \(the shape of forward's output\), got shape \(2, 4, 4, 2\)")
probe("Convolution-dout-list", lambda: after_forward(Convolution(np.zeros((2, 1, 3, 3)), np.zeros(2)), IMG).backward(np.zeros((2, 2, 4, 4)).tolist()), TypeError, "Convolution.backward expects dout to be a NumPy array, got list")
probe("Convolution-backward-first", lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1)).backward(np.zeros((1, 1, 1, 1))), RuntimeError, "Convolution.backward needs Convolution.forward first")
probe("Pooling-size-zero", lambda: Pooling(0, 2), ValueError, "Pooling expects pool_h to be an int >= 1, got 0")
probe("Pooling-stride-float", lambda: Pooling(2, 2, stride=2.0), TypeError, "Pooling expects stride to be an int, got float 2.0")
probe("Pooling-no-tiling", lambda: Pooling(2, 2, stride=2).forward(np.zeros((1, 1, 5, 5))), ValueError, r"Pooling.forward expects stride 2 to tile the padded H: \(H \+ 2\*pad - filter\) = \(5 \+ 2\*0 - 2\) = 3 is not a multiple of 2")
probe("Pooling-one-image", lambda: Pooling(2, 2, stride=2).forward(np.zeros((30, 24, 24))), ValueError, r"Pooling.forward expects x of shape \(N, C, H, W\), got shape \(30, 24, 24\); for one image pass")
probe("Pooling-x-2d", lambda: Pooling(2, 2).forward(np.zeros((4, 4))), ValueError, r"Pooling.forward expects x to be 4-D, got shape \(4, 4\)")
probe("Pooling-dout-shape", lambda: after_forward(Pooling(2, 2, stride=2), IMG).backward(np.zeros((2, 1, 6, 6))), ValueError, r"Pooling.backward expects dout of shape \(2, 1, 3, 3\) \(the shape of forward's output\), got shape \(2, 1, 6, 6\)")
probe("Pooling-x-list", lambda: Pooling(2, 2).forward(np.zeros((1, 1, 4, 4)).tolist()), TypeError, "Pooling.forward expects x to be a NumPy array, got list")
probe("Pooling-backward-first", lambda: Pooling(2, 2).backward(np.zeros((1, 1, 1, 1))), RuntimeError, "Pooling.backward needs Pooling.forward first")
probe("SimpleConvNet-input-dim-2", lambda: SimpleConvNet(input_dim=(28, 28)), ValueError, r"SimpleConvNet expects input_dim \(C, H, W\) such as \(1, 28, 28\), got \(28, 28\)")
probe("SimpleConvNet-not-square", lambda: SimpleConvNet(input_dim=(1, 28, 20)), ValueError, r"SimpleConvNet expects square images, input_dim \(C, H, H\), got \(1, 28, 20\)")
probe("SimpleConvNet-odd-conv-output", lambda: SimpleConvNet(conv_param={"filter_size": 4}), ValueError, r"SimpleConvNet pools 2x2 with stride 2, so it expects an even convolution output, got 25x25")
probe("SimpleConvNet-stride-no-tiling", lambda: SimpleConvNet(conv_param={"stride": 2}), ValueError, r"conv_output_size expects stride 2 to tile the padded input: \(input \+ 2\*pad - filter\) = \(28 \+ 2\*0 - 5\) = 23 is not a multiple of 2")
probe("SimpleConvNet-hidden-zero", lambda: SimpleConvNet(hidden_size=0), ValueError, "SimpleConvNet expects hidden_size to be an int >= 1, got 0")
probe("SimpleConvNet-flat-images", lambda: SimpleConvNet().predict(np.zeros((2, 784))), ValueError, r"SimpleConvNet.predict expects x of shape \(N, C, H, W\), got shape \(2, 784\); for flattened 28x28 images pass x.reshape\(-1, 1, 28, 28\)")
probe("SimpleConvNet-one-flat-image", lambda: SimpleConvNet().predict(np.zeros(784)), ValueError, r"got shape \(784,\); for flattened 28x28 images pass x.reshape\(-1, 1, 28, 28\)")
probe("DeepConvNet-32x32", lambda: DeepConvNet().predict(np.zeros((2, 1, 32, 32))), ValueError, r"DeepConvNet.predict expects x of shape \(N, 1, 28, 28\), got shape \(2, 1, 32, 32\)")
probe("DeepConvNet-flat-images", lambda: DeepConvNet().accuracy(np.zeros((2, 784)), np.zeros(2, dtype=int)), ValueError, r"DeepConvNet.accuracy expects x of shape \(N, C, H, W\), got shape \(2, 784\); for flattened 28x28 images pass")
probe("predict-one-unflattened-image", lambda: network.predict(network.load_pretrained(), np.zeros((28, 28))), ValueError, r"got x of shape \(28, 28\); flatten one sample with x.reshape\(-1\)")
probe("SimpleConvNet-no-channel-axis", lambda: SimpleConvNet().predict(np.zeros((2, 28, 28))), ValueError, r"SimpleConvNet.predict expects x of shape \(N, C, H, W\), got shape \(2, 28, 28\); for one image pass")
probe("SimpleConvNet-channels-float", lambda: SimpleConvNet(input_dim=(1.0, 28, 28)), TypeError, r"SimpleConvNet expects input_dim\[0\] to be an int, got float 1.0")
probe("SimpleConvNet-accuracy-list", lambda: SimpleConvNet().accuracy(np.zeros((2, 1, 28, 28)).tolist(), np.array([0, 1])), TypeError, "SimpleConvNet.accuracy expects x to be a NumPy array, got list")
probe("SimpleConvNet-accuracy-batch", lambda: SimpleConvNet().accuracy(np.zeros((2, 1, 28, 28)), [0, 1], batch_size=0), ValueError, "SimpleConvNet.accuracy expects batch_size to be an int >= 1, got 0")
probe("SimpleConvNet-load-missing", lambda: SimpleConvNet().load_params("/no/such/params.npz"), FileNotFoundError, "SimpleConvNet.load_params: no file at '/no/such/params.npz'; save one with save_params first")
probe("init_scale-unknown", lambda: init_scale("kaiming", 10), ValueError, "init_scale expects weight_init_std to be a number or one of 'relu', 'he', 'sigmoid', 'xavier', got 'kaiming'")
probe("init_scale-zero", lambda: init_scale(0, 10), ValueError, "init_scale expects weight_init_std to be a number > 0 or one of")
probe("MultiLayerNet-hidden-int", lambda: MultiLayerNet(784, 100, 10), TypeError, r"MultiLayerNet expects hidden_size_list to be a list of sizes such as \[100, 100\], got int 100")
probe("MultiLayerNet-hidden-zero", lambda: MultiLayerNet(784, [100, 0], 10), ValueError, r"MultiLayerNet expects hidden_size_list\[1\] to be an int >= 1, got 0")
probe("MultiLayerNet-activation", lambda: MultiLayerNet(784, [100], 10, activation="tanh"), ValueError, "MultiLayerNet expects activation 'relu' or 'sigmoid', got 'tanh'")
probe("MultiLayerNet-decay-negative", lambda: MultiLayerNet(784, [100], 10, weight_decay_lambda=-0.1), ValueError, "MultiLayerNet expects weight_decay_lambda >= 0, got -0.1")
probe("MultiLayerNet-dropout-ratio", lambda: MultiLayerNet(784, [100], 10, use_dropout=True, dropout_ratio=1.5), ValueError, "Dropout expects 0 <= dropout_ratio < 1, got 1.5")
probe("Trainer-optimizer-name", lambda: Trainer(MultiLayerNet(2, [2], 2), np.ones((4, 2)), np.zeros(4, int), np.ones((2, 2)), np.zeros(2, int), optimizer="Nadam"), ValueError, "Trainer expects optimizer to be one of sgd, momentum, adagrad, rmsprop, adam \\(any case\\) or an optimizer object, got 'Nadam'")
probe("Trainer-optimizer-param", lambda: Trainer(MultiLayerNet(2, [2], 2), np.ones((4, 2)), np.zeros(4, int), np.ones((2, 2)), np.zeros(2, int), optimizer="sgd", optimizer_param={"lr": -1}), ValueError, "SGD expects lr > 0, got lr=-1")
probe("Trainer-label-count", lambda: Trainer(MultiLayerNet(2, [2], 2), np.ones((4, 2)), np.zeros(3, int), np.ones((2, 2)), np.zeros(2, int)), ValueError, "Trainer expects one answer per image, got x_train of 4 images and t_train of 3 answers")
probe("Trainer-epochs-float", lambda: Trainer(MultiLayerNet(2, [2], 2), np.ones((4, 2)), np.zeros(4, int), np.ones((2, 2)), np.zeros(2, int), epochs=2.5), TypeError, "Trainer expects epochs to be an int, got float 2.5")
probe("Trainer-not-a-network", lambda: Trainer({"W1": np.zeros(2)}, np.ones((4, 2)), np.zeros(4, int), np.ones((2, 2)), np.zeros(2, int)), TypeError, "Trainer expects a network with params, gradient, loss and accuracy, got dict without params")

# MNIST files and fonts.
probe("import_mnist-missing", lambda: mnist.import_mnist("/no/such/place", "/tmp/x"), FileNotFoundError, "import_mnist expects a folder with the IDX files or mnist.pkl.gz, got /no/such/place, which does not exist")
probe("read_idx-missing", lambda: mnist.read_idx("/no/such/file-idx1-ubyte"), FileNotFoundError, "No such file")
probe("font-missing", lambda: korean_font_family("/no/such/font.ttf"), FileNotFoundError, "korean_font_family: no font file at '/no/such/font.ttf'")


def test_there_are_at_least_100_probes():
    assert len(PROBES) >= 100, len(PROBES)


@pytest.mark.parametrize("call, error, message", PROBES)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error, match=message) as info:
        call()
    # The error comes from nn_text's own checks, not from deep inside NumPy.
    assert type(info.value) is error
    assert "numpy" not in info.traceback[-1].path.parts
