"""Figures of chapter 1: broadcasting, the matrix product, a first plot, an image shown with
``imshow``, the Korean-font problem."""

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from figures import register
from nn_text.mnist import load_mnist

__all__ = ["broadcasting", "matrix_product", "sin_cos", "mnist_imshow", "korean_font"]

CELL_COLORS = {"A": "#cfe3f7", "B": "#fde2c4", "result": "#d5f0d5", "ghost": "white"}
HIGHLIGHT = "#f4a6a6"  # the row, column and cell of one element of a matrix product


def _grid(ax, values, x0, y0, title, ghost=None, color=CELL_COLORS["A"], highlight=None):
    """Draw a 2-D array as labelled cells whose top-left cell starts at ``(x0, y0)``.

    ``ghost`` marks cells that broadcasting makes up (dashed, grey); ``highlight`` marks cells
    drawn in `HIGHLIGHT`.
    """
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            is_ghost = ghost is not None and ghost[i, j]
            face = CELL_COLORS["ghost"] if is_ghost else color
            if highlight is not None and highlight[i, j]:
                face = HIGHLIGHT
            ax.add_patch(Rectangle((x0 + j, y0 - i), 1, 1, facecolor=face, edgecolor="#555555",
                                   linestyle="--" if is_ghost else "-"))
            ax.text(x0 + j + 0.5, y0 - i + 0.5, f"{values[i, j]:g}", ha="center", va="center",
                    fontsize=13, color="#888888" if is_ghost else "black")
    ax.text(x0 + cols / 2, y0 + 1.35, title, ha="center", va="center", fontsize=11)


def _operator(ax, x, y, symbol):
    ax.text(x, y, symbol, ha="center", va="center", fontsize=20)


@register("ch01/broadcasting")
def broadcasting(lang):
    """Broadcasting: ``A * 10`` and ``A * B`` with ``A`` of shape (2, 2) and ``B`` of shape (2,).

    Each row of the figure stretches the smaller operand to the shape of ``A`` (dashed cells are
    the copies broadcasting makes up, without storing them), then multiplies element by element.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Two rows: the scalar ``10`` stretched to (2, 2), and ``B = [10, 20]`` stretched to (2, 2).

    Examples
    --------
    >>> from figures.ch01 import broadcasting
    >>> fig = broadcasting("en")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("result")]
    ['result (2, 2)', 'result (2, 2)']
    """
    A = np.array([[1, 2], [3, 4]])
    B = np.array([10, 20])
    labels = {
        "ko": ("A  (2, 2)", "스칼라 10을 (2, 2)로 늘림", "B  (2,)를 (2, 2)로 늘림",
               "결과 (2, 2)"),
        "en": ("A  (2, 2)", "scalar 10 stretched to (2, 2)", "B  (2,) stretched to (2, 2)",
               "result (2, 2)"),
    }[lang]
    fig = Figure(figsize=(7.5, 5.0))
    ax = fig.add_subplot()
    rows = [  # (top of the row, the stretched operand, which of its cells broadcasting made)
        (4.6, np.full((2, 2), 10), np.array([[False, True], [True, True]]), labels[1]),
        (1.0, np.broadcast_to(B, A.shape), np.array([[False, False], [True, True]]), labels[2]),
    ]
    for y0, stretched, ghost, label in rows:
        _grid(ax, A, 0, y0, labels[0])
        _operator(ax, 2.75, y0, "×")
        _grid(ax, stretched, 3.5, y0, label, ghost=ghost, color=CELL_COLORS["B"])
        _operator(ax, 6.25, y0, "=")
        _grid(ax, A * stretched, 7, y0, labels[3], color=CELL_COLORS["result"])
    ax.set_xlim(-0.2, 9.2)
    ax.set_ylim(-0.2, 6.3)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


@register("ch01/matrix-product")
def matrix_product(lang):
    """The matrix product ``A @ B`` of shapes (2, 3) and (3, 2), one element worked out.

    Row 0 of ``A`` and column 0 of ``B`` are highlighted with the element they make,
    ``1*1 + 2*3 + 3*5 = 22``; the inner sizes (3 and 3) must match.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        ``A`` (2, 3), ``B`` (3, 2) and ``A @ B`` (2, 2) as grids of numbers.

    Examples
    --------
    >>> from figures.ch01 import matrix_product
    >>> fig = matrix_product("en")
    >>> fig.axes[0].texts[-2].get_text()
    '1·1 + 2·3 + 3·5 = 22'
    """
    A = np.array([[1, 2, 3], [4, 5, 6]])
    B = np.array([[1, 2], [3, 4], [5, 6]])
    C = A @ B
    labels = {
        "ko": ("A  (2, 3)", "B  (3, 2)", "A @ B  (2, 2)",
               r"(2, 3) @ (3, 2) $\rightarrow$ (2, 2): "
               "안쪽 크기 3과 3이 같아야 합니다"),
        "en": ("A  (2, 3)", "B  (3, 2)", "A @ B  (2, 2)",
               r"(2, 3) @ (3, 2) $\rightarrow$ (2, 2): the inner sizes 3 and 3 must match"),
    }[lang]
    first_row = np.zeros(A.shape, dtype=bool)
    first_row[0, :] = True
    first_col = np.zeros(B.shape, dtype=bool)
    first_col[:, 0] = True
    first_cell = np.zeros(C.shape, dtype=bool)
    first_cell[0, 0] = True

    fig = Figure(figsize=(8.5, 3.6))
    ax = fig.add_subplot()
    _grid(ax, A, 0, 2, labels[0], highlight=first_row)
    _operator(ax, 3.6, 1.5, "@")
    _grid(ax, B, 4.2, 2.5, labels[1], color=CELL_COLORS["B"], highlight=first_col)
    _operator(ax, 6.8, 1.5, "=")
    _grid(ax, C, 7.4, 2, labels[2], color=CELL_COLORS["result"], highlight=first_cell)
    worked = " + ".join(f"{a}·{b}" for a, b in zip(A[0], B[:, 0]))
    ax.text(8.4, -0.5, f"{worked} = {C[0, 0]}", ha="center", va="center", fontsize=11,
            color="#b03030")
    ax.text(4.7, -1.3, labels[3], ha="center", va="center", fontsize=11)
    ax.set_xlim(-0.2, 9.9)
    ax.set_ylim(-1.7, 4.2)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


