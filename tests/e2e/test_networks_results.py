"""On a phone (390×844): a forum's network page reads in one column, and the forum page's Karya nyata shows its
evidence photo and its charts (SVG drawn at build time, no script)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.browser
def test_forum_network_page_fits_a_phone(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/jejaring/forum/fkpm-ngrandusari.html")
    assert phone.locator("article h1").inner_text().startswith("Jejaring FKPM Ngrandusari")
    assert phone.locator("article h3 a").count() >= 3
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "nothing runs off the side"


@pytest.mark.browser
def test_karya_nyata_shows_evidence_and_charts_on_a_phone(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/forum/fkpm-ngrandusari.html")
    phone.locator("#karya-nyata").scroll_into_view_if_needed()
    photo = phone.locator(".polmas-evidence img").first
    photo.scroll_into_view_if_needed()
    # The photo loads lazily once scrolled to: wait until it has, rather than read it at once.
    phone.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle(),
                            timeout=10_000)
    assert photo.get_attribute("alt")
    charts = phone.locator(".polmas-chart svg")
    assert charts.count() == 2
    chart = charts.first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None and 250 <= box["width"] <= 390 and box["height"] > 100, box
    assert chart.is_visible() and chart.locator("rect").count() > 3
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
