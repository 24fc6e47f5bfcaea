"""The forum's static SVG map for the handbook: every place named, self-contained, escaped, byte-identical."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import pipeline
from generator.knowledge import KnowledgeBase, load_knowledge
from generator.model.geometry import contains
from generator.render.mapviews import AreaShape, forum_view
from generator.render.svgmap import label_point, render_forum_svg
from tests.conftest import Scratch
from tests.render.areas import NGRANDUSARI

NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def kb(repo: Path) -> KnowledgeBase:
    kb, problems = load_knowledge(repo)
    assert not problems.has_errors(), [p.format() for p in problems]
    return kb


def texts(root: ET.Element) -> str:
    return " ".join(" ".join(t.text.split()) for t in root.iter(f"{{{NS['svg']}}}text") if t.text)


def test_each_forum_svg_names_every_place_of_the_forum(kb: KnowledgeBase) -> None:
    for forum in kb.of_kind("forum"):
        svg = render_forum_svg(kb, forum.id)
        root = ET.fromstring(svg)
        view = forum_view(kb, forum.id)
        assert view is not None
        listed = [str(t.get("data-place")) for t in root.iter(f"{{{NS['svg']}}}text") if t.get("data-place")]
        assert sorted(listed) == sorted(p.record.id for p in view.places)
        assert set(forum.data.places) <= set(listed), forum.id
        words = texts(root)
        for number, mark in enumerate(view.places, 1):
            assert f"{number}. {mark.record.data.name}" in words, mark.record.id
        symbols = root.findall(".//svg:g[@class='places']/svg:g", NS)
        assert len(symbols) == len(view.places)
        assert len(root.findall(".//svg:path", NS)) == len(view.areas)


def test_svg_is_self_contained_with_legend_north_arrow_and_scale(kb: KnowledgeBase) -> None:
    svg = render_forum_svg(kb, "fkpm-ngrandusari")
    assert svg == render_forum_svg(kb, "fkpm-ngrandusari")
    root = ET.fromstring(svg)
    width, height = root.get("width"), root.get("height")
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root.get("aria-labelledby") == "peta-fkpm-ngrandusari-judul peta-fkpm-ngrandusari-ket"
    ids = [str(e.get("id")) for e in root.iter() if e.get("id")]
    assert ids and all(i.startswith("peta-fkpm-ngrandusari-") for i in ids), "ids unique per forum in one document"
    assert root.find("svg:title", NS) is not None and root.find("svg:title", NS).text == "Peta wilayah FKPM Ngrandusari"  # type: ignore[union-attr]
    fonts = {e.get("font-family") for e in root.iter() if e.get("font-family")}
    assert fonts == {"sans-serif"}, "generic font names only: the handbook and any viewer have them"
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', ""), "nothing to fetch"
    assert root.find(".//svg:g[@class='north-arrow']", NS) is not None
    words = texts(root)
    assert "500 m" in words or "1 km" in words or "200 m" in words
    assert "Keterangan" in words and "Pos kamling" in words and "Batas RW" in words
    assert "RW 01" in words, "area labels"


def test_svg_escapes_text_from_yaml(scratch: Scratch) -> None:
    hostile = '<script>alert(1)</script> & "kutip" ]]>'
    scratch.write("data/areas/ngrandusari.yaml", NGRANDUSARI)
    scratch.write("data/places/pos.yaml", f"id: pos\ntype: pospol\nname: {json.dumps(hostile)}\narea: ngrandusari\n"
                                          "location: {lat: -5.35, lon: 111.62}\n")
    scratch.write("data/forums/fkpm.yaml", f"""
        id: fkpm
        name: {json.dumps(hostile)}
        model: wilayah
        areas: [ngrandusari]
        polsek: Polsek Tirtasekar
        polres: Polres Wanalaras
        members: [{{role: Ketua, element: masyarakat}}]
        vision: Aman.
        mission: [Menjaga]
        """)
    kb, problems = pipeline.check(scratch.root)
    assert not problems.has_errors(), [p.format() for p in problems]
    svg = render_forum_svg(kb, "fkpm")
    assert "<script" not in svg
    root = ET.fromstring(svg)
    assert f"1. {hostile}" in texts(root)
    assert root.find("svg:title", NS).text == f"Peta wilayah {hostile}"  # type: ignore[union-attr]


def test_forum_without_boundaries_or_places_gets_a_note(scratch: Scratch) -> None:
    scratch.write("data/areas/ngrandusari.yaml", "id: ngrandusari\ncode: '99.71.04.1001'\nlevel: kelurahan\nname: K\n")
    scratch.write("data/forums/fkpm.yaml", """
        id: fkpm
        name: FKPM Kosong
        model: wilayah
        areas: [ngrandusari]
        polsek: Polsek Tirtasekar
        polres: Polres Wanalaras
        members: [{role: Ketua, element: masyarakat}]
        vision: Aman.
        mission: [Menjaga]
        """)
    kb, _ = pipeline.check(scratch.root)
    root = ET.fromstring(render_forum_svg(kb, "fkpm"))
    assert "Belum ada batas wilayah atau tempat untuk peta ini." in texts(root)


def test_label_point_lies_inside_a_concave_area(kb: KnowledgeBase) -> None:
    # An L-shaped area whose centroid falls in the notch, outside the area.
    geometry = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]]}
    area = kb.get("ngrandusari")
    shape = AreaShape(type(area)(area.kind, area.data.model_copy(update={"geometry": geometry}), area.source),
                      primary=False, labelled=True, label="L")
    x, y = label_point(shape)
    assert contains(geometry, x, y)
