"""The results page's tables, made at build time from results/quoted.yml and results/*.json.

A page that holds a ```results-table``` block gets, in its language, one row per entry of the
registry: what the number is, the book's value, ours, the seed, the epochs or steps, the time the
run took and the script that reproduces it. ```results-commands``` becomes the list of the full
commands, ```results-bench``` the ratios of results/cnn_engine.json. tests/test_results.py
imports this module, so the page and the tests read the registry the same way.
"""

import functools
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results"
REGISTRY = RESULTS / "quoted.yml"
BLOCK = re.compile(r"^```(results-table|results-commands|results-bench)\n```$", re.M)
# What a value expression may call besides the results file's own keys.
BUILTINS = {f.__name__: f for f in (abs, enumerate, len, max, min, next, round, sorted, sum)}

WORDS = {
    "ko": {"what": "수치", "book": "책", "ours": "nn_text", "seed": "시드",
           "length": "에폭 / 갱신", "time": "이 사이트를 만든 컴퓨터에서 걸린 시간", "command": "다시 만드는 명령",
           "epochs": "{:,}에폭", "steps": "갱신 {:,}번", "none": "—",
           "seconds": "{:,.0f}초", "minutes": "{:,.0f}초({:.0f}분)",
           "file": "결과 파일", "part": "부분", "impl": "구현", "ratio": "책의 코드 대비 시간(중앙값)",
           "range": "범위"},
    "en": {"what": "Number", "book": "Book", "ours": "nn_text", "seed": "Seed",
           "length": "Epochs / steps", "time": "Time on the computer that built this site", "command": "Reproduced by",
           "epochs": "{:,} epochs", "steps": "{:,} steps", "none": "—",
           "seconds": "{:,.0f} s", "minutes": "{:,.0f} s ({:.0f} min)",
           "file": "Results file", "part": "Part", "impl": "Implementation",
           "ratio": "Time against the book's code (median)", "range": "Range"},
}


def load_registry():
    """The registry (results/quoted.yml) as a dict with ``runs``, ``entries``, ``not_from_runs``."""
    return yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)  # one read per file and build; callers do not modify it
def load_result(name):
    """The results file ``results/<name>`` as parsed JSON."""
    return json.loads((RESULTS / name).read_text(encoding="utf-8"))


def evaluate(expression, result):
    """Evaluate ``expression`` with the results file's top-level keys as names."""
    names = {key: value for key, value in result.items() if key.isidentifier()}
    return eval(expression, {"__builtins__": BUILTINS}, names)  # our own registry, not input


def shown(entry, value):
    """Every form in which the pages may quote ``value``; the first is the results page's."""
    return [form.format(value) for form in entry["shown"]]


def run_facts(run, lang):
    """Seed, epochs or steps, time and command of one run, as the table writes them."""
    words, result = WORDS[lang], load_result(run["file"])
    seed = evaluate(run["seed"], result) if "seed" in run else words["none"]
    if "epochs" in run:
        length = words["epochs"].format(evaluate(run["epochs"], result))
    elif "steps" in run:
        length = words["steps"].format(evaluate(run["steps"], result))
    else:
        length = words["none"]
    time = words["none"]
    if "seconds" in run:
        seconds = evaluate(run["seconds"], result)
        time = (words["minutes"].format(seconds, seconds / 60) if seconds >= 120
                else words["seconds"].format(seconds))
    return seed, length, time, result["command"]


def results_table(lang):
    registry, words = load_registry(), WORDS[lang]
    columns = ("what", "book", "ours", "seed", "length", "time", "command")
    lines = ["| " + " | ".join(words[c] for c in columns) + " |",
             "| " + " | ".join("---" for _ in columns) + " |"]
    for entry in registry["entries"]:
        run = registry["runs"][entry["run"]]
        value = evaluate(entry["value"], load_result(run["file"]))
        seed, length, time, command = run_facts(run, lang)
        script = command.split()[-1]  # the full commands are listed under the table
        cells = (entry[lang], entry.get("book", {}).get(lang, ""), shown(entry, value)[0], seed, length, time,
                 f"`{script}`")
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def results_commands(lang):
    registry = load_registry()
    files = dict.fromkeys(run["file"] for run in registry["runs"].values())
    lines = []
    for name in files:
        command = load_result(name)["command"]
        lines.append(f"- `results/{name}`: `{command}`")
    return "\n".join(lines)


def results_bench(lang):
    words, bench = WORDS[lang], load_result("cnn_engine.json")
    lines = [f"| {words['part']} | {words['impl']} | {words['ratio']} | {words['range']} |",
             "| --- | --- | --- | --- |"]
    for part in ("convolution", "simple_conv_net", "deep_conv_net"):
        for impl, r in bench.get(part, {}).get("ratios", {}).items():
            lines.append(f"| `{part}` | {impl} | {r['median']:.2f} | "
                         f"{r['min']:.2f}–{r['max']:.2f} |")
    return "\n".join(lines)


def scrolling(make, label):
    """A table in a region that scrolls sideways and takes the keyboard focus: a table wider
    than the page must be scrollable with the keyboard too (axe: scrollable-region-focusable),
    and Material's own scroll wrapper cannot be focused."""
    def wrapped(lang):
        return (f'<div class="scroll-region" tabindex="0" role="region" '
                f'aria-label="{label[lang]}" markdown>\n\n{make(lang)}\n\n</div>')
    return wrapped


MAKERS = {"results-table": scrolling(results_table, {"ko": "학습 결과 표", "en": "Results table"}),
          "results-commands": results_commands,
          "results-bench": scrolling(results_bench, {"ko": "벤치마크 비율 표",
                                                     "en": "Benchmark ratios"})}


def on_page_markdown(markdown, page, config, files):
    if "```results-" not in markdown:
        return markdown
    lang = "en" if re.search(r"\.en\.md$", page.file.src_uri) else "ko"
    return BLOCK.sub(lambda m: MAKERS[m[1]](lang), markdown)


def on_pre_build(config):
    load_result.cache_clear()  # `mkdocs serve` rebuilds after a results file changed
