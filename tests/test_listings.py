"""Listings a reader can take: each one, as the built page gives it, runs alone and behaves like
the package.

A listing is a ```` ```listing ```` block of a page (hooks/listings.py renders it from the
package's source, by name). For each one, on each page of both languages, the text is taken from
the built HTML the way the copy button takes it (the text of its ``<code>``), and

* it runs alone in a fresh interpreter, from an empty temporary directory, with warnings as
  errors;
* it uses no name it does not define or import (checked with the standard library's symtable);
* every function or class of the package that it defines passes the package object's own
  doctest examples (those that do not expect an exception) with the listing's definition put in
  the package's place: what a reader copies behaves like what the package does.

And the source carries no ``--8<--`` snippet markers: code is chosen by name, never by markers.
"""

import builtins
import doctest
import html
import importlib
import os
import re
import subprocess
import sys
import symtable
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "hooks"))
import listings  # noqa: E402  (hooks/listings.py)

SCRIPT_ENV = dict(os.environ, MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
WARNINGS = ["-W", "error", "-W", "ignore:FigureCanvasAgg is non-interactive:UserWarning"]
CODE = re.compile(r'<span class="filename">(?P<title>[^<]+)</span>(?P<pre><pre.*?</pre>)\s*</div>'
                  r'\s*<p class="listing-note">', re.S)
MARKER = "--8<--"


def page_listings():
    """(page, index on the page, 'file names...') of every listing block of both languages."""
    found, counts = [], {}
    for page, path, names in listings.page_listings(DOCS, "*.md"):
        counts[page] = counts.get(page, -1) + 1
        found.append((page, counts[page], " ".join([path, *names])))
    return found


LISTINGS = page_listings()


def built_page(site, page):
    """The HTML file that the Markdown page ``ch05/layers.en.md`` became."""
    stem, lang = re.fullmatch(r"(.*)\.(ko|en)\.md", page).groups()
    stem = stem[: -len("index")] if stem.endswith("index") else stem + "/"
    return site / ("en/" if lang == "en" else "") / stem / "index.html"


def code_text(pre):
    """What the copy button copies: the text of the code, without the line anchors' markup."""
    code = re.search(r"<code>(.*)</code>", pre, re.S)[1]
    return html.unescape(re.sub(r"<[^>]+>", "", code)).rstrip("\n") + "\n"


@pytest.fixture(scope="module")
def site_listings(built_site):
    """{(page, index): (title, code)} for every listing in the built HTML."""
    out = {}
    pages = {page for page, _, _ in LISTINGS}
    for page in pages:
        text = built_page(built_site.path, page).read_text("utf-8")
        for i, m in enumerate(CODE.finditer(text)):
            out[page, i] = (html.unescape(m["title"]), code_text(m["pre"]))
    return out


@pytest.fixture
def listing(site_listings, request):
    page, index, spec = request.param
    if (page, index) not in site_listings:
        pytest.fail(f"{page}: listing {index} ({spec}) is not in the built page", pytrace=False)
    return site_listings[page, index]


def by_listing(test):
    ids = [f"{page}#{i}:{spec.split()[1]}" for page, i, spec in LISTINGS]
    return pytest.mark.parametrize("listing", LISTINGS, ids=ids, indirect=True)(test)


def undefined_names(code):
    """Global names the code reads but neither binds nor gets from builtins."""
    top = symtable.symtable(code, "<listing>", "exec")
    bound = {s.get_name() for s in top.get_symbols()
             if s.is_assigned() or s.is_imported() or s.is_namespace()}
    missing = set()

    def walk(table):
        for sym in table.get_symbols():
            name = sym.get_name()
            if (sym.is_global() or table is top) and sym.is_referenced() \
                    and name not in bound and not hasattr(builtins, name):
                missing.add(name)
        for child in table.get_children():
            walk(child)

    walk(top)
    return sorted(missing)


@by_listing
def test_listing_runs_alone(listing):
    title, code = listing
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, *WARNINGS, "-c", code], cwd=tmp, env=SCRIPT_ENV,
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{title} exited with {done.returncode}:\n{code}\n{done.stderr}"


