"""Figures of chapter 4: the log of the loss, numerical derivatives, gradients, gradient descent,
why the loss and not the accuracy, and the training curves of TwoLayerNet."""

import json

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator

from figures import RESULTS_DIR, register
from figures._draw import point_text, training_curves_figure
from nn_text.activations import softmax
from nn_text.gradient import gradient_descent, numerical_diff, numerical_gradient
from nn_text.losses import cross_entropy_error
from nn_text.network import accuracy

__all__ = ["log", "numerical_diff_error", "tangent", "function_2_surface", "gradient_field",
           "gradient_descent_paths", "loss_vs_accuracy", "training_curves", "HISTORY"]

HISTORY = RESULTS_DIR / "two_layer_net.json"
BLUE, ORANGE, GREEN, RED, GREY = "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#555555"
# The book's two outputs for the answer "2" (section 4.2): right with 0.6, wrong with 0.1.
T_BOOK = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
Y_RIGHT = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y_WRONG = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])


def _power_of_ten(value, _pos=None):
    """Tick label ``10^k`` (or ``-10^k``, ``0``) in mathtext's own font.

    Matplotlib's log formatters write ``$\\mathdefault{10^{-4}}$``, whose minus sign is looked
    up in the Korean text font, which lacks U+2212; plain mathtext draws it from DejaVu Sans.
    """
    if value == 0:
        return "$0$"
    sign = "-" if value < 0 else ""
    return f"${sign}10^{{{round(np.log10(abs(value)))}}}$"


def _log_ticks(axis, every=1):
    """Label only the powers of ten, ``every`` decades apart, with `_power_of_ten`."""
    axis.set_major_locator(LogLocator(base=10.0 ** every))
    axis.set_major_formatter(FuncFormatter(_power_of_ten))


def _function_1(x):
    """The book's one-variable example ``0.01x^2 + 0.1x``."""
    return 0.01 * x**2 + 0.1 * x


def _function_2(x):
    """The book's two-variable example ``x0^2 + x1^2``, for an array ``x`` of any shape."""
    return np.sum(x**2)


@register("ch04/log")
def log(lang):
    """``y = log x`` on (0, 1], with the two outputs of the book's cross-entropy example.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The curve, and the points where the right class gets probability 0.6 and 0.1; their
        losses, from `nn_text.losses.cross_entropy_error`, are ``-log`` of those values.

    Examples
    --------
    >>> from figures.ch04 import log
    >>> [t.get_text() for t in log("en").axes[0].texts]
    ['$y_2 = 0.6$: $E = 0.51$', '$y_2 = 0.1$: $E = 2.30$']
    """
    xlabel = {"ko": "확률 $x$", "en": "probability $x$"}[lang]
    x = np.linspace(0.001, 1.0, 1000)
    fig = Figure(figsize=(5.6, 3.8))
    ax = fig.add_subplot()
    ax.plot(x, np.log(x), color=BLUE, label="$y = \\log x$")
    ax.axhline(0, color=GREY, linewidth=0.8)
    for y, offset in [(Y_RIGHT, (0.1, -1.3)), (Y_WRONG, (0.12, -1.4))]:
        p, loss = y[2], cross_entropy_error(y, T_BOOK)  # loss = -log(p + EPS)
        ax.plot(p, -loss, "o", color=RED)
        ax.annotate(f"$y_2 = {p:g}$: $E = {loss:.2f}$", (p, -loss),
                    xytext=(p + offset[0], -loss + offset[1]), fontsize=11,
                    arrowprops={"arrowstyle": "->", "color": GREY})
    ax.set_xlim(0, 1.05)
    ax.set_ylim(-5.5, 0.5)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("$\\log x$")
    ax.legend(loc="lower right")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@register("ch04/numerical-diff-error")
