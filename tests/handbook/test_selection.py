"""What an edition contains: the default, then each selection rule of the `handbook:` block."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.domain.selection import select_edition_contents
from tests.conftest import Scratch
from tests.handbook.project import write_project


def contents(scratch: Scratch, handbook: str = "") -> dict[str, list[str]]:
    write_project(scratch, handbook)
    kb, problems = pipeline.check(scratch.root)
    assert not problems, [p.format() for p in problems]
    selected = select_edition_contents(kb, kb.get("fkpm-ngrandusari"))
    return {kind: [r.id for r in getattr(selected, kind)]
            for kind in ("situations", "guidelines", "education", "legal", "references")}


def test_default_is_the_situations_of_the_forums_areas_and_what_they_lead_to(scratch: Scratch) -> None:
    # tawuran-pelajar is recorded for RW 01, below the forum's kelurahan; jalur-lokal is the forum's own.
    assert contents(scratch) == {
        "situations": ["tawuran-pelajar"],
        "guidelines": ["cegah-tawuran", "hentikan-tawuran", "jalur-lokal"],
        "education": ["modul-tawuran"],
        "legal": ["uu-2-2002"],
        "references": ["panduan-a"],
    }


def test_named_situations_replace_the_area_default(scratch: Scratch) -> None:
    selected = contents(scratch, "  include:\n    situations: [curanmor]\n")
    assert selected["situations"] == ["curanmor"]
    assert selected["guidelines"] == ["cegah-curanmor", "jalur-lokal"]
    assert selected["legal"] == [] and selected["education"] == []


def test_tags_add_situations_and_guidelines(scratch: Scratch) -> None:
    selected = contents(scratch, "  include:\n    tags: [konflik]\n")
    assert selected["situations"] == ["konflik-warga", "tawuran-pelajar"]
    assert selected["guidelines"] == ["cegah-tawuran", "hentikan-tawuran", "jalur-lokal", "mediasi-konflik"]


def test_phases_keep_only_those_guidelines_but_the_forums_own(scratch: Scratch) -> None:
    selected = contents(scratch, "  include:\n    phases: [pencegahan]\n")
    assert selected["guidelines"] == ["cegah-tawuran", "jalur-lokal"]
    assert selected["legal"] == [] and selected["references"] == []


def test_ids_add_items_outright(scratch: Scratch) -> None:
    selected = contents(scratch, "  include:\n    ids: [panduan-b, cegah-curanmor]\n")
    assert selected["references"] == ["panduan-a", "panduan-b"]
    assert "cegah-curanmor" in selected["guidelines"]


@pytest.mark.parametrize("excluded", ["hentikan-tawuran", "jalur-lokal"])
def test_exclude_wins_and_takes_what_only_it_cited(scratch: Scratch, excluded: str) -> None:
    selected = contents(scratch, f"  include:\n    ids: [{excluded}]\n  exclude: [{excluded}]\n")
    assert excluded not in selected["guidelines"]
    if excluded == "hentikan-tawuran":
        assert selected["legal"] == [] and selected["references"] == []


def test_guidelines_are_ordered_by_phase_then_title(scratch: Scratch) -> None:
    write_project(scratch, "  include:\n    tags: [konflik, curanmor]\n")
    kb, _ = pipeline.check(scratch.root)
    selected = select_edition_contents(kb, kb.get("fkpm-ngrandusari"))
    assert [(g.data.phase, g.title) for g in selected.guidelines] == [
        ("pencegahan", "Cegah curanmor"), ("pencegahan", "Cegah tawuran"),
        ("penanganan", "Hentikan tawuran"), ("penanganan", "Jalur lokal parkir pasar"),
        ("penanganan", "Mediasi konflik"),
    ]


def test_another_forums_own_guidelines_come_in_only_by_id(scratch: Scratch) -> None:
    scratch.write("data/forums/fkpm-sendangrawit.yaml", """
        id: fkpm-sendangrawit
        name: FKPM Sendangrawit
        model: wilayah
        areas: [sendangrawit]
        polsek: Polsek Tirtasekar
        polres: Polres Wanalaras
        members: [{role: Ketua, element: masyarakat}]
        vision: Aman.
        mission: [Menjaga]
        local_guidelines: [cegah-curanmor]
        """)
    assert contents(scratch, "  include:\n    situations: [curanmor]\n")["guidelines"] == ["jalur-lokal"]
    by_id = "  include:\n    situations: [curanmor]\n    ids: [cegah-curanmor]\n"
    assert contents(scratch, by_id)["guidelines"] == ["cegah-curanmor", "jalur-lokal"]
