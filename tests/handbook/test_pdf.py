"""The sample forums' handbooks read back: bookmarks, contents page, text, QR codes, PDF/UA, fonts, reproducibility."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml
from pypdf import PdfReader

from generator import pipeline
from generator.outputs.handbooks import build_handbooks
from generator.render.first_steps import ACTIVITY_LABELS
from tests.handbook.conftest import SampleHandbook
from tests.handbook.pdfread import Bookmark, fonts, qr_codes, toc_entries

FRONT = ["Kata pengantar", "Perubahan sejak edisi sebelumnya"]
LAST = ["Direktori kontak menurut peran", "Glosarium"]
GUIDELINES = "Pedoman tindakan"
A5 = (419.5, 595.3)


def squash(text: str) -> str:
    """Compare text regardless of line breaks, hyphenation and spacing."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text).casefold()


def under(marks: list[Bookmark], title: str) -> list[Bookmark]:
    """The bookmarks nested below the level-1 bookmark `title`."""
    start = next(i for i, b in enumerate(marks) if b.level == 1 and b.title == title)
    children = []
    for mark in marks[start + 1:]:
        if mark.level == 1:
            break
        children.append(mark)
    return children


def test_bookmarks_mirror_the_chapters(sample_handbooks: list[SampleHandbook]) -> None:
    for hb in sample_handbooks:
        chapters = [b.title for b in hb.bookmarks if b.level == 1]
        assert chapters[:3] == [*FRONT, "Profil forum"], hb.forum_id
        assert chapters[-2:] == LAST and GUIDELINES in chapters, hb.forum_id
        contents = hb.edition.contents
        assert [b.title for b in under(hb.bookmarks, "Situasi dan masalah di wilayah")] == \
            [s.title for s in contents.situations]
        nested = [(b.level, b.title) for b in under(hb.bookmarks, GUIDELINES)]
        expected = []
        for phase, label in (("pencegahan", "Pencegahan"), ("penanganan", "Penanganan saat kejadian"),
                             ("pasca", "Pasca kejadian")):
            titles = [(3, g.title) for g in contents.guidelines if g.data.phase == phase]
            expected += [(2, label), *titles] if titles else []
        assert nested == expected, hb.forum_id


def test_contents_page_numbers_are_the_pages_where_chapters_start(sample_handbooks: list[SampleHandbook]) -> None:
    for hb in sample_handbooks:
        toc = toc_entries(hb.texts)
        listed = [b for b in hb.bookmarks if b.level == 1 or b in under(hb.bookmarks, GUIDELINES)]
        assert toc == [(b.title, b.page) for b in listed], hb.forum_id
        for title, page in toc:
            assert squash(title) in squash(hb.texts[page - 1]), (hb.forum_id, title, page)


def test_page_numbers_and_running_headers(sample_handbooks: list[SampleHandbook]) -> None:
    for hb in sample_handbooks:
        total = len(hb.texts)
        for number, text in enumerate(hb.texts[1:], start=2):
            assert f"{number} / {total}" in text, (hb.forum_id, number)
        chapters = [b for b in hb.bookmarks if b.level == 1 and b.title not in FRONT]
        for chapter, following in zip(chapters, [*chapters[1:], None], strict=True):
            end = following.page if following else total + 1
            for page in range(chapter.page, end):
                first_line = next(line for line in hb.texts[page - 1].splitlines() if line.strip())
                assert first_line.strip() == chapter.title, (hb.forum_id, page)


