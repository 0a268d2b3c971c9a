"""Make mkdocs-jupyter work under mkdocs-static-i18n, offline.

1. The i18n plugin replaces the file list after mkdocs-jupyter marked notebooks as pages, so
   notebooks were copied raw; after i18n ran, mark `.ipynb` files as documentation pages again.
   i18n also finds no twin for a notebook of a non-default language, so its language switch led
   to the other language's home page: give each notebook the twin URL for every language.
2. nbconvert's template adds a CDN MathJax loader, a mermaid import and an empty
   `<script src="">`; the site typesets math with its own KaTeX, so drop those tags.
3. nbconvert inlines JupyterLab's 570 kB stylesheet into every notebook page; publish it once
   as a shared file instead, so a notebook page weighs about 100 kB and the stylesheet is cached,
   and keep in it only the rules whose classes the notebook pages use (JupyterLab's widgets,
   menus and dialogs are not on a static page): the browser waits for it and matches every
   rule against every element.
4. A code cell wider than the page scrolls sideways, so keyboard users must be able to focus
   it: give nbconvert's code boxes tabindex="0", as Material does for its own code blocks.
5. A cell's printed lines arrive from the kernel in chunks that depend on timing, and nbconvert
   shows each chunk as its own output box, so two builds differed. Merge adjacent outputs of
   the same stream once the cell has run.
6. nbconvert and mkdocs-jupyter's table of contents both drop Hangul from heading ids, so Korean
   headings got ids like "" or "2" that the table of contents did not point at. Give every
   notebook heading an id made from its whole text (Hangul kept) and point the table of
   contents at it.
7. This hook runs the notebooks, not mkdocs-jupyter (its `execute` is off). Twins have the same
   code cells but for the labels they print, which the Korean notebook prints in Korean
   (tests/test_site.py checks that nothing else differs); a notebook runs once for each distinct
   code, twins that are the same run once for both, and two kernels run at once. The outputs
   are kept in .cache/notebooks/ under a key of the code cells and of what
   they read (the package's code, the data, the font: hooks/_common.py's inputs_digest), so a
   build runs only the notebooks whose code or inputs changed; NN_TEXT_NOTEBOOK_CACHE=false
   runs them all. They run in a thread while the figures are drawn, each in a kernel that talks
   over IPC (Unix sockets) rather than TCP, in the notebook's folder, with the build's
   environment less MPLBACKEND (the tests set Agg, with which plt.show() in a notebook would draw
   nothing). The page is rendered from the executed copy; the .ipynb offered for download
   next to it stays the source, without outputs. mkdocs-jupyter caches the page it renders from
   an executed copy, but after each language's build it evicts the entries that build did not
   use: the other language's, which the next build then renders again. Before it does, mark
   the entries of every executed copy, both languages', as used.
8. nbconvert puts each plot into the page as base64 PNG data, a third more bytes than the image
   that the browser must receive before it can paint the text (ch06's notebook page weighed
   180 kB gzipped). Publish each plot as a PNG file next to the page instead, named by its
   content, with the width and height of its pixels, so the page keeps its room and nothing
   shifts; like the site's figures, it loads when the reader comes near it (hooks/figures.py).
   nbconvert's alt text says "No description has been provided for this image": each plot's
   alt text comes from the metadata "alt" of the cell that drew it, and a plot without one
   fails the build.
9. A calm build log: mkdocs-jupyter's two lines per notebook page (converting, copying) and the
   i18n plugin's whole palette of the other language are left out; warnings stay.
"""

import base64
import copy
import hashlib
import html as html_lib
import json
import logging
import os
import posixpath
import re
import shutil
import struct
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import nbformat
from jupyter_client.manager import KernelManager
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs_jupyter import plugin as jupyter_plugin
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from _common import ROOT, inputs_digest, one_blas_thread, project_defaults

for name in ("mkdocs.mkdocs-jupyter", "mkdocs.plugins.mkdocs_jupyter"):  # 9
    logging.getLogger(name).setLevel(logging.WARNING)
logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
    lambda record: record.levelno > logging.INFO or "config 'theme." not in record.getMessage())

CACHE = ROOT / ".cache" / "notebooks"  # outputs/<key>.json, and executed/<docs path>.ipynb
CELL_TIMEOUT = 600  # seconds; a notebook cell that runs longer is a bug in the notebook
KERNELS = 2  # notebooks running at once: kernels mostly wait on one core each
CDN_SCRIPTS = re.compile(
    r"<script[^>]*\bsrc=\"(?:https?:)?//[^\"]*\"[^>]*>\s*</script>"  # any remote script
    r"|<script[^>]*\bsrc=\"\"[^>]*>\s*</script>"  # the empty one
    r"|<script type=\"module\">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*?</script>"
    r"|<script[^>]*>(?:(?!</script>).)*?MathJax(?:(?!</script>).)*?</script>",
    re.DOTALL,
)


