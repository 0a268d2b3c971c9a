"""Figures: every registered figure renders in both languages, deterministically, with Hangul."""

import re

import pytest

import figures  # the top-level figures/ folder, on the path by pyproject's pythonpath

NAMES = figures.figure_names()


@pytest.mark.parametrize("lang", figures.LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_figure_renders_the_same_bytes_twice_without_a_date(name, lang):
    first = figures.render_svg(name, lang)
    assert first.startswith(b"<?xml")
    assert b"<dc:date>" not in first
    assert first == figures.render_svg(name, lang)


def test_chapters_have_figures():
    chapters = {name.split("/")[0] for name in NAMES}
    assert {"ch01", "ch02"} <= chapters


def test_korean_and_english_versions_differ_where_text_differs():
    assert figures.render_svg("ch02/xor", "ko") != figures.render_svg("ch02/xor", "en")


def test_unknown_figure_and_language_are_named():
    with pytest.raises(KeyError, match="no figure named 'ch99/none'; registered: appendix/"):
        figures.render_svg("ch99/none", "ko")
    with pytest.raises(ValueError, match=r"lang in \('ko', 'en'\), got 'fr'"):
        figures.render_svg("ch02/gates", "fr")


def test_a_failing_figure_names_itself():
    @figures.register("test/broken")
    def broken(lang):
        raise ZeroDivisionError("boom")

    try:
        with pytest.raises(RuntimeError, match=r"figure 'test/broken' \(ko\) failed: boom"):
            figures.render_svg("test/broken", "ko")
    finally:
        del figures.FIGURES["test/broken"]


def test_duplicate_names_are_refused():
    with pytest.raises(ValueError, match="already taken"):
        figures.register("ch02/gates")(lambda lang: None)


def test_write_figures_is_incremental_and_prunes(tmp_path, monkeypatch):
    # Three registered figures stand for all: drawing every one takes most of a minute, and
    # test_figure_renders_the_same_bytes_twice_without_a_date checks every figure's bytes repeat.
    some = NAMES[::len(NAMES) // 3][:3]
    monkeypatch.setattr(figures, "figure_names", lambda: list(some))
    stale = tmp_path / "old" / "gone-ko.svg"
    stale.parent.mkdir()
    stale.write_text("<svg/>")
    written = figures.write_figures(tmp_path)
    every = [tmp_path / f"{name}-{lang}.svg" for name in some for lang in figures.LANGS]
    assert sorted(written) == sorted(every)
    assert not stale.exists()
    assert figures.write_figures(tmp_path) == []  # unchanged figures are not written again
    (tmp_path / f"{some[0]}-en.svg").write_text("<svg/>")  # an old drawing is written again
    assert figures.write_figures(tmp_path, names=some[:1]) == [tmp_path / f"{some[0]}-en.svg"]
    assert all(re.fullmatch(r"[\w-]+-(ko|en)\.svg", p.name) for p in written)
