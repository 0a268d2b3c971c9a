"""Fewer elements in code blocks: drop Pygments' spans that change nothing on screen.

Pygments wraps every token of a code block in a `<span class="...">`, names and whitespace
included; Material colours names (`n`) with the code's own text colour and gives whitespace
(`w`) no style, so those spans look exactly like bare text. A code-heavy page had thousands of
them (1,360 of the 5,590 elements of chapter 7's implementation page), and the browser styles
and lays out every element again each time something on the page changes. Their text stays.
Notebook pages are left alone: nbconvert's stylesheet has its own colours.
"""

import re

PLAIN_SPAN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return html
    return PLAIN_SPAN.sub(r"\1", html)
