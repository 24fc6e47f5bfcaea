"""Indonesian search in the built sample site, in Chromium at a phone's size: online and from file://."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.outputs.search_index import read_search_index
from generator.render.search import LUNR_ID


def test_the_site_search_is_set_to_indonesian(sample_site: Path) -> None:
    """The theme's worker loads lunr.<lang> for every language in the index's config."""
    config = read_search_index(sample_site)["config"]
    assert config["lang"] == ["id"]
    assert sorted(config["pipeline"]) == ["stemmer", "stopWordFilter", "trimmer"]
    assert config["fields"] == {"title": {"boost": 1000}, "tags": {"boost": 50}, "text": {"boost": 1}}
    script = (sample_site / LUNR_ID).read_text(encoding="utf-8")
    assert '["curanmor", "pencurian kendaraan bermotor"' in script


@pytest.fixture(params=["http", "file"])
def base_url(request: pytest.FixtureRequest, site_url: str, sample_site: Path) -> str:
    """The same site served on loopback, and opened from the disk as on a USB stick."""
    return site_url if request.param == "http" else sample_site.resolve().as_uri()


def search(page: Any, base_url: str, query: str) -> list[dict[str, str]]:
    """Type like a person (the theme listens to key events) and read the result pages, best first."""
    page.goto(f"{base_url}/index.html")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=40)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    found: list[dict[str, str]] = items.evaluate_all("""items => items.map(li => ({
        href: li.querySelector('a').getAttribute('href'),
        title: li.querySelector('h1').textContent.trim(),
    }))""")
    return found


@pytest.mark.browser
def test_mencegah_finds_a_guideline_titled_pencegahan(phone: Any, base_url: str) -> None:
    results = search(phone, base_url, "mencegah")
    guidelines = [r for r in results[:5] if "/pedoman/" in r["href"]]
    assert any("Pencegahan" in r["title"] for r in guidelines), results[:5]
    # No page says 'mencegah' in its title: the stem finds them.
    assert not any("mencegah" in r["title"].lower() for r in guidelines)


@pytest.mark.browser
def test_curanmor_finds_the_motor_vehicle_theft_page_first(phone: Any, base_url: str) -> None:
    results = search(phone, base_url, "curanmor")
    assert results[0]["href"].split("?")[0].endswith("situasi/pencurian-kendaraan-bermotor.html"), results[:5]


@pytest.mark.browser
def test_the_long_form_finds_pages_that_say_curanmor(phone: Any, base_url: str) -> None:
    results = search(phone, base_url, "kendaraan bermotor")
    assert any("curanmor" in r["href"] for r in results[:5]), results[:5]


@pytest.mark.browser
def test_a_typed_word_found_through_its_stem_is_not_marked_missing(phone: Any, site_url: str) -> None:
    search(phone, site_url, "pencegahan")
    assert phone.locator(".md-search-result__terms").count() == 0
    assert phone.locator(".md-search-result mark").count() > 0
