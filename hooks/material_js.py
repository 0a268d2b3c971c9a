"""Stop two fetches Material's JavaScript makes on every page load that this site must not make.

1. The repository link (`data-md-component="source"`) asks GitHub's API for stars and forks: a
   request to another host. Without the attribute it stays a plain link.
2. For each `<link rel="alternate" hreflang>` in the head, Material fetches `sitemap.xml` under
   that URL. mkdocs-static-i18n writes page URLs there, not language roots, so every page logged
   two 404s. The language selector is made of plain links and needs no such fetch; search
   engines find the same alternates in the root sitemap.xml.
"""

import re

SOURCE_WIDGET = re.compile(r'(<a [^>]*class="md-source")\s+data-md-component="source"')
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    output = SOURCE_WIDGET.sub(r"\1", output)
    return ALTERNATE_LINK.sub("", output)