# --- 7: every notebook pair executed once, in a thread while the figures are drawn ----------


def _code(nb):
    return [c.source for c in nb.cells if c.cell_type == "code"]


def _coalesce(outputs):
    merged = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream" and merged[-1]["name"] == out["name"]):
            merged[-1]["text"] += out["text"]
        else:
            merged.append(out)
    return merged


def _execute(nb, cwd, env):
    """Run a notebook in place in a fresh kernel that listens on Unix sockets, not TCP."""
    with tempfile.TemporaryDirectory() as sockets:
        km = KernelManager(kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
                           transport="ipc", ip=os.path.join(sockets, "kernel"))
        client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, allow_errors=False,
                                record_timing=False, resources={"metadata": {"path": cwd}})
        try:
            client.execute(env=env)
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _coalesce(cell.outputs)


def _write(path, text):
    """Write whole or not at all: another build (a test's) may read the file meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as f:
        f.write(text)
    os.replace(f.name, path)


def _key(digest, nb):
    return hashlib.sha256(json.dumps([digest, nb.metadata.get("kernelspec"), _code(nb)])
                          .encode()).hexdigest()


def _run(path, nb, docs_dir, env):
    """Execute a copy of `nb`; its code cells' outputs and execution counts."""
    run = copy.deepcopy(nb)
    try:
        _execute(run, str(path.parent), env)
    except CellExecutionError as e:
        raise PluginError(f"{path.relative_to(docs_dir)}: a cell failed:\n{e}") from e
    return [{"outputs": c.outputs, "execution_count": c.execution_count}
            for c in run.cells if c.cell_type == "code"]


def _run_notebooks(docs_dir, use_cache):
    """Execute each distinct notebook code once; write every executed copy; return their paths."""
    env = one_blas_thread(project_defaults(dict(os.environ)))  # KERNELS kernels side by side
    env.pop("MPLBACKEND", None)
    digest = inputs_digest(env)
    notebooks = {path: nbformat.read(path, as_version=4)
                 for path in sorted(Path(docs_dir).rglob("*.ipynb"))}
    keys = {path: _key(digest, nb) for path, nb in notebooks.items()}
    runs, todo = {}, {}  # key -> outputs; key -> (path, notebook) still to run
    for path, key in keys.items():
        cached = CACHE / "outputs" / f"{key}.json"
        if key not in runs and use_cache and cached.is_file():
            runs[key] = json.loads(cached.read_text(encoding="utf-8"))
        elif key not in runs:
            todo.setdefault(key, (path, notebooks[path]))
    # Twins whose code differs (a Korean notebook prints Korean labels) each run: a few kernels
    # at once, later chapters (the longer runs) first, so the build waits for the slowest alone.
    jobs = sorted(todo.items(), key=lambda item: str(item[1][0]), reverse=True)
    with ThreadPoolExecutor(max_workers=KERNELS) as pool:
        futures = {key: pool.submit(_run, path, nb, docs_dir, env) for key, (path, nb) in jobs}
        for key, future in futures.items():
            runs[key] = future.result()
            _write(CACHE / "outputs" / f"{key}.json", json.dumps(runs[key]))
    executed = {}
    for path, nb in notebooks.items():
        for cell, result in zip([c for c in nb.cells if c.cell_type == "code"], runs[keys[path]]):
            cell.outputs = [nbformat.from_dict(out) for out in result["outputs"]]
            cell.execution_count = result["execution_count"]
        target = CACHE / "executed" / path.relative_to(docs_dir)
        text = nbformat.writes(nb)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            _write(target, text)
        executed[str(path)] = str(target)
    return executed


RUN = {}  # "thread", and then "executed" {source path: executed copy} or "error"


@event_priority(50)  # before the figures hook's on_pre_build, which draws while this runs
def on_pre_build(config):
    use_cache = os.environ.get("NN_TEXT_NOTEBOOK_CACHE", "true").lower() not in {"false", "0"}

    def run():
        try:
            RUN["executed"] = _run_notebooks(config["docs_dir"], use_cache)
        except Exception as e:  # raised in the build by on_files
            RUN["error"] = e

    RUN.clear()
    RUN["thread"] = threading.Thread(target=run, name="notebooks")
    RUN["thread"].start()


