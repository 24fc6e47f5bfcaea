"""A guideline page in the officer's hand: first steps on the first screen, one actor's steps, numbers to call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.render.first_steps import ACTIVITY_LABELS, step_actors

pytestmark = pytest.mark.browser
PHONE_HEIGHT = 844


def guideline_pages(site: Path) -> list[str]:
    return sorted(f"pedoman/{p.name}" for p in (site / "pedoman").glob("*.html") if p.name != "index.html")


def test_the_first_phone_screen_holds_the_first_steps_and_a_call_button(
    phone: Any, site_url: str, sample_site: Path,
) -> None:
    too_low = []
    for path in guideline_pages(sample_site):
        phone.goto(f"{site_url}/{path}")
        card = phone.locator(".polmas-first")
        assert card.locator("h2").inner_text().removesuffix("¶").strip() == "Langkah pertama", path
        call = card.locator("a.polmas-call[href^='tel:']")
        card_box, call_box = card.bounding_box(), call.bounding_box()
        if card_box["y"] + card_box["height"] > PHONE_HEIGHT or call_box["y"] + call_box["height"] > PHONE_HEIGHT:
            too_low.append(f"{path}: card ends at {card_box['y'] + card_box['height']:.0f} px")
    assert too_low == []


def test_the_call_button_dials_the_guidelines_own_emergency_number(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/pedoman/evakuasi-kebakaran-pasar.html")
    assert phone.locator(".polmas-first a.polmas-call").get_attribute("href") == "tel:113"


@pytest.fixture(params=["http", "file"])
def base_url(request: pytest.FixtureRequest, site_url: str, sample_site: Path) -> str:
    """The filter works on a served site and on one opened from a USB stick (file://)."""
    return site_url if request.param == "http" else sample_site.resolve().as_uri()


def test_saya_sebagai_shows_only_that_actors_steps(
    phone: Any, base_url: str, sample_build: pipeline.BuildResult,
) -> None:
    guideline = sample_build.kb.get("hentikan-tawuran").data
    mine = [i for i, step in enumerate(guideline.steps) if "bhabinkamtibmas" in
            [a.slug for a in step_actors(step.actor)]]
    assert 0 < len(mine) < len(guideline.steps)
    phone.goto(f"{base_url}/pedoman/hentikan-tawuran.html")
    steps = phone.locator("li.polmas-step")
    assert steps.count() == len(guideline.steps)
    phone.locator(".polmas-actors label", has_text="Bhabinkamtibmas").click()
    shown = [i for i in range(steps.count()) if steps.nth(i).is_visible()]
    assert shown == mine
    phone.locator(".polmas-actors label", has_text="Semua").click()
    assert all(steps.nth(i).is_visible() for i in range(steps.count()))


def test_without_javascript_every_step_shows_and_no_filter(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/pedoman/hentikan-tawuran.html")
    steps = page.locator("li.polmas-step")
    assert steps.count() > 3 and all(steps.nth(i).is_visible() for i in range(steps.count()))
    assert not page.locator(".polmas-actors").is_visible()
    context.close()


def test_a_step_is_ticked_by_tapping_its_text(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/pedoman/hentikan-tawuran.html")
    step = phone.locator("li.polmas-step").first
    step.locator("label").click()
    assert step.locator("input[type=checkbox]").is_checked()


UNLINKED_NUMBERS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('a, code, pre, h1, h2, h3, h4, h5, h6')) continue;
    const match = node.textContent.match(/(^|[^\\w\\/.,])(110|112|113|119|129|157|184)(?![\\w\\/])/);
    const before = node.textContent.slice(0, match ? match.index + match[1].length : 0);
    if (match && !/(Pasal|Nomor)\\s*$/.test(before)) found.push(node.textContent.trim());
  }
  return found;
}"""


def test_every_emergency_number_in_a_guideline_is_a_call_link(phone: Any, site_url: str, sample_site: Path) -> None:
    unlinked = {}
    for path in guideline_pages(sample_site):
        phone.goto(f"{site_url}/{path}")
        found = phone.evaluate(UNLINKED_NUMBERS)
        if found:
            unlinked[path] = found
    assert unlinked == {}


def test_officer_activities_show_their_labels_and_lead_to_the_activity_index(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/pedoman/sambang-dds.html")
    links = phone.locator("article a[href*='kegiatan/index.html#']")
    labels = links.all_inner_texts()
    assert labels and set(labels) <= set(ACTIVITY_LABELS.values())
    links.first.click()
    phone.wait_for_url("**/kegiatan/index.html#*")
    anchor = phone.url.split("#")[1]
    assert phone.locator(f"h2#{anchor} + ul a[href*='sambang-dds']").count() == 1