def numerical_diff_error(lang):
    """Error of the forward and the central difference against the step ``h`` (log-log).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        For ``f(x) = e^x`` at ``x = 1`` (true derivative ``e``): large ``h`` loses to the
        truncation error, small ``h`` to rounding error, and below about ``1e-16`` the step
        disappears (``1 + h == 1``) and the estimate is 0. The central difference is computed
        by `nn_text.gradient.numerical_diff`.

    Examples
    --------
    >>> from figures.ch04 import numerical_diff_error
    >>> [line.get_label() for line in numerical_diff_error("en").axes[0].lines][:2]
    ['forward difference', 'central difference (numerical_diff)']
    """
    text = {
        "ko": ("전방 차분", "중심 차분 (numerical_diff)", "간격 $h$", "오차 (절댓값)",
               "$h$가 작을수록\n반올림 오차가 커짐", "$h$가 클수록\n절단 오차가\n커짐",
               "$1 + h = 1$:\n기울기 0"),
        "en": ("forward difference", "central difference (numerical_diff)", "step $h$",
               "absolute error", "smaller $h$:\nmore rounding error",
               "larger $h$:\nmore truncation\nerror",
               "$1 + h = 1$:\nslope 0"),
    }[lang]
    x, true = 1.0, np.exp(1.0)
    hs = np.logspace(-20, 0, 201)
    forward = np.array([(np.exp(x + h) - np.exp(x)) / h for h in hs])
    central = np.array([numerical_diff(np.exp, x, h) for h in hs])
    fig = Figure(figsize=(6.6, 4.2))
    ax = fig.add_subplot()
    for values, color, label in [(forward, ORANGE, text[0]), (central, BLUE, text[1])]:
        error = np.abs(values - true)
        error[error == 0] = np.nan  # exact by luck: no point on a log axis
        ax.loglog(hs, error, color=color, label=label)
    ax.axvline(1e-4, color=GREEN, linestyle="--", linewidth=1)
    ax.text(1.4e-4, 3e-14, "$h = 10^{-4}$", color=GREEN, fontsize=11)
    ax.text(1e-11, 1e-12, text[4], ha="center", fontsize=10, color=GREY)
    ax.text(1e-2, 1e-12, text[5], ha="center", fontsize=10, color=GREY)
    ax.text(1e-18, 0.4, text[6], ha="center", va="top", fontsize=10, color=GREY)
    ax.set_xlim(1e-20, 1)
    ax.set_ylim(1e-15, 1e2)
    _log_ticks(ax.xaxis, every=4)
    _log_ticks(ax.yaxis, every=3)
    ax.set_xlabel(text[2])
    ax.set_ylabel(text[3])
    ax.legend(loc="upper center", fontsize=9)
    ax.grid(alpha=0.3, which="major")
    fig.tight_layout()
    return fig


@register("ch04/tangent")
def tangent(lang):
    """``f(x) = 0.01x^2 + 0.1x`` with its tangents at 5 and 10, slopes from `numerical_diff`.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the legend.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels, one per point, each with the curve and the tangent line.

    Examples
    --------
    >>> from figures.ch04 import tangent
    >>> [ax.get_title() for ax in tangent("en").axes]
    ['tangent at $x = 5$: slope 0.2', 'tangent at $x = 10$: slope 0.3']
    """
    text = {"ko": ("$x = {x}$에서의 접선: 기울기 {slope:.1f}", "접선"),
            "en": ("tangent at $x = {x}$: slope {slope:.1f}", "tangent")}[lang]
    x = np.linspace(0.0, 20.0, 200)
    fig = Figure(figsize=(8.4, 3.6))
    for i, x0 in enumerate([5, 10]):
        ax = fig.add_subplot(1, 2, i + 1)
        slope = numerical_diff(_function_1, x0)
        line = _function_1(x0) + slope * (x - x0)  # through (x0, f(x0)) with that slope
        ax.plot(x, _function_1(x), color=BLUE, label="$f(x) = 0.01x^2 + 0.1x$")
        ax.plot(x, line, color=ORANGE, linestyle="--", label=text[1])
        ax.plot(x0, _function_1(x0), "o", color=RED)
        ax.set_title(text[0].format(x=x0, slope=slope), fontsize=11)
        ax.set_xlim(0, 20)
        ax.set_ylim(-1, 6)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$f(x)$")
        ax.legend(loc="upper left", fontsize=9)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@register("ch04/function-2")
