"""Figures of chapter 7: the convolution of the book's 4x4 input step by step, padding and
stride, max pooling, and the first-layer filters of SimpleConvNet before and after training;
convolution of 3-D data and of batches as blocks, the im2col unfolding, the layers of a CNN,
and the architectures of LeNet and AlexNet."""

import json

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle

from figures import RESULTS_DIR, register
from figures._draw import blank
from nn_text.convolution import Convolution
from nn_text.im2col import im2col
from nn_text.pooling import Pooling

__all__ = ["convolution_steps", "padding_stride", "max_pooling", "learned_filters",
           "conv_blocks", "conv_batch", "im2col_unfolding", "cnn_structure", "lenet",
           "alexnet", "pooling_im2col", "HISTORY", "X_BOOK", "W_BOOK"]

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


def _cuboid(ax, x, y, w, h, d, color, zorder=2):
    """A block: front face ``w`` wide and ``h`` high at ``(x, y)``, ``d`` deep (drawn oblique)."""
    dx, dy = 0.6 * d, 0.45 * d
    front = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    top = [(x, y + h), (x + dx, y + h + dy), (x + w + dx, y + h + dy), (x + w, y + h)]
    side = [(x + w, y), (x + w + dx, y + dy), (x + w + dx, y + h + dy), (x + w, y + h)]
    for points, shade in [(side, 0.8), (top, 0.92), (front, 1.0)]:
        face = tuple(shade * c for c in mpl.colors.to_rgb(color))
        ax.add_patch(Polygon(points, closed=True, facecolor=face, edgecolor="#333333",
                             linewidth=1.0, zorder=zorder))
    return dx, dy


def _block(ax, x, y, w, h, d, color, depth_label="", height_label="", width_label="",
           count=1, zorder=2):
    """A block with its sizes on its edges; ``count`` > 1 stacks copies (a batch, filters)."""
    step = 0.35
    for k in reversed(range(count)):  # the back copies first, the front one last
        _cuboid(ax, x + k * step, y + k * step, w, h, d, color, zorder=zorder + count - k)
    dx, dy = 0.6 * d, 0.45 * d
    if depth_label:
        ax.text(x + 0.3 * dx - 0.15, y + h + 0.5 * dy + 0.18, depth_label, ha="right",
                va="bottom", fontsize=11, zorder=20)
    if height_label:
        ax.text(x - 0.12, y + h / 2, height_label, ha="right", va="center", fontsize=11)
    if width_label:
        ax.text(x + w / 2, y - 0.12, width_label, ha="center", va="top", fontsize=11)


