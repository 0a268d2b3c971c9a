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
"""

import re

PLAIN_SPAN = re.compile(r'<span class="[nw]">([^<]*)</span>')
SAME_COLOUR = r'<span class="[po]">[^<]*</span>'
SAME_COLOUR_RUN = re.compile(rf"{SAME_COLOUR}(?:[ \t]*{SAME_COLOUR})+")
TAG = re.compile(r"<[^>]*>")


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return html
    html = PLAIN_SPAN.sub(r"\1", html)
    return SAME_COLOUR_RUN.sub(lambda m: f'<span class="p">{TAG.sub("", m[0])}</span>', html)
