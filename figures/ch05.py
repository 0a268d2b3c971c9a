"""Figures of chapter 5: computational graphs of the shopping problems, forward and backward, the
chain rule, the backward rules of the two basic nodes, the slopes of the activation layers, the
layers of the TwoLayerNet built from layers, and its training curves; the branch node, and the
Sigmoid, Affine and Softmax-with-Loss layers as graphs."""

import json

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from figures import RESULTS_DIR, register
from figures._draw import blank, training_curves_figure
from nn_text.layers import Affine, AddLayer, MulLayer, Relu, Sigmoid

__all__ = ["apple_graph", "fruit_graph", "chain_rule", "node_backward", "layer_net",
           "activation_backward", "training_curves", "branch_node", "sigmoid_graph",
           "affine_graph", "softmax_with_loss", "HISTORY"]

HISTORY = RESULTS_DIR / "layer_net.json"
BLUE, ORANGE, RED, GREY = "#1f77b4", "#ff7f0e", "#c0392b", "#555555"
OP_RADIUS = 0.38
GAP = 0.13  # the forward arrow runs this far on one side of an edge, the backward on the other


def _value(v):
    """A value as the graph shows it: rounded, so 220.00000000000003 reads 220."""
    return f"{round(float(v), 6):g}"


def _op(ax, xy, symbol, fontsize=17):
    """An operation node: a circle with ``symbol`` (``×`` or ``+``) inside."""
    ax.add_patch(Circle(xy, OP_RADIUS, facecolor="#e8f1fa", edgecolor="#333333",
                        linewidth=1.5, zorder=3))
    ax.text(*xy, symbol, ha="center", va="center", fontsize=fontsize, zorder=4)


def _arrow(ax, start, end, color):
    ax.add_patch(FancyArrowPatch(tuple(start), tuple(end), arrowstyle="-|>", mutation_scale=13,
                                 color=color, linewidth=1.4, shrinkA=0, shrinkB=0, zorder=2))


def _edge(ax, start, end, forward, backward, shrink=(OP_RADIUS, OP_RADIUS), side=1,
          away=0.38, fontsize=12):
    """An edge of the graph: the forward value on one side, the backward value on the other.

    The forward arrow points from ``start`` to ``end`` (black); the backward arrow runs beside
    it the other way (red). ``shrink`` keeps the arrows off the nodes at either end; ``side``
    (1 or -1) says on which side of the edge the forward value goes; ``away`` is how far the
    backward value sits from the edge (more for long labels beside a slanted edge).
    ``fontsize`` is that of both values (larger for fractions).
    """
    start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    unit = (end - start) / np.linalg.norm(end - start)
    normal = side * np.array([-unit[1], unit[0]])  # the forward side
    tail, head = start + shrink[0] * unit, end - shrink[1] * unit
    _arrow(ax, tail + GAP * normal, head + GAP * normal, "#222222")
    _arrow(ax, head - GAP * normal, tail - GAP * normal, RED)
    middle = (tail + head) / 2
    ax.text(*(middle + 0.36 * normal), forward, ha="center", va="center", fontsize=fontsize,
            color="#222222", zorder=5)
    ax.text(*(middle - away * normal), backward, ha="center", va="center", fontsize=fontsize,
            color=RED, zorder=5)


def _legend(ax, xy, lang):
    """Which colour is which pass, as two short arrows with their names."""
    names = {"ko": ("순전파", "역전파"), "en": ("forward", "backward")}[lang]
    x, y = xy
    _arrow(ax, (x, y), (x + 0.7, y), "#222222")
    ax.text(x + 0.85, y, names[0], va="center", fontsize=10)
    _arrow(ax, (x + 0.7, y - 0.4), (x, y - 0.4), RED)
    ax.text(x + 0.85, y - 0.4, names[1], va="center", fontsize=10, color=RED)


