"""Figures of chapter 6: the optimizers' paths, activation histograms by weight initialization,
and the MNIST experiments of ``results/ch06.json`` (optimizers, initial weights, batch
normalization, overfitting, weight decay, dropout, random search), and a network with dropout."""

import json

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from figures import RESULTS_DIR, register
from figures._draw import moving_mean, point_text
from nn_text.activations import relu, sigmoid
from nn_text.dropout import Dropout
from nn_text.multi_layer_net import init_scale
from nn_text.optimizers import SGD, AdaGrad, Adam, Momentum

__all__ = ["function_gradient", "optimizer_paths", "optimizer_mnist", "sigmoid_activations",
           "relu_activations", "weight_init_mnist", "batch_norm_mnist", "overfitting",
           "weight_decay", "dropout", "random_search", "dropout_network", "RESULTS", "START", "PATH_STEPS"]

RESULTS = RESULTS_DIR / "ch06.json"
BLUE, ORANGE, GREEN, RED, PURPLE, GREY = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                          "#9467bd", "#555555")
COLORS = {"SGD": BLUE, "Momentum": ORANGE, "AdaGrad": GREEN, "RMSprop": PURPLE, "Adam": RED}
START = (-7.0, 2.0)  # the book's starting point on f(x, y) = x^2 / 20 + y^2
PATH_STEPS = 30
PATH_OPTIMIZERS = {  # the book's learning rates for this function
    "SGD": lambda: SGD(lr=0.95),
    "Momentum": lambda: Momentum(lr=0.1),
    "AdaGrad": lambda: AdaGrad(lr=1.5),
    "Adam": lambda: Adam(lr=0.3),
}


def _results():
    """The histories that ``tools/train_ch06.py`` wrote."""
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def _f(x, y):
    """The book's example ``f(x, y) = x^2 / 20 + y^2``: a long, narrow valley along x."""
    return x**2 / 20.0 + y**2


def _df(x, y):
    """Its gradient ``(x / 10, 2y)``."""
    return x / 10.0, 2.0 * y


def _path(optimizer):
    """Points visited by ``optimizer`` in `PATH_STEPS` steps from `START`: shape (31, 2)."""
    params = {"x": np.array([START[0]]), "y": np.array([START[1]])}
    points = [START]
    for _ in range(PATH_STEPS):
        dx, dy = _df(params["x"], params["y"])
        optimizer.update(params, {"x": dx, "y": dy})
        points.append((float(params["x"][0]), float(params["y"][0])))
    return np.array(points)


def _contours(ax):
    """Contour lines of `_f` on the book's window, the minimum marked with a cross."""
    X, Y = np.meshgrid(np.linspace(-10, 10, 201), np.linspace(-5, 5, 101))  # (101, 201)
    ax.contour(X, Y, _f(X, Y), levels=[0.25, 1, 2, 4, 7, 11, 16], colors="#bbbbbb",
               linewidths=0.8)
    ax.plot(0, 0, "+", color="black", markersize=12, markeredgewidth=1.5)
    ax.set_xlim(-10, 10)
    ax.set_ylim(-5, 5)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")


