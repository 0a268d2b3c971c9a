"""Korean text in figures: the font is found, registered, and really draws Hangul."""

import warnings

import matplotlib as mpl
import pytest
from matplotlib.figure import Figure

from nn_text import fonts


@pytest.fixture
def restore_rc():
    saved = mpl.rcParams.copy()
    yield
    mpl.rcParams.update(saved)


def test_the_provisioned_font_is_nanum_gothic(monkeypatch):
    assert fonts.korean_font_family() == "NanumGothic"


def test_use_korean_font_puts_the_family_first_with_a_fallback(restore_rc):
    family = fonts.use_korean_font()
    assert list(mpl.rcParams["font.family"]) == [family, "DejaVu Sans"]


def test_hangul_and_minus_draw_without_missing_glyphs(restore_rc):
    fonts.use_korean_font()
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([-1, 1], [-1, 1])
    ax.set_title("시그모이드 함수 −1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning
        fig.savefig(__import__("io").BytesIO(), format="svg")


def test_default_font_really_lacks_hangul():
    # The problem chapter 1 describes, shown to be real.
    fig = Figure()
    fig.add_subplot().set_title("한글", family="DejaVu Sans")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(__import__("io").BytesIO(), format="svg")


def test_missing_font_file_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="no font file at"):
        fonts.korean_font_family(tmp_path / "nope.ttf")


def test_env_var_names_the_font(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.FONT_ENV_VAR, str(tmp_path / "absent.ttf"))
    with pytest.raises(FileNotFoundError, match="absent.ttf"):
        fonts.korean_font_family()


def test_no_korean_font_installed_says_how_to_get_one(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "KOREAN_FONT_FAMILIES", ["No Such Font Family"])
    with pytest.raises(RuntimeError, match="apt-get install fonts-nanum"):
        fonts.korean_font_family()
