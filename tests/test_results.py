"""The numbers the pages quote from training runs are the numbers in results/*.json.

results/quoted.yml lists every such number (see its header); hooks/results.py reads it for the
results page. These tests check, in both languages:

(a) every entry's value exists in its results file, and so do its run's seed, length and time;
(b) every page an entry names shows the value in one of the entry's forms, and every form is
    shown somewhere;
(c) the reverse: a page quotes no number that looks like a run's result and is not an entry for
    that page: a percentage with decimals ("98.42%"), or a number with 3 or 4 decimals
    ("0.9463", "0.477") in a paragraph that speaks of accuracy. Code blocks are left out (their
    outputs are checked by running them). A number that is not from a run (computed live by the
    page's code, the book's, history) goes into ``not_from_runs`` of results/quoted.yml with the
    reason;
(d) the built results page has one row per entry.

So after a training is run again, (b) names the pages that do not show the new value yet and (c)
the old values left in their prose.
"""

import copy
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = ("ko", "en")
sys.path.insert(0, str(ROOT / "hooks"))
import results  # noqa: E402  (hooks/results.py)

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
PERCENT = re.compile(r"(?<![\d.,])\d+\.\d+ ?%")
DECIMAL = re.compile(r"(?<![\d.,])0\.(?!00)\d{3,4}(?!\d)")  # not 0.001: a setting
SECONDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+ ?(?:s\b|초)")  # a long run's time: "1,343 s"
ACCURACY = re.compile(r"accura|정확도|\bacc\b", re.I)


def prose(text):
    """The page without its fenced code blocks (their outputs are checked by running them)."""
    kept, fence = [], None
    for line in text.splitlines():
        m = FENCE.match(line)
        if fence:
            if m and line.strip() == fence:
                fence = None
        elif m:
            fence = m[1]
        else:
            kept.append(line)
    return "\n".join(kept)


def occurs(form, text):
    """``form`` appears in ``text`` as a whole number: 0.9383 is not in 0.93831 or 10.9383."""
    return re.search(r"(?<![\d.])" + re.escape(form) + r"(?!\d|\.\d)", text) is not None


def page_text(page, lang):
    return (DOCS / f"{page}.{lang}.md").read_text(encoding="utf-8")


def quoted_values(load=results.load_result):
    """(entry, value) for every registry entry, the value read from its results file."""
    registry = results.load_registry()
    out = []
    for entry in registry["entries"]:
        run = registry["runs"][entry["run"]]
        out.append((entry, results.evaluate(entry["value"], load(run["file"]))))
    return out


def missing_quotes(load=results.load_result):
    """Check (b): what the pages should show and do not."""
    problems = []
    for entry, value in quoted_values(load):
        forms = results.shown(entry, value)
        texts = {(page, lang): page_text(page, lang) for page in entry["pages"] for lang in LANGS}
        for (page, lang), text in texts.items():
            if not any(occurs(form, text) for form in forms):
                problems.append(f"{entry['id']}: docs/{page}.{lang}.md shows none of {forms}")
        for form in forms:
            if not any(occurs(form, text) for text in texts.values()):
                problems.append(f"{entry['id']}: no page of {entry['pages']} shows {form!r}")
    return problems


def candidates(text):
    """Numbers in the prose of a page that look like a run's result (check (c))."""
    found = []
    for paragraph in re.split(r"\n\s*\n", prose(text)):
        found += PERCENT.findall(paragraph) + SECONDS.findall(paragraph)
        if ACCURACY.search(paragraph):
            found += DECIMAL.findall(paragraph)
    return found


def unknown_numbers(load=results.load_result):
    """Check (c): numbers on pages that neither an entry for that page nor an exception explain."""
    registry = results.load_registry()
    known = {}
    for entry, value in quoted_values(load):
        for page in entry["pages"]:
            known.setdefault(page, set()).update(results.shown(entry, value))
    for exception in registry.get("not_from_runs", []):
        known.setdefault(exception["page"], set()).add(exception["number"])
    problems = []
    for path in sorted(DOCS.rglob("*.md")):
        page, lang = re.fullmatch(r"(.*)\.(ko|en)\.md", path.relative_to(DOCS).as_posix()).groups()
        allowed = {form.replace(" ", "") for form in known.get(page, set())}
        for number in candidates(path.read_text(encoding="utf-8")):
            bare = number.replace(" ", "")
            if bare not in allowed and bare.rstrip("%") not in allowed:
                problems.append(f"docs/{page}.{lang}.md quotes {number}: not in results/quoted.yml"
                                f" for this page (an entry, or not_from_runs with the reason)")
    return problems