@register("ch05/apple-graph")
def apple_graph(lang):
    """The apple problem as a computational graph, with its forward and backward values.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        2 apples of 100 won with 10% tax: forward, 100 × 2 = 200 and 200 × 1.1 = 220 (black,
        left to right); backward from 1 at the end, the derivatives of the payment for each
        input, 2.2 (apple price), 110 (number of apples) and 200 (tax) (red, right to left).
        Every value is computed by `nn_text.layers.MulLayer`.

    Examples
    --------
    >>> from figures.ch05 import apple_graph
    >>> texts = [t.get_text() for t in apple_graph("en").axes[0].texts]
    >>> [v for v in ["220", "2.2", "110", "200"] if v in texts]
    ['220', '2.2', '110', '200']
    """
    text = {"ko": ("사과 가격", "사과 개수", "소비세", "지불 금액"),
            "en": ("apple price", "apples", "tax", "payment")}[lang]
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple_price = mul_apple.forward(100, 2)
    price = mul_tax.forward(apple_price, 1.1)
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dnum = mul_apple.backward(dapple_price)

    fig = Figure(figsize=(8.0, 3.4))
    ax = fig.add_subplot()
    blank(ax, (-1.3, 10.3), (-2.9, 1.5))
    m1, m2 = (3.0, 0.0), (6.5, 0.0)
    _op(ax, m1, "×")
    _op(ax, m2, "×")
    ax.text(-0.2, 0.0, text[0], ha="center", va="center", fontsize=11)
    ax.text(m1[0], -2.45, text[1], ha="center", va="center", fontsize=11)
    ax.text(m2[0], -2.45, text[2], ha="center", va="center", fontsize=11)
    ax.text(9.6, 0.0, text[3], ha="center", va="center", fontsize=11)
    _edge(ax, (0.55, 0.0), m1, "100", _value(dapple), shrink=(0.0, OP_RADIUS))
    _edge(ax, (m1[0], -2.1), m1, "2", _value(dnum), shrink=(0.0, OP_RADIUS), side=-1)
    _edge(ax, m1, m2, _value(apple_price), _value(dapple_price))
    _edge(ax, (m2[0], -2.1), m2, "1.1", _value(dtax), shrink=(0.0, OP_RADIUS), side=-1)
    _edge(ax, m2, (8.9, 0.0), _value(price), "1", shrink=(OP_RADIUS, 0.0))
    _legend(ax, (-1.1, 1.3), lang)
    fig.tight_layout()
    return fig


@register("ch05/fruit-graph")
def fruit_graph(lang):
    """The apples-and-oranges problem as a computational graph, forward and backward.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        2 apples of 100 won and 3 oranges of 150 won with 10% tax: 200 + 450 = 650, then
        650 × 1.1 = 715 (black). Backward (red): 1.1 through the addition to both branches,
        then 2.2 (apple price), 110 (apples), 3.3 (orange price), 165 (oranges), 650 (tax).
        The values come from `nn_text.layers.MulLayer` and `nn_text.layers.AddLayer`.

    Examples
    --------
    >>> from figures.ch05 import fruit_graph
    >>> texts = [t.get_text() for t in fruit_graph("en").axes[0].texts]
    >>> [v for v in ["715", "650", "3.3", "165"] if v in texts]
    ['715', '650', '3.3', '165']
    """
    text = {"ko": ("사과 가격", "사과 개수", "귤 가격", "귤 개수", "소비세", "지불 금액"),
            "en": ("apple price", "apples", "orange price", "oranges", "tax", "payment")}[lang]
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(100, 2)
    orange_price = mul_orange.forward(150, 3)
    all_price = add.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, 1.1)
    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)

    fig = Figure(figsize=(9.6, 5.4))
    ax = fig.add_subplot()
    blank(ax, (-1.4, 13.2), (-4.2, 4.0))
    ma, mo, ad, mt = (3.0, 1.9), (3.0, -1.9), (6.6, 0.0), (9.4, 0.0)
    for xy, symbol in [(ma, "×"), (mo, "×"), (ad, "+"), (mt, "×")]:
        _op(ax, xy, symbol)
    ax.text(-0.2, ma[1], text[0], ha="center", va="center", fontsize=11)
    ax.text(ma[0], 3.7, text[1], ha="center", va="center", fontsize=11)
    ax.text(-0.2, mo[1], text[2], ha="center", va="center", fontsize=11)
    ax.text(mo[0], -3.9, text[3], ha="center", va="center", fontsize=11)
    ax.text(mt[0], -2.45, text[4], ha="center", va="center", fontsize=11)
    ax.text(12.4, 0.0, text[5], ha="center", va="center", fontsize=11)
    _edge(ax, (0.55, ma[1]), ma, "100", _value(dapple), shrink=(0.0, OP_RADIUS))
    _edge(ax, (ma[0], 3.4), ma, "2", _value(dapple_num), shrink=(0.0, OP_RADIUS))
    _edge(ax, (0.55, mo[1]), mo, "150", _value(dorange), shrink=(0.0, OP_RADIUS))
    _edge(ax, (mo[0], -3.6), mo, "3", _value(dorange_num), shrink=(0.0, OP_RADIUS), side=-1)
    _edge(ax, ma, ad, _value(apple_price), _value(dapple_price))
    _edge(ax, mo, ad, _value(orange_price), _value(dorange_price), side=-1)
    _edge(ax, ad, mt, _value(all_price), _value(dall_price))
    _edge(ax, (mt[0], -2.1), mt, "1.1", _value(dtax), shrink=(0.0, OP_RADIUS), side=-1)
    _edge(ax, mt, (11.7, 0.0), _value(price), "1", shrink=(OP_RADIUS, 0.0))
    _legend(ax, (9.6, 3.6), lang)
    fig.tight_layout()
    return fig


