"""Listings by name: a page names what it shows, the build renders the package's real source.

In a page, a fenced block with the info string ``listing`` names a file and what to show of it::

    ```listing
    nn_text/layers.py MulLayer AddLayer
    ```

A name is a module-level function or class (shown whole) or ``Class.method`` (the class with
only the methods named, for a page that teaches those). The block becomes a ``python`` code
block titled with the file, followed by one line that says what was left out and links to the
whole source. The listing is a complete program: it starts with the imports it needs, then the
module's private helpers and constants it uses, then the named code; a public name of the same
module that the code uses is imported from the package rather than repeated.

What is left out is chosen from the code's structure, never by markers:

* docstrings (of the module, classes and functions);
* input checks, which the package writes as one statement each so that leaving them out leaves
  the rest intact: a call of a function whose name starts with ``check_`` or ``_check``, and an
  ``if`` with no ``else`` whose body only raises; comment lines directly above such a statement
  go with it.

Names that nothing kept uses are not imported. A listing line longer than ``MAX_LINE``
characters, an unknown name, or a check that is not a whole statement fails the build.
"""

import ast
import functools
import io
import logging
import re
import textwrap
import tokenize
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMENTS_KO = Path(__file__).with_name("listing-comments.ko.yml")  # English comment -> Korean
WORDS = re.compile(r"[a-z]{2,}")  # a comment with no such word (a shape, a formula) stays as is
log = logging.getLogger("mkdocs.hooks.listings")  # a warning fails `mkdocs build --strict`
MAX_LINE = 80  # characters that fit the code box at 1280 px (measured by tests/test_browser.py)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})listing[ \t]*\n"
                   r"(?P<body>.*?)\n(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)
NOTE = {  # what the listing left out -> the line under it
    ("ko", True): "docstring과 입력 검사는 빼고 실었습니다. 전체 소스: [{path}]({url})",
    ("ko", False): "docstring은 빼고 실었습니다. 전체 소스: [{path}]({url})",
    ("en", True): "Docstrings and input checks are left out. Whole source: [{path}]({url})",
    ("en", False): "Docstrings are left out. Whole source: [{path}]({url})",
}


class ListingError(ValueError):
    """A listing that names something the file does not define, or cannot be shown whole."""


def is_check(stmt):
    r"""Whether ``stmt`` is an input check: a ``check_*(...)`` call, or an ``if`` that only raises.

    >>> import ast
    >>> [is_check(s) for s in ast.parse(
    ...     "check_array('f', 'x', x)\nif x < 0:\n    raise ValueError\ny = x").body]
    [True, True, False]
    """
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name.startswith(("check_", "_check"))
    return (isinstance(stmt, ast.If) and not stmt.orelse
            and all(isinstance(s, ast.Raise) for s in stmt.body))


def is_docstring(stmt):
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


def _start(node):
    """First line of a node, its decorators included."""
    return min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])


def _left_out(node, lines):
    """Line numbers (1-based) inside ``node`` that the listing leaves out, and whether any check
    was among them."""
    out, checks = set(), False
    for parent in ast.walk(node):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(parent, field, None)
            if not isinstance(body, list):
                continue
            for i, stmt in enumerate(body):
                docstring = (i == 0 and field == "body" and is_docstring(stmt)
                             and isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                     ast.ClassDef)))
                check = is_check(stmt)
                if not (docstring or check):
                    continue
                if check and len(body) == 1:
                    raise ListingError(f"line {stmt.lineno}: a body that is only a check "
                                       "would be empty without it")
                checks = checks or check
                first = stmt.lineno
                while first > 1 and lines[first - 2].strip().startswith("#"):
                    first -= 1  # the comment that introduces the check goes with it
                out.update(range(first, stmt.end_lineno + 1))
    return out, checks


def _tidy(block):
    """Drop blank lines that removal left after a ``def``/``class`` line or doubled."""
    kept = []
    for line in block:
        if not line.strip():
            if not kept or not kept[-1].strip() or kept[-1].rstrip().endswith(":"):
                continue
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def _segment(node, lines, only=None):
    """The source lines of a top-level def or class without docstrings and checks.

    ``only``: for a class, the names of the methods to keep (its other statements stay).
    """
    out, checks = _left_out(node, lines)
    if only is not None:
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name not in only:
                first = _start(stmt)
                while first > 1 and lines[first - 2].strip().startswith("#"):
                    first -= 1
                out.update(range(first, stmt.end_lineno + 1))
    block = [lines[n - 1] for n in range(_start(node), node.end_lineno + 1) if n not in out]
    return _tidy(block), checks


