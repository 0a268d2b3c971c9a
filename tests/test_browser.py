"""The built site in a real browser: headless Chromium from the system, never a downloaded one.

The site is served from 127.0.0.1 under the path of its site_url, gzipped (as GitHub Pages does;
tools/site_server.py), and every page is opened once in each language. What the page did (console errors, requests,
images, math, its language selector) is recorded, and each test below checks one thing of that
record. Nothing may leave 127.0.0.1: requests to any other host are blocked and counted.
The copy buttons are tried on a few pages (copy_pages), in a context that may read the clipboard,
and what they copied is run in a fresh interpreter.

Browser: $NN_TEXT_CHROMIUM, else /usr/bin/chromium, chromium-browser or google-chrome. Without one
the tests skip, except under CI (the CI variable set), where they fail. Set NN_TEXT_SCREENSHOTS to a
folder to get full-page screenshots of chapter 2 in both languages.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from dev import (  # tools/dev.py, on sys.path by conftest.py
    BROWSER_CANDIDATES,
    find_browser,
    project_defaults,
)
from site_server import serve  # tools/site_server.py: gzip, under site_url's path

try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by the chromium fixture: skip locally, fail under CI
    sync_playwright = None

# One worker runs this file (pytest-xdist --dist loadfile): one visit of each page, one browser.
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = {"ko": "", "en": "en/"}  # language -> its folder under the site root (ko is the default)
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 30_000  # a loaded 2-core machine once needed over 15 s for a page
PARALLEL_PAGES = 4  # pages loading at once
EXPECTED_PAGES = {"", "ch01/python-numpy/", "ch01/notebook/", "ch02/perceptron/", "ch02/notebook/",
                  "ch03/activations/", "ch03/network/", "ch03/mnist/", "ch03/notebook/",
                  "ch04/losses/", "ch04/gradient/", "ch04/training/", "ch04/notebook/",
                  "glossary/", "api/"}
CHAPTER_2 = "ch02/perceptron/"
SEARCHES = [  # (language, query, a page it must list); particles: 퍼셉트론은, 기울기를
    ("ko", "퍼셉트론", CHAPTER_2), ("en", "perceptron", CHAPTER_2),
    ("ko", "퍼셉트론은", CHAPTER_2), ("ko", "기울기를", "ch04/gradient/"),
    ("ko", "소프트맥스", "ch03/network/"), ("en", "softmax", "ch03/network/"),
]
AXE = ROOT / "tools" / "npm" / "node_modules" / "axe-core" / "axe.min.js"  # from tools/dev.py setup
AXE_BLOCKING = {"serious", "critical"}
PAGE_WEIGHT_LIMIT = 1_000_000  # bytes a page transfers, its search index excluded
HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]*)"')
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""


def source_pages():
    """Page paths (relative to a language root) of every Korean source page: index -> ''."""
    pages = {}
    for src in DOCS.rglob("*.ko.*"):
        rel = src.relative_to(DOCS).as_posix()
        m = re.fullmatch(r"(.*)\.ko\.(md|ipynb)", rel)
        if not m or rel.startswith("assets/"):
            continue
        stem = m[1]
        path = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
        pages[path] = src
    return pages


PAGES = sorted(source_pages())


def notebook_has_math(lang, path):
    """Whether the page is a notebook whose Markdown cells hold $...$ or $$...$$ math."""
    nb = DOCS / f"{path.rstrip('/')}.{lang}.ipynb"
    if not path or not nb.is_file():
        return False
    cells = json.loads(nb.read_text("utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    text = re.sub(r"`[^`]*`", "", text)  # not in inline code
    return bool(re.search(r"\$\$.+?\$\$|\$[^\s$][^$\n]*\$", text, re.S))


def is_local(url):
    parts = urlsplit(url)
    return parts.scheme not in {"http", "https", "ws", "wss"} or parts.hostname == "127.0.0.1"


# --- the browser and the server ---------------------------------------------------------------


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session; every test opens its own context in it."""
    if sync_playwright is None:
        unavailable("the playwright package is not installed")
    exe = find_browser()
    if exe is None:
        where = os.environ.get("NN_TEXT_CHROMIUM") or ", ".join(BROWSER_CANDIDATES)
        unavailable(f"no Chromium found (looked at {where}); apt-get install chromium "
                    "or set NN_TEXT_CHROMIUM to a Chromium or Chrome binary")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=exe, args=BROWSER_ARGS, headless=True)
    except PlaywrightError as e:
        pw.stop()
        pytest.fail(f"{exe} did not start: {e}", pytrace=False)
    yield browser
    browser.close()
    pw.stop()


@dataclass
class Site:
    root: str  # http://127.0.0.1:PORT/nn_text/

    def url(self, lang, path):
        return self.root + LANGS[lang] + path


@pytest.fixture(scope="session")
def site(built_site):
    """The built site over HTTP on 127.0.0.1, under site_url's path, gzipped, for the session."""
    with serve(built_site.path) as root:
        yield Site(root)


def new_page(chromium, blocked):
    """A fresh context and page that let only 127.0.0.1 through; other URLs go into `blocked`."""
    context = chromium.new_context(viewport=VIEWPORT, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)

    def block(route):
        blocked.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(lambda url: not is_local(url), block)
    return context, context.new_page()


# --- one visit per page, recorded -------------------------------------------------------------

MATH_RENDERED = """() => [...document.querySelectorAll('.arithmatex')]
  .every(e => e.querySelector('.katex'))"""
# Material has started when its document$ has emitted (it replays to a new subscriber).
MATERIAL_STARTED = """() => { let started = false;
  window.document$?.subscribe(() => { started = true; }).unsubscribe(); return started; }"""
