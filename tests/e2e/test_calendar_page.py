"""The risk calendar on a phone: this month first, nothing wider than the screen."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_the_calendar_page_reads_on_a_phone(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/kalender/index.html")
    heading = phone.locator("h2", has_text="Bulan ini")
    assert heading.inner_text().removesuffix("¶").strip() == "Bulan ini: Desember 2026"
    box = heading.bounding_box()
    assert box is not None and box["y"] < 844, "this month is on the first screen"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling"
    this_month = phone.locator("h2:has-text('Bulan ini') + ul a")
    assert this_month.all_inner_texts() == ["Musim hujan, banjir dan genangan", "Natal dan malam pergantian tahun"]
