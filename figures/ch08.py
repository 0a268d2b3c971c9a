"""Figures of chapter 8: DeepConvNet's layers, the receptive field of stacked 3x3 filters,
augmented MNIST digits, DeepConvNet's training and the test images it gets wrong, the ImageNet error history, VGG, an inception module, a residual block,
detection against segmentation on a toy image, and the loop of a Deep Q-Network."""

import json

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Rectangle
from matplotlib.ticker import MaxNLocator

from figures import RESULTS_DIR, register
from figures._draw import blank, moving_mean
from figures.ch07 import BLUE, GREEN, GREY, LIGHT, ORANGE, RED, _cuboid
from nn_text.mnist import load_mnist

__all__ = ["deep_conv_net", "receptive_field", "augment", "augmentation", "deep_training", "misclassified", "imagenet_errors",
           "vgg", "inception", "residual_block", "detection_segmentation", "dqn_loop",
           "ILSVRC_TOP5"]

PURPLE = "#e4d7f0"
# Winners' top-5 error (%) of the ILSVRC classification task, from Russakovsky et al., "ImageNet
# Large Scale Visual Recognition Challenge" (2015), table 8 and section 6; 2015 from He et al.
# (2016). AlexNet's 15.3% used extra training data (16.4% without). VGG was second in 2014.
ILSVRC_TOP5 = [("2010", "NEC-UIUC", 28.2), ("2011", "XRCE", 25.8), ("2012", "AlexNet", 15.3),
               ("2013", "Clarifai", 11.7), ("2014", "VGG", 7.3), ("2014", "GoogLeNet", 6.7),
               ("2015", "ResNet", 3.57)]
HUMAN_TOP5 = 5.1  # one trained annotator, Russakovsky et al. (2015), section 6.4


def _arrow(ax, start, end, color="#333333", width=1.2, style="-|>", **kw):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style, mutation_scale=12, color=color,
                                 linewidth=width, shrinkA=0, shrinkB=0, **kw))


def _box(ax, x, y, w, h, text, color, fontsize=10.5, rotation=0):
    """A rounded box with its lower-left corner at ``(x, y)`` and ``text`` in the middle."""
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.08",
                                facecolor=color, edgecolor="#333333", linewidth=1.1))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=fontsize,
            rotation=rotation)


# DeepConvNet's data, layer by layer: (kind, channels, size); size 0 for a vector.
DEEP_SHAPES = [("input", 1, 28), ("conv", 16, 28), ("conv", 16, 28), ("pool", 16, 14),
               ("conv", 32, 14), ("conv", 32, 16), ("pool", 32, 8), ("conv", 64, 8),
               ("conv", 64, 8), ("pool", 64, 4), ("affine", 50, 0), ("affine", 10, 0)]


@register("ch08/deep-conv-net")
def deep_conv_net(lang):
    """DeepConvNet's data as blocks, from the 1x28x28 image to the 10 scores.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        One block per layer's output, drawn to scale (side ~ size, depth ~ log of channels),
        labelled with its shape; the layer that makes it above (conv 3x3 with its padding, ReLU,
        max pooling 2x2, Affine with ReLU or dropout).

    Examples
    --------
    >>> from figures.ch08 import deep_conv_net
    >>> texts = [t.get_text() for t in deep_conv_net("en").axes[0].texts]
    >>> "64×4×4" in texts, "1×28×28" in texts, texts.count("conv 3×3\\npad 1\\nReLU")
    (True, True, 5)
    """
    ko = lang == "ko"
    notes = {"conv": ("합성곱 3×3\n패딩 {}\nReLU" if ko else "conv 3×3\npad {}\nReLU"),
             "pool": "최대 풀링\n2×2" if ko else "max pool\n2×2",
             "input": "입력" if ko else "input"}
    fig = Figure(figsize=(12.0, 3.9))
    ax = fig.add_subplot()
    x, pads = 0.0, iter([1, 1, 1, 2, 1, 1])
    for k, (kind, channels, size) in enumerate(DEEP_SHAPES):
        if size:
            side = 0.25 + 0.23 * np.sqrt(size)
            depth = 0.2 * np.log2(channels) + 0.12
            color = {"input": LIGHT[BLUE], "conv": LIGHT[ORANGE], "pool": PURPLE}[kind]
            _cuboid(ax, x, -side / 2, side, side, depth, color)
            width = side + 0.6 * depth
            label = f"{channels}×{size}×{size}"
        else:
            height = 0.28 * np.log2(channels) + 0.3
            ax.add_patch(Rectangle((x, -height / 2), 0.3, height, facecolor=LIGHT[GREEN],
                                   edgecolor="#333333", linewidth=1.0))
            width, label = 0.3, f"{channels}"
        note = notes[kind].format(next(pads)) if kind == "conv" else notes.get(kind, "")
        if kind == "affine":
            note = ("Affine\nReLU\n" + ("드롭아웃" if ko else "dropout") if channels == 50
                    else "Affine\n" + ("드롭아웃\n소프트맥스" if ko else "dropout\nsoftmax"))
        ax.text(x + width / 2, -1.45, label, ha="center", va="top", fontsize=9.5)
        ax.text(x + width / 2, 1.5, note, ha="center", va="bottom", fontsize=8.5,
                color=GREY if kind != "input" else "black", linespacing=1.3)
        if k < len(DEEP_SHAPES) - 1:
            gap = 0.6 if size else 0.9
            _arrow(ax, (x + width + 0.05, 0), (x + width + gap - 0.05, 0), width=0.9)
            x += width + gap
    blank(ax, (-0.3, x + width + 0.3), (-2.0, 3.2))
    fig.tight_layout()
    return fig


