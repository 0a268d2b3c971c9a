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
"""

import re

SOURCE_WIDGET = re.compile(r'(<a [^>]*class="md-source")\s+data-md-component="source"')
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
SEARCH_LABEL = {"ko": "검색", "en": "Search"}
MKDOCSTRINGS_CSS = re.compile(r'\s*<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">')


def on_post_page(output, page, config):
    output = SOURCE_WIDGET.sub(r"\1", output)
    output = ALTERNATE_LINK.sub("", output)
    links = list(MKDOCSTRINGS_CSS.finditer(output))
    keep = links[:1] if 'class="doc doc-' in output else []
    for link in reversed(links[len(keep):]):
        output = output[:link.start()] + output[link.end():]
    label = SEARCH_LABEL.get(config["theme"]["language"], "Search")
    return SEARCH_DIALOG.sub(rf'\1 aria-label="{label}">', output)