def _box(ax, xy, text, width=1.9, height=0.8, color="#e8f1fa"):
    """A layer: a rounded box at centre ``xy`` with its name inside."""
    x, y = xy
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.02,rounding_size=0.12", facecolor=color,
                                edgecolor="#333333", linewidth=1.4, zorder=3))
    ax.text(x, y, text, ha="center", va="center", fontsize=11, zorder=4)


@register("ch05/chain-rule")
def chain_rule(lang):
    """The graph of ``z = (x + y)**2`` with its backward pass: the chain rule, node by node.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the notes.

    Returns
    -------
    matplotlib.figure.Figure
        ``x`` and ``y`` enter a + node that gives ``t``; a square node turns ``t`` into ``z``.
        Backward (red): 1 at the end, ``2t`` after the square node, and ``2t · 1`` at ``x`` and
        ``y``, which is ``dz/dx = 2(x + y)``.

    Examples
    --------
    >>> from figures.ch05 import chain_rule
    >>> "$t = x + y$" in [t.get_text() for t in chain_rule("en").axes[0].texts]
    True
    """
    text = {"ko": ("제곱 노드의 국소적 미분", "덧셈 노드의 국소적 미분"),
            "en": ("local derivative of the square node", "local derivative of the + node")}[lang]
    fig = Figure(figsize=(8.0, 3.6))
    ax = fig.add_subplot()
    blank(ax, (-1.0, 10.2), (-2.2, 2.4))
    add, sq = (3.0, 0.0), (6.3, 0.0)
    _op(ax, add, "+")
    _op(ax, sq, "**2", fontsize=12)
    ax.text(-0.3, 1.2, "$x$", ha="center", va="center", fontsize=14)
    ax.text(-0.3, -1.2, "$y$", ha="center", va="center", fontsize=14)
    ax.text(9.5, 0.0, "$z$", ha="center", va="center", fontsize=14)
    _edge(ax, (0.0, 1.2), add, "", "$2t \\cdot 1$", shrink=(0.0, OP_RADIUS))
    _edge(ax, (0.0, -1.2), add, "", "$2t \\cdot 1$", shrink=(0.0, OP_RADIUS), side=-1)
    _edge(ax, add, sq, "$t = x + y$", "$2t$")
    _edge(ax, sq, (9.1, 0.0), "$z = t^2$", "$1$", shrink=(OP_RADIUS, 0.0))
    for x, note, formula in [(6.9, text[0], "$\\partial z / \\partial t = 2t$"),
                             (3.0, text[1], "$\\partial t / \\partial x = 1$")]:
        ax.text(x, -1.25, note, ha="center", va="center", fontsize=10, color=GREY)
        ax.text(x, -1.75, formula, ha="center", va="center", fontsize=11, color=GREY)
    _legend(ax, (-0.8, 2.3), lang)
    fig.tight_layout()
    return fig


