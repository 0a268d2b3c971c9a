"""Figures of chapter 3: layers, activation functions, matrix shapes, the 3-layer network, MNIST."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from figures import register
from figures._draw import blank, edge, node
from nn_text.activations import (identity_function, leaky_relu, relu, sigmoid, softmax,
                                 step_function)
from nn_text.mnist import load_mnist
from nn_text.network import init_network

__all__ = ["layers", "neuron", "step_function_figure", "sigmoid_figure", "step_vs_sigmoid",
           "relu_figure", "leaky_relu_figure", "identity_figure", "why_nonlinear",
           "matrix_shapes", "three_layer_network", "softmax_figure", "mnist_digits"]

X = np.linspace(-5, 5, 1001)  # the book plots on [-5, 5)
LINE_COLOR, SECOND_COLOR, HIGHLIGHT = "#1f77b4", "#ff7f0e", "#d62728"
GREY = "#7f7f7f"
HIDDEN_FILL, OUTPUT_FILL, BIAS_FILL = "#e8f1fa", "#fdebd3", "#eeeeee"


def _axes(fig, title, ylim, position=111):
    """An axes with the x and y axes drawn through the origin, as the book's plots have."""
    ax = fig.add_subplot(position)
    ax.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
    ax.axvline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
    ax.set_xlim(-5, 5)
    ax.set_ylim(*ylim)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$h(x)$")
    ax.set_title(title, fontsize=11)
    return ax


def _plot_step(ax, label=None, **style):
    """Draw ``step_function`` on ``X`` as two pieces with the jump at 0 marked, not as a line.

    ``h(0) = 0``: a filled dot at (0, 0) and an open dot at (0, 1).
    """
    y = step_function(X)
    left, right = X <= 0, X > 0
    ax.plot(X[left], y[left], label=label, **style)
    ax.plot(X[right], y[right], **style)
    color = style.get("color", LINE_COLOR)
    ax.plot([0], [0], "o", color=color, markersize=6)
    ax.plot([0], [1], "o", color=color, markerfacecolor="white", markersize=6)


@register("ch03/layers")
def layers(lang):
    """A neural network: input layer, hidden layer and output layer, with two layers of weights.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Two inputs, three hidden neurons and two outputs, every neuron connected to every
        neuron of the next layer; under the arrows, the two layers of weights that make it a
        2-layer network in the book's counting.

    Examples
    --------
    >>> from figures.ch03 import layers
    >>> [t.get_text() for t in layers("en").axes[0].texts if t.get_text().endswith(")")]
    ['input layer\\n(layer 0)', 'hidden layer\\n(layer 1)', 'output layer\\n(layer 2)']
    """
    text = {"ko": (("입력층\n(0층)", "은닉층\n(1층)", "출력층\n(2층)"),
                   ("첫째 가중치 층", "둘째 가중치 층")),
            "en": (("input layer\n(layer 0)", "hidden layer\n(layer 1)", "output layer\n(layer 2)"),
                   ("1st layer of weights", "2nd layer of weights"))}[lang]
    fig = Figure(figsize=(6.4, 4.0))
    ax = fig.add_subplot()
    blank(ax, (-0.9, 6.9), (-2.3, 2.9))
    columns = [(0.0, [0.6, 1.8]), (3.0, [0.0, 1.2, 2.4]), (6.0, [0.6, 1.8])]
    fills = ["white", HIDDEN_FILL, OUTPUT_FILL]
    for (x0, ys0), (x1, ys1) in zip(columns[:-1], columns[1:]):
        for y0 in ys0:
            for y1 in ys1:
                edge(ax, (x0, y0), (x1, y1), color="#555555")
    for (x, ys), fill, label in zip(columns, fills, text[0]):
        for y in ys:
            node(ax, (x, y), "", color=fill)
        ax.text(x, -0.85, label, ha="center", va="center", fontsize=11)
    for x, label in zip([1.5, 4.5], text[1]):
        ax.annotate("", xy=(x - 1.3, -1.75), xytext=(x + 1.3, -1.75),
                    arrowprops={"arrowstyle": "<->", "color": GREY})
        ax.text(x, -2.05, label, ha="center", va="center", fontsize=10, color=GREY)
    fig.tight_layout()
    return fig


