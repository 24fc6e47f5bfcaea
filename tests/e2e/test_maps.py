"""The maps in headless Chromium on a phone, with every request that is not a file or loopback blocked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.render.maps import element_id
from generator.render.mapviews import MapView, forum_view, overview_view, situation_view
from tests.e2e.conftest import PHONE, guard_network

pytestmark = pytest.mark.browser

COUNT = """id => {
  const map = document.getElementById(id);
  const clustered = [...map.querySelectorAll('.marker-cluster span')]
    .reduce((sum, s) => sum + Number(s.textContent), 0);
  return {
    polygons: map.querySelectorAll('path.polmas-area').length,
    markers: map.querySelectorAll('.polmas-marker').length + clustered,
    labels: [...map.querySelectorAll('.polmas-label')].filter(l => l.style.visibility !== 'hidden').length,
  };
}"""


SETTLED = """id => {
  const map = document.getElementById(id);
  return !map.querySelector('.leaflet-cluster-anim')
    && ![...map.querySelectorAll('.polmas-marker, .marker-cluster')].some(m => m.style.opacity === '0');
}"""
"""Clustering animates: markers leaving a cluster stay in the page, transparent, until it ends."""


def settled_counts(page: Any, map_id: str) -> dict[str, int]:
    """The counts once clustering has finished and they hold still for a moment."""
    previous: dict[str, int] = {}
    for _ in range(20):
        page.wait_for_function(SETTLED, arg=map_id)
        counts = dict(page.evaluate(COUNT, map_id))
        if counts == previous:
            return counts
        previous = counts
        page.wait_for_timeout(250)
    raise AssertionError(f"the map {map_id} never settled: {previous}")


@dataclass
class OfflinePhone:
    """A phone whose only network is the file system and loopback; every other request is aborted and kept."""

    page: Any
    requested: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def open_map(self, url: str, view: MapView) -> dict[str, int]:
        self.page.goto(url)
        map_id = element_id(view)
        self.page.wait_for_selector(f"#{map_id}[data-polmas-ready]")
        return settled_counts(self.page, map_id)


def _allowed(url: str) -> bool:
    return url.startswith(("file://", "data:", "blob:", "http://127.0.0.1", "http://localhost"))


@pytest.fixture
def offline_phone(browser: Any) -> Iterator[OfflinePhone]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    network = guard_network(context, _allowed)
    yield OfflinePhone(context.new_page(), network.requested, network.blocked)
    context.close()


def test_forum_map_from_a_usb_stick_draws_every_boundary_and_place(
    offline_phone: OfflinePhone, sample_build: pipeline.BuildResult,
) -> None:
    site, kb = sample_build.site_dir, sample_build.kb
    view = forum_view(kb, "fkpm-ngrandusari")
    assert view is not None
    counts = offline_phone.open_map((site / "forum/fkpm-ngrandusari.html").as_uri(), view)
    assert counts["polygons"] == len(view.areas)
    assert counts["markers"] == len(view.places)
    assert counts["labels"] >= 1
    assert all(url.startswith("file://") for url in offline_phone.requested), "from file:// nothing else is asked"
    assert offline_phone.blocked == []


def test_popup_links_to_the_problem_page_and_layers_switch_by_type(
    offline_phone: OfflinePhone, sample_build: pipeline.BuildResult,
) -> None:
    site, kb = sample_build.site_dir, sample_build.kb
    view = forum_view(kb, "fkpm-ngrandusari")
    assert view is not None
    offline_phone.open_map((site / "forum/fkpm-ngrandusari.html").as_uri(), view)
    page, map_id = offline_phone.page, element_id(view)
    spot = next(p for p in view.places if p.record.data.type == "masalah")
    # Close enough that no marker is clustered any more.
    page.evaluate(f"{map_id}.setView([{spot.lat}, {spot.lon}], 18, {{animate: false}})")
    page.locator(f"#{map_id} .polmas-marker[title='{spot.record.data.name}']").click()
    link = page.locator(f"#{map_id} .leaflet-popup-content a").first
    assert link.inner_text() == spot.situation.title  # type: ignore[union-attr]
    assert link.evaluate("a => a.href") == (site / f"situasi/{spot.record.data.situation}.html").as_uri()

    page.evaluate(f"{map_id}.fitBounds([[{view.bounds[0]}, {view.bounds[1]}], [{view.bounds[2]}, {view.bounds[3]}]],"
                  " {animate: false})")
    potentials = sum(1 for p in view.places if p.record.data.type == "potensi")
    page.evaluate(f"document.getElementById('{map_id}').scrollIntoView({{block: 'center'}})")
    page.locator(f"#{map_id} .leaflet-control-layers").hover()
    # Leaflet ignores clicks in the same moment the pointer opens the control (against accidental taps).
    page.wait_for_timeout(100)
    page.locator(f"#{map_id} .leaflet-control-layers-overlays label", has_text="Potensi").click()
    page.wait_for_timeout(50)
    assert settled_counts(page, map_id)["markers"] == len(view.places) - potentials

    link.click()
    page.wait_for_url("**/situasi/*.html")
    assert page.locator("h1").inner_text().startswith(spot.situation.title)  # type: ignore[union-attr]
    assert offline_phone.blocked == []


def test_overview_over_http_asks_for_street_tiles_and_draws_without_them(
    offline_phone: OfflinePhone, site_url: str, sample_build: pipeline.BuildResult,
) -> None:
    view = overview_view(sample_build.kb)
    assert view is not None
    counts = offline_phone.open_map(f"{site_url}/peta/index.html", view)
    assert counts["polygons"] == len(view.areas)
    assert counts["markers"] == len(view.places)
    assert counts["labels"] >= 3
    assert offline_phone.blocked, "online, the map asks for street tiles"
    assert {url.split("/")[2] for url in offline_phone.blocked} == {"tile.openstreetmap.org"}


def test_situation_map_shows_where_it_occurs(offline_phone: OfflinePhone, sample_build: pipeline.BuildResult) -> None:
    site, kb = sample_build.site_dir, sample_build.kb
    view = situation_view(kb, "tawuran-pelajar")
    assert view is not None
    counts = offline_phone.open_map((site / "situasi/tawuran-pelajar.html").as_uri(), view)
    assert counts["markers"] == len(view.places) == sum(
        1 for p in kb.of_kind("place") if p.data.situation == "tawuran-pelajar")
    assert counts["polygons"] == len(view.areas)
    assert offline_phone.blocked == []


def test_map_fits_the_phone(offline_phone: OfflinePhone, sample_build: pipeline.BuildResult, tmp_path: Path) -> None:
    view = overview_view(sample_build.kb)
    assert view is not None
    offline_phone.open_map((sample_build.site_dir / "peta/index.html").as_uri(), view)
    box = offline_phone.page.locator(f"#{element_id(view)}").bounding_box()
    assert box["width"] <= PHONE["width"] and box["height"] >= 250
    width = offline_phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "no sideways scrolling on a phone"