def _is_notebook(file):
    return file.src_uri.endswith(".ipynb")


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    RUN["thread"].join()
    if "error" in RUN:
        error = RUN["error"]
        raise error if isinstance(error, PluginError) else PluginError(
            f"running the notebooks failed: {error!r}") from error
    i18n = config.plugins.get("i18n")
    locales = [(lang.locale, lang.default) for lang in i18n.config.languages] if i18n else []
    for file in files:
        if _is_notebook(file):
            file.is_documentation_page = lambda: True
            file.source_notebook = file.abs_src_path
            file.abs_src_path = RUN["executed"][file.abs_src_path]
            _add_twins(file, locales)
    return files


@event_priority(-50)  # after mkdocs-jupyter's on_post_page put the executed copy there
def on_post_page(output, page, config):
    source = getattr(page.file, "source_notebook", None)
    if source:
        shutil.copyfile(source, Path(page.file.abs_dest_path).parent / Path(source).name)
    return output


def _add_twins(file, locales):
    """Point the language switch of a notebook page at the same notebook in each language."""
    alternates = getattr(file, "alternates", None)
    if alternates is None:
        return
    base = file.url  # made into the URL of the default language
    for locale, default in locales:
        if not default and base.startswith(f"{locale}/"):
            base = base[len(locale) + 1:]
    for locale, default in locales:
        if locale not in alternates:
            # The switch only reads `.url` of an alternate.
            alternates[locale] = SimpleNamespace(url=base if default else f"{locale}/{base}")


BIG_STYLE = re.compile(r'<style type="text/css">((?:(?!</style>).){50000,})</style>', re.DOTALL)
SHARED_CSS = {}  # file name under assets/stylesheets/ -> its text, written after the build
USED_CLASSES = set()  # every class of the notebook pages, both languages' builds
CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# mkdocs-jupyter puts ".jupyter-wrapper " before every selector, so JupyterLab's ":root" and
# "body" rules became selectors that match nothing (the root is inside no element).
# Classes inside :not(), :is(), :where() or :has() need not be on the page for the rule to match.
PSEUDO_ARGUMENT = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
NEVER = re.compile(r"\S\s*[\s>+~]\s*(?::root|html|body)\b")
# JupyterLab's ".jupyter-wrapper ::selection" gives every element of the notebook a selection
# style of its own to compute: it doubled the cost of restyling a notebook page (about 12 ms
# instead of 6 for ch04's, several times while the page starts). Selections keep Material's colour.
SLOW = re.compile(r"::(?:-moz-)?selection\b")


def _css_blocks(css):
    """(prelude, body) of each top-level rule or at-rule of `css` (comments removed before)."""
    depth, start, prelude = 0, 0, None
    for i, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:i].strip(), i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield prelude, css[start:i]
                start = i + 1
        elif char == ";" and depth == 0:  # @import, @charset
            yield css[start:i].strip(), None
            start = i + 1


def _selectors(prelude):
    """The selectors of a list, split at the commas outside parentheses."""
    out, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    return [s.strip() for s in out + [prelude[start:]]]


def _prune(css, classes):
    """`css` with only the selectors that can match: whose classes all occur in `classes`."""
    out = []
    for prelude, body in _css_blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(("@media", "@supports", "@layer", "@container")):
            inner = _prune(body, classes)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):  # @font-face, @keyframes, @page
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in _selectors(prelude)
                    if set(SELECTOR_CLASS.findall(PSEUDO_ARGUMENT.sub("", s))) <= classes
                    and not NEVER.search(s) and not SLOW.search(s)]
            if kept:
                out.append(f"{','.join(kept)}{{{body.strip()}}}")
    return "\n".join(out)


def _share_big_styles(html, page):
    root = "../" * page.url.count("/")  # from the page's folder back to the site root

    def link(match):
        css = match.group(1)
        name = f"jupyter-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        SHARED_CSS[name] = css
        return f'<link rel="stylesheet" href="{root}assets/stylesheets/{name}">'

    return BIG_STYLE.sub(link, html)


@event_priority(100)  # before mkdocs-jupyter's own on_post_build evicts unused cache files
def on_post_build(config):
    plugin = config.plugins.get("mkdocs-jupyter")
    used = getattr(plugin, "_used_cache_paths", None)  # mkdocs-jupyter 0.26's bookkeeping
    if used is not None and plugin.config["cache"]:
        for executed in RUN.get("executed", {}).values():
            key = jupyter_plugin._compute_cache_key(executed, plugin.config, plugin.config["execute"])
            used.add(jupyter_plugin._get_cache_path(plugin.config["cache_dir"], key))
    out = Path(config["site_dir"]) / "assets" / "stylesheets"
    out.mkdir(parents=True, exist_ok=True)
    for name, css in SHARED_CSS.items():
        (out / name).write_text(_prune(CSS_COMMENT.sub("", css), USED_CLASSES), encoding="utf-8")
    for path, png in PLOTS.items():
        (Path(config["site_dir"]) / path).write_bytes(png)