def _bound_names(stmt):
    """Names a module-level statement binds."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in stmt.names}
    names = set()
    targets = getattr(stmt, "targets", None) or [getattr(stmt, "target", None)]
    for target in targets:
        for n in ast.walk(target) if target is not None else []:
            if isinstance(n, ast.Name):
                names.add(n.id)
    return names


def _used_names(text):
    return {n.id for n in ast.walk(ast.parse(textwrap.dedent(text))) if isinstance(n, ast.Name)}


def _import_line(stmt, used):
    """``stmt`` (an import) restricted to the names in ``used``, or None."""
    aliases = [a for a in stmt.names if (a.asname or a.name).split(".")[0] in used]
    if not aliases:
        return None
    parts = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in aliases)
    if isinstance(stmt, ast.Import):
        return f"import {parts}"
    return f"from {'.' * stmt.level}{stmt.module or ''} import {parts}"


def _parsed(file):
    """The lines and syntax tree of a source file, read once per version of it."""
    return _parse(file, file.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _parse(file, mtime_ns):  # mtime_ns in the key: `mkdocs serve` sees an edited file anew
    source = file.read_text("utf-8")
    return source.splitlines(), ast.parse(source)


def render(path, names, root=ROOT):
    """The listing of ``names`` from the file ``path`` (relative to ``root``), and whether any
    input check was left out.

    >>> text, checks = render("nn_text/perceptron.py", ["AND"])
    >>> print(text)  # doctest: +ELLIPSIS
    import numpy as np
    <BLANKLINE>
    <BLANKLINE>
    def AND(x1, x2):
        x = np.array([x1, x2])
    ...
    >>> checks
    True
    """
    lines, tree = _parsed(root / path)
    module = ".".join(Path(path).with_suffix("").parts)
    top = {}
    for stmt in tree.body:
        if not is_docstring(stmt):
            for name in _bound_names(stmt):
                top.setdefault(name, stmt)
    wanted = {}  # top-level statement -> None (whole) or set of method names
    for name in names:
        head, _, method = name.partition(".")
        stmt = top.get(head)
        if not isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
            raise ListingError(f"{path} defines no function or class {head!r}")
        if method:
            methods = {s.name for s in stmt.body if isinstance(s, ast.FunctionDef)}
            if method not in methods:
                raise ListingError(f"{path}: {head} has no method {method!r}")
            if wanted.get(stmt, set()) is not None:
                wanted[stmt] = wanted.get(stmt, set()) | {method}
        else:
            wanted[stmt] = None
    shown = {}  # statement -> lines
    any_checks = False
    for stmt, only in wanted.items():
        shown[stmt], checks = _segment(stmt, lines, only)
        any_checks = any_checks or checks
    # Pull in the module-level helpers and constants the code uses, transitively.
    defined = set().union(*(_bound_names(s) for s in shown))
    helpers, imports, from_package = {}, set(), set()
    todo = list(shown.values())
    while todo:
        for used in sorted(_used_names("\n".join(todo.pop())) - defined):
            stmt = top.get(used)
            if stmt is None or stmt in shown or stmt in helpers:
                continue
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                imports.add(used)
            elif used.startswith("_") or not isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
                helpers[stmt], checks = (_segment(stmt, lines) if isinstance(
                    stmt, (ast.FunctionDef, ast.ClassDef)) else
                    ([lines[n - 1] for n in range(stmt.lineno, stmt.end_lineno + 1)], False))
                any_checks = any_checks or checks
                defined |= _bound_names(stmt)
                todo.append(helpers[stmt])
            else:
                from_package.add(used)
    header = [line for stmt in tree.body if isinstance(stmt, ast.Import)
              if (line := _import_line(stmt, imports))]
    header += [line for stmt in tree.body if isinstance(stmt, ast.ImportFrom)
               if (line := _import_line(stmt, imports))]
    if from_package:
        header.append(f"from {module} import {', '.join(sorted(from_package))}")
    # The package's own imports after the others, set apart by a blank line, as PEP 8 groups them.
    own = [line for line in header if line.startswith("from nn_text")]
    header = [line for line in header if line not in own]
    header += ([""] if header and own else []) + own
    blocks = []
    constants = [s for s in helpers if not isinstance(s, (ast.FunctionDef, ast.ClassDef))]
    if constants:
        blocks.append([line for s in sorted(constants, key=_start) for line in helpers[s]])
    blocks += [helpers[s] for s in sorted(helpers, key=_start) if s not in constants]
    blocks += [shown[s] for s in sorted(shown, key=_start)]
    text = "\n".join(header)
    for block in blocks:
        text += ("\n\n\n" if text else "") + "\n".join(block)
    check_width(text, f"{path} {' '.join(names)}")
    return text, any_checks


def width(line):
    """Columns ``line`` takes in a code box: a Hangul syllable takes two.

    >>> width("x = 1  # 합"), len("x = 1  # 합")
    (11, 10)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def check_width(text, where):
    """Raise if a line of the listing is wider than the code box."""
    for number, line in enumerate(text.splitlines(), 1):
        if width(line) > MAX_LINE:
            raise ListingError(f"{where}: listing line {number} takes {width(line)} columns, "
                               f"more than {MAX_LINE}: {line.strip()}")


