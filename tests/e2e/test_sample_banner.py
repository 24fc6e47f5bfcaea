"""The sample banner on a phone: the first thing on the screen, above the header, never over the title."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_the_banner_tops_the_phone_screen_and_leaves_the_title_visible(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/pedoman/hentikan-tawuran.html")
    banner, header, title = phone.locator(".polmas-sample"), phone.locator(".md-header"), phone.locator("h1")
    assert banner.is_visible() and banner.inner_text() == "Contoh — data ilustrasi, bukan data resmi"
    box, header_box, title_box = banner.bounding_box(), header.bounding_box(), title.bounding_box()
    assert box["y"] < 20 and box["y"] + box["height"] <= header_box["y"] + 1  # above the header, at the top
    assert title_box["y"] >= header_box["y"] + header_box["height"]  # the title starts below both
    assert title_box["y"] + title_box["height"] < 844 / 2
    # Nothing lies on top of the title: the element at its centre is the title itself (or inside it).
    x, y = title_box["x"] + title_box["width"] / 2, title_box["y"] + title_box["height"] / 2
    assert phone.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('h1') !== null", [x, y])
