"""Korean text in matplotlib figures: find or register a font that has Hangul.

matplotlib's default font, DejaVu Sans, has no Hangul, so a Korean title comes out as empty
boxes. The fix is to give matplotlib a font that has Hangul: one the system already has (Malgun
Gothic on Windows, AppleGothic on macOS, Nanum or Noto CJK on Linux) or a font file by path.
"""

import os
from pathlib import Path

from matplotlib import font_manager

__all__ = ["KOREAN_FONT_FAMILIES", "FONT_ENV_VAR", "korean_font_family", "use_korean_font"]

# Fonts with Hangul that ship with, or are one package away on, each system.
KOREAN_FONT_FAMILIES = [
    "Malgun Gothic",  # Windows
    "AppleGothic",  # macOS
    "Apple SD Gothic Neo",  # macOS
    "NanumGothic",  # Linux and Colab: apt-get install fonts-nanum
    "Noto Sans CJK KR",  # Linux: fonts-noto-cjk
    "Noto Sans KR",
]
# a .ttf/.otf path, tried before the installed fonts
FONT_ENV_VAR = "NN_TEXT_KOREAN_FONT"

# Listed after the Korean font so glyphs it lacks (NanumGothic has no U+2212 minus) fall back.
FALLBACK_FAMILY = "DejaVu Sans"


def korean_font_family(path=None):
    """Return the name of a font family that can draw Hangul, registering it if needed.

    The font is taken, in this order, from ``path``, from the file named by the environment
    variable ``NN_TEXT_KOREAN_FONT``, or from the installed fonts in
    ``KOREAN_FONT_FAMILIES``.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A TrueType or OpenType font file with Hangul, such as ``NanumGothic.ttf``.

    Returns
    -------
    str
        The family name to give matplotlib, for example ``'NanumGothic'``.

    Raises
    ------
    FileNotFoundError
        If ``path`` (or the environment variable) names a file that does not exist.
    RuntimeError
        If no font with Hangul is installed and none was given; the message says how to get one.

    Examples
    --------
    Without ``path``, the family found depends on the system: ``'Malgun Gothic'`` on Windows,
    ``'AppleGothic'`` on macOS, ``'NanumGothic'`` on Linux with fonts-nanum. Given a font file,
    it registers the file and returns its family name; here matplotlib's own DejaVu Sans file,
    present everywhere, stands in for a Korean one such as NanumGothic.ttf:

    >>> from pathlib import Path
    >>> import matplotlib
    >>> from nn_text.fonts import korean_font_family
    >>> font_file = Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    >>> korean_font_family(font_file)
    'DejaVu Sans'

    A path that names no file is reported before anything changes:

    >>> korean_font_family("no/such/font.ttf")
    Traceback (most recent call last):
    ...
    FileNotFoundError: korean_font_family: no font file at 'no/such/font.ttf'; give the path of a .ttf or .otf file with Hangul (for example NanumGothic.ttf)
    """
    source = path if path is not None else os.environ.get(FONT_ENV_VAR)
    if source:
        source = Path(source)
        if not source.is_file():
            raise FileNotFoundError(
                f"korean_font_family: no font file at '{source}'; give the path of a .ttf or "
                f".otf file with Hangul (for example NanumGothic.ttf)"
            )
        font_manager.fontManager.addfont(str(source))
        return font_manager.FontProperties(fname=str(source)).get_name()
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in KOREAN_FONT_FAMILIES:
        if family in installed:
            return family
    raise RuntimeError(
        "korean_font_family: no font with Hangul found. Install one "
        "(Linux/Colab: apt-get install fonts-nanum) and pass its path, "
        "for example /usr/share/fonts/truetype/nanum/NanumGothic.ttf "
        "(matplotlib's font cache does not see new fonts until it is deleted), "
        f"or set {FONT_ENV_VAR} to a .ttf file. "
        f"Looked for: {', '.join(KOREAN_FONT_FAMILIES)}"
    )


def use_korean_font(path=None):
    """Make every later matplotlib figure draw Hangul, and return the family used.

    Sets ``rcParams["font.family"]`` to the Korean family followed by DejaVu Sans, so that
    characters the Korean font lacks (the minus sign, in NanumGothic) fall back to DejaVu Sans.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A font file with Hangul; see `korean_font_family` for where a font is looked for.

    Returns
    -------
    str
        The family name now first in ``rcParams["font.family"]``.

    Raises
    ------
    FileNotFoundError
        If ``path`` names a file that does not exist.
    RuntimeError
        If no font with Hangul can be found.

    Examples
    --------
    A missing file is reported before any setting changes:

    >>> import matplotlib as mpl
    >>> from nn_text.fonts import use_korean_font
    >>> before = list(mpl.rcParams["font.family"])
    >>> use_korean_font("no/such/font.ttf")
    Traceback (most recent call last):
    ...
    FileNotFoundError: korean_font_family: no font file at 'no/such/font.ttf'; give the path of a .ttf or .otf file with Hangul (for example NanumGothic.ttf)
    >>> list(mpl.rcParams["font.family"]) == before
    True
    """
    import matplotlib as mpl

    family = korean_font_family(path)
    mpl.rcParams["font.family"] = [family, FALLBACK_FAMILY]
    return family
