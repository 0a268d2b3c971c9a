"""Figures of chapter 2: the perceptron, the gates' decision lines, XOR and the 2-layer network."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from figures import register
from figures._draw import blank, edge, node
from nn_text.perceptron import AND, NAND, OR, XOR

__all__ = ["perceptron", "gates", "xor", "xor_network"]

POINTS = [(0, 0), (1, 0), (0, 1), (1, 1)]
# (w1, w2, b) of each gate, the same numbers as in nn_text.perceptron.
GATE_PARAMS = {"AND": (0.5, 0.5, -0.7), "NAND": (-0.5, -0.5, 0.7), "OR": (0.5, 0.5, -0.2)}
GATES = {"AND": AND, "NAND": NAND, "OR": OR, "XOR": XOR}
ONE_COLOR, ZERO_COLOR = "#1f77b4", "#d62728"
ZERO_REGION = "#888888"  # the book shades the region where the output is 0 in grey


def _points(ax, gate):
    """Plot the four inputs with the book's marks (figures 2-6 to 2-8): a circle where the gate
    outputs 0, a triangle where it outputs 1."""
    for x1, x2 in POINTS:
        if gate(x1, x2):
            ax.plot(x1, x2, "^", color=ONE_COLOR, markersize=12)
        else:
            ax.plot(x1, x2, "o", color=ZERO_COLOR, markersize=11, markerfacecolor="white",
                    markeredgewidth=2)


def _point_legend(fig, lang, y):
    """A legend below the panels with the two markers of `_points` and the shaded region."""
    labels = {"ko": ("출력 0", "출력 1", "출력이 0인 영역"),
              "en": ("output 0", "output 1", "where the output is 0")}[lang]
    handles = [
        Line2D([], [], linestyle="none", marker="o", color=ZERO_COLOR, markersize=9,
               markerfacecolor="white", markeredgewidth=2),
        Line2D([], [], linestyle="none", marker="^", color=ONE_COLOR, markersize=10),
        Line2D([], [], linestyle="none", marker="s", color=ZERO_REGION, alpha=0.3, markersize=12),
    ]
    fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, y), ncol=3,
               frameon=False, fontsize=10)


def _frame(ax, title):
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    ax.set_aspect("equal")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)


def _line_label(w1, w2, b):
    """The decision line ``w1*x1 + w2*x2 + b = 0`` as mathtext, e.g. ``0.5x_1 + 0.5x_2 - 0.7 = 0``."""
    def term(value, symbol, first):
        if first:
            return f"{'-' if value < 0 else ''}{abs(value):g}{symbol}"
        return f"{'-' if value < 0 else '+'} {abs(value):g}{symbol}"

    return "$" + " ".join([term(w1, "x_1", True), term(w2, "x_2", False), term(b, "", False)]) + " = 0$"


@register("ch02/perceptron")
def perceptron(lang):
    """A perceptron with two inputs, drawn with a threshold and again with a bias.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: inputs ``x1, x2`` reach the neuron ``y`` through the weights ``w1, w2``; the
        neuron fires when the weighted sum is above the threshold ``θ``. Right: the same
        perceptron with the bias ``b = -θ`` drawn as the weight of an input that is always 1.

    Examples
    --------
    >>> from figures.ch02 import perceptron
    >>> [ax.get_title() for ax in perceptron("en").axes]
    ['With a threshold θ', 'With a bias b (b = −θ)']
    """
    titles = {"ko": ("임계값 θ를 쓰는 퍼셉트론", "편향 b를 쓰는 퍼셉트론 (b = −θ)"),
              "en": ("With a threshold θ", "With a bias b (b = −θ)")}[lang]
    fig = Figure(figsize=(8, 3.2))
    for i, with_bias in enumerate([False, True]):
        ax = fig.add_subplot(1, 2, i + 1)
        blank(ax, (-0.6, 3.1), (-0.8, 2.5))
        x1, x2, y = (0, 1.6), (0, 0), (2.4, 0.8)
        node(ax, x1, "$x_1$")
        node(ax, x2, "$x_2$")
        node(ax, y, "$y$", color="#e8f1fa")
        edge(ax, x1, y, "$w_1$", offset=(0.0, 0.22))
        edge(ax, x2, y, "$w_2$", offset=(0.0, -0.22))
        if with_bias:
            one = (1.2, 2.1)
            node(ax, one, "$1$", color="#eeeeee")
            edge(ax, one, y, "$b$", offset=(0.2, 0.12), color="#7f7f7f")
        else:
            ax.text(y[0], y[1] - 0.55, "$\\theta$", ha="center", va="center", fontsize=15)
        ax.set_title(titles[i], fontsize=12)
    fig.tight_layout()
    return fig


@register("ch02/gates")
def gates(lang):
    """AND, NAND and OR: the four inputs and the line ``w1*x1 + w2*x2 + b = 0`` of each gate.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the legend.

    Returns
    -------
    matplotlib.figure.Figure
        Three panels, titled with the gate and its line; the grey side of each line is where
        the gate outputs 0, as in the book.

    Examples
    --------
    >>> from figures.ch02 import gates
    >>> [ax.get_title() for ax in gates("en").axes]
    ['AND', 'NAND', 'OR']
    >>> gates("en").axes[0].texts[0].get_text()
    '$0.5x_1 + 0.5x_2 - 0.7 = 0$'
    """
    x1 = np.linspace(-0.5, 1.5, 50)
    fig = Figure(figsize=(9, 3.6))
    for i, (name, (w1, w2, b)) in enumerate(GATE_PARAMS.items()):
        ax = fig.add_subplot(1, 3, i + 1)
        x2 = -(w1 * x1 + b) / w2  # the decision line w1*x1 + w2*x2 + b = 0
        # w2 > 0: output 0 below the line; w2 < 0: above it.
        zero_side = -0.5 if w2 > 0 else 1.5
        ax.fill_between(x1, x2, zero_side, color=ZERO_REGION, alpha=0.25, linewidth=0)
        ax.plot(x1, x2, color="#333333")
        _points(ax, GATES[name])
        _frame(ax, name)
        ax.set_title(name, pad=22)
        ax.text(0.5, 1.03, _line_label(w1, w2, b), transform=ax.transAxes, ha="center",
                va="bottom", fontsize=10, color="#333333")
    fig.tight_layout()
    _point_legend(fig, lang, -0.01)
    return fig


@register("ch02/xor")
def xor(lang):
    """XOR: no single straight line separates its outputs, but NAND's and OR's lines together do.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: XOR's four points with one attempted line. Right: the band between the OR line
        and the NAND line is exactly where ``XOR = AND(NAND, OR)`` outputs 1; outside it
        (grey) it outputs 0.

    Examples
    --------
    >>> from figures.ch02 import xor
    >>> len(xor("en").axes)
    2
    """
    titles = {
        "ko": ("XOR: 직선 하나로는 나눌 수 없음", "NAND와 OR의 직선 두 개로 나눔"),
        "en": ("XOR: no single line separates it", "NAND and OR lines together do"),
    }[lang]
    x1 = np.linspace(-0.5, 1.5, 50)
    fig = Figure(figsize=(8, 4.0))
    left = fig.add_subplot(1, 2, 1)
    left.plot(x1, -x1 + 0.5, color="#999999", linestyle=":")  # any one line leaves a mistake
    _points(left, XOR)
    _frame(left, titles[0])
    right = fig.add_subplot(1, 2, 2)
    (ow1, ow2, ob), (nw1, nw2, nb) = GATE_PARAMS["OR"], GATE_PARAMS["NAND"]
    or_line = -(ow1 * x1 + ob) / ow2
    nand_line = -(nw1 * x1 + nb) / nw2
    for edge_line, far in [(or_line, -0.5), (nand_line, 1.5)]:  # grey outside the band: 0
        right.fill_between(x1, edge_line, far, color=ZERO_REGION, alpha=0.25, linewidth=0)
    right.plot(x1, or_line, color="#2ca02c", label="OR")
    right.plot(x1, nand_line, color="#9467bd", linestyle="--", label="NAND")
    _points(right, XOR)
    _frame(right, titles[1])
    right.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    _point_legend(fig, lang, -0.01)
    return fig


@register("ch02/xor-network")
def xor_network(lang):
    """XOR as a 2-layer perceptron: ``x1, x2`` (layer 0) to ``s1, s2`` (layer 1) to ``y`` (layer 2).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the layer labels.

    Returns
    -------
    matplotlib.figure.Figure
        Every arrow carries its weight and every neuron its gate and bias, the numbers of
        ``NAND``, ``OR`` and ``AND`` in `nn_text.perceptron`.

    Examples
    --------
    >>> from figures.ch02 import xor_network
    >>> [t.get_text() for t in xor_network("en").axes[0].texts if t.get_text().startswith("layer")]
    ['layer 0 (input)', 'layer 1', 'layer 2 (output)']
    """
    layers = {"ko": ("0층 (입력)", "1층", "2층 (출력)"),
              "en": ("layer 0 (input)", "layer 1", "layer 2 (output)")}[lang]
    fig = Figure(figsize=(7.5, 4.2))
    ax = fig.add_subplot()
    blank(ax, (-0.8, 7.4), (-1.5, 3.2))
    x = {"x1": (0, 2.2), "x2": (0, 0)}
    s = {"s1": (3.2, 2.2), "s2": (3.2, 0)}
    y = (6.2, 1.1)
    (nw1, nw2, nb), (ow1, ow2, ob), (aw1, aw2, ab) = (
        GATE_PARAMS["NAND"], GATE_PARAMS["OR"], GATE_PARAMS["AND"])
    # Crossing arrows carry their labels near the end, where they are apart.
    edge(ax, x["x1"], s["s1"], f"${nw1:g}$", at=0.5, offset=(0, 0.2), color="#9467bd")
    edge(ax, x["x2"], s["s1"], f"${nw2:g}$", at=0.72, offset=(-0.3, 0.05), color="#9467bd")
    edge(ax, x["x1"], s["s2"], f"${ow1:g}$", at=0.72, offset=(-0.3, -0.05), color="#2ca02c")
    edge(ax, x["x2"], s["s2"], f"${ow2:g}$", at=0.5, offset=(0, -0.2), color="#2ca02c")
    edge(ax, s["s1"], y, f"${aw1:g}$", offset=(0.1, 0.25))
    edge(ax, s["s2"], y, f"${aw2:g}$", offset=(0.1, -0.25))
    for name, xy in x.items():
        node(ax, xy, f"$x_{name[1]}$")
    for (name, xy), gate, bias, color in [(("s1", s["s1"]), "NAND", nb, "#9467bd"),
                                          (("s2", s["s2"]), "OR", ob, "#2ca02c")]:
        node(ax, xy, f"$s_{name[1]}$", color="#e8f1fa")
        above = xy[1] > 1
        ax.text(xy[0], xy[1] + (0.5 if above else -0.5), f"{gate}  $b = {bias:g}$",
                ha="center", va="center", fontsize=11, color=color)
    node(ax, y, "$y$", color="#e8f1fa")
    ax.text(y[0], y[1] - 0.55, f"AND  $b = {ab:g}$", ha="center", va="center", fontsize=11)
    for label, x_pos in zip(layers, [0, 3.2, 6.2]):
        ax.text(x_pos, -1.25, label, ha="center", va="center", fontsize=11, color="#555555")
    fig.tight_layout()
    return fig