IMAGES_SETTLED = """() => [...document.images].every(img => img.complete)"""
# Which images the page loads lazily, and whether each starts on the first screen; then every
# image loads now, for the tests of what they show.
LOAD_LAZY_IMAGES = """() => [...document.images].map(img => {
  const lazy = img.loading === 'lazy';
  const firstScreen = img.getBoundingClientRect().top + scrollY < innerHeight;
  img.loading = 'eager';
  return {lazy, firstScreen};
})"""
RECORD = r"""() => {
  const main = document.querySelector('.md-content') || document.body;
  const raw = [];
  const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('pre, code, script, style, .highlight, .katex, .katex-error')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  for (let n; (n = walk.nextNode());) {
    const i = n.data.search(/\\[(\[]/);
    if (i >= 0) raw.push(n.data.slice(Math.max(0, i - 40), i + 60).trim());
  }
  return {
    lang: document.documentElement.lang,
    images: [...document.images].map(img => ({src: img.currentSrc || img.src,
      complete: img.complete, width: img.naturalWidth})),
    arithmatex: document.querySelectorAll('.arithmatex').length,
    unrendered: [...document.querySelectorAll('.arithmatex')]
      .filter(e => !e.querySelector('.katex')).map(e => e.outerHTML.slice(0, 160)),
    katex: document.querySelectorAll('.katex').length,
    katexErrors: [...document.querySelectorAll('.katex-error')]
      .map(e => `${e.textContent.slice(0, 80)} (${e.title})`),
    raw,
    elements: document.getElementsByTagName('*').length,
    unsized: [...document.images].filter(img => !img.getAttribute('width') || !img.getAttribute('height'))
      .map(img => img.src.slice(0, 100)),
    blockingScripts: [...document.querySelectorAll('head script[src]:not([async]):not([defer])')]
      .map(script => script.src),
    selector: Object.fromEntries([...document.querySelectorAll('.md-select a[hreflang]')]
      .map(a => [a.hreflang, a.href])),
    listings: listings(),
  };


  // Code blocks titled nn_text/...: whether the code scrolls sideways at this viewport, the
  // first line too wide for the box, and how many monospace characters fit in the box.
  function listings() {
    const width = (code, text) => {  // of `text` set in the code's own font
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'pre';
      probe.textContent = text;
      code.append(probe);
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      return w;
    };
    const title = h => h.querySelector(':scope > .filename')?.textContent || '';
    return [...document.querySelectorAll('.highlight')]
      .filter(h => title(h).startsWith('nn_text/'))
      .map(h => {
        const code = h.querySelector('pre > code'), pre = code.parentElement;
        const style = getComputedStyle(code);
        const room = code.clientWidth - parseFloat(style.paddingLeft)
          - parseFloat(style.paddingRight);
        const char = width(code, '0'.repeat(100)) / 100;
        const scrolls = code.scrollWidth > code.clientWidth || pre.scrollWidth > pre.clientWidth;
        const lines = code.textContent.split('\n');
        const n = scrolls ? lines.findIndex(line => width(code, line) > room) : -1;
        return {title: title(h), scrolls, fits: Math.floor(room / char), room, char,
                font: `${style.fontSize} ${style.fontFamily}`,
                line: n < 0 ? null : {number: n + 1, text: lines[n]}};
      });
  }
}"""


@dataclass
class Visit:
    url: str
    status: int | None = None
    requests: list = field(default_factory=list)  # every URL the page asked for
    blocked: list = field(default_factory=list)  # those not on 127.0.0.1, aborted by the route
    console_errors: list = field(default_factory=list)
    waits: list = field(default_factory=list)  # waits that timed out
    record: dict = field(default_factory=dict)  # what RECORD found in the page
    axe: list = field(default_factory=list)  # axe-core's violations
    sizes: dict = field(default_factory=dict)  # URL -> bytes of the response body
    heading: dict = field(default_factory=dict)  # the h1's text and the fonts that drew it
    followed: dict = field(default_factory=dict)  # where the other language's link led
    lazy: list = field(default_factory=list)  # per <img>: {lazy, firstScreen}
    material_started: bool = False  # Material's document$ has emitted

    @property
    def external(self):
        return list(dict.fromkeys([u for u in self.requests if not is_local(u)] + self.blocked))


