"""Hangul drawn with a web font served by the site: Noto Sans KR, only the glyphs a page uses.

A reader whose system has no Korean font saw every Korean page as empty boxes. The font comes
from the npm package @fontsource/noto-sans-kr (pinned in tools/npm/package-lock.json, installed
by tools/dev.py; SIL Open Font License 1.1, published next to the files as OFL.txt), cut into
about a hundred files by how often Korean text uses each syllable, each with its
`unicode-range`. Only the regular weight's Hangul is used: Latin letters, digits and code stay in
the theme's system fonts, and bold Hangul is the regular weight made bold by the browser (a
second weight would make a Korean page about 40% heavier). extra.css puts the family first in
Material's text and code fonts.

Each page gets one font file of its own, made here with fontTools (a dependency of matplotlib):
the package's files that hold the page's syllables, merged, then cut down to exactly those
syllables (about 370 on chapter 3's "network" page: 32 kB, where the package's 20 files that
hold them weigh 227 kB). The page's head declares it with `@font-face` and preloads it, so it
arrives with the stylesheets, in one request, and the text is laid out once with it rather than
again as each of twenty files arrives. The files are kept in .cache/fonts/pages/ under a key of
their syllables. The face first tries the Korean fonts that systems ship (`local()`), so a reader
who has one downloads nothing.

Text that comes later from elsewhere, search results, may hold other syllables: the family
"Noto Sans KR All" (assets/fonts/noto-sans-kr.css, every Hangul file of the package with its
`unicode-range`, comes after the page's own in extra.css) is linked by
hooks/search_on_demand.js when the reader opens search, and the browser takes from it only the
files for the syllables the page's font lacks.
"""

import hashlib
import io
import re
import shutil
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from _common import ROOT, SETUP_HINT, add_file

PACKAGE = ROOT / "tools" / "npm" / "node_modules" / "@fontsource" / "noto-sans-kr"
CACHE = ROOT / ".cache" / "fonts"
SITE_DIR = "assets/fonts"  # the stylesheet; the font files and the licence go to SITE_DIR/noto-sans-kr/
CSS_URI = f"{SITE_DIR}/noto-sans-kr.css"
FAMILY, ALL_FAMILY = "Noto Sans KR", "Noto Sans KR All"
HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xD7B0, 0xD7FF)]
HANGUL_CHAR = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in HANGUL) + "]")
# Korean system fonts by their full and PostScript names: macOS/iOS, Windows, Android/Linux.
LOCAL = ["Apple SD Gothic Neo", "AppleSDGothicNeo-Regular", "Malgun Gothic", "MalgunGothic",
         "Noto Sans KR", "NotoSansKR-Regular", "Noto Sans CJK KR", "NotoSansCJKkr-Regular"]
FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.DOTALL)
SRC = re.compile(r"url\(\./files/([\w.-]+)\.woff2\) format\('woff2'\)(?:, url\([^)]*\) format\('woff'\))?")
RANGE = re.compile(r"unicode-range:\s*([^;]+);")
HEAD_END = "</head>"

FACES = []  # (file stem, [(first, last) code points]) of the package's Hangul faces


def _ranges(text):
    for part in text.split(","):
        first, _, last = part.strip()[2:].partition("-")
        yield int(first, 16), int(last or first, 16)


def _hangul_only(ranges):
    return sorted((max(a, h0), min(b, h1)) for a, b in ranges for h0, h1 in HANGUL
                  if a <= h1 and h0 <= b)


def _css_ranges(ranges):
    return ",".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in ranges)


def _face(family, src, ranges):
    local = ", ".join(f'local("{name}")' for name in LOCAL)
    return (f"@font-face {{font-family: '{family}'; font-style: normal; font-weight: 400; "
            f"font-display: swap; src: {local}, {src}; unicode-range: {_css_ranges(ranges)};}}")