@register("ch05/node-backward")
def node_backward(lang):
    """The backward rules of the two basic nodes: addition passes on, multiplication swaps.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: ``z = x + y`` sends ``dL/dz`` unchanged to both inputs. Right: ``z = xy`` sends
        ``dL/dz · y`` to ``x`` and ``dL/dz · x`` to ``y``.

    Examples
    --------
    >>> from figures.ch05 import node_backward
    >>> [ax.get_title() for ax in node_backward("en").axes]
    ['addition node: passes it on', 'multiplication node: swaps the inputs']
    """
    titles = {"ko": ("덧셈 노드: 그대로 흘려보냄", "곱셈 노드: 입력을 서로 바꿔 곱함"),
              "en": ("addition node: passes it on", "multiplication node: swaps the inputs")}[lang]
    d = "\\partial L / \\partial z"
    fig = Figure(figsize=(9.6, 3.4))
    for i, (symbol, back_x, back_y) in enumerate(
            [("+", f"${d} \\cdot 1$", f"${d} \\cdot 1$"),
             ("×", f"${d} \\cdot y$", f"${d} \\cdot x$")]):
        ax = fig.add_subplot(1, 2, i + 1)
        blank(ax, (-0.6, 5.6), (-2.0, 2.6))
        node_xy = (2.6, 0.0)
        _op(ax, node_xy, symbol)
        ax.text(-0.2, 1.3, "$x$", ha="center", va="center", fontsize=14)
        ax.text(-0.2, -1.3, "$y$", ha="center", va="center", fontsize=14)
        # backward values outside the two slanted edges, where there is room for them
        _edge(ax, (0.1, 1.3), node_xy, "", back_x, shrink=(0.0, OP_RADIUS), side=-1,
              away=0.55)
        _edge(ax, (0.1, -1.3), node_xy, "", back_y, shrink=(0.0, OP_RADIUS), away=0.55)
        _edge(ax, node_xy, (5.0, 0.0), "$z$", f"${d}$", shrink=(OP_RADIUS, 0.0))
        ax.set_title(titles[i], fontsize=11)
    _legend(ax, (3.9, 2.4), lang)
    fig.tight_layout()
    return fig


@register("ch05/layer-net")
def layer_net(lang):
    """The layers of the chapter 5 TwoLayerNet, with the forward and the backward pass.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        ``x`` goes through Affine1, Relu1, Affine2 and SoftmaxWithLoss (with ``t``) to the loss
        ``L`` (black); the backward pass starts from 1 and leaves ``dW`` and ``db`` in the two
        Affine layers on its way back (red). It stops at Affine1, which computes no gradient for
        ``x`` (``input_grad=False``). The layer names are those of
        `nn_text.layer_net.TwoLayerNet`.

    Examples
    --------
    >>> from figures.ch05 import layer_net
    >>> texts = [t.get_text() for t in layer_net("en").axes[0].texts]
    >>> [name for name in ["Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"] if name in texts]
    ['Affine1', 'Relu1', 'Affine2', 'SoftmaxWithLoss']
    """
    text = {"ko": ("입력", "정답 레이블", "손실", "dW1, db1 저장 (dx는 구하지 않음)", "dW2, db2 저장"),
            "en": ("input", "label", "loss", "stores dW1, db1 (no dx)", "stores dW2, db2")}[lang]
    fig = Figure(figsize=(10.4, 3.0))
    ax = fig.add_subplot()
    blank(ax, (-0.9, 14.4), (-1.9, 1.9))
    names = ["Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"]
    xs = [2.2, 5.2, 8.2, 11.5]
    widths = [1.7, 1.5, 1.7, 2.5]
    fills = ["#e8f1fa", "#eef7e6", "#e8f1fa", "#fdebd3"]
    for name, x, w, fill in zip(names, xs, widths, fills):
        _box(ax, (x, 0.0), name, width=w, color=fill)
    ax.text(-0.4, 0.0, f"$x$\n{text[0]}", ha="center", va="center", fontsize=10)
    ax.text(xs[3], -1.55, f"$t$ ({text[1]})", ha="center", va="center", fontsize=10)
    ax.text(14.0, 0.0, f"$L$\n{text[2]}", ha="center", va="center", fontsize=10)
    # forward only: Affine1 has input_grad=False, so nothing goes back to x
    _arrow(ax, (0.1, 0.0), (xs[0] - widths[0] / 2, 0.0), "#222222")
    for k in range(3):
        _edge(ax, (xs[k], 0.0), (xs[k + 1], 0.0), "", "dout",
              shrink=(widths[k] / 2, widths[k + 1] / 2))
    _edge(ax, (xs[3], 0.0), (13.6, 0.0), "", "1", shrink=(widths[3] / 2, 0.0))
    _arrow(ax, (xs[3], -1.3), (xs[3], -0.42), "#222222")
    for k, label in [(0, text[3]), (2, text[4])]:
        ax.text(xs[k], 0.85, label, ha="center", va="center", fontsize=9, color=RED)
    _legend(ax, (-0.7, 1.75), lang)
    fig.tight_layout()
    return fig