class Recorder:
    """Opens one page in its own context and records what it does until `finish()`."""

    def __init__(self, chromium, site, lang, path):
        self.lang, self.recording = lang, True
        self.visit = visit = Visit(site.url(lang, path))
        self.context, self.page = new_page(chromium, visit.blocked)
        self.context.on("request", lambda r: self.recording and visit.requests.append(r.url))
        self.context.on("requestfinished", self.finished)
        self.page.on("websocket", lambda ws: visit.requests.append(ws.url))
        self.page.on("console", self.console)
        self.page.on("pageerror", self.pageerror)
        response = self.page.goto(visit.url, wait_until="commit")  # others start while it loads
        visit.status = response.status if response else None

    def console(self, msg):
        if msg.type != "error" or not self.recording:
            return
        where = msg.location.get("url", "")
        if where in self.visit.blocked and msg.text.startswith("Failed to load resource"):
            return  # our block of an external request: test_no_request_leaves_127_0_0_1 says so
        line = msg.location.get("lineNumber")
        self.visit.console_errors.append(f"{msg.text}  [at {where}{f':{line}' if line else ''}]")

    def finished(self, request):
        if self.recording:
            self.visit.sizes[request.url] = request.sizes()["responseBodySize"]

    def pageerror(self, error):
        if self.recording:
            self.visit.console_errors.append(f"uncaught {error.name}: {error.message}")

    def finish(self):
        page = self.page
        try:
            for what, wait in [
                ("the load event", lambda: page.wait_for_load_state("load")),
                ("lazy images", lambda: self.visit.lazy.extend(page.evaluate(LOAD_LAZY_IMAGES))),
                ("network idle", lambda: page.wait_for_load_state("networkidle")),
                ("Material's bundle to start", lambda: page.wait_for_function(MATERIAL_STARTED)),
                ("every .arithmatex typeset", lambda: page.wait_for_function(MATH_RENDERED)),
                ("every <img> complete", lambda: page.wait_for_function(IMAGES_SETTLED)),
                ("wide code blocks focusable (scrollable_code.js)",
                 lambda: page.wait_for_function(WIDE_CODE_FOCUSABLE)),
            ]:
                try:
                    wait()
                except PlaywrightTimeout:
                    self.visit.waits.append(f"timed out after {TIMEOUT_MS} ms waiting for {what}")
            page.evaluate("document.fonts.ready.then(() => true)")
            self.visit.record = page.evaluate(RECORD)
            self.visit.material_started = page.evaluate(MATERIAL_STARTED)
            if self.lang == "ko":  # test_hangul_is_drawn_with_the_web_font
                self.visit.heading = heading_fonts(self.context, page)
            self.recording = False  # axe's own work is not the page's
            page.add_script_tag(path=str(AXE))
            self.visit.axe = page.evaluate(RUN_AXE)
            self.follow_the_language_selector()
        finally:
            self.context.close()
        return self.visit

    def follow_the_language_selector(self):
        """Fetch the other language's link as the browser would (redirects followed): where it
        lands and the language of the page there. Nothing is rendered: only the address counts."""
        other = next(lang for lang in LANGS if lang != self.lang)
        href = self.visit.record["selector"].get(other)
        if not href:
            return
        try:
            response = self.context.request.get(href)
            lang = HTML_LANG.search(response.text())
            self.visit.followed = {"status": response.status, "url": response.url,
                                   "lang": lang[1] if lang else None}
        except PlaywrightError as e:
            self.visit.followed = {"error": str(e).splitlines()[0]}