def on_files(files, config):
    css = PACKAGE / "400.css"
    if not css.is_file():
        raise PluginError(f"Noto Sans KR is missing at {PACKAGE}: {SETUP_HINT}")
    FACES.clear()
    for face in FACE.findall(css.read_text(encoding="utf-8")):
        hangul = _hangul_only(_ranges(RANGE.search(face)[1]))
        if hangul:
            stem = SRC.search(face)[1]
            FACES.append((stem, hangul))
            add_file(files, config, PACKAGE / "files" / f"{stem}.woff2",
                     f"{SITE_DIR}/noto-sans-kr/{stem}.woff2")
    text = ("/* Noto Sans KR (SIL Open Font License 1.1: noto-sans-kr/OFL.txt), Hangul only; "
            "made by hooks/fonts.py from @fontsource/noto-sans-kr */\n"
            + "".join(_face(ALL_FAMILY, f"url(noto-sans-kr/{stem}.woff2) format('woff2')", ranges)
                      + "\n" for stem, ranges in FACES))
    out = CACHE / "noto-sans-kr.css"
    if not out.is_file() or out.read_text(encoding="utf-8") != text:  # mkdocs serve: no loop
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    add_file(files, config, out, CSS_URI)
    add_file(files, config, PACKAGE / "LICENSE", f"{SITE_DIR}/noto-sans-kr/OFL.txt")
    return files


MADE_BY = 2  # how page_font makes a file: a new number makes the cached files again


def page_font(codepoints):
    """The WOFF font of exactly these Hangul code points, made once and kept in .cache/fonts/."""
    key = hashlib.sha256(repr([(PACKAGE / "package.json").read_bytes(), codepoints, MADE_BY])
                         .encode()).hexdigest()[:16]
    path = CACHE / "pages" / f"{key}.woff"
    if path.is_file():
        return path
    stems = [stem for stem, ranges in FACES
             if any(a <= c <= b for c in codepoints for a, b in ranges)]
    font = Merger().merge([str(PACKAGE / "files" / f"{stem}.woff") for stem in stems])
    # The merge stamps the font with the time it ran, and saving stamps it again: two builds
    # wrote different bytes. The package's release date stays instead (its first face's).
    with TTFont(PACKAGE / "files" / f"{stems[0]}.woff", lazy=True) as first:
        font["head"].created, font["head"].modified = first["head"].created, first["head"].modified
    font.recalcTimestamp = False
    options = subset.Options()
    options.layout_features = []  # precomposed syllables need no shaping
    options.drop_tables += ["GSUB", "GPOS", "STAT", "vhea", "vmtx"]  # nor vertical text
    options.hinting = False
    options.name_IDs = [1, 2, 4, 6]  # the family name ("Noto Sans KR") stays
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.flavor = "woff"  # zlib: WOFF2 needs brotli, which the lock does not have
    data = io.BytesIO()
    font.save(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data.getvalue())
    tmp.replace(path)  # whole or not at all: a test's build may read it meanwhile
    return path


def on_post_template(output, template_name, config):
    """The 404 page is no page of the nav: it takes every Hangul face of the package."""
    if template_name != "404.html":
        return output
    link = f'<link rel="stylesheet" href="{urlsplit(config["site_url"] or "/").path.rstrip("/")}/{CSS_URI}">'
    return output.replace(HEAD_END, f"{link}\n{HEAD_END}", 1)


def _href(uri, page, config):
    """The URL of the site file `uri` from `page`; from the 404 page, which is served at any
    address, an absolute one as MkDocs makes its other links there."""
    if page.url == "404.html":
        return urlsplit(config["site_url"] or "/").path.rstrip("/") + "/" + uri
    return get_relative_url(uri, page.url)


def _site_root(page):
    """The folder of the whole site (both languages) in this build."""
    folder = Path(page.file.abs_dest_path).parent
    depth = len(PurePosixPath(page.url).parts) - (0 if page.url.endswith("/") else 1)
    return folder.parents[depth - 1] if depth > 0 else folder


@event_priority(-100)  # last: the page's text is final (math typeset, notebooks rendered)
def on_post_page(output, page, config):
    head = f'<meta name="nn-text-all-faces" content="{_href(CSS_URI, page, config)}">'
    codepoints = sorted({ord(c) for c in set(HANGUL_CHAR.findall(output))})
    if codepoints:
        font = page_font(codepoints)
        uri = f"{SITE_DIR}/pages/{font.name}"  # pages with the same syllables share it
        dest = _site_root(page) / uri
        if not dest.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(font, dest)
        href = _href(uri, page, config)
        face = _face(FAMILY, f'url({href}) format("woff")', HANGUL)
        head += (f'\n<link rel="preload" href="{href}" as="font" type="font/woff" crossorigin>'
                 f"\n<style>{face}</style>")
    return output.replace(HEAD_END, f"{head}\n{HEAD_END}", 1)