@register("ch06/function-gradient")
def function_gradient(lang):
    """Contours of ``f(x, y) = x^2 / 20 + y^2`` and arrows of minus its gradient.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the contour lines, ellipses 4.5 times wider than tall. Right: the arrows point
        mostly along ``y`` and not at the minimum (0, 0), which is why SGD zigzags here.

    Examples
    --------
    >>> from figures.ch06 import function_gradient
    >>> [ax.get_title() for ax in function_gradient("en").axes]
    ['contour lines of $f(x, y)$', 'arrows: minus the gradient']
    """
    titles = {"ko": ("$f(x, y)$의 등고선", "화살표: 기울기에 마이너스를 붙인 방향"),
              "en": ("contour lines of $f(x, y)$", "arrows: minus the gradient")}[lang]
    fig = Figure(figsize=(10.0, 3.4))
    ax = fig.add_subplot(1, 2, 1)
    _contours(ax)
    ax.set_aspect("equal")
    ax.set_title(titles[0], fontsize=11)
    ax2 = fig.add_subplot(1, 2, 2)
    X, Y = np.meshgrid(np.arange(-10, 10.5, 1.0), np.arange(-5, 5.5, 1.0))  # (11, 21)
    dX, dY = _df(X, Y)
    ax2.quiver(X, Y, -dX, -dY, angles="xy", color="#666666")
    ax2.plot(0, 0, "+", color="black", markersize=12, markeredgewidth=1.5)
    ax2.set_xlim(-10.5, 10.5)
    ax2.set_ylim(-5.5, 5.5)
    ax2.set_aspect("equal")
    ax2.set_xlabel("$x$")
    ax2.set_ylabel("$y$")
    ax2.set_title(titles[1], fontsize=11)
    fig.tight_layout()
    return fig


@register("ch06/optimizer-paths")
def optimizer_paths(lang):
    """Paths of SGD, Momentum, AdaGrad and Adam on ``x^2 / 20 + y^2`` from (-7, 2), 30 steps.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the legend.

    Returns
    -------
    matplotlib.figure.Figure
        Four panels, one per optimizer of `nn_text.optimizers` with the book's learning rates
        (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3), each titled with where it ended.

    Examples
    --------
    >>> from figures.ch06 import optimizer_paths
    >>> [ax.get_title().split(":")[0] for ax in optimizer_paths("en").axes]
    ['SGD (lr = 0.95)', 'Momentum (lr = 0.1)', 'AdaGrad (lr = 1.5)', 'Adam (lr = 0.3)']
    """
    text = {"ko": ("{name} (lr = {lr:g}): 끝 {end}", "시작 (−7, 2)"),
            "en": ("{name} (lr = {lr:g}): end {end}", "start (−7, 2)")}[lang]
    fig = Figure(figsize=(10.0, 5.6))
    for i, (name, make) in enumerate(PATH_OPTIMIZERS.items()):
        optimizer = make()
        path = _path(optimizer)
        ax = fig.add_subplot(2, 2, i + 1)
        _contours(ax)
        ax.plot(path[:, 0], path[:, 1], "o-", color=COLORS[name], markersize=3, linewidth=1)
        ax.plot(*START, "s", color=GREY, markersize=6, label=text[1])
        ax.set_title(text[0].format(name=name, lr=optimizer.lr, end=point_text(path[-1], ".2f")),
                     fontsize=11)
        ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


def _loss_panel(ax, runs, colors, text):
    """Smoothed mini-batch losses of several runs on one axes."""
    for name, run in runs.items():
        loss = moving_mean(run["loss"], 50)  # the raw mini-batch losses are noisy
        ax.plot(np.arange(len(loss)) + 49, loss, color=colors[name], linewidth=1.4,
                label=f"{name}: {text[2]} {run['test_acc']:.4f}")
    ax.set_xlabel(text[0])
    ax.set_ylabel(text[1])
    ax.set_ylim(0, 2.5)
    ax.grid(alpha=0.3)
    ax.legend(loc="center right", fontsize=9)


LOSS_TEXT = {"ko": ("갱신 횟수", "손실 (50번 이동 평균)", "시험 정확도"),
             "en": ("step", "loss (moving mean of 50 steps)", "test acc")}


@register("ch06/optimizer-mnist")
def optimizer_mnist(lang):
    """Training loss of the five optimizers on MNIST (5-layer net, 2000 steps), from the results.

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The mini-batch loss of SGD, Momentum, AdaGrad, RMSprop and Adam, averaged over 50
        steps; the legend gives each one's test accuracy after training.

    Examples
    --------
    >>> from figures.ch06 import optimizer_mnist
    >>> [line.get_label().split(":")[0] for line in optimizer_mnist("en").axes[0].lines]
    ['SGD', 'Momentum', 'AdaGrad', 'RMSprop', 'Adam']
    """
    runs = _results()["optimizers"]["runs"]
    fig = Figure(figsize=(7.0, 4.0))
    _loss_panel(fig.add_subplot(), runs, COLORS, LOSS_TEXT[lang])
    fig.tight_layout()
    return fig


