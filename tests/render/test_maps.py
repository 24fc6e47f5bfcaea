"""What each map shows, and the map scripts folium builds: complete, local, escaped, byte-identical."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import pipeline
from generator.knowledge import KnowledgeBase, load_knowledge
from generator.render.maps import map_embed, render_map_script
from generator.render.mapviews import forum_view, overview_view, situation_view
from tests.conftest import Scratch
from tests.render.areas import NGRANDUSARI

ADD_DATA = re.compile(r"^\s*\w+_add\((\{.*\})\);$", re.MULTILINE)


@pytest.fixture(scope="module")
def kb(repo: Path) -> KnowledgeBase:
    kb, problems = load_knowledge(repo)
    assert not problems.has_errors(), [p.format() for p in problems]
    return kb


def features(script: str) -> list[dict[str, object]]:
    """Every GeoJSON feature the script hands to Leaflet."""
    return [f for match in ADD_DATA.finditer(script) for f in json.loads(match.group(1))["features"]]


def test_overview_shows_every_area_with_a_boundary_and_every_place(kb: KnowledgeBase) -> None:
    view = overview_view(kb)
    assert view is not None
    assert {a.record.id for a in view.areas} == {a.id for a in kb.of_kind("area") if a.data.geometry}
    assert {p.record.id for p in view.places} == {p.id for p in kb.of_kind("place")}
    assert len(view.places) >= 30
    labelled = {a.record.data.level for a in view.areas if a.labelled}
    assert labelled == {"kelurahan"}, "the overview names the kelurahan, not every RT"


def test_forum_map_holds_its_areas_below_and_its_places(kb: KnowledgeBase) -> None:
    for forum in kb.of_kind("forum"):
        view = forum_view(kb, forum.id)
        assert view is not None
        shown = {p.record.id for p in view.places}
        assert set(forum.data.places) <= shown, forum.id
        area_ids = {a.record.id for a in view.areas}
        assert set(forum.data.areas) <= area_ids
        for place in view.places:
            assert place.record.id in forum.data.places or place.record.data.area in area_ids
    ngrandusari = forum_view(kb, "fkpm-ngrandusari")
    assert ngrandusari is not None
    assert {a.label for a in ngrandusari.areas if a.labelled} == {"RW 01", "RW 02", "RW 03"}
    assert {a.label for a in ngrandusari.areas if a.level == "rt"} == {"RT 01", "RT 02", "RT 03"}


def test_a_situation_has_a_map_only_where_it_has_places(kb: KnowledgeBase) -> None:
    for situation in kb.of_kind("situation"):
        places = [p for p in kb.of_kind("place") if p.data.situation == situation.id]
        view = situation_view(kb, situation.id)
        assert (view is not None) == bool(places), situation.id
        if view:
            assert {p.record.id for p in view.places} == {p.id for p in places}
            assert all(a.labelled for a in view.areas)


def test_map_script_draws_every_area_and_place_with_links(kb: KnowledgeBase) -> None:
    view = forum_view(kb, "fkpm-ngrandusari")
    assert view is not None
    script = render_map_script(kb, view, base="../")
    drawn = features(script)
    polygons = [f for f in drawn if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]  # type: ignore[index]
    points = [f for f in drawn if f["geometry"]["type"] == "Point"]  # type: ignore[index]
    assert sorted(f["properties"]["id"] for f in polygons) == sorted(a.record.id for a in view.areas)  # type: ignore[index]
    assert sorted(f["properties"]["id"] for f in points) == sorted(p.record.id for p in view.places)  # type: ignore[index]
    tawuran = next(f["properties"] for f in points
                   if f["properties"]["id"] == "masalah-tawuran-simpang-jalan-watu-gendhis")  # type: ignore[index]
    assert tawuran["situation"] == {"title": kb.get("tawuran-pelajar").title,  # type: ignore[index]
                                    "url": "../situasi/tawuran-pelajar.html"}
    assert tawuran["url"] == "../wilayah/index.html#masalah-tawuran-simpang-jalan-watu-gendhis"  # type: ignore[index]
    assert "var map_forum_fkpm_ngrandusari = L.map(" in script
    assert "L.markerClusterGroup(" in script and "L.featureGroup.subGroup(" in script
    assert '"Pos kamling (3)"' in script and '"Batas RW"' in script, "one layer per place type and level"


def test_map_script_loads_nothing_and_is_byte_identical(kb: KnowledgeBase) -> None:
    view = overview_view(kb)
    assert view is not None
    script = render_map_script(kb, view, base="../")
    assert script == render_map_script(kb, view, base="../")
    assert "http" not in script, "tiles are added by polmas-maps.js, and only over http(s)"
    assert not re.search(r"[0-9a-f]{32}", script), "folium's random element ids must be replaced"
    assert "$(" not in script and "jQuery" not in script, "no jQuery is shipped"


def test_hostile_names_stay_data(scratch: Scratch) -> None:
    name = "</script><script>alert(1)</script> \u2028 `${alert(2)}`"
    scratch.write("data/areas/ngrandusari.yaml", NGRANDUSARI)
    scratch.write("data/places/pos.yaml", f"id: pos\ntype: pospol\nname: {json.dumps(name)}\narea: ngrandusari\n"
                                          "location: {lat: -5.35, lon: 111.62}\n")
    kb, problems = pipeline.check(scratch.root)
    assert not problems.has_errors(), [p.format() for p in problems]
    view = overview_view(kb)
    assert view is not None
    script = render_map_script(kb, view, base="../")
    assert "</" not in script and "\u2028" not in script
    [point] = [f for f in features(script) if f["geometry"]["type"] == "Point"]  # type: ignore[index]
    assert point["properties"]["name"] == name  # type: ignore[index]


def test_embed_legend_counts_and_frame(kb: KnowledgeBase) -> None:
    view = forum_view(kb, "fkpm-pasar-kalimendung")
    assert view is not None
    embed = map_embed(view)
    assert embed.element_id == "map_forum_fkpm_pasar_kalimendung"
    assert embed.script_path == "peta/data/forum-fkpm-pasar-kalimendung.js"
    assert sum(count for _, _, count in embed.legend) == len(view.places)
    assert [label for _, label in embed.boundaries] == ["Batas RW", "Batas RT"]
    assert 0.75 <= float(embed.aspect_ratio) <= 1.6


def test_views_are_none_without_anything_to_draw(write_and_check: Callable[[dict[str, str]], list[str]],
                                                 scratch: Scratch) -> None:
    area = "id: kosong\ncode: '99.71.04'\nlevel: kecamatan\nname: K\n"
    assert write_and_check({"data/areas/kosong.yaml": area}) == []
    kb, _ = pipeline.check(scratch.root)
    assert overview_view(kb) is None
