"""Figures of chapter 1: broadcasting, a first matplotlib plot, and the Korean-font problem."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nn_text.figures import register

__all__ = ["broadcasting", "sin_cos", "korean_font"]


def _grid(ax, values, x0, y0, title, ghost=None, color="#cfe3f7"):
    """Draw a 2-D array as a grid of labelled cells; ``ghost`` marks cells made by broadcasting."""
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            is_ghost = ghost is not None and ghost[i, j]
            ax.add_patch(Rectangle((x0 + j, y0 - i), 1, 1, facecolor="white" if is_ghost else color,
                                   edgecolor="#555555", linestyle="--" if is_ghost else "-"))
            ax.text(x0 + j + 0.5, y0 - i + 0.5, f"{values[i, j]:g}", ha="center", va="center",
                    fontsize=13, color="#888888" if is_ghost else "black")
    ax.text(x0 + cols / 2, y0 + 1.3, title, ha="center", va="center", fontsize=11)


@register("ch01/broadcasting")
def broadcasting(lang):
    """Broadcasting ``A * B`` with ``A`` of shape (2, 2) and ``B`` of shape (2,).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        ``B`` is stretched to (2, 2) (dashed cells), then multiplied element by element.

    Examples
    --------
    >>> from nn_text.figures.ch01 import broadcasting
    >>> fig = broadcasting("en")
    >>> fig.axes[0].texts[-1].get_text()
    'result (2, 2)'
    """
    A = np.array([[1, 2], [3, 4]])
    B = np.array([10, 20])
    labels = {
        "ko": ("A  (2, 2)", "B  (2,)를 (2, 2)로 늘림", "결과 (2, 2)"),
        "en": ("A  (2, 2)", "B  (2,) stretched to (2, 2)", "result (2, 2)"),
    }[lang]
    fig = Figure(figsize=(7.5, 2.4))
    ax = fig.add_subplot()
    _grid(ax, A, 0, 1, labels[0])
    ax.text(2.75, 1, "×", ha="center", va="center", fontsize=20)
    stretched = np.broadcast_to(B, A.shape)
    _grid(ax, stretched, 3.5, 1, labels[1], ghost=np.array([[False, False], [True, True]]),
          color="#fde2c4")
    ax.text(6.25, 1, "=", ha="center", va="center", fontsize=20)
    _grid(ax, A * B, 7, 1, labels[2], color="#d5f0d5")
    ax.set_xlim(-0.2, 9.2)
    ax.set_ylim(-0.2, 2.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


@register("ch01/sin-cos")
def sin_cos(lang):
    """The book's first plot: sin and cos on [0, 6) with labels, a title and a legend.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with two lines labelled ``sin`` and ``cos``.

    Examples
    --------
    >>> from nn_text.figures.ch01 import sin_cos
    >>> [line.get_label() for line in sin_cos("en").axes[0].lines]
    ['sin', 'cos']
    """
    x = np.arange(0, 6, 0.1)
    fig = Figure(figsize=(5.5, 3.4))
    ax = fig.add_subplot()
    ax.plot(x, np.sin(x), label="sin")
    ax.plot(x, np.cos(x), linestyle="--", label="cos")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title({"ko": "sin 함수와 cos 함수", "en": "sin and cos"}[lang])
    ax.legend()
    return fig


@register("ch01/korean-font", expected_warnings=[r"Glyph \d+ .* missing from font"])
def korean_font(lang):
    """The same Korean title drawn with matplotlib's default font and with a Korean font.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the panel captions (the title drawn is Korean in both).

    Returns
    -------
    matplotlib.figure.Figure
        Left: DejaVu Sans, whose missing Hangul shows as empty boxes. Right: the Korean font.

    Examples
    --------
    >>> from nn_text.figures.ch01 import korean_font
    >>> fig = korean_font("en")
    >>> [ax.get_title() for ax in fig.axes]
    ['시그모이드 함수', '시그모이드 함수']
    """
    captions = {
        "ko": ("기본 글꼴 (DejaVu Sans): 글자가 네모로 나옴", "한글 글꼴을 지정한 뒤"),
        "en": ("default font (DejaVu Sans): empty boxes", "after choosing a Korean font"),
    }[lang]
    x = np.linspace(-6, 6, 200)
    y = 1 / (1 + np.exp(-x))
    fig = Figure(figsize=(8, 3))
    for i, caption in enumerate(captions):
        ax = fig.add_subplot(1, 2, i + 1)
        ax.plot(x, y)
        if i == 0:
            ax.set_title("시그모이드 함수", family="DejaVu Sans")
        else:
            ax.set_title("시그모이드 함수")
        ax.set_xlabel(caption)
    return fig