@by_listing
def test_listing_uses_only_names_it_defines(listing):
    title, code = listing
    assert undefined_names(code) == [], f"{title}: undefined names in\n{code}"


@by_listing
def test_listing_fits_the_code_box(listing):
    title, code = listing
    long = [line for line in code.splitlines() if listings.width(line) > listings.MAX_LINE]
    assert not long, f"{title}: lines wider than {listings.MAX_LINE} columns: {long}"


def package_doctests(module, name, obj):
    """The doctests of the package's ``module.name`` (found before anything is swapped in),
    limited for a class to its own docstring and the methods that ``obj``, the listing's
    version, defines."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests = finder.find(getattr(module, name), f"{module.__name__}.{name}")
    if isinstance(obj, type):
        shown = {f"{module.__name__}.{name}"} | {
            f"{module.__name__}.{name}.{attr}" for attr in vars(obj)}
        tests = [t for t in tests if t.name in shown]
    return tests


@by_listing
def test_listing_behaves_like_the_package(listing, monkeypatch):
    title, code = listing
    if not title.startswith("nn_text/"):
        pytest.skip(f"{title} is not part of the package")
    module = importlib.import_module(".".join(Path(title).with_suffix("").parts))
    namespace = {"__name__": "listing"}
    exec(compile(code, title, "exec"), namespace)
    defined = [n for n, v in namespace.items()
               if not n.startswith("__") and getattr(v, "__module__", None) == "listing"
               and hasattr(module, n)]
    assert defined, f"{title}: the listing defines nothing of {module.__name__}"
    tests = [t for n in defined for t in package_doctests(module, n, namespace[n])]
    for n in defined:  # from here on, `from nn_text.x import n` gives the listing's n
        monkeypatch.setattr(module, n, namespace[n])
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    report, examples = [], 0
    for test in tests:
        test.examples = [e for e in test.examples if e.exc_msg is None]
        examples += len(test.examples)
        runner.run(test, out=report.append)
    assert examples, f"{title}: {defined} have no doctest examples to compare with"
    assert runner.failures == 0, "".join(report)


def test_no_snippet_markers_in_the_source():
    places = [ROOT / "nn_text", ROOT / "tools", ROOT / "docs", ROOT / "bench"]
    found = [f"{p.relative_to(ROOT)}:{n}" for place in places for p in sorted(place.rglob("*"))
             if p.suffix in {".py", ".md", ".ipynb"}
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if MARKER in line]
    assert found == [], f"{MARKER} markers left: {found}"


def test_every_page_listing_is_counted():
    assert len(LISTINGS) > 100, "the pages lost their listings?"
    for page, _, spec in LISTINGS:
        assert re.fullmatch(r"(nn_text|tools)/\S+\.py( [\w.]+)+", spec), f"{page}: {spec}"


def test_the_renderers_own_examples():
    result = doctest.testmod(listings, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_every_comment_on_a_korean_page_is_in_korean():
    missing, _ = listings.comment_report()
    assert not missing, (
        f"comments with no Korean entry in hooks/{listings.COMMENTS_KO.name} (add one each):\n"
        + "\n".join(f"  {c!r}  shown on {', '.join(where)}" for c, where in missing.items()))


def test_every_korean_comment_entry_is_still_in_the_code():
    _, stale = listings.comment_report()
    assert not stale, (f"entries of hooks/{listings.COMMENTS_KO.name} whose English comment no "
                       f"Korean listing shows any more (remove or update them): {stale}")


def test_a_korean_listing_shows_korean_comments_and_the_same_code():
    en, _ = listings.render("nn_text/losses.py", ["cross_entropy_error"])
    ko, missing = listings.translate(en, listings.load_comments())
    assert missing == [] and ko != en
    strip = lambda text: [line.split("#")[0].rstrip() for line in text.splitlines()]
    assert strip(ko) == strip(en)  # only the comments differ
    assert re.search(r"#.*[가-힣]", ko)
