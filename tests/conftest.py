"""Shared fixtures: the site, built once per test session with `mkdocs build --strict`."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# The same examples on every run: a property test that fails, fails every time (and in CI),
# never at random on one run in a hundred.
settings.register_profile("nn_text", derandomize=True)
settings.load_profile("nn_text")

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class BuiltSite:
    path: Path  # the site directory
    log: str  # everything mkdocs printed
    returncode: int


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Build the whole site once into a temporary directory and return where and how it went."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    site = BuiltSite(out, done.stdout + done.stderr, done.returncode)
    if site.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site.log[-4000:]}")
    return site