def function_2_surface(lang):
    """``f(x0, x1) = x0^2 + x1^2`` as a surface and as contour lines.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the bowl in 3-D. Right: its contour lines seen from above, with the lowest point
        at (0, 0).

    Examples
    --------
    >>> from figures.ch04 import function_2_surface
    >>> [ax.get_title() for ax in function_2_surface("en").axes]
    ['surface', 'contour lines (seen from above)']
    """
    titles = {"ko": ("곡면", "등고선 (위에서 본 모습)"),
              "en": ("surface", "contour lines (seen from above)")}[lang]
    grid = np.linspace(-3.0, 3.0, 31)
    X0, X1 = np.meshgrid(grid, grid)  # (31, 31) each
    Z = np.array([_function_2(np.array([a, b])) for a, b in zip(X0.ravel(), X1.ravel())])
    Z = Z.reshape(X0.shape)  # (961,) -> (31, 31)
    fig = Figure(figsize=(9.0, 4.0))
    ax = fig.add_subplot(1, 2, 1, projection="3d")
    ax.plot_surface(X0, X1, Z, cmap="viridis", linewidth=0.2, edgecolor="#ffffff55")
    ax.set_xlabel("$x_0$")
    ax.set_ylabel("$x_1$")
    ax.set_zlabel("$f(x_0, x_1)$")
    ax.set_title(titles[0])
    ax.view_init(elev=30, azim=-60)
    ax2 = fig.add_subplot(1, 2, 2)
    contours = ax2.contour(X0, X1, Z, levels=[1, 2, 4, 6, 9], cmap="viridis", vmin=0, vmax=14)
    ax2.clabel(contours, fontsize=8)
    ax2.plot(0, 0, "o", color=RED)
    ax2.set_aspect("equal")
    ax2.set_xlabel("$x_0$")
    ax2.set_ylabel("$x_1$")
    ax2.set_title(titles[1])
    fig.tight_layout()
    return fig


@register("ch04/gradient-field")
def gradient_field(lang):
    """Arrows of minus the gradient of ``x0^2 + x1^2``: at every point, the way downhill.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the title.

    Returns
    -------
    matplotlib.figure.Figure
        A quiver plot of ``-numerical_gradient(function_2, p)`` on a grid from -2 to 2; the
        arrows point to the minimum at (0, 0) and get shorter near it.

    Examples
    --------
    >>> from figures.ch04 import gradient_field
    >>> gradient_field("en").axes[0].get_title()
    'arrows: minus the gradient (downhill)'
    """
    title = {"ko": "화살표: 기울기에 마이너스를 붙인 방향 (내리막)",
             "en": "arrows: minus the gradient (downhill)"}[lang]
    grid = np.arange(-2.0, 2.25, 0.25)  # -2.0, -1.75, ..., 2.0
    X0, X1 = np.meshgrid(grid, grid)
    points = np.column_stack([X0.ravel(), X1.ravel()])  # (289, 2): one point per row
    grad = np.array([numerical_gradient(_function_2, p.copy()) for p in points])  # (289, 2)
    fig = Figure(figsize=(5.2, 5.0))
    ax = fig.add_subplot()
    ax.quiver(points[:, 0], points[:, 1], -grad[:, 0], -grad[:, 1], angles="xy",
              color="#666666")
    ax.plot(0, 0, "o", color=RED)
    ax.set_xlim(-2.3, 2.3)
    ax.set_ylim(-2.3, 2.3)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_0$")
    ax.set_ylabel("$x_1$")
    ax.set_title(title, fontsize=11)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def _descend(lr):
    """The book's run: gradient descent on ``function_2`` from (-3, 4), 100 steps."""
    x, path = gradient_descent(_function_2, np.array([-3.0, 4.0]), lr=lr, step_num=100)
    return np.vstack([path, x])  # (101, 2): every point, the last one included