def heading_fonts(context, page):
    """The text of the page's h1 and the fonts that drew it, as Chromium reports them:
    [{familyName, isCustomFont, glyphCount}, ...] (DevTools protocol, CSS.getPlatformFontsForNode)."""
    cdp = context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
        if not node:
            return {}
        return {"text": page.inner_text("article h1"),
                "fonts": cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
    finally:
        cdp.detach()


@pytest.fixture(scope="session")
def visits(chromium, site):
    """{(lang, path): Visit} for every page, each opened once, several at a time."""
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing at {AXE}: run `python3 tools/dev.py setup`", pytrace=False)
    todo = [(lang, path) for lang in LANGS for path in PAGES]
    done = {}
    for i in range(0, len(todo), PARALLEL_PAGES):
        batch = {key: Recorder(chromium, site, *key) for key in todo[i:i + PARALLEL_PAGES]}
        done.update({key: recorder.finish() for key, recorder in batch.items()})
    return done


@pytest.fixture
def visit(visits):
    """visit(lang, path) -> that page's Visit, after checking that it opened."""

    def get(lang, path):
        v = visits[lang, path]
        if v.status != 200:
            pytest.fail(f"{v.url} answered HTTP {v.status}", pytrace=False)
        return v

    return get


def page_id(path):
    return path.strip("/") or "home"


def each_page(test):
    test = pytest.mark.parametrize("path", PAGES, ids=page_id)(test)
    return pytest.mark.parametrize("lang", list(LANGS))(test)


# --- the tests ---------------------------------------------------------------------------------


def fail_if(problems, heading):
    if problems:
        pytest.fail(heading + "\n  " + "\n  ".join(problems), pytrace=False)


def test_every_page_is_tested_and_the_expected_ones_exist(built_site):
    missing = EXPECTED_PAGES - set(PAGES)
    fail_if(sorted(missing), "expected pages without a docs/<page>.ko.md or .ko.ipynb:")
    built = {p.parent.relative_to(built_site.path).as_posix()
             for p in built_site.path.rglob("index.html")}
    built = {"" if b == "." else b + "/" for b in built if not b.startswith(("assets/", "search/"))}
    tested = {LANGS[lang] + path for lang in LANGS for path in PAGES}
    fail_if([f"built, not opened here: /{p}" for p in sorted(built - tested)]
            + [f"opened here, not built: /{p}" for p in sorted(tested - built)],
            "the pages these tests open differ from the pages the site has:")


@each_page
def test_no_console_errors(visit, lang, path):
    v = visit(lang, path)
    fail_if(v.console_errors, f"{v.url} logged {len(v.console_errors)} console error(s):")


@each_page
def test_no_request_leaves_127_0_0_1(visit, lang, path):
    v = visit(lang, path)
    assert v.requests, f"{v.url}: not a single request was recorded, the recording is broken"
    fail_if(v.external, f"{v.url} asked another host for (blocked by the test):")


@each_page
def test_every_image_loads(visit, lang, path):
    v = visit(lang, path)
    broken = [f"{img['src']} (complete={img['complete']}, naturalWidth={img['width']})"
              for img in v.record["images"] if not (img["complete"] and img["width"] > 0)]
    fail_if(broken and broken + v.waits, f"{v.url}: images that did not load:")


@each_page
def test_images_after_the_first_load_lazily_below_the_first_screen(visit, lang, path):
    """An image on the first screen may be the page's largest paint and loads at once, and so
    may a page's first image if it is small; the others wait until the reader scrolls near them
    (hooks/figures.py), so they do not compete with the start of the page. (The test's screen
    is larger than a phone's, on which more of the images that load at once are below it.)"""
    v = visit(lang, path)
    wrong = [f"image {i + 1} of {len(v.lazy)}: {v.record['images'][i]['src'][:100]}"
             for i, image in enumerate(v.lazy)
             if i > 0 and not image["lazy"] and not image["firstScreen"]]
    fail_if(wrong, f"{v.url}: images after the first, below the first screen, not lazy:")


@each_page
def test_math_is_typeset(visit, lang, path):
    v = visit(lang, path)
    r = v.record
    problems = []
    if r["unrendered"]:
        problems.append(f"{len(r['unrendered'])} of {r['arithmatex']} .arithmatex elements hold no "
                        ".katex, e.g. " + " | ".join(r["unrendered"][:3]))
    if r["raw"]:
        problems.append("raw \\( or \\[ left in the text: " + " | ".join(r["raw"][:3]))
    if r["katexErrors"]:
        problems.append("KaTeX could not parse: " + " | ".join(r["katexErrors"][:3]))
    if notebook_has_math(lang, path) and r["katex"] == 0:
        problems.append(f"docs/{path.rstrip('/')}.{lang}.ipynb has $ math in Markdown cells, "
                        "but the page shows no .katex element")
    fail_if(problems and problems + v.waits, f"{v.url}: math not typeset:")


@each_page
def test_math_needs_no_script_and_only_pages_with_math_load_its_stylesheet(visit, lang, path):
    """KaTeX ran at build time (hooks/katex.py): no page loads a math script, and KaTeX's
    stylesheet (and through it its fonts) loads exactly on the pages that show math."""
    v = visit(lang, path)
    has_math = v.record["katex"] > 0
    stylesheet = any(u.endswith("/katex.min.css") for u in v.requests)
    problems = [f"loads the script {u}" for u in v.requests if "katex" in u and ".js" in u]
    if stylesheet != has_math:
        problems.append(f"{v.record['katex']} formulas, yet katex.min.css "
                        f"{'loaded' if stylesheet else 'not loaded'}")
    fail_if(problems, f"{v.url}: math and its assets:")


@each_page
def test_no_render_blocking_script_and_sized_images(visit, lang, path):
    v = visit(lang, path)
    problems = [f"a script in <head> without defer or async: {u}"
                for u in v.record["blockingScripts"]]
    problems += [f"an image without width and height: {u}" for u in v.record["unsized"]]
    fail_if(problems, f"{v.url}:")


@each_page
def test_material_starts(visit, lang, path):
    """hooks/start_material.js loads Material's bundle after the first paint, after
    DOMContentLoaded, on which Material starts: the script tells it again."""
    v = visit(lang, path)
    fail_if([] if v.material_started else ["its document$ never emitted"] + v.waits,
            f"{v.url}: Material did not start:")


BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
STYLE_AND_LAYOUT = {"UpdateLayoutTree", "Layout"}


@pytest.mark.parametrize("lang, path", [("ko", "ch03/network/"), ("en", "ch06/optimizers/")])
def test_material_runs_after_the_first_paint(chromium, site, lang, path):
    """Run at the end of the page, before the first paint, Material's bundle made the browser
    style and lay out the whole page inside the script (on ch06/optimizers 90 of its 100 ms), a
    long task that Lighthouse counts as blocking. hooks/start_material.js loads it after the
    paint, which has done that work: in a trace of the page, the main thread paints before the
    bundle runs, and the bundle's own styling and layout is small beside the first paint's."""
    url = site.url(lang, path)
    context, page = new_page(chromium, [])
    try:
        chromium.start_tracing(page=page, categories=["devtools.timeline"])
        try:
            page.goto(url, wait_until="load")
            page.wait_for_function(MATERIAL_STARTED)
        finally:
            events = json.loads(chromium.stop_tracing())["traceEvents"]
    finally:
        context.close()
    runs = [e for e in events if e.get("name") == "EvaluateScript" and e.get("ph") == "X"
            and BUNDLE.search(e.get("args", {}).get("data", {}).get("url", ""))]
    assert len(runs) == 1, f"{len(runs)} runs of Material's bundle in the trace"
    run = runs[0]
    main = sorted((e for e in events if e.get("ph") == "X" and (e["pid"], e["tid"]) ==
                   (run["pid"], run["tid"])), key=lambda e: e["ts"])
    parse = next((e for e in main if e["name"] == "ParseHTML"
                  and e["args"].get("beginData", {}).get("url") == url), None)
    assert parse is not None, f"no parsing of {url} on the bundle's thread"
    main = [e for e in main if e["ts"] >= parse["ts"]]  # not the blank page before it
    paint = next((e for e in main if e["name"] == "Paint"), None)
    assert paint is not None, "no paint on the page's main thread"

    def style_and_layout(start, end):  # ms of the main thread's styling and layout in [start, end)
        return sum(e["dur"] for e in main if e["name"] in STYLE_AND_LAYOUT
                   and start <= e["ts"] < end) / 1000

    first = style_and_layout(parse["ts"], paint["ts"])
    inside = style_and_layout(run["ts"], run["ts"] + run["dur"])
    problems = []
    if run["ts"] < paint["ts"] + paint["dur"]:
        problems.append(f"the bundle ran {(paint['ts'] - run['ts']) / 1000:.1f} ms before the "
                        "first paint")
    if inside > first / 4:
        problems.append(f"styling and layout inside the bundle took {inside:.1f} ms, against "
                        f"{first:.1f} ms before the first paint")
    fail_if(problems, f"{url}:")


PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}  # as Lighthouse's mobile run
LAYOUT_SHIFT = """() => new Promise(done => {
  let sum = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) sum += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  document.fonts.ready.then(() => setTimeout(() => done(sum), 1000));
})"""


@pytest.mark.parametrize("lang, path", [(lang, path) for lang in LANGS for path in
                                        ["appendix/softmax-with-loss/", "ch07/exercises/"]])
