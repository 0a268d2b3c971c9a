"""Fix what Material's templates do that this site must not: two fetches, one missing label.

1. The repository link (`data-md-component="source"`) asks GitHub's API for stars and forks: a
   request to another host. Without the attribute it stays a plain link.
2. For each `<link rel="alternate" hreflang>` in the head, Material fetches `sitemap.xml` under
   that URL. mkdocs-static-i18n writes page URLs there, not language roots, so every page logged
   two 404s. The language selector is made of plain links and needs no such fetch; search
   engines find the same alternates in the root sitemap.xml.
3. The search dialog (`role="dialog"`) has no accessible name; screen readers announce nothing.
4. mkdocstrings adds its stylesheet to every page, and once more for each language the i18n
   plugin builds, so English pages linked it twice: a page links it once, and only if it shows
   mkdocstrings' output (the API pages). Every stylesheet in the head delays the first paint.
5. Material's bundle, at the end of the page, swaps `<html>`'s class no-js for js and adds the
   focus-visible classes: a change at the root that restyles the whole page, and on long pages
   (6,000 elements) one of the longest tasks before it is usable. A one-line script at the top
   of the head sets them before anything is styled.
6. Material's palette component (the light/dark toggle) starts from the bundle too and restyles
   the page several times; hooks/palette.js does its work in the header, before the first paint.
   Each option of the toggle carries the browser's colours for it (the meta tags color-scheme
   and theme-color), the header's colour taken from Material's palette stylesheet.
7. Material's bundle runs when the parser reaches it, before the first paint, and reads the
   viewport at once, so the browser styles and lays out the whole page inside the script (on
   ch06/optimizers, 90 of its 100 ms). hooks/start_material.js loads it after the first paint
   instead, when that work is done and the bundle takes about 15 ms. Lighthouse measured en
   ch06/optimizers 95 before and 98 after (total blocking time 160 -> 2 ms, medians of 3).
   Runs after hooks/search.py, which puts its script before the bundle's tag.
"""

import re
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

from _common import MATERIAL_BUNDLE, inline_script

SOURCE_WIDGET = re.compile(r'(<a [^>]*class="md-source")\s+data-md-component="source"')
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
SEARCH_LABEL = {"ko": "검색", "en": "Search"}
MKDOCSTRINGS_CSS = re.compile(r'\s*<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">')
CHARSET = '<meta charset="utf-8">'
EARLY_CLASSES = ('<script>(function(h){h.className=h.className.replace("no-js","js")+" js-focus-visible";'
                 'h.setAttribute("data-js-focus-visible","")})(document.documentElement)</script>')
PALETTE_FORM = '<form class="md-header__option" data-md-component="palette">'
PALETTE_SCRIPT = re.compile(r'<script>var palette=__md_get\("__palette"\).*?</script>', re.S)
PALETTE_INPUT = re.compile(r'<input class="md-option" data-md-color-media="[^"]*" '
                           r'data-md-color-scheme="([^"]*)" data-md-color-primary="([^"]*)"')
PALETTE_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets")
                   .glob("palette.*.min.css")).read_text("utf-8")
PALETTE_JS = inline_script("palette.js")
START_MATERIAL_JS = inline_script("start_material.js")


def header_colour(primary):
    """The header's colour for Material's primary colour name, from its palette stylesheet."""
    found = re.search(rf"\[data-md-color-primary={re.escape(primary)}\]"
                      r"\{--md-primary-fg-color:(#[0-9a-fA-F]{3,8})[;}]", PALETTE_CSS)
    if found is None:
        raise PluginError(f"no header colour for the primary colour {primary!r} in Material's "
                          "palette stylesheet (hooks/material_js.py)")
    return found[1]


def browser_colours(match):
    scheme, primary = match.groups()
    return (f'{match[0]} data-nn-text-color-scheme="{"dark" if scheme == "slate" else "light"}" '
            f'data-nn-text-theme-color="{header_colour(primary)}"')


def on_post_page(output, page, config):
    output = output.replace(CHARSET, CHARSET + EARLY_CLASSES, 1)
    if PALETTE_FORM in output:
        output = output.replace(PALETTE_FORM, '<form class="md-header__option" data-nn-text-palette>')
        output = PALETTE_SCRIPT.sub(lambda m: f"<script>{PALETTE_JS}</script>", output, count=1)
        output = PALETTE_INPUT.sub(browser_colours, output)
    output = SOURCE_WIDGET.sub(r"\1", output)
    output = ALTERNATE_LINK.sub("", output)
    links = list(MKDOCSTRINGS_CSS.finditer(output))
    keep = links[:1] if 'class="doc doc-' in output else []
    for link in reversed(links[len(keep):]):
        output = output[:link.start()] + output[link.end():]
    output = MATERIAL_BUNDLE.sub(lambda m: f'<script data-src="{m[1]}">{START_MATERIAL_JS}</script>', output,
                        count=1)
    label = SEARCH_LABEL.get(config["theme"]["language"], "Search")
    return SEARCH_DIALOG.sub(rf'\1 aria-label="{label}">', output)