@register("ch04/gradient-descent")
def gradient_descent_paths(lang):
    """Gradient descent on ``x0^2 + x1^2`` from (-3, 4) with three learning rates.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles and notes.

    Returns
    -------
    matplotlib.figure.Figure
        Three panels of paths: ``lr=0.1`` walks to the minimum; ``lr=10.0`` lands 19 times
        farther out on the other side at every step (drawn zoomed out); ``lr=1e-10`` barely
        moves. A fourth panel shows the distance from the minimum at every step (log scale).

    Examples
    --------
    >>> from figures.ch04 import gradient_descent_paths
    >>> [ax.get_title() for ax in gradient_descent_paths("en").axes][:3]
    ['lr = 0.1: reaches the minimum', 'lr = 10.0: diverges', 'lr = 1e-10: hardly moves']
    """
    text = {
        "ko": ("lr = 0.1: 최솟값에 도착", "lr = 10.0: 발산", "lr = 1e-10: 거의 움직이지 않음",
               "최솟값 (0, 0)까지의 거리", "시작 (−3, 4)", "갱신 횟수", "거리 (로그 눈금)",
               "점 3: {p}\n100번 뒤: {q}", "100번 갱신해도\n움직인 거리는 {d:.0e}"),
        "en": ("lr = 0.1: reaches the minimum", "lr = 10.0: diverges",
               "lr = 1e-10: hardly moves", "distance from the minimum (0, 0)", "start (−3, 4)",
               "step", "distance (log scale)", "point 3: {p}\nstep 100: {q}",
               "after 100 steps\nit has moved {d:.0e}"),
    }[lang]
    rates = [0.1, 10.0, 1e-10]
    paths = [_descend(lr) for lr in rates]
    # Narrow enough that its text stays readable on a phone (390 px wide): the figure is
    # scaled to the column's width, so inches here are font size there.
    fig = Figure(figsize=(6.4, 7.2))
    for i, (lr, path, color) in enumerate(zip(rates, paths, [BLUE, RED, GREEN])):
        ax = fig.add_subplot(2, 2, i + 1)
        size = 1500.0 if lr == 10.0 else 4.5  # lr=10 jumps out of the small view at once
        grid = np.linspace(-size, size, 91)
        X0, X1 = np.meshgrid(grid, grid)
        Z = X0**2 + X1**2  # function_2 at every grid point, for the contour lines
        levels = np.array([1, 2, 3, 4, 5]) ** 2 * (size / 4.5) ** 2
        ax.contour(X0, X1, Z, levels=levels, colors="#bbbbbb", linewidths=0.8)
        ax.plot(path[:, 0], path[:, 1], "o-", color=color, markersize=3, linewidth=1)
        ax.plot(-3, 4, "s", color=ORANGE, markersize=7, label=text[4])
        ax.plot(0, 0, "+", color="black", markersize=12, markeredgewidth=1.5)
        if lr == 10.0:
            p, q = path[3], path[-1]
            # no thousands separator: "(20,577, -27,436)" reads as four numbers
            ax.text(0.03, 0.03, text[7].format(p=point_text(p, ".0f"), q=point_text(q, ".1e")),
                    transform=ax.transAxes, fontsize=11, color=GREY,
                    bbox={"facecolor": "white", "edgecolor": "#cccccc"})
            for k in (1, 2):  # number the points: each lands on the other side, 19 times farther
                ax.annotate(str(k), tuple(path[k]), xytext=(8, 0), textcoords="offset points",
                            fontsize=12, color=color)
        if lr < 1e-3:
            moved = float(np.linalg.norm(path[-1] - path[0]))
            ax.annotate(text[8].format(d=moved), (-3, 4), xytext=(-2.2, 1.0), fontsize=11,
                        arrowprops={"arrowstyle": "->", "color": GREY})
        ax.set_xlim(-size, size)
        ax.set_ylim(-size, size)
        ax.set_xticks([-size, 0, size] if lr == 10.0 else [-4, -2, 0, 2, 4])
        ax.set_yticks([-size, 0, size] if lr == 10.0 else [-4, -2, 0, 2, 4])
        ax.set_aspect("equal")
        ax.set_title(text[i], fontsize=12)
        ax.set_xlabel("$x_0$", fontsize=12)
        ax.set_ylabel("$x_1$", fontsize=12)
        ax.tick_params(labelsize=11)
        ax.legend(loc="upper right" if lr == 10.0 else "lower right", fontsize=10)
    ax = fig.add_subplot(2, 2, 4)
    for lr, path, color in zip(rates, paths, [BLUE, RED, GREEN]):
        ax.semilogy(np.linalg.norm(path, axis=1), color=color, label=f"lr = {lr:g}")
    ax.set_ylim(1e-10, 1e14)
    _log_ticks(ax.yaxis, every=4)
    ax.set_title(text[3], fontsize=12)
    ax.set_xlabel(text[5], fontsize=12)
    ax.set_ylabel(text[6], fontsize=12)
    ax.tick_params(labelsize=11)
    ax.legend(loc="lower left", fontsize=10)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def _toy_problem():
    """40 points with 3 classes and weights ``W`` (2, 3) that classify most of them."""
    rng = np.random.default_rng(0)
    W = np.array([[1.0, -1.0, 0.5], [0.5, 1.0, -1.0]])
    x = rng.standard_normal((40, 2))
    t = np.argmax(x @ W + 0.8 * rng.standard_normal((40, 3)), axis=1)  # noisy labels
    return x, t, W


