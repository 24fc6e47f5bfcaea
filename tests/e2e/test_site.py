"""The built sample site in headless Chromium at a phone's viewport."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def search(page: Any, query: str) -> Any:
    """Open the search on a phone and type like a person (mkdocs-material listens to key events)."""
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=40)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for(timeout=10_000)
    return results


def test_home_page_offers_search_kinds_and_110(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/index.html")
    assert phone.locator("h1").inner_text().removesuffix("¶") == "Pustaka Polmas"  # ¶: the permalink
    assert phone.locator("a[href='tel:110']").count() >= 1
    assert phone.locator("label.md-header__button[for='__search']").is_visible()
    assert phone.locator(".grid.cards a").count() == 6


def test_typing_tawuran_lists_the_tawuran_page_first(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/index.html")
    results = search(phone, "tawuran")
    assert results.first.get_attribute("href").split("?")[0].endswith("situasi/tawuran-pelajar.html")
    results.first.click()
    phone.wait_for_url("**/situasi/tawuran-pelajar.html*")
    assert "Tawuran" in phone.locator("h1").inner_text()


def test_situation_page_shows_the_three_phase_groups(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/situasi/tawuran-pelajar.html")
    headings = phone.locator("article h3").all_inner_texts()
    phases = ["Pencegahan", "Penanganan saat kejadian", "Pasca kejadian"]
    assert [h.removesuffix("¶").strip() for h in headings[:3]] == phases
    # Each group leads to at least one guideline page.
    for anchor in ("pencegahan", "penanganan-saat-kejadian", "pasca-kejadian"):
        assert phone.locator(f"h3#{anchor} + ul a[href*='pedoman/']").count() >= 1


@pytest.mark.parametrize("path", [
    "index.html", "situasi/index.html", "situasi/tawuran-pelajar.html", "pedoman/hentikan-tawuran.html",
    "forum/fkpm-ngrandusari.html", "hukum/uu-2-2002.html", "edukasi/index.html", "wilayah/index.html",
])
def test_pages_fit_a_phone_screen(phone: Any, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
