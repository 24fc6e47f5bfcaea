"""The Glosarium page and abbreviations on content pages, in the built sample site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def test_glossary_page_is_in_the_navigation(sample_site: Path) -> None:
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert 'href="glosarium.html"' in home
    page = (sample_site / "glosarium.html").read_text(encoding="utf-8")
    assert "<dt><strong>curanmor</strong> — pencurian kendaraan bermotor</dt>" in page


def test_an_abbreviation_carries_its_meaning_on_first_use_only(sample_site: Path) -> None:
    page = (sample_site / "situasi" / "pencurian-kendaraan-bermotor.html").read_text(encoding="utf-8")
    assert page.count('<abbr title="pencurian kendaraan bermotor">') == 1
    assert page.count("Curanmor") + page.count("curanmor") > 2


@pytest.mark.browser
def test_tapping_an_abbreviation_shows_its_meaning(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/situasi/pencurian-kendaraan-bermotor.html")
    abbr = phone.locator("article abbr").first
    abbr.tap()
    tooltip = phone.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text() == "pencurian kendaraan bermotor"