@register("ch05/activation-backward")
def activation_backward(lang):
    """ReLU and sigmoid with the slopes their layers' ``backward`` passes on.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles and the legend.

    Returns
    -------
    matplotlib.figure.Figure
        Left: ``Relu.forward`` and ``Relu.backward`` of ones (1 for ``x > 0``, 0 elsewhere, 0 at
        ``x = 0`` too). Right: ``Sigmoid.forward`` and ``Sigmoid.backward`` of ones,
        ``y(1 - y)``, at most 0.25 (at ``x = 0``). Both from `nn_text.layers`.

    Examples
    --------
    >>> from figures.ch05 import activation_backward
    >>> [t.get_text() for t in activation_backward("en").axes[1].get_legend().get_texts()]
    ['forward: $y$', 'backward of 1: $y(1 - y)$']
    """
    text = {"ko": ("ReLU 계층", "Sigmoid 계층", "순전파: $y$", "1의 역전파: $\\partial y / \\partial x$",
                   "1의 역전파: $y(1 - y)$", "최댓값 0.25"),
            "en": ("ReLU layer", "Sigmoid layer", "forward: $y$",
                   "backward of 1: $\\partial y / \\partial x$", "backward of 1: $y(1 - y)$",
                   "at most 0.25")}[lang]
    x = np.linspace(-6.0, 6.0, 1201)  # includes 0 exactly
    fig = Figure(figsize=(9.0, 3.4))
    for i, (layer, back_label) in enumerate([(Relu(), text[3]), (Sigmoid(), text[4])]):
        ax = fig.add_subplot(1, 2, i + 1)
        y = layer.forward(x)
        dx = layer.backward(np.ones_like(x))
        ax.axhline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
        ax.axvline(0, color="#bbbbbb", linewidth=0.8, zorder=0)
        ax.plot(x, y, color=BLUE, linewidth=2, label=text[2])
        if i == 0:  # the slope jumps at 0: draw the two pieces and mark the value at 0
            left, right = x <= 0, x > 0
            ax.plot(x[left], dx[left], color=RED, linewidth=2, linestyle="--", label=back_label)
            ax.plot(x[right], dx[right], color=RED, linewidth=2, linestyle="--")
            ax.plot([0], [0], "o", color=RED, markersize=5)
            ax.plot([0], [1], "o", color=RED, markerfacecolor="white", markersize=5)
            ax.set_ylim(-0.3, 3.0)
        else:
            ax.plot(x, dx, color=RED, linewidth=2, linestyle="--", label=back_label)
            ax.annotate(text[5], xy=(0, 0.25), xytext=(1.6, 0.4), fontsize=10,
                        arrowprops={"arrowstyle": "->", "color": GREY})
            ax.set_ylim(-0.1, 1.1)
        ax.set_xlim(-6, 6)
        ax.set_xlabel("$x$")
        ax.set_title(text[i], fontsize=11)
        ax.legend(loc="upper left", fontsize=9)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@register("ch05/training-curves")
def training_curves(lang):
    """Loss per step and accuracy per epoch of the chapter 5 TwoLayerNet trained by backprop.

    Read from ``results/layer_net.json`` (written by ``tools/train_layer_net.py``), so the
    figure is drawn from a checkout of the repository.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the mini-batch loss of every step and its average over 100 steps. Right: the
        accuracy on the training and the test data after each epoch.

    Examples
    --------
    >>> from figures.ch05 import training_curves
    >>> [line.get_label() for line in training_curves("en").axes[1].lines]
    ['training data', 'test data']
    """
    return training_curves_figure(json.loads(HISTORY.read_text(encoding="utf-8")), lang)


