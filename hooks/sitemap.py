"""Write the sitemap under every language folder too.

Material's language selector fetches sitemap.xml relative to the language's root; the i18n plugin
writes it only at the site root, which left a 404 in the browser console on English pages.
"""

import shutil
from pathlib import Path


def on_post_build(config):
    site = Path(config["site_dir"])
    for name in ["sitemap.xml", "sitemap.xml.gz"]:
        src = site / name
        for lang_dir in [p for p in site.iterdir() if p.is_dir() and len(p.name) == 2]:
            if src.is_file() and not (lang_dir / name).exists():
                shutil.copyfile(src, lang_dir / name)
