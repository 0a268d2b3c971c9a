"""Every public function, class and method in nn_text (and in the site's figures/) carries a
docstring with a doctest.

pytest's --doctest-modules (pyproject.toml) runs those examples; this test makes sure none is
missing, so a new function cannot slip in undocumented.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLACES = [ROOT / "nn_text", ROOT / "figures"]  # the package, and the figure code next to it
SECTIONS = ("Parameters", "Returns", "Examples")


def public_definitions():
    for path in [p for place in PLACES for p in sorted(place.rglob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        todo = [(tree, "")]
        while todo:
            node, prefix = todo.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.ClassDef)) and not child.name.startswith("_"):
                    yield f"{path.relative_to(ROOT)}:{child.lineno} {prefix}{child.name}", child
                    if isinstance(child, ast.ClassDef):
                        todo.append((child, prefix + child.name + "."))


DEFINITIONS = dict(public_definitions())


def test_the_package_has_public_definitions():
    assert len(DEFINITIONS) >= 10


def problems(node):
    """What the docstring of a function or class node lacks, as a list of words."""
    doc = ast.get_docstring(node) or ""
    found = [] if ">>>" in doc else ["a doctest example (>>>)"]
    if isinstance(node, ast.FunctionDef):
        args = [a.arg for a in node.args.args + node.args.kwonlyargs if a.arg not in {"self", "cls"}]
        wanted = SECTIONS if args else SECTIONS[1:]
        found += [f"a {s} section" for s in wanted if f"{s}\n{'-' * len(s)}" not in doc]
    return found


@pytest.mark.parametrize("where", sorted(DEFINITIONS))
def test_public_definition_has_numpy_docstring_with_doctest(where):
    missing = problems(DEFINITIONS[where])
    assert not missing, f"{where}: docstring lacks {', '.join(missing)}"


def test_checker_flags_a_function_without_doctest_or_sections():
    (node,) = ast.parse('def f(x):\n    """Just words."""\n    return x\n').body
    assert problems(node) == ["a doctest example (>>>)", "a Parameters section",
                              "a Returns section", "a Examples section"]
