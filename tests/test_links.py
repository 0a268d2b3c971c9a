"""Every internal link and anchor in the built site resolves, in both languages.

Parses each built HTML page, collects its ids, and checks every same-site href and src:
the target file exists and, when the link has a #fragment, the target page has that id.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                self.links.append((tag, attrs[key]))


def parse(path, cache={}):
    if path not in cache:
        c = Collector()
        c.feed(path.read_text(encoding="utf-8"))
        cache[path] = c
    return cache[path]


def target_file(site, page, url):
    """The file a relative or root-relative URL points at, or None if it leaves the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "javascript:", "data:")):
        return None
    if not parts.path:
        return page
    base = site if parts.path.startswith("/") else page.parent
    path = (base / unquote(parts.path.lstrip("/"))).resolve()
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path


def broken_links(site):
    problems = []
    for page in sorted(site.rglob("*.html")):
        for tag, url in parse(page).links:
            if url.startswith("/nn_text/"):  # absolute to the path of site_url
                url = url[len("/nn_text"):]
            target = target_file(site, page, url)
            if target is None:
                continue
            where = f"{page.relative_to(site)}: <{tag}> {url}"
            if not target.exists():
                problems.append(f"{where} -> missing {target.relative_to(site) if site in target.parents else target}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                problems.append(f"{where} -> no id '{fragment}' in {target.relative_to(site)}")
    return problems


def test_no_broken_internal_links_or_anchors(built_site):
    problems = broken_links(built_site.path)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:50])


def test_link_checker_finds_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2><a href="../b/">b</a>'
                                              '<a href="#x">ok</a><a href="#nope">bad</a>'
                                              '<img src="../fig.svg"><a href="https://example.org">ext</a>')
    problems = broken_links(tmp_path)
    assert len(problems) == 3
    assert any("no id 'nope'" in p for p in problems)
    assert any("fig.svg" in p for p in problems) and any("b/index.html" in p for p in problems)
