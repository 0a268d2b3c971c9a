"""Hangul drawn with a web font served by the site: Noto Sans KR, only the glyphs a page uses.

A reader whose system has no Korean font saw every Korean page as empty boxes. The font comes
from the npm package @fontsource/noto-sans-kr (pinned in tools/npm/package-lock.json, installed
by tools/dev.py; SIL Open Font License 1.1, published next to the files as OFL.txt), cut into
about a hundred WOFF2 files by how often Korean text uses each syllable, each with its
`unicode-range`, so a browser downloads only the files that hold the syllables on the page.
This hook keeps the regular weight's files that hold Hangul and narrows their ranges to Hangul,
so Latin letters, digits and code stay in the theme's system fonts, and an English page loads
only the few files for its language selector's "한국어". Bold Hangul is the regular weight made
bold by the browser: a second weight would make a Korean page about 40% heavier (measured on
chapter 3), and the variable font's files are twice the size. extra.css puts the family
first in Material's text and code fonts.
"""

import re

from mkdocs.exceptions import PluginError

from _common import ROOT, SETUP_HINT, add_file

PACKAGE = ROOT / "tools" / "npm" / "node_modules" / "@fontsource" / "noto-sans-kr"
OUT = ROOT / ".cache" / "fonts" / "noto-sans-kr.css"
SITE_DIR = "assets/fonts"  # the stylesheet; the font files and the licence go to SITE_DIR/noto-sans-kr/
HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xD7B0, 0xD7FF)]
FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.DOTALL)
SRC = re.compile(r"url\(\./files/([\w.-]+\.woff2)\) format\('woff2'\)(?:, url\([^)]*\) format\('woff'\))?")
RANGE = re.compile(r"unicode-range:\s*([^;]+);")


def _ranges(text):
    for part in text.split(","):
        first, _, last = part.strip()[2:].partition("-")
        yield int(first, 16), int(last or first, 16)


def _hangul_only(ranges):
    out = [(max(a, h0), min(b, h1)) for a, b in ranges for h0, h1 in HANGUL if a <= h1 and h0 <= b]
    return ",".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in sorted(out))


def on_files(files, config):
    css = PACKAGE / "400.css"
    if not css.is_file():
        raise PluginError(f"Noto Sans KR is missing at {PACKAGE}: {SETUP_HINT}")
    faces = []
    for face in FACE.findall(css.read_text(encoding="utf-8")):
        hangul = _hangul_only(_ranges(RANGE.search(face)[1]))
        if hangul:
            name = SRC.search(face)[1]
            faces.append(RANGE.sub(f"unicode-range: {hangul};", SRC.sub(
                f"url(noto-sans-kr/{name}) format('woff2')", face)))
            add_file(files, config, PACKAGE / "files" / name, f"{SITE_DIR}/noto-sans-kr/{name}")
    text = ("/* Noto Sans KR (SIL Open Font License 1.1: noto-sans-kr/OFL.txt), Hangul only; "
            "made by hooks/fonts.py from @fontsource/noto-sans-kr */\n"
            + "".join(f"@font-face {{{face}}}\n" for face in faces))
    if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:  # mkdocs serve: no loop
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, encoding="utf-8")
    add_file(files, config, OUT, f"{SITE_DIR}/noto-sans-kr.css")
    add_file(files, config, PACKAGE / "LICENSE", f"{SITE_DIR}/noto-sans-kr/OFL.txt")
    return files