def comments(text):
    r"""The comments of a listing that say something in words, without their ``# ``.

    >>> comments("x = 1  # keeps log finite\ny = x  # (N, C) -> (N*C,)\n")
    ['keeps log finite']
    """
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            body = tok.string[1:].strip()
            if WORDS.search(body):
                found.append(body)
    return found


def translate(text, table):
    r"""``text`` with each comment in words replaced by its entry in ``table``; and the comments
    that have no entry (left in English).

    >>> translate("x = 1  # keeps log finite\n", {"keeps log finite": "log가 유한하도록"})
    ('x = 1  # log가 유한하도록\n', [])
    """
    lines, missing = text.splitlines(keepends=True), []
    for tok in reversed(list(tokenize.generate_tokens(io.StringIO(text).readline))):
        if tok.type != tokenize.COMMENT:
            continue
        body = tok.string[1:].strip()
        if not WORDS.search(body):
            continue
        if body not in table:
            missing.append(body)
            continue
        row, col = tok.start
        line = lines[row - 1]
        lines[row - 1] = line[:col] + "# " + table[body] + line[col + len(tok.string):]
    return "".join(lines), missing[::-1]


def load_comments(path=COMMENTS_KO):
    """The translation table of listing comments, English -> Korean."""
    import yaml

    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.is_file() else {}


def page_listings(docs=ROOT / "docs", pattern="*.ko.md"):
    """(page, file, names) of every listing block of the pages matching ``pattern``."""
    for page in sorted(docs.rglob(pattern)):
        for m in FENCE.finditer(page.read_text("utf-8")):
            path, *names = m["body"].split()
            yield page.relative_to(docs).as_posix(), path, names


def comment_report(table=None):
    """What the Korean pages' listings need of the translation table: the comments with no
    entry ({comment: [where, ...]}), and the entries no Korean listing shows."""
    table = load_comments() if table is None else table
    shown = {}
    for page, path, names in page_listings():
        for comment in comments(render(path, names)[0]):
            shown.setdefault(comment, []).append(f"{page} ({path})")
    missing = {c: where for c, where in shown.items() if c not in table}
    stale = sorted(set(table) - set(shown))
    return missing, stale


def source_url(config, path, names):
    """The file on the repository's main branch, at the lines of the first name shown."""
    repo = (config.get("repo_url") or "").rstrip("/")
    url = f"{repo}/blob/main/{path}" if repo else path
    head = names[0].partition(".")[0]
    for stmt in _parsed(ROOT / path)[1].body:
        if getattr(stmt, "name", None) == head:
            return f"{url}#L{_start(stmt)}-L{stmt.end_lineno}"
    return url


def expand(markdown, lang, config, page_name="page", table=None):
    """Replace every ``listing`` block of a page's Markdown with its rendered code; on a Korean
    page its comments come from ``table`` (English -> Korean; default: the project's table)."""
    if lang == "ko" and table is None:
        table = load_comments()  # once per page, not once per listing

    def replace(m):
        indent = m["indent"]
        words = m["body"].split()
        if len(words) < 2:
            raise ListingError(f"{page_name}: a listing block names a file and at least one "
                               f"function or class, got {m['body'].strip()!r}")
        path, names = words[0], words[1:]
        try:
            text, checks = render(path, names)
        except (OSError, ListingError, SyntaxError) as exc:
            raise ListingError(f"{page_name}: listing {path} {' '.join(names)}: {exc}") from None
        note = NOTE[lang, checks]
        if lang == "ko":
            text, missing = translate(text, table)
            for comment in missing:
                log.warning(f"{page_name}: listing {path}: no Korean for the comment "
                            f"{comment!r} in hooks/{COMMENTS_KO.name}")
            check_width(text, f"{page_name}: listing {path} {' '.join(names)} (in Korean)")
        code = "\n".join(indent + line if line else line for line in text.splitlines())
        caption = note.format(path=path, url=source_url(config, path, names))
        return (f'{indent}{m["fence"]}python title="{path}"\n{code}\n{indent}{m["fence"]}\n'
                f'{indent}\n{indent}{caption}\n{indent}{{: .listing-note }}\n')

    return FENCE.sub(replace, markdown)


def on_page_markdown(markdown, page, config, files):
    from mkdocs.exceptions import PluginError

    src = page.file.src_uri
    lang = "en" if re.search(r"\.en\.(md|ipynb)$", src) or src.startswith("en/") else "ko"
    try:
        return expand(markdown, lang, config, src)
    except ListingError as exc:
        raise PluginError(str(exc)) from None