def _cells(ax, x0, y0, n, size, lit=(), color=LIGHT[ORANGE], lit_color=ORANGE):
    """An ``n`` x ``n`` grid of cells of ``size`` with its lower-left corner at ``(x0, y0)``."""
    for i in range(n):
        for j in range(n):
            face = lit_color if (i, j) in lit else color
            ax.add_patch(Rectangle((x0 + j * size, y0 + (n - 1 - i) * size), size, size,
                                   facecolor=face, edgecolor="#333333", linewidth=0.8))


@register("ch08/receptive-field")
def receptive_field(lang):
    """Two stacked 3x3 convolutions see a 5x5 patch of the input, as one 5x5 convolution does.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Left: a 5x5 input, a 3x3 filter gives a 3x3 map, another 3x3 filter gives one value.
        Right: one 5x5 filter gives one value from the same 5x5 input. Below each, the weights
        per channel pair: 2 x 9 = 18 against 25.

    Examples
    --------
    >>> from figures.ch08 import receptive_field
    >>> [ax.get_title() for ax in receptive_field("en").axes]
    ['two 3×3 convolutions', 'one 5×5 convolution']
    """
    ko = lang == "ko"
    titles = ("3×3 합성곱 두 번", "5×5 합성곱 한 번") if ko else ("two 3×3 convolutions",
                                                         "one 5×5 convolution")
    weights = ("가중치 3×3 + 3×3 = 18개", "가중치 5×5 = 25개") if ko else (
        "weights 3×3 + 3×3 = 18", "weights 5×5 = 25")
    names = ("입력", "특징 맵", "출력") if ko else ("input", "feature map", "output")
    fig = Figure(figsize=(10.0, 3.9))
    cell = 0.5
    all_cells = [(i, j) for i in range(5) for j in range(5)]
    ax = fig.add_subplot(1, 2, 1)
    blank(ax, (-0.4, 7.4), (-1.3, 3.0))
    _cells(ax, 0, 0, 5, cell, lit=all_cells, lit_color=LIGHT[BLUE])
    _cells(ax, 3.4, 0.5, 3, cell, lit=[(i, j) for i in range(3) for j in range(3)])
    _cells(ax, 6.2, 1.0, 1, cell, lit=[(0, 0)], lit_color=RED)
    # the corner window of the first convolution, and where it lands
    ax.add_patch(Rectangle((0, 1.0), 1.5, 1.5, fill=False, edgecolor=RED, linewidth=2.2))
    _arrow(ax, (1.5, 2.3), (3.4, 1.75), color=RED, style="-|>", width=1.0)
    ax.add_patch(Rectangle((3.4, 1.5), cell, cell, fill=False, edgecolor=RED, linewidth=2.2))
    _arrow(ax, (4.9, 1.25), (6.2, 1.25), width=1.0)
    for x, text in [(1.25, names[0]), (4.15, names[1]), (6.45, names[2])]:
        ax.text(x, -0.25, text, ha="center", va="top", fontsize=10)
    ax.text(3.5, -0.9, weights[0], ha="center", va="top", fontsize=10.5)
    ax.set_title(titles[0], fontsize=11)
    ax = fig.add_subplot(1, 2, 2)
    blank(ax, (-0.4, 7.4), (-1.3, 3.0))
    _cells(ax, 0, 0, 5, cell, lit=all_cells, lit_color=LIGHT[BLUE])
    _cells(ax, 6.2, 1.0, 1, cell, lit=[(0, 0)], lit_color=RED)
    _arrow(ax, (2.6, 1.25), (6.2, 1.25), width=1.0)
    for x, text in [(1.25, names[0]), (6.45, names[2])]:
        ax.text(x, -0.25, text, ha="center", va="top", fontsize=10)
    ax.text(3.5, -0.9, weights[1], ha="center", va="top", fontsize=10.5)
    ax.set_title(titles[1], fontsize=11)
    fig.tight_layout()
    return fig


