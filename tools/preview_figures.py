"""Render figures to PNG for a person to look at: python tools/preview_figures.py OUT_DIR [NAME ...].

With names (``ch08/misclassified``), only those; without, every figure.
"""

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
every = figure_names()  # also imports the chapter modules, which fill FIGURES
for name in sys.argv[2:] or every:
    for lang in LANGS:
        path = out / f"{name}-{lang}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        with mpl.rc_context(_style()):
            FIGURES[name](lang).savefig(path, dpi=80, bbox_inches="tight")
        print(path)
