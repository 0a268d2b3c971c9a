"""Root pytest configuration: the Korean font for figures, and the Markdown pages as tests.

Every Python code block on every page runs (Sybil collects them from docs/**/*.md):

* ```` ```pycon ```` blocks are interactive sessions, checked as doctests; the blocks of one
  page share a namespace, like one Python session read top to bottom;
* ```` ```python ```` blocks are scripts: each runs alone in a fresh interpreter, from an empty
  directory, exactly as a reader who pastes it into a file would run it;
* a block that must not run is preceded by ``<!-- skip: next "why" -->`` and is reported as
  skipped with that reason;
* ```` ```listing ```` blocks name code of the package that the build shows (hooks/listings.py);
  tests/test_listings.py runs each one as the built page gives it, so they are not collected here.

It lives at the repository root, not in docs/, so it is never published with the site.
"""

import doctest
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sybil import Sybil
from sybil.parsers.markdown import CodeBlockParser, SkipParser

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))  # tools/dev.py knows where the set-up put things
from dev import one_blas_thread, project_defaults  # noqa: E402

project_defaults(os.environ)  # the Korean font for figures, real MNIST for the pages
os.environ.setdefault("MPLBACKEND", "Agg")  # plt.show() in a page's code must not open a window
one_blas_thread(os.environ)  # pytest-xdist's workers run side by side; set before they start

DOCTEST_FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
# Warnings are errors in page code too, except matplotlib's note that plt.show() shows nothing
# under the Agg backend, which the tests use for code that a reader runs with a window.
SCRIPT_WARNINGS = ["-W", "error", "-W", "ignore:FigureCanvasAgg is non-interactive:UserWarning"]
SCRIPT_TIMEOUT = 300  # seconds; a page's script that runs longer is a bug in the page


def run_script(example):
    """Run a ```python block alone in a fresh interpreter; fail with its stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, *SCRIPT_WARNINGS, "-c", example.parsed],
                              cwd=tmp, capture_output=True, text=True, timeout=SCRIPT_TIMEOUT)
    if done.returncode != 0:
        return f"code block at line {example.line} exited with {done.returncode}:\n{done.stderr}"


def run_session(example):
    """Check a ```pycon block as a doctest in the page's shared namespace."""
    test = doctest.DocTestParser().get_doctest(
        example.parsed, example.namespace, example.path, example.path, example.line)
    lines = []
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    runner.run(test, out=lines.append, clear_globs=False)
    example.namespace.update(test.globs)  # DocTest copied the namespace; keep what it defined
    if runner.failures:
        return "".join(lines)


pytest_collect_file = Sybil(
    parsers=[
        CodeBlockParser(language="python", evaluator=run_script),
        CodeBlockParser(language="pycon", evaluator=run_session),
        SkipParser(),
    ],
    patterns=["*.md"],
    path=str(ROOT / "docs"),
).pytest()
