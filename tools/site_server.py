"""Serve a built site on 127.0.0.1 as GitHub Pages does: under site_url's path, text gzipped.

Python's http.server sends no compression, so a page measured from it (its weight, Lighthouse's
performance) looks much heavier than the one a reader gets. The browser tests and
tools/lighthouse.py share this server.

    with serve(site_dir) as root:  # root: "http://127.0.0.1:PORT/nn_text/"
        ...
"""

import contextlib
import functools
import gzip
import http.server
import io
import re
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".map", ".ipynb", ".txt"}


def site_prefix():
    """The path part of site_url ('/nn_text/'): the site is served there, as in production."""
    m = re.search(r"^site_url:\s*['\"]?([^'\"\s]+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)
    path = urlsplit(m[1]).path if m else "/"
    return path if path.endswith("/") else path + "/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed when the browser accepts it, as GitHub Pages does, so that
    the page weight measured here is what a reader downloads; and over persistent connections
    (HTTP/1.1 keep-alive), as GitHub Pages does (HTTP/2), not one connection per file."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser dropping a connection is not the site's fault


@contextlib.contextmanager
def serve(site_dir, prefix=None):
    """Serve ``site_dir`` under ``prefix`` (default: site_url's path); yield the root URL."""
    prefix = site_prefix() if prefix is None else prefix
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(site_dir)
        if prefix != "/":
            top = Path(tmp)
            link = top / prefix.strip("/")
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(Path(site_dir).resolve(), target_is_directory=True)
        handler = functools.partial(QuietHandler, directory=str(top))
        server = QuietServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join()