@register("ch07/conv-blocks")
def conv_blocks(lang):
    """Convolution of 3-D data drawn as blocks: one filter, then FN filters and the bias.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Top: input (C, H, W) ⊛ filter (C, FH, FW) gives one map (1, OH, OW). Bottom: FN
        filters (FN, C, FH, FW) give (FN, OH, OW), plus the bias (FN,), the output
        (FN, OH, OW).

    Examples
    --------
    >>> from figures.ch07 import conv_blocks
    >>> [ax.get_title() for ax in conv_blocks("en").axes]
    ['one filter: one feature map', 'FN filters: FN feature maps, one bias each']
    """
    text = {"ko": ("필터 1개: 특징 맵 1장", "필터 FN개: 특징 맵 FN장, 필터마다 편향 1개",
                   "입력 데이터", "필터", "출력 데이터", "편향"),
            "en": ("one filter: one feature map", "FN filters: FN feature maps, one bias each",
                   "input data", "filter", "output data", "bias")}[lang]
    fig = Figure(figsize=(10.0, 6.6))
    for row in range(2):
        ax = fig.add_subplot(2, 1, row + 1)
        blank(ax, (-1.2, 19.0), (-1.6, 4.6))
        _block(ax, 0.0, 0.0, 3.0, 3.0, 2.0, LIGHT[BLUE], "$C$", "$H$", "$W$")
        ax.text(2.0, -1.2, f"{text[2]} $(C, H, W)$", ha="center", va="center", fontsize=10)
        ax.text(5.0, 1.5, "$\\circledast$", ha="center", va="center", fontsize=18)
        count = 1 if row == 0 else 3
        _block(ax, 6.0, 0.6, 1.5, 1.5, 2.0, LIGHT[ORANGE], "$C$", "$FH$", "$FW$", count=count)
        shape = "$(C, FH, FW)$" if row == 0 else "$(FN, C, FH, FW)$"
        ax.text(7.2, -1.2, f"{text[3]} {shape}", ha="center", va="center", fontsize=10)
        ax.text(9.6, 1.5, "$\\rightarrow$", ha="center", va="center", fontsize=18)
        depth = 0.25 if row == 0 else 1.4
        channels = "$1$" if row == 0 else "$FN$"
        _block(ax, 10.6, 0.3, 2.4, 2.4, depth, LIGHT[GREEN], channels, "$OH$", "$OW$")
        out_shape = "$(1, OH, OW)$" if row == 0 else "$(FN, OH, OW)$"
        ax.text(11.8, -1.2, f"{text[4]} {out_shape}", ha="center", va="center", fontsize=10)
        if row == 1:
            ax.text(14.2, 1.5, "$+$", ha="center", va="center", fontsize=18)
            _block(ax, 15.0, 1.2, 0.5, 0.5, 1.4, LIGHT[RED], "$FN$")
            ax.text(15.5, -1.2, f"{text[5]} $(FN,)$", ha="center", va="center",
                    fontsize=10)
            ax.text(16.9, 1.5, "$\\rightarrow$", ha="center", va="center", fontsize=18)
            ax.text(18.2, 1.5, "$(FN, OH, OW)$", ha="center", va="center", fontsize=10)
        ax.set_title(text[row], fontsize=11)
    fig.tight_layout()
    return fig