def _activations(activation, scale, layers=5, nodes=100, samples=1000):
    """The book's experiment: 1000 random inputs through 5 layers of 100 neurons.

    Returns a list of the ``layers`` outputs, each of shape (samples, nodes).
    """
    rng = np.random.default_rng(0)
    x = rng.standard_normal((samples, nodes))
    outputs = []
    for _ in range(layers):
        W = rng.standard_normal((nodes, nodes)) * init_scale(scale, nodes)
        x = activation(x @ W)
        outputs.append(x)
    return outputs


def _histograms(settings, activation, lang, positive_only):
    """Rows of histograms, one row per initial weight scale and one column per layer."""
    text = {"ko": ("{k}층", "표준편차 {s}", "출력값", "개수"),
            "en": ("layer {k}", "std {s}", "output", "count")}[lang]
    fig = Figure(figsize=(10.0, 2.1 * len(settings) + 0.4))
    for row, (label, scale) in enumerate(settings):
        outputs = _activations(activation, scale)
        for col, out in enumerate(outputs):
            ax = fig.add_subplot(len(settings), len(outputs), row * len(outputs) + col + 1)
            values = out[out > 0] if positive_only else out.ravel()
            ax.hist(values, bins=30, range=(0, 1), color=BLUE)
            ax.set_xlim(0, 1)
            ax.set_xticks([0, 0.5, 1])
            ax.tick_params(labelsize=8)
            if row == 0:
                ax.set_title(text[0].format(k=col + 1), fontsize=10)
            if col == 0:
                ax.set_ylabel(f"{label}: {text[3]}", fontsize=10)
            else:
                ax.set_yticklabels([])
            if row == len(settings) - 1:
                ax.set_xlabel(text[2], fontsize=9)
        top = max(ax.get_ylim()[1] for ax in fig.axes[row * len(outputs):])
        for ax in fig.axes[row * len(outputs):]:
            ax.set_ylim(0, top)  # one scale per row, so the layers can be compared
    fig.tight_layout()
    return fig


@register("ch06/sigmoid-activations")
def sigmoid_activations(lang):
    """Outputs of 5 sigmoid layers of 100 neurons, for 1000 random inputs, by initial weights.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Three rows of five histograms: weights of standard deviation 1 (outputs pile up at 0
        and 1), 0.01 (all near 0.5) and Xavier's ``1 / sqrt(100)`` (spread out), from the
        seeded ``np.random.default_rng(0)``.

    Examples
    --------
    >>> from figures.ch06 import sigmoid_activations
    >>> fig = sigmoid_activations("en")
    >>> len(fig.axes), fig.axes[0].get_ylabel()
    (15, 'std 1: count')
    """
    std = {"ko": "표준편차 {s}", "en": "std {s}"}[lang]
    settings = [(std.format(s=1), 1.0), (std.format(s=0.01), 0.01), ("Xavier", "xavier")]
    return _histograms(settings, sigmoid, lang, positive_only=False)


@register("ch06/relu-activations")
def relu_activations(lang):
    """Outputs of 5 ReLU layers of 100 neurons, for 1000 random inputs, by initial weights.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Three rows of five histograms of the positive outputs (about half are exactly 0 and
        left out): standard deviation 0.01 (they shrink towards 0 layer by layer), Xavier
        (they shrink more slowly) and He's ``sqrt(2 / 100)`` (the same spread in every layer).

    Examples
    --------
    >>> from figures.ch06 import relu_activations
    >>> [ax.get_ylabel() for ax in relu_activations("en").axes[::5]]
    ['std 0.01: count', 'Xavier: count', 'He: count']
    """
    std = {"ko": "표준편차 {s}", "en": "std {s}"}[lang]
    settings = [(std.format(s=0.01), 0.01), ("Xavier", "xavier"), ("He", "he")]
    return _histograms(settings, relu, lang, positive_only=True)


