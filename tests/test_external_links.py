"""`polmas check --links` against a real server on loopback: ok, broken, and offline-safe."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.error
from collections.abc import Iterator
from typing import Any

import pytest

from generator.cli import EXIT_OK, main
from generator.domain.external_links import why_unreachable
from tests.conftest import Scratch

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/ada" else 404)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine's proxy settings would send loopback requests elsewhere; these tests talk to loopback only."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_links_are_listed_with_their_place_and_outcome(
    scratch: Scratch, server: str, capsys: pytest.CaptureFixture[str],
) -> None:
    scratch.write("content/references/panduan.yaml", f"""
        id: panduan
        title: Panduan
        summary: Ringkas.
        type: situs
        url: {server}/ada
        """)
    scratch.write("content/situations/contoh.yaml", f"""
        id: contoh
        title: Contoh
        summary: Ringkas.
        type: situasi
        description: Lihat [panduan]({server}/hilang) dan http://127.0.0.1:9/tertutup.
        """)
    assert main(["--project", str(scratch.root), "check", "--links"]) == EXIT_OK
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"content/references/panduan.yaml:5:6: url: {server}/ada — ok 200",
        f"content/situations/contoh.yaml:5:14: description: {server}/hilang — broken 404",
        "content/situations/contoh.yaml:5:14: description: http://127.0.0.1:9/tertutup — "
        "not checked: no connection (connection refused)",
    ]
    assert "3 external link(s): 1 broken, 1 not checked (no connection)." in out.err


@pytest.mark.parametrize(("error", "said"), [
    (urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")), "connection refused"),
    (urllib.error.URLError(ConnectionRefusedError(61, "Connection refused")), "connection refused"),
    (urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution")),
     "the name could not be looked up"),
    (TimeoutError("timed out"), "no answer within 5 s"),
    (urllib.error.URLError(OSError(101, "Network is unreachable")), "the network cannot be reached"),
])
def test_the_reason_is_the_same_on_every_machine(error: BaseException, said: str) -> None:
    """Error numbers (111 on Linux, 61 on macOS) and the system's wording never reach the user."""
    assert why_unreachable(error) == said