def test_text_does_not_move_on_a_phone(chromium, site, lang, path):
    """Pages with math on a phone's first screen preload KaTeX's two main faces
    (hooks/katex.py): without them, the appendix's first paragraph wrapped again when the
    fonts arrived, and the text below moved by a line (layout shift 0.10-0.15)."""
    context = chromium.new_context(**PHONE, service_workers="block")
    try:
        page = context.new_page()
        page.goto(site.url(lang, path))
        shift = page.evaluate(LAYOUT_SHIFT)
    finally:
        context.close()
    assert shift < 0.02, f"{site.url(lang, path)}: cumulative layout shift {shift:.3f} on a phone"


@each_page
def test_search_index_waits_until_search_is_opened(visit, lang, path):
    """hooks/search_on_demand.js holds Material's request for the index (hundreds of kB) until
    the reader opens search; test_search_finds_the_page shows that search then works."""
    v = visit(lang, path)
    fail_if([u for u in v.requests if u.endswith("search_index.json")],
            f"{v.url} fetched the search index before anyone opened search:")


HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
WEB_FONT = "Noto Sans KR"  # its faces as Chromium names them: "Noto Sans KR", "Noto Sans KR Thin"


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_hangul_is_drawn_with_the_web_font(visit, path):
    """On a system with no Korean font (as this test's Chromium may be), the Hangul of each
    Korean page's title is drawn with the site's own Noto Sans KR (hooks/fonts.py), every
    syllable of it, and not with a system font's empty boxes."""
    v = visit("ko", path)
    text, fonts = v.heading.get("text", ""), v.heading.get("fonts", [])
    hangul = len(HANGUL.findall(text))
    ours = sum(f["glyphCount"] for f in fonts
               if f["isCustomFont"] and f["familyName"].startswith(WEB_FONT))
    fail_if((not hangul or ours < hangul) and [f"title {text!r}: {hangul} Hangul syllables",
                                               f"drawn with: {fonts}"],
            f"{v.url}: the title's Hangul is not all drawn with the web font {WEB_FONT}:")


@each_page
def test_no_serious_accessibility_violations(visit, lang, path):
    v = visit(lang, path)
    counts = {impact: sum(x["impact"] == impact for x in v.axe)
              for impact in ("critical", "serious", "moderate", "minor")}
    print(f"{v.url}: axe " + ", ".join(f"{k} {n}" for k, n in counts.items()))  # for reports (-s)
    bad = [f"{x['impact']}: {x['id']} ({x['help']}) at {', '.join(x['nodes'])}"
           for x in v.axe if x["impact"] in AXE_BLOCKING]
    fail_if(bad, f"{v.url}: axe-core reports serious or critical violations:")


@each_page
def test_images_have_alt_text(visit, lang, path):
    v = visit(lang, path)
    missing = [x for x in v.axe if x["id"] == "image-alt"]
    fail_if(missing and [str(missing)], f"{v.url}: images without alt text:")


@each_page
def test_page_weight_under_1_mb(visit, lang, path):
    v = visit(lang, path)
    total = sum(n for url, n in v.sizes.items() if "search_index.json" not in url)
    print(f"{v.url}: {total:,} bytes in {len(v.sizes)} responses, {v.record['elements']:,} elements")
    assert total < PAGE_WEIGHT_LIMIT, (
        f"{v.url} transfers {total:,} bytes (limit {PAGE_WEIGHT_LIMIT:,}); largest: "
        + ", ".join(f"{u.rsplit('/', 1)[-1]} {n:,}" for u, n in
                    sorted(v.sizes.items(), key=lambda kv: -kv[1])[:5]))


@each_page
def test_listings_fit_the_code_box(visit, lang, path):
    """No listing from nn_text/ scrolls sideways at the desktop viewport. With -s it prints how
    many monospace characters fit in a line of the code box (the limit for listing lines)."""
    v = visit(lang, path)
    listings = v.record["listings"]
    if not listings:
        return
    box = listings[0]
    fits = box["fits"]
    print(f"{v.url}: {fits} characters fit in a code box ({box['room']:.0f} px, "
          f"{box['char']:.2f} px a character of {box['font']})")
    wide = [f"listing {i} ({x['title']}) "
            + (f"line {x['line']['number']}, {len(x['line']['text'])} characters: "
               f"{x['line']['text'].strip()}" if x["line"] else "scrolls sideways")
            for i, x in enumerate(listings, 1) if x["scrolls"]]
    fail_if(wide, f"{v.url}: listings wider than the code box, where {fits} characters fit "
                  f"at {VIEWPORT['width']}x{VIEWPORT['height']}:")


@pytest.mark.parametrize("path", PAGES, ids=page_id)
@pytest.mark.parametrize("src, dst", [("ko", "en"), ("en", "ko")])
def test_language_selector_leads_to_the_twin(visit, site, src, dst, path):
    v = visit(src, path)
    twin = site.url(dst, path)
    href = v.record["selector"].get(dst)
    fail_if(not href and [f"links found: {v.record['selector']}"],
            f"{v.url}: no a[hreflang={dst}] in Material's language selector (.md-select)")
    fail_if(href != twin and [f"goes to {href}", f"the twin is {twin}"],
            f"{v.url}: the language selector's {dst} link does not lead to the twin")
    fail_if(v.followed != {"status": 200, "url": twin, "lang": dst} and [f"{v.followed}"],
            f"following {href} from {v.url} did not land on the {dst} twin:")


