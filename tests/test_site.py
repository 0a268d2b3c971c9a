"""The site: a strict build with no warnings, and Korean/English pages that are true twins.

Twins share the path (name.ko.md / name.en.md), every heading's explicit anchor, every code block
(byte for byte, listing blocks included) and every figure (up to the -ko/-en suffix).
"""

import ast
import html as html_lib
import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = ("ko", "en")
FENCE = re.compile(r"^(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR = re.compile(r"\{\s*#([\w-]+)\s*\}$")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")


def twin_stems():
    stems = {}
    for path in DOCS.rglob("*"):
        m = re.fullmatch(r"(.*)\.(ko|en)\.(md|ipynb)", path.relative_to(DOCS).as_posix())
        if m:
            stems.setdefault((m[1], m[3]), set()).add(m[2])
    return stems


STEMS = twin_stems()
MD_STEMS = sorted(stem for stem, ext in STEMS if ext == "md")
NB_STEMS = sorted(stem for stem, ext in STEMS if ext == "ipynb")


def structure(text):
    """Headings' anchors, code blocks and figure paths of a Markdown page, in page order."""
    anchors, blocks, images, problems = [], [], [], []
    fence, block = None, []
    for number, line in enumerate(text.splitlines(), 1):
        if fence:
            if line.strip() == fence:
                blocks.append("\n".join(block))
                fence = None
            else:
                block.append(line)
            continue
        m = FENCE.match(line.strip())
        if m:
            fence, block = m[1], [line.strip()]
            continue
        h = HEADING.match(line)
        if h:
            a = ANCHOR.search(h[2])
            anchors.append(f"{h[1]} {a[1]}" if a else f"{h[1]} ?")
            if not a:
                problems.append(f"line {number}: heading without {{ #anchor }}: {line}")
        images += [re.sub(r"-(ko|en)\.svg$", "-LANG.svg", src) for src in IMAGE.findall(line)]
    return anchors, blocks, images, problems


def read(stem, lang):
    return (DOCS / f"{stem}.{lang}.md").read_text(encoding="utf-8")


def test_the_build_is_strict_and_warning_free(built_site):
    assert built_site.returncode == 0
    # MkDocs' own warnings; a kernel's note on stderr about its transport is not one.
    warnings = [line for line in built_site.log.splitlines() if re.match(r"WARNING\s+-", line)]
    assert not warnings, "\n".join(warnings)


def test_expected_pages_exist():
    for stem in ["index", "glossary", "api", "ch01/python-numpy", "ch02/perceptron"]:
        assert stem in MD_STEMS, f"docs/{stem}.ko.md / .en.md missing"
    assert {"ch01/notebook", "ch02/notebook"} <= set(NB_STEMS)


@pytest.mark.parametrize("stem_ext", sorted(STEMS), ids=lambda s: ".".join(s))
def test_every_page_has_a_twin(stem_ext):
    langs = STEMS[stem_ext]
    stem, ext = stem_ext
    assert langs == set(LANGS), f"docs/{stem}: only {sorted(langs)} exists, its twin is missing"


@pytest.mark.parametrize("stem", MD_STEMS)
def test_twins_share_anchors_code_and_figures(stem):
    ko, en = (structure(read(stem, lang)) for lang in LANGS)
    assert not ko[3] and not en[3], "\n".join(ko[3] + en[3])
    assert ko[0] == en[0], f"{stem}: heading anchors differ\nko: {ko[0]}\nen: {en[0]}"
    assert ko[1] == en[1], f"{stem}: code blocks differ between ko and en"
    assert ko[2] == en[2], f"{stem}: figures differ\nko: {ko[2]}\nen: {en[2]}"


@pytest.mark.parametrize("stem", MD_STEMS)
def test_figures_are_in_the_page_language(stem):
    for lang in LANGS:
        for src in IMAGE.findall(read(stem, lang)):
            if src.endswith(".svg") and "/figures/" in src:
                assert src.endswith(f"-{lang}.svg"), f"{stem}.{lang}.md shows {src}"


HANGUL = re.compile("[\uac00-\ud7a3]")


def code_shape(source):
    """A code cell's syntax tree with each string constant as a placeholder, and those strings in
    order: what twins must share, and where they may differ. An f-string counts as one string,
    its text around the {} (which may move: "layer {}" is "{}층"); its expressions stay in the
    tree, in order. Comments are not in the tree."""
    strings = []

    class Shape(ast.NodeTransformer):
        def visit_JoinedStr(self, node):
            strings.append("".join(v.value if isinstance(v, ast.Constant) else "{}"
                                   for v in node.values))
            node.values = [self.visit(v) for v in node.values if not isinstance(v, ast.Constant)]
            return node

        def visit_Constant(self, node):
            if isinstance(node.value, str):
                strings.append(node.value)
                node.value = "<str>"
            return node

    return ast.dump(Shape().visit(ast.parse(source))), strings


def code_drift(en, ko):
    """Why the Korean code cell `ko` is not the English `en` with its labels in Korean: the two
    must be the same code, and a string literal may differ only by becoming Korean (a printed
    label; hooks/notebooks.py runs each language's notebook, so what it prints is real)."""
    (en_tree, en_strings), (ko_tree, ko_strings) = code_shape(en), code_shape(ko)
    if en_tree != ko_tree:
        return ["the code differs, not only its strings"]
    return [f"{a!r} -> {b!r}: a changed string that is not a Korean label"
            for a, b in zip(en_strings, ko_strings)  # padding may change beside a Korean label
            if a.strip() != b.strip() and not HANGUL.search(b)]


@pytest.mark.parametrize("stem", NB_STEMS)
def test_notebook_twins_share_code_cells(stem):
    cells = {}
    for lang in LANGS:
        nb = json.loads((DOCS / f"{stem}.{lang}.ipynb").read_text(encoding="utf-8"))
        cells[lang] = [(c["cell_type"], "".join(c["source"]) if c["cell_type"] == "code" else "")
                       for c in nb["cells"]]
        assert not any(c.get("outputs") for c in nb["cells"]), f"{stem}.{lang}: commit no outputs"
    assert [t for t, _ in cells["ko"]] == [t for t, _ in cells["en"]], (
        f"{stem}: the twins' cells are not of the same kinds in the same order")
    problems = [f"code cell {i}: {problem}" for i, ((_, ko), (_, en)) in
                enumerate(zip(cells["ko"], cells["en"])) for problem in code_drift(en, ko)]
    assert not problems, f"{stem}: notebook code differs between ko and en:\n" + "\n".join(problems)


def test_notebook_twin_check_allows_korean_labels_only():
    en = 'x = 1  # one\nprint("sum:", x, f"loss {x:.2f}")\n'
    assert code_drift(en, 'x = 1  # 하나\nprint("합:", x, f"손실 {x:.2f}")\n') == []
    assert code_drift(en, 'x = 2\nprint("sum:", x, f"loss {x:.2f}")\n')  # a number
    assert code_drift(en, 'x = 1\nprint("sum:", x + 1, f"loss {x:.2f}")\n')  # an expression
    assert code_drift(en, 'x = 1\nprint("total:", x, f"loss {x:.2f}")\n')  # not a translation
    assert code_drift(en, 'x = 1\nprint("합:", x, f"손실 {x:.3f}")\n')  # what an f-string prints
    assert code_drift(en, 'x = 1\nprint("합:", x, f"손실 {x + 1:.2f}")\n')
    assert code_drift(en, 'x = 1\nprint("합:", x, f"{x:.2f} 손실 {x:.2f}")\n')


def test_twin_check_catches_drift():
    ko = "# T { #t }\n\n## A { #a }\n\n```pycon\n>>> 1\n1\n```\n"
    en = "# T { #t }\n\n## A { #b }\n\n```pycon\n>>> 2\n2\n```\n## No anchor\n"
    a, b = structure(ko), structure(en)
    assert a[0] != b[0] and a[1] != b[1] and b[3]


def test_built_pages_make_no_external_requests_in_markup(built_site):
    # The browser test checks live requests; this catches them in every built file, fast.
    # Links that only name another address (canonical, hreflang alternates) load nothing.
    tag = re.compile(r"<(script|link|img|iframe|source)\b[^>]*>", re.I)
    remote = re.compile(r"\b(?:src|href)=\"(?:https?:)?//", re.I)
    harmless = re.compile(r"\brel=\"(?:canonical|alternate)\"", re.I)
    offenders = []
    for page in built_site.path.rglob("*.html"):
        for m in tag.finditer(page.read_text(encoding="utf-8")):
            if remote.search(m[0]) and not harmless.search(m[0]):
                offenders.append(f"{page.relative_to(built_site.path)}: {m[0][:120]}")
    assert not offenders, "markup that loads from another host:\n" + "\n".join(offenders)


@pytest.mark.parametrize("stem", NB_STEMS)
def test_notebook_pages_show_their_plots(built_site, stem):
    """Each plt.show() of a notebook is a PNG file next to its page, sized, with the alt text
    that the metadata of the plot's cell gives, in the page's language (hooks/notebooks.py)."""
    alts = {}
    for lang in LANGS:  # the tests run with MPLBACKEND=Agg; the build must still plot inline
        source = json.loads((DOCS / f"{stem}.{lang}.ipynb").read_text(encoding="utf-8"))
        page = built_site.path / ("" if lang == "ko" else "en") / stem / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "data:image/png" not in html, f"{page}: a plot inlined as data, not a file"
        plots = re.findall(r'<img\b[^>]*\bsrc="plot-[0-9a-f]{12}\.png"[^>]*>', html)
        expected = sum("".join(c["source"]).count("plt.show()") for c in source["cells"])
        assert len(plots) >= expected, f"{page}: {len(plots)} plots for {expected} plt.show() calls"
        for tag in plots:
            png = (page.parent / re.search(r'src="([^"]+)"', tag)[1]).read_bytes()
            width, height = struct.unpack(">II", png[16:24])  # the PNG's IHDR chunk
            assert png.startswith(b"\x89PNG") and f'width="{width}" height="{height}"' in tag, tag
        given = [alt for cell in source["cells"] if "alt" in cell["metadata"]
                 for alt in ([cell["metadata"]["alt"]] if isinstance(cell["metadata"]["alt"], str)
                             else cell["metadata"]["alt"])]
        alts[lang] = [html_lib.unescape(re.search(r'\balt="([^"]*)"', tag)[1]) for tag in plots]
        assert alts[lang] == given, f"{page}: alt texts {alts[lang]}, the cells give {given}"
    for ko, en in zip(alts["ko"], alts["en"]):
        assert HANGUL.search(ko) and ko != en, f"{stem}: the Korean page's alt text {ko!r}"


@pytest.mark.build
def test_the_site_also_builds_with_properdocs(built_site, tmp_path):
    """The site is built with MkDocs 1.6.1, whose maintainers stopped; ProperDocs is its fork
    that runs the same plugins and themes. It builds the same pages, strict, so the move to it
    stays one step (a dependency and a command)."""
    out = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict",
                           "-f", "mkdocs.yml", "-d", str(out)], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]

    def pages(site):
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))

    assert pages(out) == pages(built_site.path)
