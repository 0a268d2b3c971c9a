"""Draw the book's figures from nn_text at build time and publish them under figures/.

The registry and the drawing code live in the repository's top-level `figures/` folder, not in
the installed package. The figures are rendered in a fresh interpreter started in the repository
root (so `mkdocs serve` picks up edited figure code, and `import figures` finds that folder)
into .cache/figures, outside docs/, touching only files whose bytes changed. Rendering all of
them takes tens of seconds, so it is skipped when nothing they are drawn from has changed: the
package's code, the figure code, the results they plot, the data, the font and matplotlib's
version. The other
language's build in the same run reuses what the first one drew. NN_TEXT_REDRAW_FIGURES=1
draws them all again regardless.
"""

import hashlib
import os
import subprocess
import sys

import matplotlib
from mkdocs.exceptions import PluginError

from _common import ROOT, add_tree, project_defaults

OUT = ROOT / ".cache" / "figures"
STAMP = OUT / ".inputs-sha256"  # what the files in OUT were drawn from
RENDER = "from figures import write_figures; import sys; write_figures(sys.argv[1])"


def _inputs_digest(env):
    h = hashlib.sha256(f"{matplotlib.__version__} {sys.version}".encode())
    sources = (sorted((ROOT / "nn_text").rglob("*.py")) + sorted((ROOT / "figures").rglob("*.py"))
               + sorted((ROOT / "results").glob("*")))
    for path in sources:
        h.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    for name in ("NN_TEXT_KOREAN_FONT", "NN_TEXT_DATA"):
        value = env.get(name, "")
        h.update(f"{name}={value}".encode())
        path = (ROOT / value) if value else None
        target = path / "mnist.npz" if path and path.is_dir() else path
        if target and target.is_file():
            stat = target.stat()
            h.update(f"{stat.st_size} {stat.st_mtime_ns}".encode())
    return h.hexdigest()


def on_pre_build(config):
    env = project_defaults(os.environ)  # notebooks executed later in the build see it too
    digest = _inputs_digest(env)
    redraw = env.get("NN_TEXT_REDRAW_FIGURES") == "1"
    if not redraw and STAMP.is_file() and STAMP.read_text() == digest:
        return
    STAMP.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-W", "error", "-c", RENDER, str(OUT)], env=env,
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
        raise PluginError(f"drawing the figures failed: {last[0]}\n{done.stderr}")
    STAMP.write_text(digest)


def on_files(files, config):
    add_tree(files, config, OUT, "figures", "**/*.svg")
    return files
