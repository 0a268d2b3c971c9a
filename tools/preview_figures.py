"""Render every figure to PNG for a person to look at: python tools/preview_figures.py OUT_DIR."""

import os
import sys
from pathlib import Path

import matplotlib as mpl

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
from dev import project_defaults  # noqa: E402  the font and MNIST that the set-up provisioned

project_defaults(os.environ)  # before nn_text reads them

sys.path.insert(0, str(TOOLS.parent))  # the figure registry is the top-level figures/ folder
from figures import FIGURES, LANGS, _style, figure_names  # noqa: E402

out = Path(sys.argv[1] if len(sys.argv) > 1 else ".cache/preview")
for name in figure_names():
    for lang in LANGS:
        path = out / f"{name}-{lang}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        with mpl.rc_context(_style()):
            FIGURES[name](lang).savefig(path, dpi=80, bbox_inches="tight")
        print(path)
