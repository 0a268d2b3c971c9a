"""One search index per language, and Korean words found with their particles.

mkdocs-static-i18n writes a single search index that holds both languages, so a search on a
Korean page listed English pages too. After the build, split it: the Korean pages stay in
search/search_index.json, each other language's go to <lang>/search/search_index.json with
locations relative to that language's root, and that language's pages get `base` (where
Material looks for the index) pointing at their own root.

Korean attaches particles to words (함수는, 기울기를). The separator in mkdocs.yml drops a
trailing particle, in the index and in the query alike, so 함수는 finds 함수.

Material fetches the index as soon as a page loads, hundreds of kB that most readers never use:
hooks/search_on_demand.js, put inline before Material's script, holds that request until the
reader opens search.
"""

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from _common import MATERIAL_BUNDLE, inline_script

BASE = re.compile(r'"base": "([^"]*)"')
ON_DEMAND = f"<script>{inline_script('search_on_demand.js')}</script>"


def _locales(config):
    """(default locale, [other locales]) from the i18n plugin's configuration."""
    i18n = config.plugins.get("i18n")
    if not i18n:
        return None, []
    langs = i18n.config.languages
    return next(l.locale for l in langs if l.default), [l.locale for l in langs if not l.default]


def on_post_page(output, page, config):
    output = MATERIAL_BUNDLE.sub(lambda m: ON_DEMAND + m[0], output, count=1)
    _, others = _locales(config)
    for locale in others:
        if page.url.startswith(f"{locale}/"):
            # With a trailing slash, URLs resolve inside the language's folder.
            return BASE.sub(lambda m: f'"base": "{m[1]}/{locale}/"', output, count=1)
    return output


@event_priority(-200)  # after mkdocs-static-i18n wrote the index of all languages (-100)
def on_post_build(config):
    default, others = _locales(config)
    site = Path(config["site_dir"])
    if site.name in others:  # the build of another language writes into <site>/<lang>
        site = site.parent
    index_path = site / "search" / "search_index.json"
    if not others or not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    split = {locale: [] for locale in [default, *others]}
    for doc in index["docs"]:
        locale = next((l for l in others if doc["location"].startswith(f"{l}/")), default)
        if locale != default:
            doc = dict(doc, location=doc["location"][len(locale) + 1:])
        split[locale].append(doc)
    if not any(split[l] for l in others):
        return  # already split (this runs once per language build)
    for locale, docs in split.items():
        out = index_path if locale == default else site / locale / "search" / "search_index.json"
        lang = index["config"]["lang"] if locale == default else [locale]
        config_ = dict(index["config"], lang=lang)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(dict(index, config=config_, docs=docs), ensure_ascii=False,
                                  separators=(",", ":")), encoding="utf-8")
