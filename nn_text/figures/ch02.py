"""Figures of chapter 2: the gates' decision lines and why one line cannot separate XOR."""

import numpy as np
from matplotlib.figure import Figure

from nn_text.figures import register
from nn_text.perceptron import AND, NAND, OR, XOR

__all__ = ["gates", "xor"]

POINTS = [(0, 0), (1, 0), (0, 1), (1, 1)]
# (w1, w2, b) of each gate, the same numbers as in nn_text.perceptron.
GATE_PARAMS = {"AND": (0.5, 0.5, -0.7), "NAND": (-0.5, -0.5, 0.7), "OR": (0.5, 0.5, -0.2)}
GATES = {"AND": AND, "NAND": NAND, "OR": OR, "XOR": XOR}


def _points(ax, gate):
    """Plot the four inputs: filled circles where the gate outputs 1, triangles where it gives 0."""
    for x1, x2 in POINTS:
        if gate(x1, x2):
            ax.plot(x1, x2, "o", color="#1f77b4", markersize=11)
        else:
            ax.plot(x1, x2, "^", color="#d62728", markersize=11, markerfacecolor="white",
                    markeredgewidth=2)


def _frame(ax, title):
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    ax.set_aspect("equal")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)


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
        Three panels; the shaded side of each line is where the gate outputs 1.

    Examples
    --------
    >>> from nn_text.figures.ch02 import gates
    >>> [ax.get_title() for ax in gates("en").axes]
    ['AND', 'NAND', 'OR']
    """
    x1 = np.linspace(-0.5, 1.5, 50)
    fig = Figure(figsize=(9, 3.3))
    for i, (name, (w1, w2, b)) in enumerate(GATE_PARAMS.items()):
        ax = fig.add_subplot(1, 3, i + 1)
        x2 = -(w1 * x1 + b) / w2  # the decision line w1*x1 + w2*x2 + b = 0
        # w2 > 0: output 1 above the line; w2 < 0: below it.
        top = 1.5 if w2 > 0 else -0.5
        ax.fill_between(x1, x2, top, color="#1f77b4", alpha=0.12, linewidth=0)
        ax.plot(x1, x2, color="#333333")
        _points(ax, GATES[name])
        _frame(ax, name)
    fig.text(0.5, -0.06, {"ko": "●: 출력 1   △: 출력 0   색칠한 쪽: 출력이 1인 영역",
                         "en": "●: output 1   △: output 0   shaded: where the output is 1"}[lang],
             ha="center", fontsize=10)
    fig.tight_layout()
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
        and the NAND line, which is exactly where ``XOR = AND(NAND, OR)`` outputs 1.

    Examples
    --------
    >>> from nn_text.figures.ch02 import xor
    >>> len(xor("en").axes)
    2
    """
    titles = {
        "ko": ("XOR: 직선 하나로는 나눌 수 없음", "NAND와 OR의 직선 두 개로 나눔"),
        "en": ("XOR: no single line separates it", "NAND and OR lines together do"),
    }[lang]
    x1 = np.linspace(-0.5, 1.5, 50)
    fig = Figure(figsize=(8, 3.8))
    left = fig.add_subplot(1, 2, 1)
    left.plot(x1, -x1 + 0.5, color="#999999", linestyle=":")  # any one line leaves a mistake
    _points(left, XOR)
    _frame(left, titles[0])
    right = fig.add_subplot(1, 2, 2)
    (ow1, ow2, ob), (nw1, nw2, nb) = GATE_PARAMS["OR"], GATE_PARAMS["NAND"]
    or_line = -(ow1 * x1 + ob) / ow2
    nand_line = -(nw1 * x1 + nb) / nw2
    right.fill_between(x1, or_line, nand_line, color="#1f77b4", alpha=0.12, linewidth=0)
    right.plot(x1, or_line, color="#2ca02c", label="OR")
    right.plot(x1, nand_line, color="#9467bd", linestyle="--", label="NAND")
    _points(right, XOR)
    _frame(right, titles[1])
    right.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig
