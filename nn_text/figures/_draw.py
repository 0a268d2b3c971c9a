"""Network diagrams shared by the chapters' figures: neurons as circles, weights as arrows."""

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch

NODE_RADIUS = 0.32


def node(ax, xy, text, color="white", radius=NODE_RADIUS, fontsize=15):
    """A neuron: a circle at ``xy`` with ``text`` (math allowed) inside."""
    ax.add_patch(Circle(xy, radius, facecolor=color, edgecolor="#333333", linewidth=1.5, zorder=3))
    ax.text(*xy, text, ha="center", va="center", fontsize=fontsize, zorder=4)


def edge(ax, start, end, label=None, at=0.5, offset=(0.0, 0.18), color="#333333"):
    """An arrow between two node centres that stops at the circles; ``label`` sits at ``at``."""
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
    """An axes with equal scales and no frame, to draw a diagram on."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
