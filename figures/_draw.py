"""Drawing shared by the chapters' figures: network diagrams (neurons as circles, weights as
arrows) and the training curves of a run saved under results/."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch

NODE_RADIUS = 0.32


def node(ax, xy, text, color="white", radius=NODE_RADIUS, fontsize=15):
    """A neuron: a circle at ``xy`` with ``text`` (math allowed) inside.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    xy : tuple of float
        The centre.
    text : str
        The label inside, e.g. ``"$x_1$"``.
    color : str, default "white"
    radius : float, default NODE_RADIUS
    fontsize : float, default 15

    Returns
    -------
    None

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from figures._draw import node
    >>> ax = Figure().add_subplot()
    >>> node(ax, (0, 0), "$x_1$")
    >>> len(ax.patches), ax.texts[0].get_text()
    (1, '$x_1$')
    """
    ax.add_patch(Circle(xy, radius, facecolor=color, edgecolor="#333333", linewidth=1.5, zorder=3))
    ax.text(*xy, text, ha="center", va="center", fontsize=fontsize, zorder=4)


def edge(ax, start, end, label=None, at=0.5, offset=(0.0, 0.18), color="#333333"):
    """An arrow between two node centres that stops at the circles; ``label`` sits at ``at``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    start, end : tuple of float
        The centres of the two neurons.
    label : str, optional
        A weight's name, drawn on the arrow.
    at : float, default 0.5
        Where along the arrow the label sits (0 at ``start``, 1 at ``end``).
    offset : tuple of float, default (0.0, 0.18)
        Shift of the label off the arrow.
    color : str, default "#333333"

    Returns
    -------
    None

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from figures._draw import edge
    >>> ax = Figure().add_subplot()
    >>> edge(ax, (0, 0), (2, 0), "$w_1$")
    >>> len(ax.patches), ax.texts[0].get_text()
    (1, '$w_1$')
    """
    start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    unit = (end - start) / np.linalg.norm(end - start)
    tail, head = start + NODE_RADIUS * unit, end - NODE_RADIUS * unit  # on the circles' edges
    ax.add_patch(FancyArrowPatch(tuple(tail), tuple(head), arrowstyle="-|>", mutation_scale=14,
                                 color=color, linewidth=1.4, shrinkA=0, shrinkB=0, zorder=2))
    if label is not None:
        x = start[0] + at * (end[0] - start[0]) + offset[0]
        y = start[1] + at * (end[1] - start[1]) + offset[1]
        ax.text(x, y, label, ha="center", va="center", fontsize=13, color=color,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1}, zorder=5)


def blank(ax, xlim, ylim):
    """An axes with equal scales and no frame, to draw a diagram on.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    xlim, ylim : tuple of float
        The visible ranges.

    Returns
    -------
    None

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from figures._draw import blank
    >>> ax = Figure().add_subplot()
    >>> blank(ax, (0, 4), (0, 2))
    >>> [float(v) for v in ax.get_xlim()], ax.axison
    ([0.0, 4.0], False)
    """
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")


def moving_mean(values, window=100):
    """Mean of each run of ``window`` consecutive values: ``len(values) - window + 1`` of them.

    Parameters
    ----------
    values : array_like of float, shape (n,)
        A series, such as the loss of every training step.
    window : int, default 100
        How many consecutive values each mean covers; at most ``n``.

    Returns
    -------
    numpy.ndarray of float64, shape (n - window + 1,)

    Examples
    --------
    >>> from figures._draw import moving_mean
    >>> moving_mean([1.0, 2.0, 3.0, 4.0], window=2)
    array([1.5, 2.5, 3.5])
    """
    return np.convolve(values, np.ones(window) / window, mode="valid")


def point_text(p, spec):
    """A point as ``(x0, x1)``, with a real minus sign (U+2212) and no ``+`` in exponents.

    Parameters
    ----------
    p : sequence of float
        The coordinates.
    spec : str
        Format spec of each coordinate, as for `format`: ``".2f"``, ``".1e"``.

    Returns
    -------
    str

    Examples
    --------
    >>> from figures._draw import point_text
    >>> point_text([20577.4, -27436.0], ".0f"), point_text([-0.004, 3e5], ".1e")
    ('(20577, −27436)', '(−4.0e−03, 3.0e05)')
    """
    return "(" + ", ".join(format(float(v), spec).replace("e+", "e").replace("-", "\u2212")
                           for v in p) + ")"


def training_curves_figure(history, lang):
    """Loss per step (and its mean over 100 steps) beside accuracy per epoch, of one training run.

    Parameters
    ----------
    history : dict
        ``"loss"`` per step, ``"train_acc"`` and ``"test_acc"`` per epoch, as the tools in
        ``tools/`` write them to ``results/``.
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from figures._draw import training_curves_figure
    >>> history = {"loss": [2.3] * 150, "train_acc": [0.1, 0.9], "test_acc": [0.1, 0.8]}
    >>> fig = training_curves_figure(history, "en")
    >>> [ax.get_title() for ax in fig.axes]
    ['loss', 'accuracy after each epoch']
    """
    text = {"ko": ("갱신 횟수", "손실", "미니배치마다", "100번 평균", "에폭", "정확도",
                   "훈련 데이터", "시험 데이터", "손실 함수의 값", "에폭마다 잰 정확도"),
            "en": ("step", "loss", "each mini-batch", "mean of 100 steps", "epoch", "accuracy",
                   "training data", "test data", "loss", "accuracy after each epoch")}[lang]
    blue, orange = "#1f77b4", "#ff7f0e"
    loss = np.array(history["loss"])
    steps = np.arange(len(loss))
    window = 100
    mean = moving_mean(loss, window)  # (N - 99,)
    fig = Figure(figsize=(10.0, 3.8))
    ax = fig.add_subplot(1, 2, 1)
    ax.plot(steps, loss, color=blue, alpha=0.25, linewidth=0.5, label=text[2])
    ax.plot(steps[window - 1:], mean, color=blue, linewidth=1.5, label=text[3])
    ax.set_xlabel(text[0])
    ax.set_ylabel(text[1])
    ax.set_ylim(0, 2.5)
    ax.set_title(text[8], fontsize=11)
    ax.legend(loc="upper right", fontsize=9)
    ax.grid(alpha=0.3)
    ax2 = fig.add_subplot(1, 2, 2)
    epochs = np.arange(len(history["train_acc"]))
    ax2.plot(epochs, history["train_acc"], "o-", color=blue, markersize=4, label=text[6])
    ax2.plot(epochs, history["test_acc"], "s--", color=orange, markersize=4, label=text[7])
    ax2.set_xlabel(text[4])
    ax2.set_ylabel(text[5])
    ax2.set_ylim(0, 1.0)
    ax2.set_title(text[9], fontsize=11)
    ax2.legend(loc="lower right", fontsize=9)
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    return fig