@register("ch06/weight-init-mnist")
def weight_init_mnist(lang):
    """Training loss on MNIST with initial weights of std 0.01, Xavier and He, from the results.

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``): the 5-layer ReLU net
    with SGD (lr 0.01), 2000 steps of 128 images.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The three losses, averaged over 50 steps; the legend gives each test accuracy.

    Examples
    --------
    >>> from figures.ch06 import weight_init_mnist
    >>> [line.get_label().split(":")[0] for line in weight_init_mnist("en").axes[0].lines]
    ['std=0.01', 'Xavier', 'He']
    """
    runs = _results()["weight_init"]["runs"]
    fig = Figure(figsize=(7.0, 4.0))
    _loss_panel(fig.add_subplot(), runs, {"std=0.01": BLUE, "Xavier": ORANGE, "He": GREEN},
                LOSS_TEXT[lang])
    fig.tight_layout()
    return fig


@register("ch06/batch-norm-mnist")
def batch_norm_mnist(lang):
    """Training accuracy per epoch with and without batch normalization, for 4 weight scales.

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``): 1000 training images,
    a 6-layer ReLU net, SGD (lr 0.01), 20 epochs.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per initial weight scale (1, 0.0464, 0.00215, 0.0001), each with the
        accuracy on the 1000 training images of the net with and without batch normalization;
        a run that diverged (NaN or inf) is noted with the step where it stopped.

    Examples
    --------
    >>> from figures.ch06 import batch_norm_mnist
    >>> fig = batch_norm_mnist("en")
    >>> fig.axes[0].get_title(), [line.get_label() for line in fig.axes[0].lines]
    ('initial std 1', ['with batch norm', 'without'])
    """
    text = {"ko": ("초깃값 표준편차 {s:g}", "배치 정규화 사용", "사용 안 함", "에폭",
                   "훈련 정확도", "사용 안 함:\n{n}번째 갱신에서 발산"),
            "en": ("initial std {s:g}", "with batch norm", "without", "epoch",
                   "training accuracy", "without:\ndiverged at step {n}")}[lang]
    runs = _results()["batch_norm"]["runs"]
    fig = Figure(figsize=(10.0, 3.0))
    for i, run in enumerate(runs):
        ax = fig.add_subplot(1, len(runs), i + 1)
        for key, color, style, label in [("batch_norm", BLUE, "-", text[1]),
                                         ("plain", GREY, "--", text[2])]:
            acc = run[key]["train_acc"]
            ax.plot(np.arange(len(acc)), acc, style, color=color, label=label)
        if "diverged_at_step" in run["plain"]:  # NaN or inf after a few steps: nothing to draw
            ax.text(0.5, 0.8, text[5].format(n=run["plain"]["diverged_at_step"]),
                    transform=ax.transAxes, ha="center", fontsize=9, color=GREY)
        ax.set_title(text[0].format(s=run["weight_init_std"]), fontsize=11)
        ax.set_ylim(0, 1.0)
        ax.set_xlabel(text[3])
        if i == 0:
            ax.set_ylabel(text[4])
            ax.legend(loc="lower right", fontsize=9)
        else:
            ax.set_yticklabels([])
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def _train_test(lang, key):
    """Train and test accuracy per epoch of one of the regularization runs."""
    text = {"ko": ("훈련 데이터", "시험 데이터", "에폭", "정확도", "끝: 훈련 {a:.4f}, 시험 {b:.4f}"),
            "en": ("training data", "test data", "epoch", "accuracy",
                   "end: train {a:.4f}, test {b:.4f}")}[lang]
    run = _results()["regularization"]["runs"][key]
    fig = Figure(figsize=(6.4, 3.8))
    ax = fig.add_subplot()
    epochs = np.arange(len(run["train_acc"]))
    ax.plot(epochs, run["train_acc"], color=BLUE, label=text[0])
    ax.plot(epochs, run["test_acc"], "--", color=ORANGE, label=text[1])
    ax.set_ylim(0, 1.0)
    ax.set_xlabel(text[2])
    ax.set_ylabel(text[3])
    ax.set_title(text[4].format(a=run["train_acc"][-1], b=run["test_acc"][-1]), fontsize=11)
    ax.legend(loc="lower right", fontsize=9)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@register("ch06/overfitting")
