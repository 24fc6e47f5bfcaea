"""Serve a built site on loopback for the browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@dataclass
class Network:
    """Every URL a browser context asked for through its router, and those it was refused."""

    requested: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


def guard_network(context: Any, allowed: Callable[[str], bool]) -> Network:
    """Abort every request `allowed` refuses; keep every URL asked for and every one blocked."""
    network = Network()

    def route(request_route: Any) -> None:
        url = request_route.request.url
        network.requested.append(url)
        if allowed(url):
            request_route.continue_()
        else:
            network.blocked.append(url)
            request_route.abort()

    context.route("**/*", route)
    return network
