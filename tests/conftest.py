"""Shared fixtures: the site, built once per test run with `mkdocs build --strict`.

The tests run on every core (pytest-xdist, `-n auto` in pyproject.toml). The first worker that
needs the site builds it into the run's shared temporary folder; the others wait for that build
and use the same site, so a run builds it once however many workers there are.
"""

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# The same examples on every run: a property test that fails, fails every time (and in CI),
# never at random on one run in a hundred.
settings.register_profile("nn_text", derandomize=True)
settings.load_profile("nn_text")

ROOT = Path(__file__).resolve().parents[1]
BUILD_TIMEOUT = 1200  # seconds a worker waits for another worker's build of the site


@dataclass
class BuiltSite:
    path: Path  # the site directory
    log: str  # everything mkdocs printed
    returncode: int


def build_site(out):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    return BuiltSite(out, done.stdout + done.stderr, done.returncode)


def shared_build(shared):
    """Build the site in ``shared`` once for all workers: the first to take the lock (a folder
    made atomically) builds, the others wait for the record it leaves."""
    record = shared / "site.json"
    try:
        (shared / "site.lock").mkdir(parents=True)
    except FileExistsError:
        deadline = time.monotonic() + BUILD_TIMEOUT
        while not record.is_file():
            if time.monotonic() > deadline:
                pytest.fail(f"no site built in {shared} after {BUILD_TIMEOUT} s", pytrace=False)
            time.sleep(0.5)
        data = json.loads(record.read_text(encoding="utf-8"))
        return BuiltSite(Path(data["path"]), data["log"], data["returncode"])
    site = BuiltSite(shared / "site", "(the build raised before it ended)", -1)
    try:
        site = build_site(site.path)
    finally:
        tmp = record.with_suffix(".tmp")
        tmp.write_text(json.dumps(dict(asdict(site), path=str(site.path))), encoding="utf-8")
        os.replace(tmp, record)  # the waiting workers see the whole record or none
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id):
    """The whole site, built once per test run; where it is and how the build went."""
    base = tmp_path_factory.getbasetemp()
    site = shared_build(base if worker_id == "master" else base.parent)
    if site.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site.log[-4000:]}")
    return site


def pytest_terminal_summary(terminalreporter):
    """Print the reports that tests recorded with record_property("report", text), such as the
    Lighthouse scores; pytest-xdist brings them back from its workers."""
    for report in terminalreporter.getreports("passed") + terminalreporter.getreports("failed"):
        for name, text in report.user_properties:
            if name == "report" and report.when == "call":
                terminalreporter.write_sep("-", report.nodeid)
                terminalreporter.write(text)