@register("ch03/neuron")
def neuron(lang):
    """Inside a neuron: the weighted sum ``a``, the bias as the weight of an input 1, then ``h``.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Inputs ``1, x1, x2`` with weights ``b, w1, w2`` enter one neuron, drawn large: it
        first sums them into ``a``, then the activation function ``h`` turns ``a`` into ``y``.

    Examples
    --------
    >>> from figures.ch03 import neuron
    >>> "$a = b + w_1 x_1 + w_2 x_2$" in [t.get_text() for t in neuron("en").axes[0].texts]
    True
    """
    text = {"ko": ("활성화 함수", "항상 1인 입력"),
            "en": ("activation function", "an input that is always 1")}[lang]
    fig = Figure(figsize=(7.0, 3.4))
    ax = fig.add_subplot()
    blank(ax, (-1.0, 8.6), (-1.3, 3.4))
    one, x1, x2 = (0.0, 2.6), (0.0, 1.3), (0.0, 0.0)
    a, y = (4.0, 1.3), (6.3, 1.3)
    ax.add_patch(FancyBboxPatch((3.3, 0.45), 3.7, 1.7, boxstyle="round,pad=0.1,rounding_size=0.8",
                                facecolor="#f7f7f7", edgecolor=GREY, linewidth=1.2, zorder=1))
    node(ax, one, "$1$", color=BIAS_FILL)
    node(ax, x1, "$x_1$")
    node(ax, x2, "$x_2$")
    node(ax, a, "$a$", color=HIDDEN_FILL)
    node(ax, y, "$y$", color=HIDDEN_FILL)
    edge(ax, one, a, "$b$", at=0.45, offset=(0, 0.22), color=GREY)
    edge(ax, x1, a, "$w_1$", at=0.45, offset=(0, 0.2))
    edge(ax, x2, a, "$w_2$", at=0.45, offset=(0, -0.22))
    edge(ax, a, y, "$h()$", offset=(0, 0.3), color=HIGHLIGHT)
    ax.text(0.0, 3.15, text[1], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(5.15, -0.25, "$a = b + w_1 x_1 + w_2 x_2$", ha="center", va="center", fontsize=12)
    ax.text(5.15, -0.8, "$y = h(a)$", ha="center", va="center", fontsize=12)
    ax.text(5.15, 2.55, text[0], ha="center", va="center", fontsize=10, color=HIGHLIGHT)
    fig.tight_layout()
    return fig


@register("ch03/step-function")
def step_function_figure(lang):
    """The step function on [-5, 5], with the jump at 0 drawn as it is: h(0) = 0.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        ``step_function`` drawn from `nn_text.activations`.

    Examples
    --------
    >>> from figures.ch03 import step_function_figure
    >>> step_function_figure("en").axes[0].get_title()
    'Step function'
    """
    fig = Figure(figsize=(4.6, 3.2))
    ax = _axes(fig, {"ko": "계단 함수", "en": "Step function"}[lang], (-0.1, 1.1))
    _plot_step(ax, color=LINE_COLOR, linewidth=2)
    fig.tight_layout()
    return fig


@register("ch03/sigmoid")
def sigmoid_figure(lang):
    """The sigmoid function on [-5, 5], with its limits 0 and 1 dotted.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        ``sigmoid`` drawn from `nn_text.activations`.

    Examples
    --------
    >>> from figures.ch03 import sigmoid_figure
    >>> sigmoid_figure("en").axes[0].get_title()
    'Sigmoid function'
    """
    fig = Figure(figsize=(4.6, 3.2))
    ax = _axes(fig, {"ko": "시그모이드 함수", "en": "Sigmoid function"}[lang], (-0.1, 1.1))
    ax.axhline(1, color="#bbbbbb", linewidth=0.8, linestyle=":")
    ax.plot(X, sigmoid(X), color=LINE_COLOR, linewidth=2)
    ax.plot([0], [0.5], "o", color=LINE_COLOR, markersize=5)
    ax.annotate("$h(0) = 0.5$", xy=(0, 0.5), xytext=(0.6, 0.35), fontsize=10)
    fig.tight_layout()
    return fig


@register("ch03/step-vs-sigmoid")
def step_vs_sigmoid(lang):
    """The step function and the sigmoid function on one set of axes.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title and the legend.

    Returns
    -------
    matplotlib.figure.Figure
        The sigmoid as a solid line, the step function dashed.

    Examples
    --------
    >>> from figures.ch03 import step_vs_sigmoid
    >>> [t.get_text() for t in step_vs_sigmoid("en").axes[0].get_legend().get_texts()]
    ['sigmoid', 'step function']
    """
    text = {"ko": ("계단 함수와 시그모이드 함수", "시그모이드 함수", "계단 함수"),
            "en": ("Step function and sigmoid", "sigmoid", "step function")}[lang]
    fig = Figure(figsize=(5.2, 3.4))
    ax = _axes(fig, text[0], (-0.1, 1.1))
    ax.plot(X, sigmoid(X), color=LINE_COLOR, linewidth=2, label=text[1])
    _plot_step(ax, label=text[2], color=SECOND_COLOR, linewidth=2, linestyle="--")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


@register("ch03/relu")
def relu_figure(lang):
    """The ReLU function on [-5, 5].

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        ``relu`` drawn from `nn_text.activations`.

    Examples
    --------
    >>> from figures.ch03 import relu_figure
    >>> relu_figure("en").axes[0].get_title()
    'ReLU function'
    """
    fig = Figure(figsize=(4.6, 3.2))
    ax = _axes(fig, {"ko": "ReLU 함수", "en": "ReLU function"}[lang], (-1.0, 5.1))
    ax.plot(X, relu(X), color=LINE_COLOR, linewidth=2)
    fig.tight_layout()
    return fig


@register("ch03/leaky-relu")
def leaky_relu_figure(lang):
    """Leaky ReLU with the default slope 0.01 and with 0.1, next to ReLU (dotted).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        ``leaky_relu`` drawn from `nn_text.activations` with ``alpha=0.01`` and ``alpha=0.1``.

    Examples
    --------
    >>> from figures.ch03 import leaky_relu_figure
    >>> [t.get_text() for t in leaky_relu_figure("en").axes[0].get_legend().get_texts()]
    ['alpha = 0.01', 'alpha = 0.1', 'ReLU']
    """
    fig = Figure(figsize=(4.6, 3.2))
    ax = _axes(fig, {"ko": "Leaky ReLU 함수", "en": "Leaky ReLU function"}[lang], (-1.0, 5.1))
    ax.plot(X, leaky_relu(X), color=LINE_COLOR, linewidth=2, label="alpha = 0.01")
    ax.plot(X, leaky_relu(X, alpha=0.1), color=SECOND_COLOR, linewidth=2, linestyle="--",
            label="alpha = 0.1")
    ax.plot(X, relu(X), color=GREY, linewidth=1, linestyle=":", label="ReLU")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


@register("ch03/identity")
def identity_figure(lang):
    """The identity function on [-5, 5]: the output is the input.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        ``identity_function`` drawn from `nn_text.activations`.

    Examples
    --------
    >>> from figures.ch03 import identity_figure
    >>> identity_figure("en").axes[0].get_title()
    'Identity function'
    """
    fig = Figure(figsize=(4.6, 3.2))
    ax = _axes(fig, {"ko": "항등 함수", "en": "Identity function"}[lang], (-5.1, 5.1))
    ax.plot(X, identity_function(X), color=LINE_COLOR, linewidth=2)
    fig.tight_layout()
    return fig


@register("ch03/why-nonlinear")
def why_nonlinear(lang):
    """Why activation functions must be non-linear, in two panels.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles and legends.

    Returns
    -------
    matplotlib.figure.Figure
        Left: a linear ``h(x) = 2x`` applied once, twice and three times stays a straight
        line (``8x`` after three). Right: one small network, ``y = h(x W1 + b1) W2`` with
        three hidden neurons, computed with ReLU (a line bent three times) and with the
        identity function (one straight line, ``0.5x - 0.5``).

    Examples
    --------
    >>> from figures.ch03 import why_nonlinear
    >>> [ax.get_title() for ax in why_nonlinear("en").axes]
    ['Linear h(x) = 2x: always a line', 'Same network, two activations']
    """
    text = {"ko": ("선형 h(x) = 2x: 몇 번을 거쳐도 직선", "같은 신경망, 다른 활성화 함수",
                   "h = ReLU", "h = 항등 함수"),
            "en": ("Linear h(x) = 2x: always a line", "Same network, two activations",
                   "h = ReLU", "h = identity")}[lang]
    fig = Figure(figsize=(8.6, 3.4))
    left = fig.add_subplot(1, 2, 1)
    x = np.linspace(-2, 2, 201)
    c = 2.0
    y = x
    for times, label, style in [(1, "$h(x) = 2x$", "-"), (2, "$h(h(x)) = 4x$", "--"),
                                (3, "$h(h(h(x))) = 8x$", ":")]:
        y = c * identity_function(y)  # one more linear layer
        left.plot(x, y, linestyle=style, linewidth=2, label=label)
    left.set_ylim(-10, 10)
    left.set_title(text[0], fontsize=11)
    left.legend(loc="upper left", fontsize=9)
    right = fig.add_subplot(1, 2, 2)
    W1, b1 = np.array([[1.0, 1.0, 1.0]]), np.array([1.0, 0.0, -1.0])  # (1, 3), (3,)
    W2 = np.array([[1.0], [-2.0], [1.5]])  # (3, 1); with identity: 0.5x - 0.5, not flat
    xs = np.linspace(-2, 2, 401).reshape(-1, 1)  # (N, 1): one input per row
    for h, label, style in [(relu, text[2], "-"), (identity_function, text[3], "--")]:
        y = h(xs @ W1 + b1) @ W2  # (N, 1) @ (1, 3) -> (N, 3); (N, 3) @ (3, 1) -> (N, 1)
        right.plot(xs[:, 0], y[:, 0], linestyle=style, linewidth=2, label=label)
    right.set_ylim(-2.0, 1.5)
    right.set_title(text[1], fontsize=11)
    right.legend(loc="upper left", fontsize=9)
    for ax in (left, right):
        ax.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
        ax.axvline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
        ax.set_xlabel("$x$")
    fig.tight_layout()
    return fig


def _matrix(ax, x0, y_top, rows, cols, color, cell=0.42):
    """Draw a ``rows`` x ``cols`` grid with its top-left corner at (x0, y_top); return its size."""
    for i in range(rows):
        for j in range(cols):
            ax.add_patch(Rectangle((x0 + j * cell, y_top - (i + 1) * cell), cell, cell,
                                   facecolor=color, edgecolor="#555555", linewidth=1))
    return cols * cell, rows * cell


@register("ch03/matrix-shapes")
def matrix_shapes(lang):
    """Shapes in a matrix product: the inner sizes must match, the outer ones give the result.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the notes.

    Returns
    -------
    matplotlib.figure.Figure
        Three rows: ``(2, 3) @ (3, 2) -> (2, 2)``; ``(2,) @ (2, 3) -> (3,)`` as in a layer of a
        network; and ``(2, 3) @ (2, 2)``, which fails because 3 is not 2. Arrays are drawn as
        grids of cells and the two sizes that must match are marked in colour.

    Examples
    --------
    >>> from figures.ch03 import matrix_shapes
    >>> texts = [t.get_text() for t in matrix_shapes("en").axes[0].texts]
    >>> "(2,) @ (2, 3) -> (3,)" in texts
    True
    """
    text = {"ko": ("같아야 함", "3 ≠ 2: 계산할 수 없음", "x 하나가 층 하나를 지날 때"),
            "en": ("must match", "3 ≠ 2: cannot be computed", "one x through one layer")}[lang]
    fig = Figure(figsize=(9.0, 5.2))
    ax = fig.add_subplot()
    blank(ax, (-0.4, 10.6), (-6.1, 1.0))
    cell = 0.42
    rows = [  # (A shape, B shape, result shape or None, top y, caption)
        ((2, 3), (3, 2), (2, 2), 0.0, "(2, 3) @ (3, 2) -> (2, 2)"),
        ((2,), (2, 3), (3,), -2.3, "(2,) @ (2, 3) -> (3,)"),
        ((2, 3), (2, 2), None, -4.3, "(2, 3) @ (2, 2)"),
    ]
    for a_shape, b_shape, out_shape, top, caption in rows:
        ok = out_shape is not None
        mark = "#2ca02c" if ok else HIGHLIGHT
        a_rows, a_cols = (1, a_shape[0]) if len(a_shape) == 1 else a_shape
        w, h = _matrix(ax, 0.4, top, a_rows, a_cols, "#cfe3f7", cell)
        # the inner size of A: its last axis, marked along the top edge
        ax.plot([0.4, 0.4 + w], [top + 0.12, top + 0.12], color=mark, linewidth=3)
        ax.text(0.4 + w / 2, top + 0.35, str(a_shape[-1]), color=mark, ha="center", fontsize=12)
        ax.text(0.4 + w / 2, top - h - 0.3, str(a_shape), ha="center", va="center", fontsize=11)
        ax.text(0.4 + w + 0.45, top - h / 2, "@", ha="center", va="center", fontsize=16)
        bx = 0.4 + w + 1.1
        bw, bh = _matrix(ax, bx, top, b_shape[0], b_shape[1], "#fde2c4", cell)
        # the inner size of B: its first axis, marked along the left edge
        ax.plot([bx - 0.12, bx - 0.12], [top, top - bh], color=mark, linewidth=3)
        ax.text(bx - 0.35, top - bh / 2, str(b_shape[0]), color=mark, ha="center",
                va="center", fontsize=12)
        ax.text(bx + bw / 2, top - bh - 0.3, str(b_shape), ha="center", va="center", fontsize=11)
        ex = bx + bw + 0.6
        if ok:
            ax.text(ex, top - bh / 2, "=", ha="center", va="center", fontsize=16)
            o_rows, o_cols = (1, out_shape[0]) if len(out_shape) == 1 else out_shape
            ow, oh = _matrix(ax, ex + 0.5, top, o_rows, o_cols, "#d5f0d5", cell)
            ax.text(ex + 0.5 + ow / 2, top - oh - 0.3, str(out_shape), ha="center",
                    va="center", fontsize=11)
            note = text[0]
            if len(a_shape) == 1:
                ax.text(6.9, top - 1.0, text[2], ha="left", va="center", fontsize=10, color=GREY)
        else:
            ax.text(ex, top - bh / 2, "✗", ha="center", va="center", fontsize=18, color=mark)
            note = text[1]
        ax.text(6.9, top - 0.15, caption, ha="left", va="center", fontsize=11, family="monospace")
        ax.text(6.9, top - 0.6, note, ha="left", va="center", fontsize=10, color=mark)
    fig.tight_layout()
    return fig


@register("ch03/three-layer-network")
def three_layer_network(lang):
    """The book's 3-layer network (2-3-2-2) with the weight w12 (1) and the bias b1 (1) marked.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Inputs ``x1, x2`` (layer 0), hidden layers of 3 and 2 neurons (layers 1, 2) and outputs
        ``y1, y2`` (layer 3); a neuron "1" above each layer feeds the biases. The arrow from
        ``x2`` to the first neuron of layer 1 carries $w_{12}^{(1)}$, which is ``W1[1, 0]``
        in code; its value from `nn_text.network.init_network` is written next to it.

    Examples
    --------
    >>> from figures.ch03 import three_layer_network
    >>> texts = [t.get_text() for t in three_layer_network("en").axes[0].texts]
    >>> "$w_{12}^{(1)}$" in texts, "W1[1, 0] = 0.2" in texts
    (True, True)
    """
    text = {"ko": (("0층\n(입력층)", "1층\n(은닉층)", "2층\n(은닉층)", "3층\n(출력층)"),
                   "앞 층(0층)의 2번 뉴런에서 다음 층(1층)의 1번 뉴런으로 가는 가중치"),
            "en": (("layer 0\n(input)", "layer 1\n(hidden)", "layer 2\n(hidden)",
                    "layer 3\n(output)"),
                   "the weight from neuron 2 of layer 0 to neuron 1 of layer 1")}[lang]
    w12 = init_network()["W1"][1, 0]
    fig = Figure(figsize=(8.4, 5.2))
    ax = fig.add_subplot()
    blank(ax, (-0.9, 10.2), (-2.6, 4.6))
    xs = [0.0, 3.0, 6.0, 9.0]
    ys = [[2.4, 0.6], [3.0, 1.5, 0.0], [2.4, 0.6], [2.4, 0.6]]
    names = [["$x_1$", "$x_2$"], [f"$z_{j}^{{(1)}}$" for j in (1, 2, 3)],
             [f"$z_{j}^{{(2)}}$" for j in (1, 2)], ["$y_1$", "$y_2$"]]
    fills = ["white", HIDDEN_FILL, HIDDEN_FILL, OUTPUT_FILL]
    bias = [(x + 0.9, 4.1) for x in xs[:-1]]  # the neuron "1" that feeds each layer's biases
    for k in range(3):
        for i, y0 in enumerate(ys[k]):
            for j, y1 in enumerate(ys[k + 1]):
                if (k, i, j) == (0, 1, 0):
                    continue  # drawn last, highlighted
                edge(ax, (xs[k], y0), (xs[k + 1], y1), color="#b0b0b0")
        for j, y1 in enumerate(ys[k + 1]):
            if (k, j) != (0, 0):
                edge(ax, bias[k], (xs[k + 1], y1), color="#d0d0d0")
    edge(ax, (xs[0], ys[0][1]), (xs[1], ys[1][0]), "$w_{12}^{(1)}$", at=0.62,
          offset=(0.45, -0.1), color=HIGHLIGHT)
    edge(ax, bias[0], (xs[1], ys[1][0]), "$b_1^{(1)}$", at=0.5, offset=(0.1, 0.3),
          color=LINE_COLOR)
    for x, yk, nk, fill in zip(xs, ys, names, fills):
        for y, name in zip(yk, nk):
            node(ax, (x, y), name, color=fill, fontsize=12)
    for b in bias:
        node(ax, b, "$1$", color=BIAS_FILL)
    for x, label in zip(xs, text[0]):
        ax.text(x, -0.95, label, ha="center", va="center", fontsize=10, color="#555555")
    ax.text(4.5, -1.95, f"$w_{{12}}^{{(1)}}$: {text[1]}", ha="center", va="center",
            fontsize=11, color=HIGHLIGHT)
    ax.text(4.5, -2.45, f"W1[1, 0] = {w12:g}", ha="center", va="center", fontsize=11,
            color=HIGHLIGHT, family="monospace")
    fig.tight_layout()
    return fig


@register("ch03/softmax")
def softmax_figure(lang):
    """Softmax of the book's scores [0.3, 2.9, 4.0]: the order is kept and the outputs sum to 1.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the scores ``a`` as bars. Right: ``softmax(a)`` from `nn_text.activations`, each
        bar labelled with its value. The bars are named by class index from 0, as ``np.argmax``
        counts.

    Examples
    --------
    >>> from figures.ch03 import softmax_figure
    >>> [ax.get_title() for ax in softmax_figure("en").axes]
    ['scores a', 'softmax(a): sums to 1']
    """
    titles = {"ko": ("점수 a", "softmax(a): 합이 1"),
              "en": ("scores a", "softmax(a): sums to 1")}[lang]
    a = np.array([0.3, 2.9, 4.0])
    fig = Figure(figsize=(7.0, 3.0))
    # class indices from 0, as the page reads the bars and as np.argmax counts
    labels = {"ko": ["0번 클래스", "1번 클래스", "2번 클래스"],
              "en": ["class 0", "class 1", "class 2"]}[lang]
    for i, (values, color, ylim) in enumerate([(a, "#9ecae1", 4.8), (softmax(a), LINE_COLOR, 0.9)]):
        ax = fig.add_subplot(1, 2, i + 1)
        bars = ax.bar(labels, values, color=color)
        ax.bar_label(bars, labels=[f"{v:.3f}" if i else f"{v:g}" for v in values], padding=2,
                     fontsize=10)
        ax.set_ylim(0, ylim)
        ax.set_title(titles[i], fontsize=11)
    fig.tight_layout()
    return fig


@register("ch03/mnist-digits")
def mnist_digits(lang, count=20):
    """The first images of the MNIST training set, each titled with its label.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.
    count : int, default 20
        How many images, drawn in rows of 10.

    Returns
    -------
    matplotlib.figure.Figure
        The images from `nn_text.mnist.load_mnist`, in grey (0 white, 255 black).

    Examples
    --------
    >>> from figures.ch03 import mnist_digits
    >>> [ax.get_title() for ax in mnist_digits("en", count=10).axes]
    ['5', '0', '4', '1', '9', '2', '1', '3', '1', '4']
    """
    (x_train, t_train), _ = load_mnist(normalize=False, flatten=False)
    n_rows = -(-count // 10)
    fig = Figure(figsize=(8.0, 1.0 * n_rows + 0.4))
    for i in range(count):
        ax = fig.add_subplot(n_rows, 10, i + 1)
        ax.imshow(x_train[i, 0], cmap="gray_r", vmin=0, vmax=255)  # (1, 28, 28) -> (28, 28)
        ax.set_title(str(t_train[i]), fontsize=11)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle({"ko": "MNIST 훈련 데이터의 처음 이미지와 정답 레이블",
                  "en": "The first MNIST training images and their labels"}[lang], fontsize=11)
    fig.tight_layout()
    return fig
