"""Make mkdocs-jupyter work under mkdocs-static-i18n, offline.

1. The i18n plugin replaces the file list after mkdocs-jupyter marked notebooks as pages, so
   notebooks were copied raw; after i18n ran, mark `.ipynb` files as documentation pages again.
   i18n also finds no twin for a notebook of a non-default language, so its language switch led
   to the other language's home page: give each notebook the twin URL for every language.
2. nbconvert's template adds a CDN MathJax loader, a mermaid import and an empty
   `<script src="">`; the site typesets math with its own KaTeX, so drop those tags.
3. nbconvert inlines JupyterLab's 570 kB stylesheet into every notebook page; publish it once
   as a shared file instead, so a notebook page weighs about 100 kB and the stylesheet is cached.
4. A code cell wider than the page scrolls sideways, so keyboard users must be able to focus
   it: give nbconvert's code boxes tabindex="0", as Material does for its own code blocks.
5. A cell's printed lines arrive from the kernel in chunks that depend on timing, and nbconvert
   shows each chunk as its own output box, so two builds differed. Merge adjacent stdout boxes
   (nbconvert's own CoalesceStreamsPreprocessor runs before execution, too early).
6. mkdocs-jupyter caches each executed notebook, but after each language's build it evicts the
   entries that build did not use: the other language's. So every build ran every notebook
   again. Keep the entries any build of this process used.
7. nbconvert and mkdocs-jupyter's table of contents both drop Hangul from heading ids, so Korean
   headings got ids like "" or "2" that the table of contents did not point at. Give every
   notebook heading an id made from its whole text (Hangul kept) and point the table of
   contents at it.
8. The kernel that runs a notebook inherits the build's environment. A MPLBACKEND set around
   the build (the tests set Agg, so that page scripts open no window) makes plt.show() in a
   notebook draw nothing, and mkdocs-jupyter's cache then keeps the plot-less page for the
   next build, the deployed one included. Notebooks always plot inline: drop MPLBACKEND.
"""

import hashlib
import html as html_lib
import os
import re
from pathlib import Path
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

CDN_SCRIPTS = re.compile(
    r"<script[^>]*\bsrc=\"(?:https?:)?//[^\"]*\"[^>]*>\s*</script>"  # any remote script
    r"|<script[^>]*\bsrc=\"\"[^>]*>\s*</script>"  # the empty one
    r"|<script type=\"module\">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*?</script>"
    r"|<script[^>]*>(?:(?!</script>).)*?MathJax(?:(?!</script>).)*?</script>",
    re.DOTALL,
)


def on_config(config):
    os.environ.pop("MPLBACKEND", None)  # 8: plots inline in every notebook, whoever builds
    return config


def _is_notebook(file):
    return file.src_uri.endswith(".ipynb")


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    i18n = config.plugins.get("i18n")
    locales = [(lang.locale, lang.default) for lang in i18n.config.languages] if i18n else []
    for file in files:
        if _is_notebook(file):
            file.is_documentation_page = lambda: True
            _add_twins(file, locales)
    return files


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


def _share_big_styles(html, page):
    root = "../" * page.url.count("/")  # from the page's folder back to the site root

    def link(match):
        css = match.group(1)
        name = f"jupyter-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        SHARED_CSS[name] = css
        return f'<link rel="stylesheet" href="{root}assets/stylesheets/{name}">'

    return BIG_STYLE.sub(link, html)


USED_CACHE = set()  # mkdocs-jupyter cache files used by any language's build in this process


@event_priority(100)  # before mkdocs-jupyter's own on_post_build evicts unused cache files
def on_post_build(config):
    plugin = config.plugins.get("mkdocs-jupyter")
    used = getattr(plugin, "_used_cache_paths", None)  # mkdocs-jupyter 0.26's bookkeeping
    if used is not None:
        USED_CACHE.update(used)
        used.update(USED_CACHE)
    out = Path(config["site_dir"]) / "assets" / "stylesheets"
    out.mkdir(parents=True, exist_ok=True)
    for name, css in SHARED_CSS.items():
        (out / name).write_text(css, encoding="utf-8")


STDOUT_BOX = (r'<div class="jp-OutputArea-child">\n<div class="jp-OutputPrompt jp-OutputArea-prompt">'
              r'</div>\n<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain"'
              r' tabindex="0">\n<pre>((?:(?!</pre>).)*)</pre>\n</div>\n</div>')
TWO_STDOUT_BOXES = re.compile(STDOUT_BOX + r"\s*" + STDOUT_BOX, re.DOTALL)


def _merge_streams(html):
    while True:
        merged = TWO_STDOUT_BOXES.sub(
            lambda m: m[0][: m.start(1) - m.start(0)] + m[1] + m[2] + "</pre>\n</div>\n</div>", html)
        if merged == html:
            return html
        html = merged


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
        html = _share_big_styles(html, page)
        html = _merge_streams(html)
        html = CODE_BOX.sub(r'<div class="\1" tabindex="0">', html)
        html = _renumber_headings(html, page.toc)
    return html
