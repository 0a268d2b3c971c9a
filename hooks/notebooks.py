"""Make mkdocs-jupyter work under mkdocs-static-i18n, offline.

1. The i18n plugin replaces the file list after mkdocs-jupyter marked notebooks as pages, so
   notebooks were copied raw; after i18n ran, mark `.ipynb` files as documentation pages again.
   i18n also finds no twin for a notebook of a non-default language, so its language switch led
   to the other language's home page: give each notebook the twin URL for every language.
2. nbconvert's template adds a CDN MathJax loader, a mermaid import and an empty
   `<script src="">`; the site typesets math with its own KaTeX, so drop those tags.
"""

import re
from types import SimpleNamespace

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


def on_page_content(html, page, config, files):
    if _is_notebook(page.file):
        html = CDN_SCRIPTS.sub("", html)
    return html
