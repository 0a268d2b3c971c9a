"""Figures of chapter 7: the convolution of the book's 4x4 input step by step, padding and
stride, max pooling, and the first-layer filters of SimpleConvNet before and after training."""

import json

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from figures import RESULTS_DIR, register
from figures._draw import blank
from nn_text.convolution import Convolution
from nn_text.pooling import Pooling

__all__ = ["convolution_steps", "padding_stride", "max_pooling", "learned_filters", "HISTORY",
           "X_BOOK", "W_BOOK"]

HISTORY = RESULTS_DIR / "simple_conv_net.json"
BLUE, ORANGE, GREEN, RED, GREY = "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#555555"
LIGHT = {BLUE: "#cfe2f3", ORANGE: "#fde3c8", GREEN: "#d5ecd4", RED: "#f6d0d0"}
# The book's example (section 7.2.2): a 4x4 input and a 3x3 filter.
X_BOOK = [[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]]
W_BOOK = [[2, 0, 1], [0, 1, 2], [1, 0, 2]]
# The input of the max-pooling example (the Pooling docstring's).
X_POOL = [[1, 2, 0, 1], [0, 3, 4, 2], [3, 0, 1, 0], [2, 4, 0, 3]]


def _conv(x, W, pad=0, stride=1):
    """One 2-D input and one 2-D filter through `nn_text.convolution.Convolution`, as 2-D."""
    x = np.asarray(x, dtype=float)[None, None]  # (H, W) -> (1, 1, H, W)
    W = np.asarray(W, dtype=float)[None, None]  # (FH, FW) -> (1, 1, FH, FW)
    return Convolution(W, np.zeros(1), stride=stride, pad=pad).forward(x)[0, 0]


def _grid(ax, values, x0, y0, fill=None, fontsize=12, color="black", texts=True):
    """Cells of size 1 with the numbers of ``values``; row 0 on top, left edge at ``x0``.

    ``fill`` maps (row, column) to a face colour. ``values`` may be a shape (rows, columns)
    for empty cells when ``texts`` is False.
    """
    rows, cols = np.shape(values) if texts else values
    fill = fill or {}
    for i in range(rows):
        for j in range(cols):
            y = y0 + rows - 1 - i
            ax.add_patch(Rectangle((x0 + j, y), 1, 1, facecolor=fill.get((i, j), "white"),
                                   edgecolor="#888888", linewidth=0.8))
            if texts:
                value = values[i][j]
                ax.text(x0 + j + 0.5, y + 0.5, f"{value:g}", ha="center", va="center",
                        fontsize=fontsize, color=color(i, j) if callable(color) else color)


def _frame(ax, x0, y0, rows, cols, top, left, height, width, color):
    """A thick rectangle around cells ``top..top+height``, ``left..left+width`` of a grid."""
    ax.add_patch(Rectangle((x0 + left, y0 + rows - top - height), width, height, fill=False,
                           edgecolor=color, linewidth=2.6, zorder=5))


@register("ch07/convolution")
def convolution_steps(lang):
    """The book's 4x4 input convolved with its 3x3 filter, one output position per panel.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Four panels: the filter's window on the input, the filter, and the output with the
        cell that window fills. The output, [[15, 16], [6, 15]], is computed by
        `nn_text.convolution.Convolution`.

    Examples
    --------
    >>> from figures.ch07 import convolution_steps
    >>> [ax.get_title() for ax in convolution_steps("en").axes][:2]
    ['step 1: window at the top left, sum 15', 'step 2: one cell to the right, sum 16']
    """
    text = {"ko": ("입력 데이터", "필터", "출력", ("1단계: 왼쪽 위에 윈도우, 합 {s:g}",
                   "2단계: 오른쪽으로 한 칸, 합 {s:g}", "3단계: 아래로 한 칸, 합 {s:g}",
                   "4단계: 오른쪽 아래, 합 {s:g}")),
            "en": ("input data", "filter", "output", ("step 1: window at the top left, sum {s:g}",
                   "step 2: one cell to the right, sum {s:g}", "step 3: one cell down, sum {s:g}",
                   "step 4: bottom right, sum {s:g}"))}[lang]
    out = _conv(X_BOOK, W_BOOK)  # (2, 2): [[15, 16], [6, 15]]
    x = np.array(X_BOOK, dtype=float)
    fig = Figure(figsize=(11.0, 5.6))
    for k, (i, j) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        ax = fig.add_subplot(2, 2, k + 1)
        blank(ax, (-0.2, 11.6), (-0.9, 4.3))
        window = {(i + a, j + b): LIGHT[BLUE] for a in range(3) for b in range(3)}
        _grid(ax, X_BOOK, 0, 0, fill=window)
        _frame(ax, 0, 0, 4, 4, i, j, 3, 3, BLUE)
        ax.text(4.6, 2.0, "$\\circledast$", ha="center", va="center", fontsize=18)
        _grid(ax, W_BOOK, 5.2, 0.5, fill={(a, b): LIGHT[ORANGE] for a in range(3)
                                           for b in range(3)})
        ax.text(8.85, 2.0, "=", ha="center", va="center", fontsize=18)
        _grid(ax, out, 9.5, 1.0, fill={(i, j): LIGHT[GREEN]})
        _frame(ax, 9.5, 1.0, 2, 2, i, j, 1, 1, GREEN)
        for label, cx in [(text[0], 2.0), (text[1], 6.7), (text[2], 10.5)]:
            ax.text(cx, -0.5, label, ha="center", va="center", fontsize=10, color=GREY)
        total = float(np.sum(x[i:i + 3, j:j + 3] * np.array(W_BOOK)))
        ax.set_title(text[3][k].format(s=total), fontsize=11)
    fig.tight_layout()
    return fig


