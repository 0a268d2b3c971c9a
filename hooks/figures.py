"""Draw the book's figures from nn_text at build time and publish them under figures/.

The figures are rendered in a fresh interpreter each build (so `mkdocs serve` picks up edited
figure code) into .cache/figures, outside docs/, touching only files whose bytes changed.
"""

import os
import subprocess
import sys

from mkdocs.exceptions import PluginError

from _common import ROOT, add_tree

OUT = ROOT / ".cache" / "figures"
FONT = ROOT / ".cache" / "assets" / "fonts" / "NanumGothic.ttf"
RENDER = "from nn_text.figures import write_figures; import sys; write_figures(sys.argv[1])"


def on_pre_build(config):
    env = os.environ  # notebooks executed later in the build see the same settings
    if "NN_TEXT_KOREAN_FONT" not in env and FONT.is_file():
        env["NN_TEXT_KOREAN_FONT"] = str(FONT)
    env.setdefault("NN_TEXT_DATA", str(ROOT / ".cache" / "data"))  # MNIST from tools/dev.py
    done = subprocess.run([sys.executable, "-W", "error", "-c", RENDER, str(OUT)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
        raise PluginError(f"drawing the figures failed: {last[0]}\n{done.stderr}")


def on_files(files, config):
    add_tree(files, config, OUT, "figures", "**/*.svg")
    return files
