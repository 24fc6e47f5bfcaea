"""The unzipped bundle in headless Chromium at a phone's size, with every request but file:// blocked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import PHONE, Network, guard_network

BROWSER_INTERNALS = ("chrome:", "chrome-extension:")
"""Chromium's own PDF viewer loads its parts from inside the browser; nothing leaves the machine."""


@pytest.fixture
def usb_phone(browser: Any) -> Iterator[tuple[Any, list[str], Network]]:
    """A phone with no network at all: only file:// is let through; every request seen is kept."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  offline=True)
    seen: list[str] = []  # all requests, also those the router never sees (the browser's PDF viewer)
    context.on("request", lambda request: seen.append(request.url))
    network = guard_network(context, lambda url: url.startswith("file:"))
    yield context.new_page(), seen, network
    context.close()


def test_search_map_and_handout_work_from_the_unzipped_bundle(usb_phone: tuple[Any, list[str], Network],
                                                               unzipped: Path) -> None:
    page, seen, network = usb_phone
    page.goto((unzipped / "index.html").as_uri())
    page.wait_for_url("**/situs/index.html")

    page.locator("label[for='__search']").first.click()
    page.locator("input[data-md-component='search-query']").press_sequentially("tawuran", delay=20)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert (first.get_attribute("href") or "").split("?")[0].endswith("situasi/tawuran-pelajar.html")
    first.click()
    page.wait_for_url("**/situasi/tawuran-pelajar.html*")
    assert "Tawuran" in page.locator("h1").inner_text()

    page.goto((unzipped / "situs/forum/fkpm-ngrandusari.html").as_uri())
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").count() >= 3
    assert page.locator("path.leaflet-interactive").count() >= 1, "the forum's area boundaries are drawn"

    page.goto((unzipped / "situs/edukasi/edukasi-anti-tawuran-pelajar.html").as_uri())
    # The pages carry the worker's registration script, and from file:// it registers nothing.
    assert any(u.endswith("/assets/polmas-offline.js") for u in seen)
    assert not any(u.endswith("/sw.js") for u in seen)
    assert page.evaluate("!navigator.serviceWorker || navigator.serviceWorker.controller === null")
    link = page.locator("a[href$='handout.pdf']").first
    link.click()
    page.wait_for_url("**/materi/edukasi-anti-tawuran-pelajar/handout.pdf")
    opened = Path(unquote(urlsplit(page.url).path))
    assert opened.is_relative_to(unzipped)
    assert "Sekolah Aman Tanpa Tawuran" in PdfReader(opened).pages[0].extract_text()

    other = [u for u in seen if not u.startswith("file:") and not u.startswith(BROWSER_INTERNALS)]
    assert other == [], "nothing but files is asked for"
    assert network.blocked == []
    assert sum(u.startswith("file:") for u in seen) >= 10
