"""Make mkdocs-jupyter work under mkdocs-static-i18n, offline.

1. The i18n plugin replaces the file list after mkdocs-jupyter marked notebooks as pages, so
   notebooks were copied raw; after i18n ran, mark `.ipynb` files as documentation pages again.
2. nbconvert's template adds a CDN MathJax loader, a mermaid import and an empty
   `<script src="">`; the site typesets math with its own KaTeX, so drop those tags.
"""

import re

from mkdocs.plugins import event_priority

CDN_SCRIPTS = re.compile(
    r"<script[^>]*\bsrc=\"(?:https?:)?//[^\"]*\"[^>]*>\s*</script>"  # any remote script
    r"|<script[^>]*\bsrc=\"\"[^>]*>\s*</script>"  # the empty one
    r"|<script type=\"module\">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*?</script>"
    r"|<script[^>]*>(?:(?!</script>).)*?MathJax(?:(?!</script>).)*?</script>",
    re.DOTALL,
)


def _is_notebook(file):
    return file.src_uri.endswith(".ipynb")


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files, config):
    for file in files:
        if _is_notebook(file):
            file.is_documentation_page = lambda: True
    return files


def on_page_content(html, page, config, files):
    if _is_notebook(page.file):
        html = CDN_SCRIPTS.sub("", html)
    return html