def augment(image, angle=0.0, scale=1.0, shift=(0.0, 0.0)):
    """Rotate, zoom and shift one grey image about its centre, with bilinear interpolation.

    Parameters
    ----------
    image : ndarray of float, shape (H, W)
    angle : float, default 0.0
        Degrees, counter-clockwise.
    scale : float, default 1.0
        Above 1 zooms in (the digit gets larger).
    shift : tuple of float, default (0.0, 0.0)
        Pixels down and right.

    Returns
    -------
    ndarray of float, shape (H, W)
        Pixels that come from outside the image are 0 (the background).

    Examples
    --------
    >>> import numpy as np
    >>> from figures.ch08 import augment
    >>> image = np.zeros((5, 5)); image[1, 2] = 1.0
    >>> print(augment(image, shift=(1, 0))[2, 2], augment(image, angle=90)[2, 1])
    1.0 1.0
    """
    H, W = image.shape
    cy, cx = (H - 1) / 2, (W - 1) / 2
    rows, cols = np.mgrid[0:H, 0:W].astype(float)
    # each output pixel reads the place the inverse transform sends it to
    y, x = rows - cy - shift[0], cols - cx - shift[1]
    a = np.deg2rad(angle)
    src_x = (np.cos(a) * x - np.sin(a) * y) / scale + cx
    src_y = (np.sin(a) * x + np.cos(a) * y) / scale + cy
    # a border of zeros: places outside the image read the background
    padded = np.pad(image, 1)
    src_y = np.clip(src_y + 1, 0, H)  # + 1: the border shifts every index
    src_x = np.clip(src_x + 1, 0, W)
    y0, x0 = np.floor(src_y).astype(int), np.floor(src_x).astype(int)
    y1, x1 = np.minimum(y0 + 1, H + 1), np.minimum(x0 + 1, W + 1)
    fy, fx = src_y - y0, src_x - x0  # weights of the lower and right pixels
    top = (1 - fx) * padded[y0, x0] + fx * padded[y0, x1]
    bottom = (1 - fx) * padded[y1, x0] + fx * padded[y1, x1]
    return (1 - fy) * top + fy * bottom


# (column title ko, en, keyword arguments of augment)
AUGMENTATIONS = [("원본", "original", {}),
                 ("이동 (아래로 3)", "shift (down 3)", {"shift": (3, 0)}),
                 ("이동 (왼쪽으로 3)", "shift (left 3)", {"shift": (0, -3)}),
                 ("회전 (+15°)", "rotate (+15°)", {"angle": 15}),
                 ("회전 (−15°)", "rotate (−15°)", {"angle": -15}),
                 ("확대 (1.2배)", "zoom in (1.2×)", {"scale": 1.2}),
                 ("축소 (0.8배)", "zoom out (0.8×)", {"scale": 0.8})]