def overfitting(lang):
    """Train and test accuracy of a 7-layer net trained on 300 images for 200 epochs.

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The training accuracy climbs to about 1 while the test accuracy stays far below it.

    Examples
    --------
    >>> from figures.ch06 import overfitting
    >>> [line.get_label() for line in overfitting("en").axes[0].lines]
    ['training data', 'test data']
    """
    return _train_test(lang, "plain")


@register("ch06/weight-decay")
def weight_decay(lang):
    """The overfitting run again with weight decay (lambda = 0.1).

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Train and test accuracy per epoch; the gap between them is smaller than without.

    Examples
    --------
    >>> from figures.ch06 import weight_decay
    >>> weight_decay("en").axes[0].get_xlabel()
    'epoch'
    """
    return _train_test(lang, "weight_decay")


@register("ch06/dropout")
def dropout(lang):
    """The overfitting run again with dropout (ratio 0.2).

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Train and test accuracy per epoch; the gap between them is smaller than without.

    Examples
    --------
    >>> from figures.ch06 import dropout
    >>> dropout("en").axes[0].get_ylabel()
    'accuracy'
    """
    return _train_test(lang, "dropout")


@register("ch06/random-search")
def random_search(lang):
    """The random search over learning rate and weight decay, scored on validation data.

    Read from ``results/ch06.json`` (written by ``tools/train_ch06.py``).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Left: every trial's learning rate and weight decay (log scales), coloured by its final
        validation accuracy. Right: the validation accuracy per epoch of the best five trials.

    Examples
    --------
    >>> from figures.ch06 import random_search
    >>> fig = random_search("en")  # axes: the scatter, its colour bar, the curves
    >>> fig.axes[0].get_xlabel(), fig.axes[-1].get_xlabel()
    ('learning rate (log scale)', 'epoch')
    """
    text = {"ko": ("학습률 (로그 눈금)", "가중치 감소 계수 $\\lambda$ (로그 눈금)",
                   "마지막 검증 정확도", "에폭", "검증 정확도", "시도마다의 결과",
                   "검증 정확도가 높은 5개"),
            "en": ("learning rate (log scale)", "weight decay $\\lambda$ (log scale)",
                   "final validation accuracy", "epoch", "validation accuracy",
                   "every trial", "the best five")}[lang]
    trials = _results()["random_search"]["trials"]
    lr = np.array([t["lr"] for t in trials])
    wd = np.array([t["weight_decay"] for t in trials])
    final = np.array([t["val_acc"][-1] for t in trials])
    fig = Figure(figsize=(10.0, 4.0))
    ax = fig.add_subplot(1, 2, 1)
    points = ax.scatter(np.log10(lr), np.log10(wd), c=final, cmap="viridis", vmin=0, vmax=1,
                        edgecolors="#333333", linewidths=0.5)
    fig.colorbar(points, ax=ax, label=text[2])
    ax.set_xticks(range(-6, -1))
    ax.set_xticklabels([f"$10^{{{k}}}$" for k in range(-6, -1)])
    ax.set_yticks(range(-8, -3))
    ax.set_yticklabels([f"$10^{{{k}}}$" for k in range(-8, -3)])
    ax.set_xlabel(text[0])
    ax.set_ylabel(text[1])
    ax.set_title(text[5], fontsize=11)
    ax2 = fig.add_subplot(1, 2, 2)
    colors = [BLUE, ORANGE, GREEN, RED, PURPLE]
    for rank, i in enumerate(np.argsort(-final, kind="stable")[:5]):
        acc = trials[i]["val_acc"]
        ax2.plot(np.arange(len(acc)), acc, color=colors[rank],
                 label=f"lr {lr[i]:.2e}, $\\lambda$ {wd[i]:.1e}: {final[i]:.2f}")
    ax2.set_ylim(0, 1.0)
    ax2.set_xlabel(text[3])
    ax2.set_ylabel(text[4])
    ax2.set_title(text[6], fontsize=11)
    ax2.legend(loc="upper left", fontsize=8)
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@register("ch06/dropout-network")
def dropout_network(lang, ratio=0.5, seed=1):
    """Dropout in a small network: some hidden neurons erased while training, all used to test.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.
    ratio : float, default 0.5
        The dropout ratio, as in the book's figure.
    seed : int, default 1
        Seed of the generator that draws which neurons are erased.

    Returns
    -------
    matplotlib.figure.Figure
        Left: a 3-5-5-2 network while training; the hidden neurons that
        `nn_text.dropout.Dropout` erases are crossed out and send nothing. Right: the same
        network at test time, every neuron used, each hidden output multiplied by
        ``1 - ratio``.

    Examples
    --------
    >>> from figures.ch06 import dropout_network
    >>> [ax.get_title() for ax in dropout_network("en").axes]
    ['training: neurons erased at random', 'test: every neuron, outputs × 0.5']
    """
    titles = {"ko": ("학습: 뉴런을 무작위로 지움", f"시험: 모든 뉴런, 출력 × {1 - ratio:g}"),
              "en": ("training: neurons erased at random",
                     f"test: every neuron, outputs × {1 - ratio:g}")}[lang]
    sizes = [3, 5, 5, 2]
    keep = Dropout(ratio, rng=np.random.default_rng(seed)).forward(np.ones((2, 5))) > 0  # (2, 5)
    fig = Figure(figsize=(9.0, 3.8))
    for panel in range(2):
        ax = fig.add_subplot(1, 2, panel + 1)
        ax.set_xlim(-0.5, 6.5)
        ax.set_ylim(-0.6, 4.6)
        ax.set_aspect("equal")
        ax.axis("off")
        points = [[(2.0 * i, 2.0 + (n - 1) / 2 - j) for j in range(n)]
                  for i, n in enumerate(sizes)]
        alive = [[True] * n for n in sizes]
        if panel == 0:
            alive[1], alive[2] = list(keep[0]), list(keep[1])
        for i in range(len(sizes) - 1):
            for a, p in enumerate(points[i]):
                for b, q in enumerate(points[i + 1]):
                    if alive[i][a] and alive[i + 1][b]:
                        ax.plot([p[0], q[0]], [p[1], q[1]], color="#999999", linewidth=0.7,
                                zorder=1)
        for i, layer in enumerate(points):
            for a, (x, y) in enumerate(layer):
                hidden = 0 < i < len(sizes) - 1
                face = "white" if alive[i][a] else "#dddddd"
                ax.add_patch(Circle((x, y), 0.3, facecolor=face, edgecolor="#333333",
                                    linewidth=1.2, zorder=2))
                if not alive[i][a]:
                    ax.plot([x - 0.22, x + 0.22], [y - 0.22, y + 0.22], color=RED, linewidth=2,
                            zorder=3)
                    ax.plot([x - 0.22, x + 0.22], [y + 0.22, y - 0.22], color=RED, linewidth=2,
                            zorder=3)
                elif panel == 1 and hidden:
                    ax.text(x, y, f"×{1 - ratio:g}", ha="center", va="center", fontsize=8,
                            zorder=3)
        ax.set_title(titles[panel], fontsize=11)
    fig.tight_layout()
    return fig
