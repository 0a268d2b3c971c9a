"""Serve KaTeX from the site itself: math renders with no request to another host.

KaTeX comes pinned from tools/npm/package-lock.json (installed by tools/dev.py); only what a page
loads is published: the script, auto-render, the stylesheet and the woff2 fonts it names first.
"""

from mkdocs.exceptions import PluginError

from _common import ROOT, SETUP_HINT, add_tree

DIST = ROOT / "tools" / "npm" / "node_modules" / "katex" / "dist"


def on_files(files, config):
    if not (DIST / "katex.min.js").is_file():
        raise PluginError(f"KaTeX is missing at {DIST}: {SETUP_HINT}")
    for pattern in ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts/*.woff2"]:
        add_tree(files, config, DIST, "assets/katex", pattern)
    return files