@register("ch04/loss-vs-accuracy")
def loss_vs_accuracy(lang):
    """Accuracy and loss of a small classifier while one weight moves.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the accuracy (`nn_text.network.accuracy`) is flat with jumps, so its slope is
        0 almost everywhere. Right: the cross-entropy error (`nn_text.losses`) changes
        smoothly, so its slope says which way to move the weight.

    Examples
    --------
    >>> from figures.ch04 import loss_vs_accuracy
    >>> [ax.get_ylabel() for ax in loss_vs_accuracy("en").axes]
    ['accuracy', 'loss (cross-entropy error)']
    """
    text = {"ko": ("가중치 $w$ (W[0, 0])", "정확도", "손실 (교차 엔트로피 오차)",
                   "정확도: 대부분 평평 (기울기 0)", "손실: 매끄럽게 변함"),
            "en": ("weight $w$ (W[0, 0])", "accuracy", "loss (cross-entropy error)",
                   "accuracy: flat almost everywhere (slope 0)", "loss: changes smoothly")}[lang]
    x, t, W = _toy_problem()
    ws = np.linspace(-3.0, 3.0, 601)
    accs, losses = [], []
    for w in ws:
        W_w = W.copy()
        W_w[0, 0] = w
        y = softmax(x @ W_w)  # (40, 3)
        accs.append(accuracy(y, t))
        losses.append(cross_entropy_error(y, t))
    fig = Figure(figsize=(9.0, 3.6))
    for i, (values, color, ylabel, title) in enumerate(
            [(accs, ORANGE, text[1], text[3]), (losses, BLUE, text[2], text[4])]):
        ax = fig.add_subplot(1, 2, i + 1)
        ax.plot(ws, values, color=color)
        ax.set_xlabel(text[0])
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=11)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@register("ch04/training-curves")
def training_curves(lang):
    """Loss per step and accuracy per epoch of the book's TwoLayerNet run on MNIST.

    Read from ``results/two_layer_net.json`` (written by ``tools/train_two_layer_net.py``), so
    the figure is drawn from a checkout of the repository.

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
    >>> from figures.ch04 import training_curves
    >>> [line.get_label() for line in training_curves("en").axes[1].lines]
    ['training data', 'test data']
    """
    return training_curves_figure(json.loads(HISTORY.read_text(encoding="utf-8")), lang)
