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

Every `<img>` of an SVG on a page gets the width and height the SVG declares (its viewBox when
it declares none), so the browser keeps the figure's room before it loads and nothing shifts.
An image that may be on a phone's first screen loads at once: it may be what the page paints
largest. So does a page's first image if it is small (at most 32 kB as served): measured with
Lighthouse, lazy loading made such pages paint later (ch06/weight-init, 24 kB: first paint
about 2.0 s instead of 1.5 s). Every other image loads lazily, when the reader scrolls near it,
so that it does not compete with the start of the page: ch04/training's first figure (104 kB)
loaded at once cost its Lighthouse LCP about 0.4 s, and ch06's notebook plot (110 kB) 0.5 s.
"""

import gzip
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from _common import ROOT, add_tree, inputs_digest, near_the_top, project_defaults

OUT = ROOT / ".cache" / "figures"
STAMP = OUT / ".inputs-sha256"  # what the files in OUT were drawn from
RENDER = "from figures import write_figures; import sys; write_figures(sys.argv[1])"


def on_pre_build(config):
    env = project_defaults(os.environ)  # notebooks executed later in the build see it too
    digest = inputs_digest(env)
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


SVG_IMG = re.compile(r'<img\b(?![^>]*\bwidth=)[^>]*\bsrc="([^"]+\.svg)"[^>]*?(?=\s*/?>)')
SVG_TAG = re.compile(r"<svg\b[^>]*>")
LENGTH = re.compile(r'\b(width|height)="([\d.]+)(px|pt)?"')
VIEWBOX = re.compile(r'\bviewBox="[\d.+-]+[\s,]+[\d.+-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"')
PX_PER = {"px": 1, None: 1, "pt": 4 / 3}  # CSS pixels per unit


def svg_size(path):
    """(width, height) in CSS pixels that an SVG file declares, from its root element."""
    with open(path, encoding="utf-8") as f:
        tag = SVG_TAG.search(f.read(4096))[0]
    sizes = {name: float(value) * PX_PER[unit] for name, value, unit in LENGTH.findall(tag)}
    if len(sizes) < 2:
        sizes = dict(zip(("width", "height"), map(float, VIEWBOX.search(tag).groups())))
    return round(sizes["width"]), round(sizes["height"])


IMG = re.compile(r"<img\b(?![^>]*\bloading=)")
SMALL = 32_000  # bytes as served (gzipped, as GitHub Pages serves SVG) of a small first image
SRC = re.compile(r'\bsrc="([^"]+)"')
DATA_PNG = "data:image/png;base64,"


def served_size(src, page, files):
    """Bytes the browser receives for an image: a notebook's PNG data, or a site file (SVG
    gzipped); None when it is neither."""
    if src.startswith(DATA_PNG):
        return len(src) * 3 // 4  # a PNG is compressed already
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page.url + "_"), src))
    file = files.get_file_from_path(path)
    if file is None or not os.path.isfile(file.abs_src_path):
        return None
    data = Path(file.abs_src_path).read_bytes()
    return len(gzip.compress(data, mtime=0)) if path.endswith(".svg") else len(data)


def on_page_content(html, page, config, files):
    def sized(match):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.url + "_"), match[1]))
        file = files.get_file_from_path(path)
        if file is None or not os.path.isfile(file.abs_src_path):
            return match[0]
        width, height = svg_size(file.abs_src_path)
        return f'{match[0]} width="{width}" height="{height}"'

    html = SVG_IMG.sub(sized, html)
    first = IMG.search(html)

    def at_once(match):
        if near_the_top(html, match.start()):
            return True
        src = SRC.search(html, match.start(), html.index(">", match.start()))
        size = served_size(src[1], page, files) if src else None
        return match.start() == first.start() and size is not None and size <= SMALL

    return IMG.sub(lambda m: m[0] if at_once(m) else '<img loading="lazy"', html)
