"""The package a reader installs, and the page that shows how: docs/own-project (ko/en).

The wheel is built as the release workflow builds it: an sdist from a copy of the checkout, then
the wheel from that sdist, with the pinned setuptools and no build isolation. It must hold the
package and its data, nothing else. It is installed into a fresh virtual environment outside the
checkout together with NumPy, matplotlib and pytest from the lock's wheels, which
`python3 tools/dev.py test` downloads into .cache/reader-wheels before the tests: pip gets no
index, no configuration and no cache, and every connection goes to a closed port. There the
package's doctests pass with no Korean font, no MNIST and no repository around them.

The page's shell commands are the `run:` steps of the workflow a reader copies
(docs/own-project/reader-ci.yml, shown on the page byte for byte), and they run here in that
environment, the last one in a project folder that holds the page's example files. The one thing
changed is where pip finds nn-text: the wheel just built, instead of GitHub or PyPI.
"""

import doctest
import importlib
import importlib.metadata
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import nn_text

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "own-project"
WORKFLOW = PAGE / "reader-ci.yml"
LANGS = ("ko", "en")
READER_WHEELS = ROOT / ".cache" / "reader-wheels"  # tools/dev.py READER_WHEELS
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
REPO_REQUIREMENT = "git+https://github.com/nn-text/nn_text"  # the page's install, until PyPI
DOCTEST_COMMAND = "python -m pytest --doctest-modules --pyargs nn_text -p no:cacheprovider"
CLOSED_PORT = "http://127.0.0.1:9"  # the discard port: a connection attempt fails at once
# What a checkout holds besides its sources: set-up, caches, builds. Not copied to build from.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".cache", "site", "node_modules",
                                    "__pycache__", "build", "dist", "*.egg-info", ".pytest_cache",
                                    ".hypothesis")
WHEEL_LIMIT = 1_000_000  # bytes: the package is code and one small file of weights
FENCE = re.compile(r"^```(?P<info>[^`\n]*)\n(?P<body>.*?)^```$", re.M | re.S)


@dataclass
class Reader:
    venv: Path  # the fresh virtual environment
    env: dict  # the environment its commands run in: offline, nothing of the checkout


def fences(lang):
    """(info string, body) of every fenced block of the page in ``lang``, in page order."""
    text = (PAGE / f"index.{lang}.md").read_text(encoding="utf-8")
    return [(m["info"].strip(), m["body"]) for m in FENCE.finditer(text)]