def test_forum_name_local_additions_and_checklist_steps_appear(sample_handbooks: list[SampleHandbook]) -> None:
    for hb in sample_handbooks:
        forum = hb.edition.contents.forum.data
        everything = squash("\n".join(hb.texts))
        assert squash(forum.name) in squash(hb.texts[0]), "the cover names the forum"
        handbook = hb.edition.contents.handbook
        local = [n.note for n in handbook.local_notes] + [n.title for n in handbook.notes]
        local += [hb.kb.get(g).title for g in forum.local_guidelines]
        assert local, f"{hb.forum_id}: the sample forum shows a local addition"
        for text in local:
            assert squash(_plain(text)) in everything, (hb.forum_id, text)
        if handbook.local_notes:
            assert squash(f"Lokal Catatan {forum.name}") in everything
        for guideline in hb.edition.contents.guidelines:
            step = guideline.data.steps[0]
            assert squash(f"{step.level} {_plain(step.text)}") in everything, (hb.forum_id, guideline.id)


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`]", "", markdown)


def test_every_qr_code_decodes_to_its_page_on_the_site(sample_handbooks: list[SampleHandbook], repo: Path) -> None:
    site = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"].rstrip("/")
    for hb in sample_handbooks:
        contents = hb.edition.contents
        forum_page = f"{site}/forum/{hb.forum_id}.html"
        expected: dict[int, list[str]] = {1: [forum_page]}
        chapter_pages = {"Profil forum": forum_page, "Direktori kontak menurut peran": forum_page,
                         "Glosarium": forum_page,
                         "Situasi dan masalah di wilayah": f"{site}/situasi/index.html",
                         GUIDELINES: f"{site}/pedoman/index.html", "Bahan edukasi": f"{site}/edukasi/index.html",
                         "Payung hukum": f"{site}/hukum/index.html", "Referensi": f"{site}/referensi/index.html"}
        by_title = {r.title: r for r in contents.items}
        for mark in hb.bookmarks:
            if mark.level == 1 and mark.title in chapter_pages:
                expected.setdefault(mark.page, []).append(chapter_pages[mark.title])
            elif mark.level > 1 and mark.title in by_title:
                record = by_title[mark.title]
                expected.setdefault(mark.page, []).append(f"{site}/{record.kind.section}/{record.id}.html")
        pages = sorted(expected)
        middle = len(pages) // 2
        with ThreadPoolExecutor(max_workers=2) as pool:
            halves = list(pool.map(qr_codes, [hb.pdf, hb.pdf], [pages[:middle], pages[middle:]]))
        decoded = {**halves[0], **halves[1]}
        assert decoded == {page: sorted(urls) for page, urls in expected.items()}, hb.forum_id


def test_pdf_declares_pdf_ua_is_tagged_and_embeds_only_project_fonts(
    sample_handbooks: list[SampleHandbook],
) -> None:
    for hb in sample_handbooks:
        reader = PdfReader(BytesIO(hb.pdf))
        catalog: Any = reader.trailer["/Root"]  # pypdf types a dictionary's values as any PDF object
        assert catalog["/MarkInfo"]["/Marked"].value is True and "/StructTreeRoot" in catalog
        assert catalog["/Lang"] == "id"
        xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp
        box = reader.pages[0].mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == A5
        embedded = fonts(hb.pdf)
        assert embedded, hb.forum_id
        for font in embedded:
            assert font["emb"] == "yes" and re.fullmatch(r"[A-Z]{6}\+Pustaka-Sans(-Bold|-Italic|-BoldItalic)?",
                                                         font["name"]), font


def test_building_twice_gives_byte_identical_pdfs(sample_handbooks: list[SampleHandbook]) -> None:
    hb = min(sample_handbooks, key=lambda h: len(h.texts))
    forum = hb.edition.contents.forum
    again = build_handbooks(hb.project, hb.kb, site=pipeline.site_address(hb.project), forums=[forum],
                            map_svgs=pipeline.forum_map_svgs(hb.kb, [forum]),
                            sample=pipeline.site_config(hb.project).sample)
    assert again[0].pdf == hb.pdf


def test_officer_activities_appear_with_their_labels(sample_handbooks: list[SampleHandbook]) -> None:
    for hb in sample_handbooks:
        everything = squash("\n".join(hb.texts))
        for guideline in hb.edition.contents.guidelines:
            labels = "; ".join(ACTIVITY_LABELS[a] for a in guideline.data.activities)
            if labels:
                assert squash(f"Kegiatan petugas Polmas: {labels}") in everything, (hb.forum_id, guideline.id)
