"""View data the handbook templates present: the contact directory, area lines, dates, citations."""

from __future__ import annotations

from datetime import date

from generator import pipeline
from generator.domain.selection import select_edition_contents
from generator.render.handbook_views import HandbookIndex, area_line, indonesian_date
from generator.render.qr import SiteAddress
from tests.conftest import Scratch
from tests.handbook.project import FORUM, write_project


def test_contact_directory_merges_roles_and_prefers_the_forums_own_entry(scratch: Scratch) -> None:
    write_project(scratch)
    contacts = "contacts:\n  - {role: Ketua RW, when: Malam hari, channel: Pos kamling}\n"
    forum = FORUM.format(edition=1, extra="").replace("local_guidelines:", contacts + "local_guidelines:")
    scratch.write("data/forums/fkpm-ngrandusari.yaml", forum)
    for name, contact in (("cegah-tawuran", "{role: ketua rw, when: Siang, channel: Telepon kantor RW}"),
                          ("hentikan-tawuran", "{role: Guru piket, when: Jam pulang, channel: Ruang guru}")):
        path = scratch.root / f"content/guidelines/{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"contacts:\n  - {contact}\n", encoding="utf-8")
    kb, problems = pipeline.check(scratch.root)
    assert not problems, [p.format() for p in problems]
    contents = select_edition_contents(kb, kb.get("fkpm-ngrandusari"))
    index = HandbookIndex(kb, contents, SiteAddress("https://x.example/", False))
    rows = [(r.role, r.channels, r.when, [t.title for t in r.named_in]) for r in index.contacts()]
    assert rows == [
        ("Guru piket", ["Ruang guru"], [], ["Hentikan tawuran"]),
        ("Ketua RW", ["Pos kamling"], ["Malam hari"], ["Cegah tawuran"]),
    ]


def test_area_line_climbs_to_the_top_and_names_levels_once(scratch: Scratch) -> None:
    write_project(scratch)
    kb, _ = pipeline.check(scratch.root)
    assert area_line(kb, ["ngrandusari-rw01", "sendangrawit"]) == "RW 01, Kelurahan Ngrandusari; Kelurahan Sendangrawit"


def test_indonesian_dates() -> None:
    assert indonesian_date(date(2026, 2, 16)) == "16 Februari 2026"
    assert indonesian_date(date(2025, 12, 1)) == "1 Desember 2025"