@register("ch07/conv-batch")
def conv_batch(lang):
    """Convolution of a batch as blocks: N inputs, FN filters, N outputs of FN maps each.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        (N, C, H, W) ⊛ (FN, C, FH, FW) gives (N, FN, OH, OW); plus the bias (FN,), one value
        per channel of every image, gives (N, FN, OH, OW).

    Examples
    --------
    >>> from figures.ch07 import conv_batch
    >>> texts = [t.get_text() for t in conv_batch("en").axes[0].texts]
    >>> [t for t in texts if t.endswith("$(N, FN, OH, OW)$")]
    ['N outputs\\n$(N, FN, OH, OW)$']
    """
    text = {"ko": ("입력 데이터 N개", "필터 FN개", "출력 N개", "편향", "다음 계층으로"),
            "en": ("N inputs", "FN filters", "N outputs", "bias", "to the next layer")}[lang]
    fig = Figure(figsize=(10.4, 3.6))
    ax = fig.add_subplot()
    blank(ax, (-1.2, 21.2), (-1.8, 4.2))
    _block(ax, 0.0, 0.0, 2.6, 2.6, 1.8, LIGHT[BLUE], "$C$", "$H$", "$W$", count=3)
    ax.text(1.8, -1.2, f"{text[0]}\n$(N, C, H, W)$", ha="center", va="center", fontsize=10)
    ax.text(5.4, 1.6, "$\\circledast$", ha="center", va="center", fontsize=18)
    _block(ax, 6.4, 0.5, 1.3, 1.3, 1.8, LIGHT[ORANGE], "$C$", "$FH$", "$FW$", count=3)
    ax.text(7.8, -1.2, f"{text[1]}\n$(FN, C, FH, FW)$", ha="center", va="center", fontsize=10)
    ax.text(10.2, 1.6, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    _block(ax, 11.2, 0.3, 2.0, 2.0, 1.4, LIGHT[GREEN], "$FN$", "$OH$", "$OW$", count=3)
    ax.text(12.6, -1.2, f"{text[2]}\n$(N, FN, OH, OW)$", ha="center", va="center",
            fontsize=10)
    ax.text(15.2, 1.6, "$+$", ha="center", va="center", fontsize=18)
    _block(ax, 16.0, 1.2, 0.5, 0.5, 1.4, LIGHT[RED], "$FN$")
    ax.text(16.5, -1.2, f"{text[3]}\n$(FN,)$", ha="center", va="center", fontsize=10)
    ax.text(18.0, 1.6, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    ax.text(19.6, 1.6, f"$(N, FN, OH, OW)$\n{text[4]}", ha="center", va="center", fontsize=10)
    fig.tight_layout()
    return fig


@register("ch07/im2col")
def im2col_unfolding(lang):
    """im2col on the book's 4x4 input: windows become rows, the filter a column, one product.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The input with its four 3x3 windows, the (4, 9) matrix from `nn_text.im2col.im2col`
        with one row per window (same colours), the filter as a (9, 1) column, their product
        (4, 1) = [15, 16, 6, 15], and that reshaped to the 2x2 output.

    Examples
    --------
    >>> from figures.ch07 import im2col_unfolding
    >>> texts = [t.get_text() for t in im2col_unfolding("en").axes[0].texts]
    >>> texts.count("15"), texts.count("16")  # in the product (4, 1) and in the output (2, 2)
    (4, 2)
    """
    text = {"ko": ("입력 (4×4)", "윈도우 4개 $\\rightarrow$ 행 4개 (4, 9)", "필터 $\\rightarrow$ 열 (9, 1)", "(4, 1)",
                   "출력 (2×2)", "형상 바꾸기"),
            "en": ("input (4x4)", "4 windows $\\rightarrow$ 4 rows (4, 9)", "filter $\\rightarrow$ column (9, 1)",
                   "(4, 1)", "output (2x2)", "reshape")}[lang]
    x = np.array(X_BOOK, dtype=float)[None, None]  # (1, 1, 4, 4)
    col = im2col(x, 3, 3)  # (4, 9): one row per window
    w_col = np.array(W_BOOK, dtype=float).reshape(9, 1)  # (3, 3) -> (9, 1)
    out = col @ w_col  # (4, 1)
    colors = [BLUE, ORANGE, GREEN, RED]
    fig = Figure(figsize=(11.0, 4.8))
    ax = fig.add_subplot()
    blank(ax, (-0.3, 24.0), (-1.4, 9.6))
    # The input, with the window of row 0 (blue) and row 3 (red) framed.
    _grid(ax, X_BOOK, 0, 3.0, fontsize=11)
    for k, (i, j) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        if k in (0, 3):
            _frame(ax, 0, 3.0, 4, 4, i, j, 3, 3, colors[k])
    ax.text(2.0, 2.4, text[0], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(5.0, 5.0, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    ax.text(5.0, 5.8, "im2col", ha="center", va="center", fontsize=10)
    fill = {(r, c): LIGHT[colors[r]] for r in range(4) for c in range(9)}
    _grid(ax, col, 6.0, 3.0, fill=fill, fontsize=11)
    ax.text(10.5, 2.4, text[1], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(15.6, 5.0, "$\\times$", ha="center", va="center", fontsize=16)
    _grid(ax, w_col, 16.4, 0.5, fill={(r, 0): LIGHT[ORANGE] for r in range(9)}, fontsize=11)
    ax.text(16.9, -0.9, text[2], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(18.3, 5.0, "=", ha="center", va="center", fontsize=16)
    _grid(ax, out, 18.9, 3.0, fill={(r, 0): LIGHT[colors[r]] for r in range(4)}, fontsize=11)
    ax.text(19.4, 2.4, text[3], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(20.9, 5.0, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    ax.text(20.9, 5.8, text[5], ha="center", va="center", fontsize=9)
    out_2d = out.reshape(2, 2)  # (4, 1) -> (OH, OW)
    _grid(ax, out_2d, 21.8, 4.0, fill={(i, j): LIGHT[colors[2 * i + j]] for i in range(2)
                                       for j in range(2)}, fontsize=11)
    ax.text(22.8, 3.4, text[4], ha="center", va="center", fontsize=10, color=GREY)
    fig.tight_layout()
    return fig


LAYER_COLORS = {"Affine": LIGHT[BLUE], "ReLU": LIGHT[GREEN], "Conv": LIGHT[ORANGE],
                "Pooling": "#e4d7f0", "Softmax": LIGHT[RED]}


def _layer_row(ax, names, y, x0=0.0, width=0.8, height=2.4, gap=0.45):
    """Layers as upright boxes joined by arrows, left to right, with their names turned up."""
    x = x0
    for k, name in enumerate(names):
        ax.add_patch(FancyBboxPatch((x, y - height / 2), width, height,
                                    boxstyle="round,pad=0.02,rounding_size=0.1",
                                    facecolor=LAYER_COLORS[name], edgecolor="#333333",
                                    linewidth=1.1))
        ax.text(x + width / 2, y, name, rotation=90, ha="center", va="center", fontsize=11)
        if k < len(names) - 1:
            ax.add_patch(FancyArrowPatch((x + width + 0.04, y), (x + width + gap - 0.04, y),
                                         arrowstyle="-|>", mutation_scale=10, color="#333333",
                                         linewidth=1.0))
        x += width + gap
    return x - gap


@register("ch07/cnn-structure")
def cnn_structure(lang):
    """The layers of a fully connected network and of a CNN, as the book's figures 7-1 and 7-2.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Top: Affine-ReLU four times, then Affine-Softmax. Bottom: Conv-ReLU-Pooling twice,
        Conv-ReLU, then Affine-ReLU and Affine-Softmax as before.

    Examples
    --------
    >>> from figures.ch07 import cnn_structure
    >>> texts = [t.get_text() for t in cnn_structure("en").axes[0].texts]
    >>> texts.count("Conv"), texts.count("Pooling"), texts.count("Affine")
    (3, 2, 7)
    """
    titles = {"ko": ("완전연결 계층(Affine 계층)으로 이루어진 신경망",
                     "CNN: 합성곱 계층(Conv)과 풀링 계층(Pooling)이 더해짐"),
              "en": ("a network of fully connected (Affine) layers",
                     "a CNN: convolution (Conv) and pooling layers added")}[lang]
    fc = ["Affine", "ReLU"] * 4 + ["Affine", "Softmax"]
    cnn = ["Conv", "ReLU", "Pooling"] * 2 + ["Conv", "ReLU", "Affine", "ReLU", "Affine",
                                              "Softmax"]
    fig = Figure(figsize=(10.0, 5.0))
    ax = fig.add_subplot()
    blank(ax, (-0.4, 15.2), (-1.4, 5.2))
    _layer_row(ax, fc, 3.2)
    _layer_row(ax, cnn, 0.0)
    ax.text(0.0, 4.85, titles[0], ha="left", va="center", fontsize=11)
    ax.text(0.0, 1.65, titles[1], ha="left", va="center", fontsize=11)
    fig.tight_layout()
    return fig


def _architecture(ax, layers, y, x0=0.0):
    """Layers as blocks in a row, sizes below: ``(name, size, channels, note)``, size 0 for FC.

    A convolution's block is ``size`` high and wide (on a square-root scale) and as deep as the
    logarithm of its channels; a fully connected layer is a thin bar as high as the logarithm
    of its neurons.
    """
    x = x0
    for name, size, channels, note in layers:
        if size:
            side = 0.3 + 0.16 * np.sqrt(size)
            depth = 0.18 * np.log2(channels) + 0.15
            color = LIGHT[BLUE] if name in ("input", "입력") else LIGHT[ORANGE]
            if name in ("S2", "S4", "Pooling"):
                color = LAYER_COLORS["Pooling"]
            _cuboid(ax, x, y - side / 2, side, side, depth, color)
            width = side + 0.6 * depth
            label = f"{channels}@{size}×{size}"
        else:
            height = 0.22 * np.log2(channels) + 0.3
            ax.add_patch(Rectangle((x, y - height / 2), 0.3, height, facecolor=LIGHT[GREEN],
                                   edgecolor="#333333", linewidth=1.0))
            width = 0.3
            label = f"{channels}"
        ax.text(x + width / 2, y - 2.1, f"{name}\n{label}", ha="center", va="top",
                fontsize=10.5)
        if note:
            ax.text(x + width / 2, y + 1.7, note, ha="center", va="bottom", fontsize=9.5,
                    color=GREY, linespacing=1.4)
        x += width + (0.55 if size else 0.95)
    return x


@register("ch07/lenet")
def lenet(lang):
    """LeNet-5 (1998) beside SimpleConvNet, as blocks with the size of every layer.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Top: LeNet-5, input 32x32, C1 6@28x28, S2 6@14x14, C3 16@10x10, S4 16@5x5, C5 120,
        F6 84, output 10. Bottom: SimpleConvNet, input 1@28x28, convolution 30@24x24, pooling
        30@12x12, Affine 100, Affine 10.

    Examples
    --------
    >>> from figures.ch07 import lenet
    >>> [ax.get_title() for ax in lenet("en").axes]
    ['LeNet-5 (LeCun et al., 1998)', 'SimpleConvNet (this chapter)']
    """
    ko = lang == "ko"
    titles = ("LeNet-5 (LeCun et al., 1998)",
              "SimpleConvNet (이 장)" if ko else "SimpleConvNet (this chapter)")
    conv, sub, pool = (("합성곱\n5×5", "서브샘플링\n2×2", "최대 풀링\n2×2") if ko
                       else ("conv\n5×5", "subsampling\n2×2", "max pool\n2×2"))
    inp, out = ("입력", "출력") if ko else ("input", "output")
    rows = [
        [(inp, 32, 1, ""), ("C1", 28, 6, conv), ("S2", 14, 6, sub), ("C3", 10, 16, conv),
         ("S4", 5, 16, sub), ("C5", 0, 120, ""), ("F6", 0, 84, ""), (out, 0, 10, "")],
        [(inp, 28, 1, ""), ("Conv", 24, 30, conv), ("Pooling", 12, 30, pool),
         ("Affine", 0, 100, ""), ("Affine", 0, 10, "")],
    ]
    fig = Figure(figsize=(8.0, 6.0))
    for k, (title, layers) in enumerate(zip(titles, rows)):
        ax = fig.add_subplot(2, 1, k + 1)
        blank(ax, (-0.4, 13.0), (-3.0, 2.8))
        _architecture(ax, layers, 0.0)
        ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig


@register("ch07/alexnet")
def alexnet(lang):
    """AlexNet (2012) as blocks with the size of every layer.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Input 3@227x227; conv1 96@55x55 (11x11, stride 4); conv2 256@27x27; conv3 384@13x13;
        conv4 384@13x13; conv5 256@13x13; fully connected 4096, 4096 and 1000 (softmax).
        Max pooling (3x3, stride 2) after conv1, conv2 and conv5.

    Examples
    --------
    >>> from figures.ch07 import alexnet
    >>> alexnet("en").axes[0].get_title()
    'AlexNet (Krizhevsky, Sutskever and Hinton, 2012)'
    """
    ko = lang == "ko"
    title = ("AlexNet (Krizhevsky, Sutskever, Hinton, 2012)" if ko
             else "AlexNet (Krizhevsky, Sutskever and Hinton, 2012)")
    inp = "입력" if ko else "input"
    pool = "+ 최대 풀링" if ko else "+ max pool"
    stride = "스트라이드 4" if ko else "stride 4"
    layers = [(inp, 227, 3, ""), ("conv1", 55, 96, f"11×11, {stride}\n{pool}"),
              ("conv2", 27, 256, f"5×5\n{pool}"), ("conv3", 13, 384, "3×3"),
              ("conv4", 13, 384, "3×3"), ("conv5", 13, 256, f"3×3\n{pool}"),
              ("FC6", 0, 4096, ""), ("FC7", 0, 4096, ""), ("FC8", 0, 1000, "")]
    fig = Figure(figsize=(10.0, 3.8))
    ax = fig.add_subplot()
    blank(ax, (-0.4, 21.2), (-3.0, 2.8))
    _architecture(ax, layers, 0.0)
    ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig


@register("ch07/pooling-im2col")
def pooling_im2col(lang):
    """Max pooling through im2col: one row per window of one channel, the maximum of each row.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        A 2-channel 4x4 input (the max-pooling example and the convolution example), its
        2x2 windows (stride 2) unfolded by `nn_text.im2col.im2col` and folded to (8, 4), one
        row per window and channel; the maximum of each row; and the (2, 2, 2) output, which
        `nn_text.pooling.Pooling` gives too.

    Examples
    --------
    >>> from figures.ch07 import pooling_im2col
    >>> texts = [t.get_text() for t in pooling_im2col("en").axes[0].texts]
    >>> "np.max(col, axis=1)" in texts
    True
    """
    text = {"ko": ("입력 (2, 4, 4)", "채널 0", "채널 1", "윈도우 하나, 채널 하나가 한 행 (8, 4)",
                   "행마다 최댓값 (8,)", "출력 (2, 2, 2)"),
            "en": ("input (2, 4, 4)", "channel 0", "channel 1",
                   "one row per window and channel (8, 4)", "row maxima (8,)",
                   "output (2, 2, 2)")}[lang]
    x = np.array([X_POOL, X_BOOK], dtype=float)[None]  # (N, C, H, W) = (1, 2, 4, 4)
    col = im2col(x, 2, 2, stride=2).reshape(-1, 2 * 2)  # (4, 8) -> (8, 4): window-major
    maxima = np.max(col, axis=1).reshape(8, 1)  # (8,) -> (8, 1), drawn as a column
    out = Pooling(2, 2, stride=2).forward(x)[0]  # (2, 2, 2), the layer's own answer
    colors = [BLUE, ORANGE, GREEN, RED]  # one per window position, as in ch07/max-pooling
    window_fill = {(2 * i + p, 2 * j + q): LIGHT[colors[2 * i + j]]
                   for i in range(2) for j in range(2) for p in range(2) for q in range(2)}
    row_fill = {(r, c): LIGHT[colors[r // 2]] for r in range(8) for c in range(4)}
    fig = Figure(figsize=(10.4, 5.0))
    ax = fig.add_subplot()
    blank(ax, (-1.4, 20.6), (-1.4, 9.4))
    for c, y0 in enumerate([4.6, -0.2]):  # channel 0 above channel 1
        _grid(ax, x[0, c], 0, y0, fill=window_fill, fontsize=11)
        ax.text(-0.3, y0 + 2.0, text[1 + c], rotation=90, ha="center", va="center", fontsize=10,
                color=GREY)
    ax.text(2.0, -0.8, text[0], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(5.3, 4.3, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    ax.text(5.3, 5.3, "im2col,\nreshape", ha="center", va="center", fontsize=9)
    _grid(ax, col, 7.0, 0.3, fill=row_fill, fontsize=11)
    for r in range(8):
        ax.text(11.2, 7.8 - r, f"ch {r % 2}", ha="left", va="center", fontsize=9, color=GREY)
    ax.text(9.0, -0.3, text[3], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(13.4, 4.3, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    ax.text(13.4, 5.1, "np.max(col, axis=1)", ha="center", va="center", fontsize=9)
    _grid(ax, maxima, 14.8, 0.3, fill={(r, 0): LIGHT[colors[r // 2]] for r in range(8)},
          fontsize=11)
    ax.text(15.3, -0.3, text[4], ha="center", va="center", fontsize=10, color=GREY)
    ax.text(16.9, 4.3, "$\\rightarrow$", ha="center", va="center", fontsize=18)
    out_fill = {(i, j): LIGHT[colors[2 * i + j]] for i in range(2) for j in range(2)}
    for c, y0 in enumerate([5.6, 1.2]):
        _grid(ax, out[c], 17.8, y0, fill=out_fill, fontsize=11)
        ax.text(20.2, y0 + 1.0, text[1 + c], rotation=90, ha="center", va="center",
                fontsize=10, color=GREY)
    ax.text(18.8, 0.5, text[5], ha="center", va="center", fontsize=10, color=GREY)
    fig.tight_layout()
    return fig
