"""Figures of chapter 5: computational graphs of the shopping problems, forward and backward,
and the training curves of the TwoLayerNet built from layers."""

import json
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch

import nn_text
from nn_text.figures import register
from nn_text.figures._draw import blank
from nn_text.layers import AddLayer, MulLayer

__all__ = ["apple_graph", "fruit_graph", "training_curves", "HISTORY"]

HISTORY = Path(nn_text.__file__).resolve().parents[1] / "results" / "layer_net.json"
BLUE, ORANGE, RED, GREY = "#1f77b4", "#ff7f0e", "#c0392b", "#555555"
OP_RADIUS = 0.38
GAP = 0.13  # the forward arrow runs this far on one side of an edge, the backward on the other


def _value(v):
    """A value as the graph shows it: rounded, so 220.00000000000003 reads 220."""
    return f"{round(float(v), 6):g}"


def _op(ax, xy, symbol):
    """An operation node: a circle with ``symbol`` (``×`` or ``+``) inside."""
    ax.add_patch(Circle(xy, OP_RADIUS, facecolor="#e8f1fa", edgecolor="#333333",
                        linewidth=1.5, zorder=3))
    ax.text(*xy, symbol, ha="center", va="center", fontsize=17, zorder=4)


def _arrow(ax, start, end, color):
    ax.add_patch(FancyArrowPatch(tuple(start), tuple(end), arrowstyle="-|>", mutation_scale=13,
                                 color=color, linewidth=1.4, shrinkA=0, shrinkB=0, zorder=2))


def _edge(ax, start, end, forward, backward, shrink=(OP_RADIUS, OP_RADIUS), side=1):
    """An edge of the graph: the forward value on one side, the backward value on the other.

    The forward arrow points from ``start`` to ``end`` (black); the backward arrow runs beside
    it the other way (red). ``shrink`` keeps the arrows off the nodes at either end; ``side``
    (1 or -1) says on which side of the edge the forward value goes.
    """
    start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    unit = (end - start) / np.linalg.norm(end - start)
    normal = side * np.array([-unit[1], unit[0]])  # the forward side
    tail, head = start + shrink[0] * unit, end - shrink[1] * unit
    _arrow(ax, tail + GAP * normal, head + GAP * normal, "#222222")
    _arrow(ax, head - GAP * normal, tail - GAP * normal, RED)
    middle = (tail + head) / 2
    ax.text(*(middle + 0.36 * normal), forward, ha="center", va="center", fontsize=12,
            color="#222222", zorder=5)
    ax.text(*(middle - 0.38 * normal), backward, ha="center", va="center", fontsize=12,
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
    >>> from nn_text.figures.ch05 import apple_graph
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
    >>> from nn_text.figures.ch05 import fruit_graph
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
    >>> from nn_text.figures.ch05 import training_curves
    >>> [line.get_label() for line in training_curves("en").axes[1].lines]
    ['training data', 'test data']
    """
    text = {"ko": ("갱신 횟수", "손실", "미니배치마다", "100번 평균", "에폭", "정확도",
                   "훈련 데이터", "시험 데이터", "손실 함수의 값", "에폭마다 잰 정확도"),
            "en": ("step", "loss", "each mini-batch", "mean of 100 steps", "epoch", "accuracy",
                   "training data", "test data", "loss", "accuracy after each epoch")}[lang]
    history = json.loads(HISTORY.read_text(encoding="utf-8"))
    loss = np.array(history["loss"])
    steps = np.arange(len(loss))
    window = 100
    mean = np.convolve(loss, np.ones(window) / window, mode="valid")  # (N - 99,)
    fig = Figure(figsize=(10.0, 3.8))
    ax = fig.add_subplot(1, 2, 1)
    ax.plot(steps, loss, color=BLUE, alpha=0.25, linewidth=0.5, label=text[2])
    ax.plot(steps[window - 1:], mean, color=BLUE, linewidth=1.5, label=text[3])
    ax.set_xlabel(text[0])
    ax.set_ylabel(text[1])
    ax.set_ylim(0, 2.5)
    ax.set_title(text[8], fontsize=11)
    ax.legend(loc="upper right", fontsize=9)
    ax.grid(alpha=0.3)
    ax2 = fig.add_subplot(1, 2, 2)
    epochs = np.arange(len(history["train_acc"]))
    ax2.plot(epochs, history["train_acc"], "o-", color=BLUE, markersize=4, label=text[6])
    ax2.plot(epochs, history["test_acc"], "s--", color=ORANGE, markersize=4, label=text[7])
    ax2.set_xlabel(text[4])
    ax2.set_ylabel(text[5])
    ax2.set_ylim(0, 1.0)
    ax2.set_title(text[9], fontsize=11)
    ax2.legend(loc="lower right", fontsize=9)
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    return fig