@register("ch07/padding-stride")
def padding_stride(lang):
    """Padding 1 keeps the 4x4 size; stride 2 moves the window two cells at a time.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles and labels.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the book's 4x4 input padded with zeros to 6x6 and convolved with its 3x3 filter:
        a 4x4 output (from `nn_text.convolution.Convolution` with ``pad=1``). Right: a 7x7
        input, a 3x3 window and stride 2: the first two windows and a 3x3 output.

    Examples
    --------
    >>> from figures.ch07 import padding_stride
    >>> [ax.get_title() for ax in padding_stride("en").axes]
    ['padding 1: a 4x4 input gives a 4x4 output', 'stride 2: a 7x7 input gives a 3x3 output']
    """
    text = {"ko": ("패딩 1: 4×4 입력에서 4×4 출력", "스트라이드 2: 7×7 입력에서 3×3 출력",
                   "패딩한 입력 (6×6)", "출력 (4×4)", "입력 (7×7)", "출력 (3×3)",
                   "두 칸 이동"),
            "en": ("padding 1: a 4x4 input gives a 4x4 output",
                   "stride 2: a 7x7 input gives a 3x3 output", "padded input (6x6)",
                   "output (4x4)", "input (7x7)", "output (3x3)", "moves 2 cells")}[lang]
    padded = np.pad(np.array(X_BOOK, dtype=float), 1)  # (4, 4) -> (6, 6), zeros around
    out = _conv(X_BOOK, W_BOOK, pad=1)  # (4, 4)
    fig = Figure(figsize=(11.5, 4.6))
    ax = fig.add_subplot(1, 2, 1)
    blank(ax, (-0.45, 11.45), (-2.15, 7.05))  # the right panel's size, so the titles line up
    border = {(a, b): "#eeeeee" for a in range(6) for b in range(6) if a in (0, 5) or b in (0, 5)}
    border.update({(a, b): LIGHT[BLUE] for a in range(3) for b in range(3)})
    _grid(ax, padded, 0, 0, fill=border,
          color=lambda a, b: "#999999" if a in (0, 5) or b in (0, 5) else "black")
    _frame(ax, 0, 0, 6, 6, 0, 0, 3, 3, BLUE)
    ax.text(6.6, 3.0, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    _grid(ax, out, 7.2, 1.0, fill={(0, 0): LIGHT[GREEN]})
    _frame(ax, 7.2, 1.0, 4, 4, 0, 0, 1, 1, GREEN)
    ax.text(3.0, -0.55, text[2], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(9.2, 0.45, text[3], ha="center", va="center", fontsize=10, color=GREY)
    ax.set_title(text[0], fontsize=11)

    ax = fig.add_subplot(1, 2, 2)
    blank(ax, (-0.3, 11.6), (-1.0, 8.2))
    cells = {(a, b): LIGHT[BLUE] for a in range(3) for b in range(3)}
    cells.update({(a, b): LIGHT[ORANGE] for a in range(3) for b in range(3, 5)})
    cells[(0, 2)] = cells[(1, 2)] = cells[(2, 2)] = "#d9d2e9"  # shared by both windows
    _grid(ax, (7, 7), 0, 0, fill=cells, texts=False)
    _frame(ax, 0, 0, 7, 7, 0, 0, 3, 3, BLUE)
    _frame(ax, 0, 0, 7, 7, 0, 2, 3, 3, ORANGE)
    ax.annotate("", xy=(3.5, 7.45), xytext=(1.5, 7.45),
                arrowprops={"arrowstyle": "->", "color": ORANGE, "linewidth": 1.5})
    ax.text(2.5, 7.6, text[6], ha="center", va="bottom", fontsize=9, color=ORANGE)
    ax.text(7.8, 3.5, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    _grid(ax, (3, 3), 8.5, 2.0, fill={(0, 0): LIGHT[BLUE], (0, 1): LIGHT[ORANGE]}, texts=False)
    ax.text(3.5, -0.55, text[4], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(10.0, 1.45, text[5], ha="center", va="center", fontsize=10, color=GREY)
    ax.set_title(text[1], fontsize=11)
    fig.tight_layout()
    return fig


@register("ch07/max-pooling")
def max_pooling(lang):
    """Max pooling with 2x2 windows and stride 2 on a 4x4 input, one colour per window.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The input with its four windows and a box around each maximum, and the 2x2 output from
        `nn_text.pooling.Pooling`.

    Examples
    --------
    >>> from figures.ch07 import max_pooling
    >>> max_pooling("en").axes[0].get_title()
    'max pooling, 2x2 windows, stride 2'
    """
    text = {"ko": ("최대 풀링, 2×2 윈도우, 스트라이드 2", "입력 (4×4)", "출력 (2×2)"),
            "en": ("max pooling, 2x2 windows, stride 2", "input (4x4)", "output (2x2)")}[lang]
    x = np.array(X_POOL, dtype=float)
    out = Pooling(2, 2, stride=2).forward(x[None, None])[0, 0]  # (2, 2): [[3, 4], [4, 3]]
    colors = [[BLUE, ORANGE], [GREEN, RED]]
    fill, maxima = {}, set()
    for i in range(2):
        for j in range(2):
            window = x[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            a, b = np.unravel_index(np.argmax(window), window.shape)  # the first maximum
            maxima.add((2 * i + a, 2 * j + b))
            fill.update({(2 * i + p, 2 * j + q): LIGHT[colors[i][j]]
                         for p in range(2) for q in range(2)})
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.add_subplot()
    blank(ax, (-0.3, 8.3), (-0.9, 4.2))
    _grid(ax, X_POOL, 0, 0, fill=fill, fontsize=13)
    for i, j in maxima:  # a box around each window's maximum
        ax.add_patch(Rectangle((j + 0.12, 4 - 1 - i + 0.12), 0.76, 0.76, fill=False,
                               edgecolor="black", linewidth=1.2))
    for i in range(2):
        for j in range(2):
            _frame(ax, 0, 0, 4, 4, 2 * i, 2 * j, 2, 2, colors[i][j])
    ax.text(4.9, 2.0, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    _grid(ax, out, 5.8, 1.0, fill={(i, j): LIGHT[colors[i][j]] for i in range(2)
                                   for j in range(2)}, fontsize=13)
    ax.text(2.0, -0.5, text[1], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(6.8, 0.5, text[2], ha="center", va="center", fontsize=10, color=GREY)
    ax.set_title(text[0], fontsize=11)
    fig.tight_layout()
    return fig


@register("ch07/filters")
def learned_filters(lang):
    """The 30 first-layer filters (5x5) of SimpleConvNet, before and after training on MNIST.

    Read from ``results/simple_conv_net.json`` (written by ``tools/train_simple_conv_net.py``),
    so the figure is drawn from a checkout of the repository without training.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Two blocks of 3x10 grey tiles, each filter scaled from its own smallest weight (black)
        to its largest (white): the random start, and the filters after training.

    Examples
    --------
    >>> from figures.ch07 import learned_filters
    >>> fig = learned_filters("en")
    >>> len(fig.axes), [subfig.get_suptitle() for subfig in fig.subfigs]
    (60, ['before training (random)', 'after training'])
    """
    titles = {"ko": ("학습 전 (무작위)", "학습 후"),
              "en": ("before training (random)", "after training")}[lang]
    history = json.loads(HISTORY.read_text(encoding="utf-8"))
    fig = Figure(figsize=(10.0, 6.4))
    subfigs = fig.subfigures(2, 1, hspace=0.06)
    for subfig, key, title in zip(subfigs, ["W1_init", "W1"], titles):
        W1 = np.array(history[key])  # (30, 1, 5, 5)
        axes = subfig.subplots(3, 10)
        for ax, w in zip(axes.ravel(), W1[:, 0]):
            ax.imshow(w, cmap="gray", interpolation="nearest")  # each filter on its own scale
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():  # a thin frame on all four sides of each tile
                spine.set_visible(True)
                spine.set_color("#999999")
        subfig.suptitle(title, fontsize=12)
    return fig