def workflow_runs():
    """The `run:` commands of the reader's workflow, in order."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    return [step["run"] for step in steps if "run" in step]


def bash(script, cwd, env):
    """Run ``script`` as a GitHub Actions `run:` step runs it on Linux."""
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def setuptools_hook(source, hook, out):
    """Call one PEP 517 hook of setuptools in ``source``, in a fresh interpreter."""
    code = f"import sys; from setuptools import build_meta; build_meta.{hook}(sys.argv[1])"
    done = subprocess.run([sys.executable, "-W", "error", "-c", code, str(out)], cwd=source,
                          capture_output=True, text=True)
    assert done.returncode == 0, f"{hook} failed:\n{done.stdout}\n{done.stderr}"


def summary(done):
    """pytest's last line without its rule, such as '118 passed in 3.63s'."""
    lines = done.stdout.strip().splitlines()
    return lines[-1].strip("= ") if lines else "(no output)"


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    """The sdist and the wheel, built as `python -m build` builds them: the wheel from the sdist."""
    tmp = tmp_path_factory.mktemp("build")
    checkout, out = tmp / "checkout", tmp / "dist"
    shutil.copytree(ROOT, checkout, ignore=NOT_SOURCE)  # setuptools writes into its source folder
    setuptools_hook(checkout, "build_sdist", out)
    (sdist,) = out.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp / "sdist", filter="data")
    (unpacked,) = (tmp / "sdist").iterdir()
    setuptools_hook(unpacked, "build_wheel", out)
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def reader(tmp_path_factory, dists):
    """A fresh virtual environment outside the checkout, where the workflow's install step ran."""
    if not any(READER_WHEELS.glob("numpy-*.whl")):
        pytest.fail(f"no wheels in {READER_WHEELS}: run `python3 tools/dev.py test`, whose "
                    f"set-up downloads them")
    home = tmp_path_factory.mktemp("reader")
    env_dir = home / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "LANG", "LC_ALL", "SYSTEMROOT"}}
    env = dict(
        keep, PATH=os.pathsep.join([str(bin_dir), keep.get("PATH", "")]),
        VIRTUAL_ENV=str(env_dir), HOME=str(home), XDG_CACHE_HOME=str(home / "cache"),
        MPLCONFIGDIR=str(home / "matplotlib"), MPLBACKEND="Agg",
        PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_NO_CACHE_DIR="1",
        PIP_NO_COMPILE="1",  # faster: Python compiles what it imports anyway
        PIP_FIND_LINKS=f"{READER_WHEELS} {dists[1].parent}", PIP_DISABLE_PIP_VERSION_CHECK="1",
        http_proxy=CLOSED_PORT, https_proxy=CLOSED_PORT, HTTP_PROXY=CLOSED_PORT,
        HTTPS_PROXY=CLOSED_PORT, ALL_PROXY=CLOSED_PORT, no_proxy="", NO_PROXY="",
    )
    install = workflow_runs()[0]
    assert REPO_REQUIREMENT in install, install
    (home / "empty").mkdir()
    done = bash(install.replace(REPO_REQUIREMENT, "nn-text"), home / "empty", env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    done = bash("python -m pip check", home / "empty", env)
    assert done.returncode == 0, done.stdout + done.stderr  # the wheel's requirements are met
    return Reader(env_dir, env)


def package_doctests():
    """How many docstrings with examples nn_text has; pytest runs each as one test."""
    finder, count = doctest.DocTestFinder(), 0
    names = ["nn_text"] + [m.name for m in pkgutil.walk_packages(nn_text.__path__, "nn_text.")]
    for name in names:
        module = importlib.import_module(name)
        count += sum(1 for test in finder.find(module, name) if test.examples)
    return count


def test_the_wheel_holds_the_package_and_its_data_only(dists, capsys):
    sdist, wheel = dists
    with zipfile.ZipFile(wheel) as zf:
        names = sorted(zf.namelist())
    listing = f"{wheel.name}, {wheel.stat().st_size:,} bytes:\n  " + "\n  ".join(names)
    with capsys.disabled():  # shown in every run, not only when the test fails
        print(f"\n  wheel: {wheel.name}, {wheel.stat().st_size:,} bytes, {len(names)} files")
    package = ROOT / "nn_text"
    expected = sorted(p.relative_to(ROOT).as_posix()
                      for p in [*package.rglob("*.py"), *(package / "data").glob("*.npz")])
    dist_info = f"nn_text-{VERSION}.dist-info/"
    assert [n for n in names if not n.startswith(dist_info)] == expected, listing
    assert any(n.endswith(".npz") for n in expected), "the shipped weights are missing"
    assert wheel.stat().st_size < WHEEL_LIMIT, listing
    with tarfile.open(sdist) as tar:
        top = {Path(n).parts[1] for n in tar.getnames() if len(Path(n).parts) > 1}
    assert top == {"PKG-INFO", "README.md", "pyproject.toml", "setup.cfg", "MANIFEST.in",
                   "nn_text", "nn_text.egg-info"}, sorted(top)


def test_the_installed_wheel_is_what_runs(reader, tmp_path):
    code = ("import importlib.util, nn_text; print(nn_text.__file__); "
            "print(importlib.util.find_spec('figures'))")
    done = bash(f'python -c "{code}"', tmp_path, reader.env)
    assert done.returncode == 0, done.stderr
    where, figures = done.stdout.split()
    assert Path(where).is_relative_to(reader.venv), where
    assert figures == "None", "the site's figure code must not be installed"


def test_the_installed_package_passes_its_doctests_offline(reader, tmp_path, capsys):
    runs = workflow_runs()
    assert runs[1] == DOCTEST_COMMAND, "the reader's workflow runs what this test runs"
    done = bash(DOCTEST_COMMAND, tmp_path, reader.env)  # from an empty folder
    result = summary(done)
    with capsys.disabled():
        print(f"\n  installed wheel, `{DOCTEST_COMMAND}`: {result}")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert not re.search(r"failed|error|skipped", result), result
    assert int(re.search(r"(\d+) passed", result)[1]) == package_doctests(), result


def test_the_page_example_project_passes_the_workflow_last_step(reader, tmp_path):
    files = [(info, body) for info, body in fences("en") if info.startswith("python title=")]
    assert len(files) == 2, files
    for info, body in files:
        (tmp_path / re.fullmatch(r'python title="([\w.]+)"', info)[1]).write_text(body)
    done = bash(workflow_runs()[2], tmp_path, reader.env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.match(r"2 passed\b", summary(done)), summary(done)  # the doctest and the test


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_the_workflow_file_as_it_is(lang):
    shown = [body for info, body in fences(lang) if info.split()[0] == "yaml"]
    assert shown == [WORKFLOW.read_text(encoding="utf-8")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shell_commands_are_the_workflow_steps(lang):
    commands = [line for info, body in fences(lang) if info == "bash"
                for line in body.splitlines() if line.strip()]
    assert commands == workflow_runs()


def test_the_release_builds_with_the_setuptools_the_tests_build_with():
    pins = {}
    for lock in ("docs.lock", "release.lock"):
        text = (ROOT / "requirements" / lock).read_text()
        pins[lock] = re.search(r"^setuptools==(\S+)", text, re.M)[1]
    assert pins["docs.lock"] == pins["release.lock"] == importlib.metadata.version("setuptools")
    release = (ROOT / ".github" / "workflows" / "release.yml").read_text()
    assert "-r requirements/release.lock" in release and "--no-isolation" in release