@register("ch05/branch-node")
def branch_node(lang):
    """The branch (repeat) node: one value sent down several branches, and its backward rule.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: ``x`` copied to two branches; backward, the derivatives from the branches add up
        to ``dL/dy1 + dL/dy2``. Right: the bias ``b`` added to every row of a batch of 2 is the
        same node; the upstream rows [1, 2, 3] and [4, 5, 6] add up to ``db`` = [5, 7, 9],
        computed by `nn_text.layers.Affine`.

    Examples
    --------
    >>> from figures.ch05 import branch_node
    >>> texts = [t.get_text() for t in branch_node("en").axes[1].texts]
    >>> "[5 7 9]" in texts
    True
    """
    titles = {"ko": ("분기 노드: 역전파에서는 갈래의 미분을 더함",
                     "편향: 한 값이 배치의 모든 행으로 갈라짐"),
              "en": ("branch node: backward adds the branches' derivatives",
                     "the bias: one value branches to every row of the batch")}[lang]
    row = {"ko": "{}번째 행", "en": "row {}"}[lang]
    affine = Affine(np.zeros((2, 3)), np.zeros(3))  # the bias's backward, as the layer does it
    affine.forward(np.zeros((2, 2)))
    dY = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    affine.backward(dY)
    db = affine.db  # [5, 7, 9]
    fig = Figure(figsize=(10.4, 3.6))
    for i in range(2):
        ax = fig.add_subplot(1, 2, i + 1)
        blank(ax, (-0.6, 6.4), (-2.3, 2.5))
        branch = (2.4, 0.0)
        ax.add_patch(Circle(branch, 0.12, facecolor="#333333", zorder=4))  # the branch point
        if i == 0:
            ends = [(5.6, 1.9), (5.6, -1.9)]
            ax.text(-0.2, 0.0, "$x$", ha="center", va="center", fontsize=14)
            _edge(ax, (0.1, 0.0), branch, "$x$", "$\\partial L / \\partial y_1 + "
                  "\\partial L / \\partial y_2$", shrink=(0.0, 0.12), away=0.45)
            for k, end in enumerate(ends):
                side = 1 if k == 0 else -1
                _edge(ax, branch, end, f"$y_{k + 1} = x$",
                      f"$\\partial L / \\partial y_{k + 1}$", shrink=(0.12, 0.0),
                      side=side, away=0.45)
        else:
            ends = [(5.6, 1.9), (5.6, -1.9)]
            ax.text(-0.2, 0.0, "$b$", ha="center", va="center", fontsize=14)
            _edge(ax, (0.1, 0.0), branch, "$b$", str(db.astype(int)).replace("  ", " "),
                  shrink=(0.0, 0.12), away=0.5)
            for k, end in enumerate(ends):
                side = 1 if k == 0 else -1
                _edge(ax, branch, end, row.format(k + 1), str(dY[k].astype(int)),
                      shrink=(0.12, 0.0), side=side, away=0.5)
        ax.set_title(titles[i], fontsize=11)
    _legend(ax, (-0.4, -1.6), lang)
    fig.tight_layout()
    return fig