def test_registry_is_well_formed():
    registry = results.load_registry()
    ids = [entry["id"] for entry in registry["entries"]]
    assert len(ids) == len(set(ids)), "entry ids repeat"
    for entry in registry["entries"]:
        assert {"id", "ko", "en", "run", "value", "shown", "pages"} <= set(entry), entry
        assert entry["run"] in registry["runs"], f"{entry['id']}: no run {entry['run']!r}"
        for page in entry["pages"]:
            for lang in LANGS:
                assert (DOCS / f"{page}.{lang}.md").is_file(), f"{entry['id']}: no page {page}"


def test_every_value_exists_in_its_results_file():  # (a)
    registry = results.load_registry()
    for name, run in registry["runs"].items():
        result = results.load_result(run["file"])
        assert isinstance(result.get("command"), str), f"{run['file']} records no command"
        for key in ("seed", "epochs", "steps", "seconds"):
            if key in run:
                assert isinstance(results.evaluate(run[key], result), (int, float)), (name, key)
    for entry, value in quoted_values():
        assert isinstance(value, (int, float)) and not isinstance(value, bool), entry["id"]


def test_pages_show_the_values_of_the_results_files():  # (b)
    problems = missing_quotes()
    assert not problems, "\n".join(problems)


def test_pages_quote_no_run_result_missing_from_the_registry():  # (c)
    problems = unknown_numbers()
    assert not problems, "\n".join(problems)


def test_a_retraining_makes_the_stale_page_fail():
    """Give SimpleConvNet another final accuracy: both checks name chapter 7's page."""
    def load(name):
        result = copy.deepcopy(results.load_result(name))
        if name == "simple_conv_net.json":
            result["test_acc"][-1] = 0.9905
        return result

    shown = f"{results.load_result('simple_conv_net.json')['test_acc'][-1]:.2%}"  # now stale
    assert any("cnn-test-acc:" in p and "ch07/implementation" in p for p in missing_quotes(load))
    assert any("ch07/implementation" in p and shown in p for p in unknown_numbers(load))


@pytest.mark.parametrize("text, expected", [
    ("It reached 98.42% after 3 epochs.", ["98.42%"]),
    ("정확도는 0.9463입니다.", ["0.9463"]),
    ("The loss is 0.5975.", []),  # no accuracy in the paragraph
    ("accuracy\n```pycon\n>>> 0.9463\n0.9463\n```\n", []),  # code is checked by running it
    ("about 90% of the length, 1,234.5 s", []),
    ("accuracy with learning rate 0.001 and std 0.0001", []),
    ("The run took 1,343 s; 이 학습은 1,343초 걸렸습니다. 8.2 s", ["1,343 s", "1,343초"]),
])
def test_candidates(text, expected):
    assert candidates(text) == expected


def test_occurs_matches_whole_numbers():
    assert occurs("0.9383", "test acc 0.9383.")
    assert not occurs("0.9383", "0.93831") and not occurs("3", "13 and 3.5")


@pytest.mark.parametrize("lang, prefix", [("ko", ""), ("en", "en/")])
def test_results_page_has_one_row_per_entry(built_site, lang, prefix):  # (d)
    html = (built_site.path / prefix / "results" / "index.html").read_text(encoding="utf-8")
    table = re.search(r"<table>.*?</table>", html, re.S)[0]
    rows = re.findall(r"<tr>", table)
    entries = results.load_registry()["entries"]
    assert len(rows) - 1 == len(entries)  # the header row and one row per entry
    for entry, value in quoted_values():
        assert f"<td>{entry[lang]}</td>" in table
        assert f"<td>{results.shown(entry, value)[0]}</td>" in table
