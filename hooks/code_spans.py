"""Fewer elements in code blocks: drop Pygments' spans that change nothing on screen.

Pygments wraps every token of a code block in a `<span class="...">`, names and whitespace
included; Material colours names (`n`) with the code's own text colour and gives whitespace
(`w`) no style, so those spans look exactly like bare text. A code-heavy page had thousands of
them (1,360 of the 5,590 elements of chapter 7's implementation page), and the browser styles
and lays out every element again each time something on the page changes. Their text stays.

Punctuation (`p`) and operators (`o`) share one colour in both palettes (Material's, and
extra.css's darker one for contrast), so a run of them with only spaces between, as in
`) //` or `= [(`, becomes one span: that page's 2,831 such spans became 2,589.
Notebook pages are left alone: nbconvert's stylesheet has its own colours.

Each code block also gets its number of lines (`style="--lines: N"`): extra.css lets the browser
skip the layout of blocks off screen, and sizes them from that number in the meantime, exactly
(1.4 code font sizes a line), so nothing on the page moves when a block is laid out.
"""

import re

PLAIN_SPAN = re.compile(r'<span class="[nw]">([^<]*)</span>')
SAME_COLOUR = r'<span class="[po]">[^<]*</span>'
SAME_COLOUR_RUN = re.compile(rf"{SAME_COLOUR}(?:[ \t]*{SAME_COLOUR})+")
TAG = re.compile(r"<[^>]*>")
CODE_BLOCK = re.compile(r'<div class="highlight">(.*?<code>(.*?)</code>)', re.S)


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return html
    html = PLAIN_SPAN.sub(r"\1", html)
    html = SAME_COLOUR_RUN.sub(lambda m: f'<span class="p">{TAG.sub("", m[0])}</span>', html)
    return CODE_BLOCK.sub(lambda m: f'<div class="highlight" style="--lines: {lines(m[2])}">{m[1]}',
                          html)


def lines(code):
    """How many lines a code block shows (Pygments ends the last one with a newline)."""
    return code.rstrip("\n").count("\n") + 1