def indexed(built_site, location, query):
    """What the built search index says about `location`, to explain a failed search."""
    lang_dir = next((d for d in LANGS.values() if d and location.startswith(d)), "")
    index = built_site.path / lang_dir / "search" / "search_index.json"
    docs = json.loads(index.read_text("utf-8"))["docs"]
    location = location[len(lang_dir):]
    entries = [d for d in docs if d["location"].split("#")[0] == location]
    if not entries:
        return f"search/search_index.json has no entry for {location!r} at all"
    has = any(query.lower() in (d["title"] + d["text"]).lower() for d in entries)
    return (f"search/search_index.json has {len(entries)} entries for {location!r}, "
            f"{'and' if has else 'none of them'} contain{'s' if has else ''} {query!r}")


def search(chromium, site, lang, query, want):
    """Type ``query`` into the search box of ``lang``'s home; return (result URLs, problems).

    ``want`` is the page that must be listed; None waits for any result."""
    home, want_url = site.url(lang, ""), site.url(lang, want) if want else None
    context, page = new_page(chromium, [])
    try:
        page.goto(home)
        page.wait_for_function(MATERIAL_STARTED)  # it starts after the first paint
        box = page.locator(".md-search__input")
        box.fill(query)
        box.press("End")  # Material searches on keyup
        try:  # the results come from a web worker, once it has loaded the index
            page.wait_for_function(
                "want => [...document.querySelectorAll('.md-search-result__item a')]"
                ".some(a => !want || a.href.split('#')[0].split('?')[0] === want)", arg=want_url)
            problems = []
        except PlaywrightTimeout:
            meta = page.locator(".md-search-result__meta").all_inner_texts()
            problems = [f"result count says: {meta}"]
        links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
    finally:
        context.close()
    return [u.split("#")[0].split("?")[0] for u in links], problems


@pytest.mark.parametrize("lang, query, want", SEARCHES)
def test_search_finds_the_page(chromium, site, built_site, lang, query, want):
    links, problems = search(chromium, site, lang, query, want)
    if problems:
        problems += [f"result: {u}" for u in links] + [
            indexed(built_site, LANGS[lang] + want, query.rstrip("은는이가을를"))]
    fail_if(problems, f"searching {query!r} on the {lang} site did not list {want}:")


@pytest.mark.parametrize("lang", list(LANGS))
def test_search_lists_only_pages_of_its_language(chromium, site, lang):
    # any result will do: which page ranks first moves as pages are added
    links, problems = search(chromium, site, lang, "softmax", None)
    other = site.url("en", "") if lang == "ko" else None
    wrong = [u for u in links if (other and u.startswith(other)) or
             (lang == "en" and not u.startswith(site.url("en", "")))]
    fail_if(problems + wrong, f"the {lang} search lists pages of the other language:")


# --- the light/dark toggle ---------------------------------------------------------------------
#
# hooks/palette.js runs the toggle in the header, not Material's bundle: the page's colours are
# right before the first paint. Without a stored choice it follows the system's setting; a click or
# Enter switches and stores the choice, which then holds on every page.

PALETTE = """() => ({
  scheme: document.body.getAttribute('data-md-color-scheme'),
  stored: __md_get('__palette'),
  shown: [...document.querySelectorAll('form[data-nn-text-palette] label')]
    .filter(label => !label.hidden).map(label => label.title),
  colorScheme: document.querySelector('meta[name="color-scheme"]')?.content,
  themeColor: document.querySelector('meta[name="theme-color"]')?.content,
  header: '#' + getComputedStyle(document.querySelector('header')).backgroundColor.match(/\\d+/g)
    .slice(0, 3).map(c => (+c).toString(16).padStart(2, '0')).join(''),
})"""
WIDE_CODE_FOCUSABLE = """() => [...document.querySelectorAll('.highlight pre > code')]
  .every(code => code.scrollWidth <= code.clientWidth || code.hasAttribute('tabindex'))"""
TOGGLE_TITLES = {"ko": {"default": "어두운 화면으로", "slate": "밝은 화면으로"},
                 "en": {"default": "Switch to dark mode", "slate": "Switch to light mode"}}


@pytest.mark.parametrize("lang", list(LANGS))
def test_light_dark_toggle(chromium, site, lang):
    blocked, errors, problems = [], [], []
    context, page = new_page(chromium, blocked)
    page.on("pageerror", lambda error: errors.append(f"uncaught {error.name}: {error.message}"))
    blocking = ["**/assets/javascripts/bundle.*.min.js"]  # emptied once it is let through
    page.on("console", lambda msg: msg.type == "error" and not blocking and errors.append(msg.text))
    titles = TOGGLE_TITLES[lang]

    def expect(step, scheme, stored):
        try:  # a change of the system's setting reaches the page with its next frame
            page.wait_for_function(f"document.body.dataset.mdColorScheme === {scheme!r}",
                                   timeout=5_000)
        except PlaywrightTimeout:
            pass  # reported below with the whole state
        state = page.evaluate(PALETTE)
        want = {"scheme": scheme, "stored index": stored, "shown": [titles[scheme]]}
        got = {"scheme": state["scheme"], "stored index": (state["stored"] or {}).get("index"),
               "shown": state["shown"]}
        if got != want:
            problems.append(f"{step}: expected {want}, got {got}")
        return state

    try:
        page.emulate_media(color_scheme="dark")
        # Material's bundle is not needed: block it, and the toggle still works.
        page.route(blocking[0], lambda route: route.abort())
        page.goto(site.url(lang, CHAPTER_2))
        expect("a dark system, nothing stored, without Material's bundle", "slate", None)
        page.emulate_media(color_scheme="light")
        expect("the system turned light", "default", None)
        page.unroute(blocking.pop())
        page.goto(site.url(lang, CHAPTER_2))
        page.wait_for_load_state("load")
        state = expect("a light system", "default", None)
        # The browser's colours (meta tags) follow the scheme and the header's colour.
        for scheme, step in (("light", "after load"), ("dark", "clicked")):
            if step == "clicked":
                page.get_by_title(titles["default"]).click()
                state = expect("clicked", "slate", 1)
            if (state["colorScheme"], state["themeColor"]) != (scheme, state["header"]):
                problems.append(f"{step}, the browser's colours: color-scheme "
                                f"{state['colorScheme']!r}, theme-color {state['themeColor']!r}"
                                f" (the header's {state['header']})")
        page.keyboard.press("Enter")  # the clicked input has the focus
        expect("Enter", "default", 0)
        page.keyboard.press("Enter")
        expect("Enter again", "slate", 1)
        page.goto(site.url(lang, "ch03/network/"))  # the system is light, the choice dark
        expect("the next page", "slate", 1)
        page.wait_for_function(WIDE_CODE_FOCUSABLE)  # scrollable_code.js works while idle
        page.add_script_tag(path=str(AXE))
        problems += [f"axe, dark: {v['impact']} {v['id']}: {v['help']} {v['nodes']}"
                     for v in page.evaluate(RUN_AXE) if v["impact"] in AXE_BLOCKING]
    finally:
        context.close()
    fail_if(problems + errors + [f"asked another host for {u}" for u in blocked],
            f"{site.url(lang, CHAPTER_2)}: the light/dark toggle:")


