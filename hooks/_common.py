"""What the hooks share: the repository root and files registered from outside docs/."""

import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import matplotlib

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent


def _load_dev():
    """tools/dev.py, which knows where the set-up put the font and MNIST."""
    spec = importlib.util.spec_from_file_location("nn_text_dev", ROOT / "tools" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_dev = _load_dev()
project_defaults, one_blas_thread = _dev.project_defaults, _dev.one_blas_thread
SETUP_HINT = "run `python3 tools/dev.py setup` first"
# Material's script tag at the end of every page: hooks/search.py puts a script before it, then
# hooks/material_js.py replaces it with hooks/start_material.js.
MATERIAL_BUNDLE = re.compile(
    r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def inline_script(name):
    """A script from hooks/, to put inline in pages: without its comment lines (they stay in the
    file, for who reads it)."""
    text = (Path(__file__).parent / name).read_text("utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def add_file(files, config, path, uri):
    """Publish the file at ``path`` (outside docs/) at ``uri`` of the site."""
    file = File(uri, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    file.abs_src_path = str(path)  # the bytes come from outside docs/
    files.append(file)


def add_tree(files, config, src_dir, dest_prefix, pattern="**/*"):
    """Publish every file under ``src_dir`` matching ``pattern`` as ``dest_prefix/<relative>``.

    The site path is also the file's source path, so Markdown links such as
    ``../figures/ch02/gates-ko.svg`` resolve and are checked by `mkdocs build --strict`.
    """
    for path in sorted(Path(src_dir).glob(pattern)):
        if path.is_file():
            add_file(files, config, path, f"{dest_prefix}/{path.relative_to(src_dir).as_posix()}")


def inputs_digest(env):
    """What figures and notebooks are drawn from: the package's code, the figure code, the results
    they plot, the data and the font (by path, size and time), Python's and matplotlib's versions."""
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


TAG = re.compile(r"<[^>]*>")
# Characters of text before a place that may still be on a phone's first screen (412 x 823 CSS
# pixels: about 20 lines of Korean text, or 12 of English, below the title).
FIRST_SCREEN = 500


def near_the_top(html, position):
    """Whether `position` of a page's `html` (from the start of its content) may be on a phone's
    first screen."""
    return len(" ".join(TAG.sub(" ", html[:position]).split())) < FIRST_SCREEN