PNG_IMG = re.compile(r'(<img\b[^>]*\bsrc=")data:image/png;base64,([A-Za-z0-9+/=\s]+)'
                     r'("[^>]*?)(?=\s*/?>)')
PLOTS = {}  # path under the site root -> the PNG's bytes, written after the build


ALT = re.compile(r'\salt="[^"]*"')


def _plot_alts(executed, source):
    """The alt text of each plot of an executed notebook, in order, from the metadata "alt" of
    the cell that drew it: a string, or a list with one string per plot of the cell."""
    alts = []
    for number, cell in enumerate(nbformat.read(executed, as_version=4).cells, 1):
        plots = sum("image/png" in output.get("data", {}) for output in cell.get("outputs", []))
        if not plots:
            continue
        alt = cell.metadata.get("alt")
        given = [alt] if isinstance(alt, str) else alt if isinstance(alt, list) else []
        if len(given) != plots or not all(isinstance(a, str) and a.strip() for a in given):
            raise PluginError(
                f"{source}: cell {number} draws {plots} plot(s), so its metadata needs \"alt\": "
                f"what {'the plot shows' if plots == 1 else f'each of its {plots} plots shows'} "
                f"for a reader who cannot see it ({'a string' if plots == 1 else 'a list'}); "
                f"it has {alt!r}")
        alts += given
    return alts


def _publish_plots(html, page):
    folder = posixpath.dirname(page.url + "_")  # the page's folder: ch04/notebook/ -> ch04/notebook
    alts = iter(_plot_alts(page.file.abs_src_path, page.file.src_uri))

    def published(match):
        png = base64.b64decode(match[2])
        # A PNG starts with its 8-byte signature and the IHDR chunk: length, type, width, height.
        width, height = struct.unpack(">II", png[16:24])
        name = f"plot-{hashlib.sha256(png).hexdigest()[:12]}.png"
        PLOTS[posixpath.join(folder, name)] = png
        size = "" if " width=" in match[0] else f' width="{width}" height="{height}"'
        text = next(alts, None)
        if text is None:  # nbconvert showed a PNG that is no cell's image output
            raise PluginError(f"{page.file.src_uri}: more PNG images on the page than plots")
        alt = f' alt="{html_lib.escape(text, quote=True)}"'
        return ALT.sub("", match[1]).replace("<img", "<img" + alt, 1) + name + match[3] + size

    return PNG_IMG.sub(published, html)


CODE_BOX = re.compile(r'<div class="(highlight-ipynb[^"]*)">')


HEADING = re.compile(r'<(h[1-6]) id="([^"]*)">(.*?)</\1>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _slug(text, taken):
    """A unique id from heading text, keeping Hangul: '2. 논리 게이트' -> '2-논리-게이트'."""
    base = re.sub(r"[\s_]+", "-", re.sub(r"[^\w\s-]", "", text.lower())).strip("-") or "section"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _heading_text(inner):
    return html_lib.unescape(TAG.sub("", inner)).replace("\u00b6", "").strip()


def _toc_links(items):
    for item in items:
        yield item
        yield from _toc_links(item.children)


def _renumber_headings(html, toc):
    taken, titles, ids = set(), [], []

    def renumber(match):
        tag, old, inner = match.groups()
        text = _heading_text(inner)
        new = _slug(text, taken)
        titles.append(text)
        ids.append(new)
        inner = inner.replace(f'href="#{old}"', f'href="#{new}"')
        return f'<{tag} id="{new}">{inner}</{tag}>'

    html = HEADING.sub(renumber, html)
    links = list(_toc_links(toc))
    by_title = dict(zip(titles, ids))
    for link in links:
        title = _heading_text(link.title)
        if title not in by_title:
            raise PluginError(f"notebook table of contents entry {title!r} has no heading")
        link.id = by_title[title]
    return html


def on_page_content(html, page, config, files):
    if _is_notebook(page.file):
        html = CDN_SCRIPTS.sub("", html)
        USED_CLASSES.update(c for attr in CLASS_ATTR.findall(html) for c in attr.split())
        html = _share_big_styles(html, page)
        html = _publish_plots(html, page)
        html = CODE_BOX.sub(r'<div class="\1" tabindex="0">', html)
        html = _renumber_headings(html, page.toc)
    return html
