"""Two builds from the same commit give byte-identical files.

The second build runs in this test, with every figure drawn and every notebook executed again
(no caches); the first is the session's `built_site`. The only files that carry the build's
date are the sitemaps (each page's lastmod is the day of the build), listed in DATED: two builds
on the same day give them identical too, builds on different days do not. SVG figures are
written without a date.
"""

import filecmp
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parents[1]
DATED = {"sitemap.xml", "sitemap.xml.gz"}  # site-relative paths allowed to differ: dates


def differing_files(a, b):
    """Site-relative paths that exist in only one tree or differ in bytes."""
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = names_a ^ names_b
    for name in names_a & names_b:
        if not filecmp.cmp(a / name, b / name, shallow=False):
            differ.add(name)
    return sorted(differ)


def test_two_builds_are_byte_identical(built_site, tmp_path):
    second = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NN_TEXT_REDRAW_FIGURES="1",
               NN_TEXT_NOTEBOOK_CACHE="false")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(second)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    differ = [name for name in differing_files(built_site.path, second) if name not in DATED]
    assert not differ, f"{len(differ)} files differ between two builds: {differ[:20]}"


def test_comparison_sees_a_changed_byte(tmp_path):
    for side, text in [("a", "same"), ("b", "same")]:
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.html").write_text(text)
    (tmp_path / "b" / "y.html").write_text("extra")
    assert differing_files(tmp_path / "a", tmp_path / "b") == ["y.html"]
    (tmp_path / "b" / "x.html").write_text("sane")
    assert differing_files(tmp_path / "a", tmp_path / "b") == ["x.html", "y.html"]


def test_a_page_font_made_again_is_the_same_bytes(monkeypatch, tmp_path):
    """hooks/fonts.py cuts each page's Hangul font once and keeps it in .cache/fonts/, so the
    second build above reuses it. Here one is made twice from nothing, seconds apart: fontTools
    stamps a merged font, and a saved one, with the time; the hook keeps the package's date."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        spec = importlib.util.spec_from_file_location("fonts_hook", ROOT / "hooks" / "fonts.py")
        hook = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hook)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    config = {"docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
              "use_directory_urls": True}
    made = []
    for name in ["a", "b"]:
        monkeypatch.setattr(hook, "CACHE", tmp_path / name)
        hook.on_files(Files([]), config)
        made.append(hook.page_font([0xAC00, 0xD55C]).read_bytes())  # 가, 한
        time.sleep(1.1)  # the fonts' timestamps count seconds
    assert made[0][:4] == b"wOFF" and made[0] == made[1]