# --- the copy button ---------------------------------------------------------------------------
#
# What the copy button of a code block puts on the clipboard must run as it is: a >>> session
# without its prompts and outputs (docs/assets/javascripts/copy.js), a listing as shown.


def copy_pages():
    """(lang, path) of the pages whose copy buttons are tried: in each chapter, the first page in
    the order of the nav that shows a ```pycon session and a listing of nn_text/...; odd
    chapters in Korean, even ones in English. On such a page the first session runs alone (the
    page's sessions share one namespace, which is empty before the first)."""
    nav = re.findall(r"^\s*- (ch(\d+)/[\w-]+)\.md\s*$", (ROOT / "mkdocs.yml").read_text("utf-8"),
                     re.M)
    chosen = {}
    for stem, chapter in nav:
        lang = "ko" if int(chapter) % 2 else "en"
        text = (DOCS / f"{stem}.{lang}.md").read_text("utf-8")
        if (chapter not in chosen and re.search(r"^\s*```pycon\s*$", text, re.M)
                and re.search(r"^\s*```listing\s*\n\s*nn_text/", text, re.M)):
            chosen[chapter] = (lang, stem + "/")
    return list(chosen.values())


COPY_PAGES = copy_pages()
# On each of those pages: the first block with a >>> prompt, the first titled nn_text/...
FIND_BLOCKS = """() => {
  const blocks = [...document.querySelectorAll('.highlight')];
  return {
    session: blocks.findIndex(h => h.querySelector('.gp')?.textContent.trim() === '>>>'),
    listing: blocks.findIndex(h =>
      (h.querySelector(':scope > .filename')?.textContent || '').startsWith('nn_text/')),
  };
}"""
DESCRIBE_BLOCK = """h => ({
  title: h.querySelector(':scope > .filename')?.textContent || '',
  shown: h.querySelector('pre > code').textContent,
  outputs: [...h.querySelectorAll('.go')].map(e => e.textContent),
})"""
NOTHING_COPIED = "(the copy button copied nothing)"
# Warnings are errors, as for the pages' own code blocks (root conftest.py).
SCRIPT_WARNINGS = ["-W", "error", "-W", "ignore:FigureCanvasAgg is non-interactive:UserWarning"]
# Pasting at the interactive prompt: the lines go one by one to the classic REPL; an exception,
# or a block still open at the end (a missing blank line), exits non-zero.
PASTE_AT_THE_PROMPT = """\
import code, sys

class Prompt(code.InteractiveConsole):
    def showsyntaxerror(self, *args, **kwargs):
        super().showsyntaxerror(*args, **kwargs)
        sys.exit(1)

    def showtraceback(self, *args, **kwargs):
        super().showtraceback(*args, **kwargs)
        sys.exit(1)

prompt = Prompt()
for line in sys.stdin.read().splitlines():
    prompt.push(line)
if prompt.buffer:
    sys.exit(f"the prompt still waits for the end of {prompt.buffer}")
"""

# Running a listing: it is run as a script (from stdin), then every name that its functions and
# classes read as a global must exist. Defining a function runs none of its body, so a listing
# that lacks an import or a line of its function would otherwise still exit 0.
RUN_LISTING = """\
import builtins, dis, sys, types

source = sys.stdin.read()
namespace = {"__name__": "__main__"}
exec(compile(source, "<listing>", "exec"), namespace)

def code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from code_objects(const)

codes = [list(dis.get_instructions(c)) for c in code_objects(compile(source, "", "exec"))]
defined = set(namespace) | {op.argval for ops in codes for op in ops
                            if op.opname == "STORE_GLOBAL"}  # set by a function's `global`
missing = set()
for ops in codes:
    local = {op.argval for op in ops if op.opname == "STORE_NAME"}  # a class body's own names
    missing |= {op.argval for op in ops
                if op.opname in ("LOAD_GLOBAL", "LOAD_NAME", "LOAD_FROM_DICT_OR_GLOBALS")
                and op.argval not in defined | local and not hasattr(builtins, op.argval)}
if missing:
    sys.exit("names used but defined nowhere in the listing: " + ", ".join(sorted(missing)))
"""


@dataclass
class Copied:
    url: str
    title: str  # the block's title ('' for a session)
    shown: str  # the text of its <code> as the page shows it
    outputs: list  # its output lines (class "go")
    text: str  # what its copy button put on the clipboard
    errors: list  # console errors logged (and other hosts asked) while copying