@register("ch08/augmentation")
def augmentation(lang, count=4):
    """The first MNIST training digits, each shifted, rotated and zoomed by `augment`.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the column titles.
    count : int, default 4
        How many digits (rows).

    Returns
    -------
    matplotlib.figure.Figure
        A grid: one row per digit, one column per transformation, the original first.

    Examples
    --------
    >>> from figures.ch08 import augmentation
    >>> fig = augmentation("en", count=2)
    >>> len(fig.axes), fig.axes[1].get_title()
    (14, 'shift (down 3)')
    """
    (x_train, _), _ = load_mnist(normalize=True, flatten=False)
    fig = Figure(figsize=(1.45 * len(AUGMENTATIONS), 1.5 * count + 0.3))
    for i in range(count):
        image = x_train[i, 0]
        for j, (ko, en, kwargs) in enumerate(AUGMENTATIONS):
            ax = fig.add_subplot(count, len(AUGMENTATIONS), i * len(AUGMENTATIONS) + j + 1)
            ax.imshow(augment(image, **kwargs), cmap="gray_r", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_visible(True)
                spine.set_color("#999999")
            if i == 0:
                ax.set_title(ko if lang == "ko" else en, fontsize=9.5)
    fig.tight_layout()
    return fig


@register("ch08/deep-training")
def deep_training(lang):
    """DeepConvNet's training run: the loss over the steps, and the error rate after each epoch.

    Read from ``results/deep_conv_net.json`` (written by ``tools/train_deep_conv_net.py``). A
    dotted line marks where the learning rate drops to a tenth; the error rate is drawn against
    that of the book's shipped weights (1 - 0.9935).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from figures.ch08 import deep_training
    >>> [ax.get_title() for ax in deep_training("en").axes]
    ['loss (mean of 100 steps)', 'error rate after each epoch']
    """
    text = {"ko": ("갱신 횟수", "손실", "손실 함수의 값 (100번 평균)", "에폭", "오류율 (%)",
                   "에폭마다 잰 오류율", "훈련 데이터 (앞 10,000장)", "시험 데이터",
                   "책의 가중치 (시험)", "학습률 ÷10"),
            "en": ("step", "loss", "loss (mean of 100 steps)", "epoch", "error rate (%)",
                   "error rate after each epoch", "training data (first 10,000)", "test data",
                   "the book's weights (test)", "learning rate ÷10")}[lang]
    run = json.loads((RESULTS_DIR / "deep_conv_net.json").read_text(encoding="utf-8"))
    settings = run["settings"]
    loss = np.array(run["loss"])
    window = 100
    mean = moving_mean(loss, window)
    steps_per_epoch = len(loss) // len(run["test_acc"])
    decay = settings.get("decay_after_epoch")
    fig = Figure(figsize=(10.0, 3.8))
    ax = fig.add_subplot(1, 2, 1)
    ax.plot(np.arange(window, len(loss) + 1), mean, color=BLUE, linewidth=1.2)
    ax.set_xlabel(text[0])
    ax.set_ylabel(text[1])
    ax.set_title(text[2], fontsize=11)
    ax.grid(alpha=0.3)
    ax2 = fig.add_subplot(1, 2, 2)
    epochs = np.arange(1, len(run["test_acc"]) + 1)
    ax2.plot(epochs, 100 * (1 - np.array(run["train_acc"])), "o-", color=BLUE, markersize=3.5,
             label=text[6])
    ax2.plot(epochs, 100 * (1 - np.array(run["test_acc"])), "s--", color=ORANGE,
             markersize=3.5, label=text[7])
    ax2.axhline(100 * (1 - 0.9935), color=GREY, linewidth=1, label=text[8])
    ax2.set_ylim(0, 2.0)
    ax2.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax2.set_xlabel(text[3])
    ax2.set_ylabel(text[4])
    ax2.set_title(text[5], fontsize=11)
    ax2.grid(alpha=0.3)
    if decay and decay < len(epochs):
        for a, x in ((ax, decay * steps_per_epoch), (ax2, decay + 0.5)):
            a.axvline(x, color=RED, linestyle=":", linewidth=1.2)
        ax.text(decay * steps_per_epoch, ax.get_ylim()[1], " " + text[9], color=RED,
                fontsize=9, va="top")
    ax2.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


@register("ch08/misclassified")
def misclassified(lang, columns=8):
    """Every test image that the shipped DeepConvNet gets wrong, with its label and our guess.

    Read from ``results/deep_conv_net.json`` (written by ``tools/train_deep_conv_net.py``,
    which also saved the weights that made these predictions).

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the captions.
    columns : int, default 8
        Images per row.

    Returns
    -------
    matplotlib.figure.Figure
        One small image per mistake, in test-set order, captioned with the true label and
        the network's prediction.

    Examples
    --------
    >>> from figures.ch08 import misclassified
    >>> fig = misclassified("en")
    >>> fig.axes[0].get_title().startswith("true ")
    True
    """
    run = json.loads((RESULTS_DIR / "deep_conv_net.json").read_text(encoding="utf-8"))
    wrong, guess = run["misclassified"], run["predicted"]
    _, (x_test, t_test) = load_mnist(normalize=True, flatten=False)
    rows = -(-len(wrong) // columns)
    fig = Figure(figsize=(1.2 * columns, 1.3 * rows + 0.1))
    for k, (i, y) in enumerate(zip(wrong, guess)):
        ax = fig.add_subplot(rows, columns, k + 1)
        ax.imshow(x_test[i, 0], cmap="gray_r", vmin=0, vmax=1)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color("#999999")
        caption = (f"정답 {t_test[i]}, 예측 {y}" if lang == "ko"
                   else f"true {t_test[i]}, predicted {y}")
        ax.set_title(caption, fontsize=9, pad=3)
    fig.tight_layout(pad=0.3, h_pad=0.4, w_pad=0.2)
    return fig


@register("ch08/imagenet-errors")
def imagenet_errors(lang):
    """The winners' top-5 error of the ILSVRC classification task, 2010 to 2015.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Bars of `ILSVRC_TOP5` (VGG, second in 2014, beside the winner GoogLeNet), the deep CNNs
        in orange, and a line at the human error `HUMAN_TOP5`.

    Examples
    --------
    >>> from figures.ch08 import imagenet_errors
    >>> ax = imagenet_errors("en").axes[0]
    >>> len(ax.patches), ax.get_ylabel()
    (7, 'top-5 error (%)')
    """
    ko = lang == "ko"
    fig = Figure(figsize=(8.0, 4.2))
    ax = fig.add_subplot()
    xs = np.arange(len(ILSVRC_TOP5))
    colors = [LIGHT[BLUE] if int(year) < 2012 else ORANGE for year, _, _ in ILSVRC_TOP5]
    ax.bar(xs, [e for _, _, e in ILSVRC_TOP5], color=colors, edgecolor="#333333", width=0.65)
    for x, (year, name, error) in zip(xs, ILSVRC_TOP5):
        ax.text(x, error + 0.6, f"{error:g}", ha="center", va="bottom", fontsize=10)
    second = " (2위)" if ko else " (2nd)"
    ax.set_xticks(xs, [f"{year}\n{name}" + (second if name == "VGG" else "")
                       for year, name, _ in ILSVRC_TOP5], fontsize=9.5)
    ax.axhline(HUMAN_TOP5, color=RED, linestyle="--", linewidth=1.2)
    ax.text(-0.4, HUMAN_TOP5 + 0.5, ("사람 약 5.1" if ko else "human, about 5.1"),
            ha="left", va="bottom", fontsize=10, color=RED)
    ax.set_ylabel("top-5 오류율 (%)" if ko else "top-5 error (%)")
    ax.set_ylim(0, 32)
    ax.set_title("ILSVRC 분류 부문의 top-5 오류율" if ko
                 else "Top-5 error in the ILSVRC classification task", fontsize=11)
    fig.tight_layout()
    return fig


# VGG16's layers from input to output, as the book's figure 8-9 draws them.
VGG16 = (["conv 3×3, 64"] * 2 + ["pool"] + ["conv 3×3, 128"] * 2 + ["pool"]
         + ["conv 3×3, 256"] * 3 + ["pool"] + ["conv 3×3, 512"] * 3 + ["pool"]
         + ["conv 3×3, 512"] * 3 + ["pool"] + ["FC 4096", "FC 4096", "FC 1000"])


@register("ch08/vgg")
def vgg(lang):
    """VGG16: thirteen 3x3 convolutions in five groups, each closed by pooling, then three FC.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        A row of upright boxes: convolutions orange, pooling purple, fully connected green, with
        the size of the feature maps (224 down to 7) under each group.

    Examples
    --------
    >>> from figures.ch08 import vgg
    >>> texts = [t.get_text() for t in vgg("en").axes[0].texts]
    >>> sum(t.startswith("conv") for t in texts), texts.count("pool")
    (13, 5)
    """
    ko = lang == "ko"
    fig = Figure(figsize=(12.0, 3.6))
    ax = fig.add_subplot()
    x, width, gap, sizes = 0.0, 0.62, 0.22, iter([224, 112, 56, 28, 14])
    group_start = 0.0
    for name in VGG16:
        color = (LIGHT[ORANGE] if name.startswith("conv") else
                 PURPLE if name == "pool" else LIGHT[GREEN])
        _box(ax, x, -1.5, width, 3.0, name, color, fontsize=8.5, rotation=90)
        if name == "pool":
            size = next(sizes)
            ax.plot([group_start, x + width], [-1.7, -1.7], color=GREY, linewidth=1.0)
            ax.text((group_start + x + width) / 2, -1.85, f"{size}×{size}", ha="center",
                    va="top", fontsize=9, color=GREY)
            group_start = x + width + gap
        x += width + gap
    blank(ax, (-0.3, x + 0.1), (-2.3, 2.1))
    ax.set_title("VGG16: 합성곱 계층 13개 + 완전연결 계층 3개 (아래는 합성곱 계층의 출력 크기)" if ko
                 else "VGG16: 13 convolution layers + 3 fully connected layers "
                      "(below: the feature maps' size)", fontsize=11)
    fig.tight_layout()
    return fig


@register("ch08/inception")
def inception(lang):
    """An inception module of GoogLeNet: four branches side by side, joined along the channels.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The previous layer at the bottom; a 1x1 convolution, a 1x1 then 3x3, a 1x1 then 5x5, and
        a 3x3 max pooling then 1x1; their outputs concatenated at the top. The 1x1
        convolutions that reduce channels are green.

    Examples
    --------
    >>> from figures.ch08 import inception
    >>> texts = [t.get_text() for t in inception("en").axes[0].texts]
    >>> texts.count("1×1 conv"), "3×3 max pool" in texts
    (4, True)
    """
    ko = lang == "ko"
    conv = "합성곱" if ko else "conv"
    prev = "이전 계층" if ko else "previous layer"
    concat = "채널 방향으로 이어 붙이기" if ko else "concatenate along the channels"
    fig = Figure(figsize=(8.5, 4.8))
    ax = fig.add_subplot()
    blank(ax, (-0.2, 10.2), (-0.2, 6.2))
    w, h = 2.0, 0.75
    _box(ax, 3.5, 0.0, 3.0, h, prev, LIGHT[BLUE])
    _box(ax, 0.2, 5.2, 9.5, h, concat, LIGHT[BLUE])
    xs = [0.2, 2.7, 5.2, 7.7]
    tops = {0: [f"1×1 {conv}"], 1: [f"1×1 {conv}", f"3×3 {conv}"],
            2: [f"1×1 {conv}", f"5×5 {conv}"],
            3: ["3×3 최대 풀링" if ko else "3×3 max pool", f"1×1 {conv}"]}
    for k, x in enumerate(xs):
        boxes = tops[k]
        ys = [1.55, 3.3]
        if len(boxes) == 1:
            ys = [1.55]
        for i, (text, y) in enumerate(zip(boxes, ys)):
            reduce = text.startswith("1×1") and (k == 0 or i == 0 or k == 3)
            color = LIGHT[GREEN] if reduce else (PURPLE if "pool" in text or "풀링" in text
                                                 else LIGHT[ORANGE])
            _box(ax, x, y, w, h, text, color)
            if i == 0:
                _arrow(ax, (5.0, h), (x + w / 2, y), width=1.0)
            if i == 1:
                _arrow(ax, (x + w / 2, ys[0] + h), (x + w / 2, y), width=1.0)
        _arrow(ax, (x + w / 2, ys[-1] + h), (x + w / 2, 5.2), width=1.0)
    fig.tight_layout()
    return fig


@register("ch08/residual-block")
def residual_block(lang):
    """A residual block: two weight layers compute F(x), and the shortcut adds x back.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        Left to right: x, weight layer, ReLU, weight layer, the + node, ReLU; the shortcut
        (identity) from x to the + node arches above. Below, in red, the backward pass: the +
        node sends the gradient it receives to both of its inputs unchanged.

    Examples
    --------
    >>> from figures.ch08 import residual_block
    >>> texts = [t.get_text() for t in residual_block("en").axes[0].texts]
    >>> "+" in texts, "$F(x) + x$" in texts
    (True, True)
    """
    ko = lang == "ko"
    layer = "가중치 층" if ko else "weight layer"
    fig = Figure(figsize=(10.0, 3.9))
    ax = fig.add_subplot()
    blank(ax, (-0.6, 13.2), (-1.6, 2.0))
    ax.text(0.0, 0.0, "$x$", ha="center", va="center", fontsize=15)
    boxes = [(1.0, layer, LIGHT[ORANGE]), (3.6, "ReLU", LIGHT[BLUE]), (5.6, layer, LIGHT[ORANGE])]
    _arrow(ax, (0.3, 0.0), (1.0, 0.0))
    for k, (x, text, color) in enumerate(boxes):
        w = 1.9 if text == layer else 1.3
        _box(ax, x, -0.4, w, 0.8, text, color)
        nxt = boxes[k + 1][0] if k + 1 < len(boxes) else 8.5 - 0.3
        _arrow(ax, (x + w, 0.0), (nxt, 0.0))
    ax.text(8.0, 0.28, "$F(x)$", ha="center", va="bottom", fontsize=12)
    ax.add_patch(Circle((8.5, 0.0), 0.3, facecolor="white", edgecolor="#333333", linewidth=1.4))
    ax.text(8.5, 0.0, "+", ha="center", va="center", fontsize=16)
    # y = F(x) + x is the sum; the ReLU after it is not part of y (as in the book's figure)
    _arrow(ax, (8.8, 0.0), (10.4, 0.0))
    ax.text(9.6, 0.28, "$F(x) + x$", ha="center", va="bottom", fontsize=12)
    _box(ax, 10.4, -0.4, 1.3, 0.8, "ReLU", LIGHT[BLUE])
    _arrow(ax, (11.7, 0.0), (12.5, 0.0))
    # the shortcut: from x up, over the layers, down into the + node
    ax.plot([0.0, 0.0, 8.5], [0.3, 1.3, 1.3], color=GREEN, linewidth=1.8)
    _arrow(ax, (8.5, 1.3), (8.5, 0.3), color=GREEN, width=1.8)
    ax.text(4.25, 1.42, ("지름길 (항등 사상): $x$를 그대로 더함" if ko
                         else "shortcut (identity): $x$ is added as it is"),
            ha="center", va="bottom", fontsize=11, color=GREEN)
    # backward through the + node
    ax.text(5.0, -1.0, ("역전파: + 노드는 받은 기울기를 두 입력에 그대로 보내므로, 기울기가 지름길로 $x$까지 곧장 닿음"
                        if ko else "backward: the + node passes the gradient it receives to both "
                                   "inputs unchanged, so it reaches $x$ by the shortcut directly"),
            ha="center", va="top", fontsize=10.5, color=RED)
    fig.tight_layout()
    return fig


def _toy_scene():
    """Three MNIST test digits placed on a 56x84 canvas, and which digit owns each pixel."""
    _, (x_test, t_test) = load_mnist(normalize=True, flatten=False)
    canvas = np.zeros((56, 84))
    owner = np.full((56, 84), -1)  # index of the digit a pixel belongs to, -1 for background
    places = [(2, 2), (26, 30), (6, 54)]  # top-left corners
    for k, (r, c) in enumerate(places):
        digit = x_test[k, 0]
        ink = digit > 0.3  # pixels of the stroke, not the faint anti-aliased edge
        canvas[r:r + 28, c:c + 28] = np.maximum(canvas[r:r + 28, c:c + 28], digit)
        owner[r:r + 28, c:c + 28][ink] = k
    return canvas, owner, t_test[:len(places)]


@register("ch08/detection-segmentation")
def detection_segmentation(lang):
    """Classification, detection and segmentation of one toy image of three MNIST digits.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the titles.

    Returns
    -------
    matplotlib.figure.Figure
        Left: the image and the one answer of a classifier. Middle: a box around each digit
        with its class (detection). Right: every pixel coloured by the class of its digit
        (segmentation). Boxes and masks are computed from the pixels with NumPy.

    Examples
    --------
    >>> from figures.ch08 import detection_segmentation
    >>> axes = detection_segmentation("en").axes
    >>> [ax.get_title() for ax in axes]
    ['classification: one label', 'detection: boxes and classes', 'segmentation: a class per pixel']
    >>> len(axes[1].patches)
    3
    """
    ko = lang == "ko"
    titles = (("분류: 이미지 전체에 레이블 하나", "검출: 물체마다 상자와 클래스",
               "분할: 픽셀마다 클래스") if ko else
              ("classification: one label", "detection: boxes and classes",
               "segmentation: a class per pixel"))
    canvas, owner, labels = _toy_scene()
    palette = np.array([(0.12, 0.47, 0.71), (1.0, 0.5, 0.05), (0.17, 0.63, 0.17)])
    fig = Figure(figsize=(11.0, 3.1))
    axes = [fig.add_subplot(1, 3, k + 1) for k in range(3)]
    for ax, title in zip(axes, titles):
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color("#999999")
        ax.set_title(title, fontsize=10.5)
    axes[0].imshow(canvas, cmap="gray_r", vmin=0, vmax=1)
    axes[0].text(42, 53, (f"\"{labels[0]}\"? (물체가 여럿)" if ko
                          else f"\"{labels[0]}\"? (several objects)"),
                 ha="center", va="bottom", fontsize=10, color=RED)
    axes[1].imshow(canvas, cmap="gray_r", vmin=0, vmax=1)
    for k, label in enumerate(labels):
        rows, cols = np.nonzero(owner == k)
        top, left = rows.min() - 0.5, cols.min() - 0.5
        color = palette[k]
        axes[1].add_patch(Rectangle((left, top), cols.max() - cols.min() + 1,
                                    rows.max() - rows.min() + 1, fill=False, edgecolor=color,
                                    linewidth=2.0))
        axes[1].text(left, top - 0.5, str(label), ha="left", va="bottom", fontsize=10,
                     color="white", bbox={"facecolor": color, "edgecolor": "none", "pad": 1.5})
    rgb = np.ones((*canvas.shape, 3))
    for k in range(len(labels)):
        rgb[owner == k] = palette[k]
    axes[2].imshow(rgb)
    for k, label in enumerate(labels):
        rows, cols = np.nonzero(owner == k)
        axes[2].text(cols.mean(), rows.min() - 1, str(label), ha="center", va="bottom",
                     fontsize=10, color=palette[k])
    fig.tight_layout()
    return fig


@register("ch08/dqn-loop")
def dqn_loop(lang):
    """The loop of reinforcement learning with a Deep Q-Network.

    Parameters
    ----------
    lang : {"ko", "en"}
        Language of the labels.

    Returns
    -------
    matplotlib.figure.Figure
        The agent (a CNN that maps the screen to one value Q(s, a) per action) picks an action;
        the environment (the game) returns the next screen and a reward.

    Examples
    --------
    >>> from figures.ch08 import dqn_loop
    >>> texts = [t.get_text() for t in dqn_loop("en").axes[0].texts]
    >>> "environment (game)" in texts
    True
    """
    ko = lang == "ko"
    t = {"agent": "에이전트" if ko else "agent",
         "cnn": ("CNN\n화면 $\\rightarrow$ 행동마다 $Q(s, a)$" if ko else "CNN\nscreen $\\rightarrow$ $Q(s, a)$ per action"),
         "env": "환경 (게임)" if ko else "environment (game)",
         "action": ("행동 $a$\n($Q$가 가장 큰 것)" if ko else "action $a$\n(the largest $Q$)"),
         "state": ("상태 $s$ (화면의 픽셀)" if ko else "state $s$ (the screen's pixels)"),
         "reward": "보상 $r$ (점수 변화)" if ko else "reward $r$ (change of score)"}
    fig = Figure(figsize=(8.5, 3.9))
    ax = fig.add_subplot()
    blank(ax, (-0.2, 10.2), (-0.3, 4.6))
    ax.add_patch(FancyBboxPatch((0.2, 1.1), 3.6, 2.2, boxstyle="round,pad=0.05",
                                facecolor=LIGHT[ORANGE], edgecolor="#333333", linewidth=1.2))
    ax.text(2.0, 3.0, t["agent"], ha="center", va="center", fontsize=11)
    ax.text(2.0, 1.9, t["cnn"], ha="center", va="center", fontsize=10.5, linespacing=1.5)
    _box(ax, 6.4, 1.3, 3.4, 1.8, t["env"], LIGHT[BLUE], fontsize=11)
    ax.add_patch(FancyArrowPatch((3.9, 3.0), (6.4, 3.0), connectionstyle="arc3,rad=-0.35",
                                 arrowstyle="-|>", mutation_scale=14, color="#333333",
                                 linewidth=1.4))
    ax.text(5.15, 4.05, t["action"], ha="center", va="center", fontsize=10.5)
    ax.add_patch(FancyArrowPatch((6.4, 1.5), (3.9, 1.5), connectionstyle="arc3,rad=-0.35",
                                 arrowstyle="-|>", mutation_scale=14, color="#333333",
                                 linewidth=1.4))
    ax.text(5.15, 0.35, t["state"], ha="center", va="center", fontsize=10.5)
    ax.text(5.15, -0.1, t["reward"], ha="center", va="center", fontsize=10.5, color=RED)
    fig.tight_layout()
    return fig
