"""A local HTTP server serving small archives laid out like LanguageTool releases (tests only)."""

from __future__ import annotations

import hashlib
import io
import random
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "6.8"
JAR_BYTES = 700_000  # several download chunks, so progress is reported more than once


def release_zip(
    top: str = f"LanguageTool-{VERSION}", jar: str = "languagetool-server.jar"
) -> bytes:
    """A zip shaped like a LanguageTool release: one top folder, the server jar, a few files."""
    buffer = io.BytesIO()
    noise = random.Random(5).randbytes(JAR_BYTES)  # incompressible, like a real jar
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{top}/{jar}", noise)
        bundle.writestr(f"{top}/libs/languagetool-core.jar", noise[:5000])
        bundle.writestr(f"{top}/README.md", "LanguageTool test release\n")
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    """The hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class ReleaseServer:
    """What the server serves: path → bytes; `slow` paths trickle out chunk by chunk."""

    url: str = ""
    files: dict[str, bytes] = field(default_factory=dict)
    slow: set[str] = field(default_factory=set)
    short: set[str] = field(default_factory=set)  # announce more bytes than sent
    requests: list[str] = field(default_factory=list)


@contextmanager
def release_server() -> Iterator[ReleaseServer]:
    """Serve `ReleaseServer.files` on 127.0.0.1 in a thread for the duration of the block."""
    state = ReleaseServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the test output clean

        def do_GET(self) -> None:
            state.requests.append(self.path)
            body = state.files.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            extra = 1000 if self.path in state.short else 0
            self.send_header("Content-Length", str(len(body) + extra))
            self.end_headers()
            step = 64 * 1024
            for start in range(0, len(body), step):
                try:
                    self.wfile.write(body[start : start + step])
                    self.wfile.flush()
                except OSError:
                    return  # the client hung up (cancelled)
                if self.path in state.slow:
                    time.sleep(0.05)
            if extra:
                self.close_connection = True

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