@pytest.fixture(scope="session")
def copied(chromium, site):
    """{(lang, path, 'session' | 'listing'): Copied} for the blocks of COPY_PAGES, copied with
    their copy buttons in one browser context that may read the clipboard."""
    blocked, errors, done = [], [], {}
    context, page = new_page(chromium, blocked)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.root))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)

    def console(msg):
        if msg.type == "error":
            errors.append(msg.text)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(f"uncaught {error.name}: {error.message}"))
    try:
        for lang, path in COPY_PAGES:
            url = site.url(lang, path)
            page.goto(url)
            for kind, index in page.evaluate(FIND_BLOCKS).items():
                if index < 0:
                    continue  # the tests say it is missing
                block = page.locator(".highlight").nth(index)
                # Material adds a block's copy button when the block comes on screen (content.lazy)
                block.scroll_into_view_if_needed()
                page.evaluate("text => navigator.clipboard.writeText(text)", NOTHING_COPIED)
                del errors[:]
                block.locator("[data-clipboard-target]").click()
                for _ in range(40):  # clipboard.js copies in the click's handler; allow a lag
                    text = page.evaluate("navigator.clipboard.readText()")
                    if text != NOTHING_COPIED:
                        break
                    page.wait_for_timeout(50)
                errors += [f"asked another host for {u}" for u in blocked]
                done[lang, path, kind] = Copied(url=url, text=text, errors=errors[:],
                                                **block.evaluate(DESCRIBE_BLOCK))
    finally:
        context.close()
    return done


def copy_of(copied, lang, path, kind):
    c = copied.get((lang, path, kind))
    if c is None:
        what = "a >>> session" if kind == "session" else "a listing titled nn_text/..."
        pytest.fail(f"{lang} {path}: the page shows no {what}, yet its source has one",
                    pytrace=False)
    fail_if(c.errors, f"{c.url}: copying the {kind} logged errors:")
    fail_if(c.text == NOTHING_COPIED and ["nothing on the clipboard"],
            f"{c.url}: the copy button of the {kind} {c.title} copied nothing:")
    return c


def run_python(args, stdin=None):
    """Run the venv's Python in an empty temporary directory with the tests' environment."""
    env = project_defaults(dict(os.environ))
    env.setdefault("MPLBACKEND", "Agg")
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run([sys.executable, *SCRIPT_WARNINGS, *args], cwd=tmp, env=env,
                              input=stdin, capture_output=True, text=True, encoding="utf-8",
                              timeout=300)


def each_copy_page(test):
    ids = [f"{page_id(path)}-{lang}" for lang, path in COPY_PAGES]  # as each_page names them
    return pytest.mark.parametrize("lang, path", COPY_PAGES, ids=ids)(test)


def test_copy_pages_span_chapters_and_languages():
    langs = {lang for lang, _ in COPY_PAGES}
    assert len(COPY_PAGES) >= 6 and langs == set(LANGS), f"too few pages to copy from: {COPY_PAGES}"


@each_copy_page
def test_copy_button_copies_only_the_input_of_a_session(copied, lang, path):
    c = copy_of(copied, lang, path, "session")
    lines = {line.strip() for line in c.text.splitlines()}
    problems = [f"a prompt: {line!r}" for line in c.text.splitlines() if ">>>" in line]
    problems += [f"an output line: {out!r}" for out in c.outputs if out.strip() in lines - {""}]
    fail_if(problems and problems + ["copied:", c.text],
            f"{c.url}: the copy button of the first >>> session copied more than its input:")


@each_copy_page
def test_copied_session_runs(copied, lang, path):
    """Pasted into a file and run, or pasted at the interactive prompt."""
    c = copy_of(copied, lang, path, "session")
    problems = []
    for how, args, stdin in [("as a script", ["-c", c.text], None),
                             ("at the interactive prompt", ["-c", PASTE_AT_THE_PROMPT], c.text)]:
        done = run_python(args, stdin)
        if done.returncode:
            problems.append(f"{how}: exit {done.returncode}\n{done.stderr[-2000:]}")
    fail_if(problems and problems + ["copied:", c.text],
            f"{c.url}: the copied first >>> session does not run:")


@each_copy_page
def test_copy_button_copies_a_listing_as_shown(copied, lang, path):
    c = copy_of(copied, lang, path, "listing")
    fail_if(c.text != c.shown.rstrip() and ["copied:", c.text, "shown:", c.shown],
            f"{c.url}: the copy button of {c.title} did not copy the code as shown:")


@each_copy_page
def test_copied_listing_runs(copied, lang, path):
    """The first listing from nn_text/ on the page, copied into a file, runs alone: it exits 0
    and every global name its code uses is defined (RUN_LISTING)."""
    c = copy_of(copied, lang, path, "listing")
    done = run_python(["-c", RUN_LISTING], c.text)
    fail_if(done.returncode and [f"exit {done.returncode}", done.stderr[-2000:], "copied:", c.text],
            f"{c.url}: the copied listing {c.title} does not run alone:")


@pytest.mark.parametrize("lang", list(LANGS))
def test_screenshot_chapter_2(chromium, site, lang):
    folder = os.environ.get("NN_TEXT_SCREENSHOTS")
    if not folder:
        pytest.skip("set NN_TEXT_SCREENSHOTS to a folder to save screenshots of chapter 2")
    out = Path(folder) / f"{CHAPTER_2.strip('/').replace('/', '-')}-{lang}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    context, page = new_page(chromium, [])
    try:
        page.goto(site.url(lang, CHAPTER_2))
        page.wait_for_load_state("networkidle")
        page.wait_for_function(MATH_RENDERED)
        page.wait_for_function(IMAGES_SETTLED)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=out, full_page=True)
    finally:
        context.close()
    assert out.stat().st_size > 0, f"{out} is empty"
