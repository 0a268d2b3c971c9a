"""The figure registry: every figure of the book, drawn from nn_text code at build time.

This folder is the site's machinery, not part of the installed package: it sits next to
``nn_text/`` in the repository, reads the long runs' results in ``results/``, and is imported by
the figures hook, ``tools/preview_figures.py`` and the tests, which run from the repository root.

A figure is a function ``draw(lang) -> matplotlib.figure.Figure`` registered under a name such as
``"ch02/gates"``. The site build calls `write_figures`, which renders each figure once per
language to ``<name>-<lang>.svg``. Rendering is deterministic: the same code gives the same bytes.
"""

import importlib
import io
import os
import tempfile
import warnings
from pathlib import Path

import matplotlib as mpl

from nn_text.fonts import FALLBACK_FAMILY, korean_font_family

__all__ = ["LANGS", "FIGURES", "register", "figure_names", "render_svg", "write_figures"]

LANGS = ("ko", "en")
FIGURES = {}  # name -> draw(lang) function, filled by the chapter modules below
EXPECTED_WARNINGS = {}  # name -> regexes of warnings a figure raises on purpose
CHAPTER_MODULES = ["figures.ch01", "figures.ch02", "figures.ch03", "figures.ch04",
                   "figures.ch05", "figures.ch06", "figures.ch07", "figures.ch08",
                   "figures.appendix"]
# Written by tools/train_*.py: the long runs some figures plot instead of training at build time.
RESULTS_DIR = Path(__file__).resolve().parent.parent / "results"
SVG_HASH_SALT = "nn_text"  # fixed, so SVG element ids do not change from run to run


def register(name, expected_warnings=()):
    """Decorator that adds a ``draw(lang)`` function to the registry under ``name``.

    Parameters
    ----------
    name : str
        ``"chNN/short-name"``; the figure is written to ``chNN/short-name-<lang>.svg``.
    expected_warnings : sequence of str, optional
        Regular expressions of warnings the figure raises on purpose (for example the
        missing-glyph warning of a figure that shows the Korean-font problem). Any other
        warning is left alone, so a test run with warnings as errors still fails on it.

    Returns
    -------
    callable
        The decorator; it returns the function unchanged.

    Raises
    ------
    ValueError
        If ``name`` is already registered.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from figures import FIGURES, register
    >>> @register("demo/empty")
    ... def empty(lang):
    ...     return Figure()
    >>> "demo/empty" in FIGURES
    True
    >>> del FIGURES["demo/empty"]
    """

    def add(draw):
        if name in FIGURES:
            raise ValueError(f"register: figure name {name!r} is already taken by {FIGURES[name]}")
        FIGURES[name] = draw
        EXPECTED_WARNINGS[name] = tuple(expected_warnings)
        return draw

    return add


def figure_names():
    """Return the names of every registered figure, loading the chapter modules first.

    Returns
    -------
    list of str
        Sorted figure names such as ``'ch02/gates'``.

    Examples
    --------
    >>> from figures import figure_names
    >>> "ch02/gates" in figure_names()
    True
    """
    for module in CHAPTER_MODULES:
        importlib.import_module(module)
    return sorted(FIGURES)


def _style(font_path=None):
    """rcParams every figure is drawn with; Korean font first, DejaVu Sans for what it lacks."""
    return {
        "font.family": [korean_font_family(font_path), FALLBACK_FAMILY],
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "path",  # glyphs as outlines: readers need no Korean font to see them
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    }


def render_svg(name, lang, font_path=None):
    """Draw one registered figure in one language and return its SVG bytes.

    Parameters
    ----------
    name : str
        A registered figure name, see `figure_names`.
    lang : {"ko", "en"}
        The language of the text in the figure.
    font_path : str or os.PathLike, optional
        A font file with Hangul; by default one is looked up as in
        `nn_text.fonts.korean_font_family`.

    Returns
    -------
    bytes
        The SVG document, identical for identical code, name and language.

    Raises
    ------
    KeyError
        If ``name`` is not registered; the message lists the registered names.
    ValueError
        If ``lang`` is not one of `LANGS`.
    RuntimeError
        If the figure's code raises; the message names the figure.

    Examples
    --------
    >>> from figures import render_svg
    >>> svg = render_svg("ch02/gates", "en")
    >>> svg.startswith(b"<?xml") and svg == render_svg("ch02/gates", "en")
    True
    """
    names = figure_names()
    if name not in FIGURES:
        raise KeyError(f"render_svg: no figure named {name!r}; registered: {', '.join(names)}")
    if lang not in LANGS:
        raise ValueError(f"render_svg expects lang in {LANGS}, got {lang!r}")
    with mpl.rc_context(_style(font_path)), warnings.catch_warnings():
        for pattern in EXPECTED_WARNINGS[name]:
            warnings.filterwarnings("ignore", message=pattern)
        try:
            fig = FIGURES[name](lang)
            buf = io.BytesIO()
            fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
        except Exception as exc:
            raise RuntimeError(f"figure {name!r} ({lang}) failed: {exc}") from exc
    return buf.getvalue()


def write_figures(out_dir, font_path=None, names=None):
    """Render every figure in every language into ``out_dir``, touching only changed files.

    Unchanged files keep their timestamps (so ``mkdocs serve`` does not rebuild in a loop), each
    file is replaced atomically, and SVG files of figures no longer registered are removed.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Directory to write ``<name>-<lang>.svg`` files into; created if missing.
    font_path : str or os.PathLike, optional
        A font file with Hangul, passed to `render_svg`.
    names : list of str, optional
        Only these figures (others' files are then left alone); default every figure.

    Returns
    -------
    list of pathlib.Path
        The files that were written because they were new or had changed.

    Examples
    --------
    >>> import tempfile
    >>> from figures import write_figures
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     first = write_figures(tmp, names=["ch02/gates"])
    ...     second = write_figures(tmp, names=["ch02/gates"])
    >>> len(first) > 0, second
    (True, [])
    """
    out_dir = Path(out_dir)
    wanted, written = set(), []
    for name in figure_names() if names is None else names:
        for lang in LANGS:
            path = out_dir / f"{name}-{lang}.svg"
            wanted.add(path)
            svg = render_svg(name, lang, font_path)
            if path.exists() and path.read_bytes() == svg:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
                tmp.write(svg)
            os.chmod(tmp.name, 0o644)  # a temporary file starts private; the site is public
            os.replace(tmp.name, path)
            written.append(path)
    if names is None:  # only a full run knows which files belong to no figure
        for stale in out_dir.rglob("*.svg"):
            if stale not in wanted:
                stale.unlink()
    return written
