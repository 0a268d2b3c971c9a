"""Figures of Appendix A: the Softmax-with-Loss layer as a full computational graph (three
classes), forward, then backward in two steps: the cross-entropy error, then the softmax."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from figures import register
from figures._draw import blank
from figures.ch05 import OP_RADIUS, RED, _arrow, _legend, _op

__all__ = ["forward_graph", "cross_entropy_backward", "softmax_backward"]

LANES = (3.0, 0.6, -1.8)  # the y of the three classes' rows
BOTTOM = -4.6  # the row of the sum S and the division 1/S
DOT = 0.1  # radius of a branch point
LIGHT = "#b0b0b0"  # edges whose values the figure does not show
# The x range each figure shows: a backward step shows only its part of the graph, so its labels
# stay readable on a phone; the edges into the other part are cut at the border.
XLIM = {"forward": (-0.6, 19.9), "ce": (8.3, 19.9), "softmax": (-0.6, 12.3)}
YLIM = {"forward": (-5.6, 5.2), "ce": (-2.8, 5.2), "softmax": (-5.6, 5.2)}
UNIT = 0.6  # inches per unit of x, the same in every figure


def _nodes():
    """Where each node sits: name -> (x, y)."""
    at = {"plus": (5.9, BOTTOM), "div": (7.2, BOTTOM), "branch_s": (7.9, BOTTOM),
          "sum": (16.0, LANES[1]), "neg": (17.8, LANES[1])}
    for k, y in enumerate(LANES):
        at.update({f"exp{k}": (1.5, y), f"branch{k}": (4.3, y), f"mul{k}": (9.2, y),
                   f"log{k}": (11.4, y), f"mult{k}": (13.6, y)})
    return at


def _edges():
    """The edges as (start, end, forward label, backward label, part), the labels for class k.

    ``part`` says which backward step computes the edge's derivative: ``"ce"`` (the
    cross-entropy error) or ``"softmax"``.
    """
    edges = [("plus", "div", "$S$", "$1/S$", "softmax"),
             ("div", "branch_s", "$1/S$", "$-S$", "softmax"),
             ("sum", "neg", "", "$-1$", "ce"),
             ("neg", "end", "$L$", "$1$", "ce")]
    for k in range(3):
        i = k + 1
        edges += [
            (f"start{k}", f"exp{k}", "", f"$y_{i} - t_{i}$", "softmax"),
            (f"exp{k}", f"branch{k}", f"$\\exp(a_{i})$",
             f"$\\dfrac{{1}}{{S}} - \\dfrac{{t_{i}}}{{\\exp(a_{i})}}$", "softmax"),
            (f"branch{k}", f"mul{k}", f"$\\exp(a_{i})$", f"$-\\dfrac{{t_{i}}}{{\\exp(a_{i})}}$",
             "softmax"),
            (f"branch{k}", "plus", "", "$1/S$", "softmax"),
            ("branch_s", f"mul{k}", "", f"$-t_{i} S$", "softmax"),
            (f"mul{k}", f"log{k}", f"$y_{i}$", f"$-\\dfrac{{t_{i}}}{{y_{i}}}$", "ce"),
            (f"log{k}", f"mult{k}", f"$\\log y_{i}$", f"$-t_{i}$", "ce"),
            (f"mult{k}", "sum", f"$t_{i} \\log y_{i}$", "$-1$", "ce"),
        ]
    return edges


def _radius(name):
    if name.startswith(("start", "end")):
        return 0.0
    return DOT if name.startswith("branch") else OP_RADIUS


def _draw(lang, show):
    """The whole graph; ``show`` is "forward", "ce" or "softmax": which labels it writes."""
    at = _nodes()
    for k, y in enumerate(LANES):
        at[f"start{k}"] = (0.2, y)
    at["end"] = (19.2, LANES[1])
    xlim, ylim = XLIM[show], YLIM[show]
    fig = Figure(figsize=(UNIT * (xlim[1] - xlim[0]), UNIT * (ylim[1] - ylim[0])))
    ax = fig.add_subplot()
    blank(ax, xlim, ylim)
    symbols = {"plus": "+", "div": "/", "sum": "+", "neg": "×"}
    for k in range(3):
        symbols.update({f"exp{k}": "exp", f"mul{k}": "×", f"log{k}": "log", f"mult{k}": "×"})
    for name, symbol in symbols.items():
        _op(ax, at[name], symbol, fontsize=17 if len(symbol) == 1 else 11)
    for name in ["branch_s"] + [f"branch{k}" for k in range(3)]:
        ax.add_patch(Circle(at[name], DOT, facecolor="#333333", zorder=4))
    for k, y in enumerate(LANES):
        ax.text(-0.2, y, f"$a_{k + 1}$", ha="center", va="center", fontsize=13)
        x = at[f"mult{k}"][0]
        ax.text(x, y + 1.45, f"$t_{k + 1}$", ha="center", va="center", fontsize=13)
        _arrow(ax, (x, y + 1.2), (x, y + OP_RADIUS), "#222222")
    ax.text(at["neg"][0], LANES[1] - 1.45, "$-1$", ha="center", va="center", fontsize=13)
    _arrow(ax, (at["neg"][0], LANES[1] - 1.2), (at["neg"][0], LANES[1] - OP_RADIUS), "#222222")
    ax.text(19.5, LANES[1], "$L$", ha="center", va="center", fontsize=13)
    for start, end, forward, backward, part in _edges():
        p, q = np.array(at[start], dtype=float), np.array(at[end], dtype=float)
        unit = (q - p) / np.linalg.norm(q - p)
        normal = np.array([-unit[1], unit[0]])
        if normal[1] < 0 or (normal[1] == 0 and normal[0] < 0):
            normal = -normal  # "above" the edge, whichever way it points
        tail, head = p + _radius(start) * unit, q - _radius(end) * unit
        # A short vertical edge leaves its labels on the right, near the node it feeds.
        steep = abs(unit[1]) > 0.9
        where = tail + (0.8 if steep else 0.5) * (head - tail)
        side = 1.0
        if end == "sum" and start != "mult1":  # the slanted edges: labels outside, off the t_k
            where, side = tail + 0.3 * (head - tail), (1.0 if start == "mult0" else -1.0)
        if show == "forward":
            _arrow(ax, tail, head, "#222222")
            if forward:
                ax.text(*(where + side * 0.42 * normal), forward, ha="center", va="center",
                        fontsize=12, zorder=5)
            continue
        active = part == show or (show == "softmax" and start in ("mul0", "mul1", "mul2"))
        _arrow(ax, tail, head, LIGHT)
        if not active:
            continue
        _arrow(ax, head - 0.13 * normal, tail - 0.13 * normal, RED)
        offset = np.array([0.55, 0.0]) if steep else -0.5 * normal
        if end == "sum" and start != "mult1":
            offset = side * 0.42 * normal
        if start.startswith("branch") and end == "plus":
            where, offset = tail + 0.25 * (head - tail), np.array([0.45, 0.0])
        ax.text(*(where + offset), backward, ha="center", va="center", fontsize=12,
                color=RED, zorder=5, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    _legend(ax, (xlim[0] + 0.2, 5.0), lang)
    for text in ax.texts:  # labels of the part left out stay out (and out of the tight box)
        text.set_clip_on(True)
    fig.tight_layout()
    return fig


@register("appendix/softmax-loss-forward")
def forward_graph(lang):
    """The forward pass of Softmax-with-Loss for three classes, node by node.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the legend.

    Returns
    -------
    matplotlib.figure.Figure
        Scores ``a1..a3`` through exp nodes; their sum ``S`` (+ node) and ``1/S`` (/ node);
        × nodes give ``y_k = exp(a_k) / S``; log nodes, × nodes with the labels ``t_k``, a
        + node and a × node with -1 give ``L = -sum_k t_k log y_k``.

    Examples
    --------
    >>> from figures.appendix import forward_graph
    >>> texts = [t.get_text() for t in forward_graph("en").axes[0].texts]
    >>> "$1/S$" in texts and "$t_1 \\\\log y_1$" in texts
    True
    """
    return _draw(lang, "forward")


@register("appendix/cross-entropy-backward")
def cross_entropy_backward(lang):
    """Backward, step 1: from 1 at ``L`` through the cross-entropy part to ``-t_k / y_k``.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the legend.

    Returns
    -------
    matplotlib.figure.Figure
        The right part of the graph of `forward_graph` in grey, with the derivatives of the
        cross-entropy part in red: 1, -1 (× node with -1), -1 to every branch (+ node), ``-t_k`` (× node with
        ``t_k``), ``-t_k / y_k`` (log node).

    Examples
    --------
    >>> from figures.appendix import cross_entropy_backward
    >>> texts = [t.get_text() for t in cross_entropy_backward("en").axes[0].texts]
    >>> "$-\\\\dfrac{t_1}{y_1}$" in texts
    True
    """
    return _draw(lang, "ce")


@register("appendix/softmax-backward")
def softmax_backward(lang):
    """Backward, step 2: from ``-t_k / y_k`` through the softmax part to ``y_k - t_k``.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the legend.

    Returns
    -------
    matplotlib.figure.Figure
        The left part of the graph in grey, with the derivatives of the softmax part in red:
        ``-t_k S`` and ``-t_k / exp(a_k)`` out of the × nodes, ``-S`` where the branches of
        ``1/S`` meet, ``1/S`` out of the / node and to every branch of the + node,
        ``1/S - t_k / exp(a_k)`` where the branches of ``exp(a_k)`` meet, and ``y_k - t_k``
        out of the exp nodes.

    Examples
    --------
    >>> from figures.appendix import softmax_backward
    >>> texts = [t.get_text() for t in softmax_backward("en").axes[0].texts]
    >>> "$y_1 - t_1$" in texts and "$-S$" in texts
    True
    """
    return _draw(lang, "softmax")