@register("ch05/sigmoid-graph")
def sigmoid_graph(lang):
    """The Sigmoid layer as a computational graph of four nodes, forward and backward.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Top: ``x`` through ×(-1), exp, +1 and / to ``y = 1 / (1 + exp(-x))`` (black); backward
        (red) from ``dL/dy``, each node multiplying by its local derivative: ``-y**2``, 1,
        ``exp(-x)``, -1. Bottom: the four nodes as one "sigmoid" node, whose backward is
        ``dL/dy · y(1 - y)``.

    Examples
    --------
    >>> from figures.ch05 import sigmoid_graph
    >>> [ax.get_title() for ax in sigmoid_graph("en").axes]
    ['the sigmoid function in four nodes', 'the same as one sigmoid node']
    """
    titles = {"ko": ("네 노드로 나눈 시그모이드 함수", "하나로 묶은 sigmoid 노드"),
              "en": ("the sigmoid function in four nodes", "the same as one sigmoid node")}[lang]
    d = "\\dfrac{\\partial L}{\\partial y}"
    fig = Figure(figsize=(11.0, 5.0))
    ax = fig.add_axes((0.0, 0.36, 1.0, 0.58))
    blank(ax, (-0.8, 16.2), (-2.3, 1.5))
    nodes = [(2.2, 0.0), (5.6, 0.0), (9.0, 0.0), (12.4, 0.0)]
    for xy, symbol in zip(nodes, ["×", "exp", "+", "/"]):
        _op(ax, xy, symbol, fontsize=17 if len(symbol) == 1 else 12)
    ax.text(-0.4, 0.0, "$x$", ha="center", va="center", fontsize=14)
    ax.text(15.8, 0.0, "$y$", ha="center", va="center", fontsize=14)
    forward = ["$x$", "$-x$", "$\\exp(-x)$", "$1 + \\exp(-x)$", "$y$"]
    backward = [f"${d} y^2 \\exp(-x)$", f"$-{d} y^2 \\exp(-x)$", f"$-{d} y^2$", f"$-{d} y^2$",
                f"${d}$"]
    points = [(-0.1, 0.0)] + nodes + [(15.5, 0.0)]
    for k in range(5):
        shrink = (0.0 if k == 0 else OP_RADIUS, 0.0 if k == 4 else OP_RADIUS)
        _edge(ax, points[k], points[k + 1], forward[k], backward[k], shrink=shrink, away=0.7,
              fontsize=14)
    for xy, const in [(nodes[0], "$-1$"), (nodes[2], "$1$")]:  # the constants from below
        ax.text(xy[0], -1.95, const, ha="center", va="center", fontsize=13)
        _arrow(ax, (xy[0], -1.7), (xy[0], -OP_RADIUS), "#222222")
    ax.set_title(titles[0], fontsize=11)
    ax2 = fig.add_axes((0.2, 0.0, 0.6, 0.32))
    blank(ax2, (-0.8, 9.6), (-1.2, 1.2))
    _op(ax2, (4.4, 0.0), "sigmoid", fontsize=10)
    ax2.patches[-1].set_radius(0.62)
    ax2.text(-0.4, 0.0, "$x$", ha="center", va="center", fontsize=14)
    ax2.text(9.3, 0.0, "$y$", ha="center", va="center", fontsize=14)
    _edge(ax2, (-0.1, 0.0), (4.4, 0.0), "$x$", f"${d}\\, y(1 - y)$", shrink=(0.0, 0.62),
          away=0.7, fontsize=14)
    _edge(ax2, (4.4, 0.0), (9.0, 0.0), "$y$", f"${d}$", shrink=(0.62, 0.0), away=0.7,
          fontsize=14)
    ax2.set_title(titles[1], fontsize=11)
    _legend(ax2, (-0.6, 1.0), lang)
    return fig


@register("ch05/affine-graph")
def affine_graph(lang):
    """The Affine layer for a batch as a computational graph, with the shapes on its edges.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        ``X`` (N, 2) and ``W`` (2, 3) enter a dot node, its (N, 3) result and ``B`` (3,) a +
        node that gives ``Y`` (N, 3). Backward (red): ``dL/dY`` (N, 3) through the + node; the
        bias gets its sum over the batch axis (3,); the dot node gives ``dL/dY · W^T`` (N, 2)
        and ``X^T · dL/dY`` (2, 3).

    Examples
    --------
    >>> from figures.ch05 import affine_graph
    >>> texts = [t.get_text() for t in affine_graph("en").axes[0].texts]
    >>> "$(N, 3)$" in texts and "$(2, 3)$" in texts
    True
    """
    title = {"ko": "배치용 Affine 계층의 계산 그래프 (입력 2개, 출력 3개, 데이터 N개)",
             "en": "the batch Affine layer as a graph (2 inputs, 3 outputs, N samples)"}[lang]
    sum_note = {"ko": "(배치 축으로 합함)", "en": "(summed over the batch)"}[lang]
    dY = "\\dfrac{\\partial L}{\\partial \\mathbf{Y}}"
    fig = Figure(figsize=(10.4, 5.4))
    ax = fig.add_subplot()
    blank(ax, (-1.4, 13.8), (-4.6, 4.2))
    dot, add = (4.4, 0.0), (8.8, 0.0)
    _op(ax, dot, "dot", fontsize=12)
    _op(ax, add, "+")
    for xy, name in [((-0.7, 2.4), "X"), ((-0.7, -2.4), "W"), ((add[0], -4.1), "B"),
                     ((13.3, 0.0), "Y")]:
        ax.text(*xy, f"$\\mathbf{{{name}}}$", ha="center", va="center", fontsize=15)
    # The inputs' backward arrows run on the outside of the slanted edges, where their labels fit.
    _edge(ax, (-0.3, 2.4), dot, "", "", shrink=(0.0, OP_RADIUS), side=-1)
    _edge(ax, (-0.3, -2.4), dot, "", "", shrink=(0.0, OP_RADIUS))
    _edge(ax, dot, add, "", "")
    _edge(ax, add, (12.8, 0.0), "", "", shrink=(OP_RADIUS, 0.0))
    _edge(ax, (add[0], -3.7), add, "", "", shrink=(0.0, OP_RADIUS))

    def _label(xy, text, color="#222222", ha="center"):
        ax.text(*xy, text, ha=ha, va="center", fontsize=13, color=color, zorder=5)

    _label((2.0, 0.42), "$(N, 2)$")
    _label((2.0, -0.42), "$(2, 3)$")
    _label((1.3, 2.75), f"${dY} \\cdot \\mathbf{{W}}^\\top \\;\\; (N, 2)$", RED)
    _label((1.3, -2.75), f"$\\mathbf{{X}}^\\top \\cdot {dY} \\;\\; (2, 3)$", RED)
    for x in [6.6, 10.9]:
        _label((x, 0.5), "$(N, 3)$")
        _label((x, -0.75), f"${dY} \\;\\; (N, 3)$", RED)
    _label((add[0] - 0.35, -2.0), "$(3,)$", ha="right")
    _label((add[0] + 0.35, -1.75), f"$\\sum_{{\\mathrm{{axis}}=0}} {dY} \\;\\; (3,)$", RED,
          ha="left")
    ax.text(add[0] + 0.45, -2.7, sum_note, ha="left", va="center", fontsize=10, color=RED)
    ax.set_title(title, fontsize=11)
    _legend(ax, (10.6, 3.6), lang)
    fig.tight_layout()
    return fig


@register("ch05/softmax-with-loss")
def softmax_with_loss(lang):
    """The Softmax-with-Loss layer in two boxes: softmax, then cross-entropy error.

    The simplified graph of the book's figure 5-29; Appendix A draws every node.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the box names.

    Returns
    -------
    matplotlib.figure.Figure
        Scores ``a1..a3`` into Softmax, probabilities ``y1..y3`` with the labels ``t1..t3``
        into Cross Entropy Error, the loss ``L`` (black). Backward (red) from 1: ``y_k - t_k``
        reaches the scores.

    Examples
    --------
    >>> from figures.ch05 import softmax_with_loss
    >>> texts = [t.get_text() for t in softmax_with_loss("en").axes[0].texts]
    >>> "$y_1 - t_1$" in texts
    True
    """
    names = {"ko": ("Softmax", "Cross Entropy\nError", "Softmax-with-Loss 계층"),
             "en": ("Softmax", "Cross Entropy\nError", "the Softmax-with-Loss layer")}[lang]
    fig = Figure(figsize=(10.4, 4.6))
    ax = fig.add_subplot()
    blank(ax, (-1.0, 13.8), (-3.4, 3.4))
    soft, cee = (3.6, 0.0), (8.6, 0.0)
    ax.add_patch(FancyBboxPatch((2.35, -2.75), 7.65, 5.8, boxstyle="round,pad=0.02,"
                                "rounding_size=0.2", facecolor="none", edgecolor=GREY,
                                linestyle="--", linewidth=1.0))
    ax.text(6.25, 3.3, names[2], ha="center", va="center", fontsize=11, color=GREY)
    _box(ax, soft, names[0], width=1.6, height=4.6, color="#e8f1fa")
    _box(ax, cee, names[1], width=1.9, height=4.6, color="#fdebd3")
    for k, y in enumerate([1.6, 0.0, -1.6]):
        i = k + 1
        ax.text(-0.6, y, f"$a_{i}$", ha="center", va="center", fontsize=13)
        _edge(ax, (-0.3, y), (soft[0], y), "", f"$y_{i} - t_{i}$", shrink=(0.0, 0.8))
        _edge(ax, (soft[0], y), (cee[0], y), f"$y_{i}$", f"$-t_{i} / y_{i}$",
              shrink=(0.8, 0.95))
    for k, x in enumerate([7.95, 8.6, 9.25]):  # the labels enter from below
        ax.text(x, -3.3, f"$t_{k + 1}$", ha="center", va="center", fontsize=12)
    for x in [7.95, 8.6, 9.25]:
        _arrow(ax, (x, -3.05), (x, -2.3), "#222222")
    _edge(ax, (cee[0], 0.0), (12.9, 0.0), "$L$", "$1$", shrink=(0.95, 0.0))
    ax.text(13.3, 0.0, "$L$", ha="center", va="center", fontsize=13)
    _legend(ax, (10.9, -2.2), lang)
    fig.tight_layout()
    return fig