@register("ch01/sin-cos")
def sin_cos(lang):
    """The book's first plot: sin and cos on [0, 6) with labels, a title and a legend.

    It draws what the chapter's script draws, title included, so the title is the same in
    both languages.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the page showing the figure (the text in it is the same in both).

    Returns
    -------
    matplotlib.figure.Figure
        One axes with two lines labelled ``sin`` and ``cos``.

    Examples
    --------
    >>> from figures.ch01 import sin_cos
    >>> ax = sin_cos("en").axes[0]
    >>> [line.get_label() for line in ax.lines], ax.get_title()
    (['sin', 'cos'], 'sin & cos')
    """
    x = np.arange(0, 6, 0.1)
    fig = Figure(figsize=(5.5, 3.4))
    ax = fig.add_subplot()
    ax.plot(x, np.sin(x), label="sin")
    ax.plot(x, np.cos(x), linestyle="--", label="cos")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("sin & cos")
    ax.legend()
    return fig


@register("ch01/imshow")
def mnist_imshow(lang):
    """The first MNIST training image shown with ``imshow``, as the chapter's script shows it.

    Like `sin_cos`, it draws what the script on the page draws (grey colour map, the label as
    the title), so the text in it is the same in both languages.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the page showing the figure (the text in it is the same in both).

    Returns
    -------
    matplotlib.figure.Figure
        One axes with the 28x28 image from `nn_text.mnist.load_mnist` and the title
        ``label: 5``.

    Examples
    --------
    >>> from figures.ch01 import mnist_imshow
    >>> ax = mnist_imshow("en").axes[0]
    >>> ax.get_title(), ax.images[0].get_array().shape
    ('label: 5', (28, 28))
    """
    (x_train, t_train), _ = load_mnist(flatten=True, normalize=False)
    img = x_train[0].reshape(28, 28)  # (784,) -> (28, 28)
    fig = Figure(figsize=(3.6, 3.6))
    ax = fig.add_subplot()
    ax.imshow(img, cmap="gray")
    ax.set_title(f"label: {t_train[0]}")
    return fig


@register("ch01/korean-font", expected_warnings=[r"Glyph \d+ .* missing from font"])
def korean_font(lang):
    """One Korean plot drawn three ways: default font, Korean font alone, Korean font + fallback.

    Left: DejaVu Sans, matplotlib's default, has no Hangul, so the title is empty boxes. Middle:
    the Korean font alone draws the title, but NanumGothic has no minus sign (U+2212), so the
    negative tick labels show a box for it. Right: the Korean font followed by DejaVu Sans
    draws both.
    The Korean font is the first family of ``rcParams["font.family"]``, as `render_svg` sets it.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the panel captions (the title drawn is Korean in both).

    Returns
    -------
    matplotlib.figure.Figure
        Three axes with the same sigmoid curve and the title ``'시그모이드 함수'``.

    Examples
    --------
    >>> from figures.ch01 import korean_font
    >>> fig = korean_font("en")
    >>> [ax.get_title() for ax in fig.axes]
    ['시그모이드 함수', '시그모이드 함수', '시그모이드 함수']
    """
    korean = mpl.rcParams["font.family"][0]
    fallback = [korean, "DejaVu Sans"]
    captions = {
        "ko": ("기본 글꼴 DejaVu Sans:\n한글이 네모로 나옵니다",
               f"{korean}만 지정:\n마이너스 기호가 네모로 나옵니다",
               f"{korean} + DejaVu Sans:\n모두 제대로 나옵니다"),
        "en": ("default font DejaVu Sans:\nHangul comes out as boxes",
               f"{korean} alone:\nthe minus signs are boxes",
               f"{korean} + DejaVu Sans:\neverything draws"),
    }[lang]
    families = ["DejaVu Sans", korean, fallback]
    x = np.linspace(-6, 6, 200)
    y = 1 / (1 + np.exp(-x))
    fig = Figure(figsize=(10, 3.2), layout="constrained")
    for i, (caption, family) in enumerate(zip(captions, families)):
        ax = fig.add_subplot(1, 3, i + 1)
        ax.plot(x, y)
        ax.set_title("시그모이드 함수", family=family)
        ax.tick_params(labelfontfamily=family)
        ax.set_xlabel(caption, family=fallback, labelpad=8)
    return fig
