"""Every handbook and training sheet is a tagged PDF a screen reader can follow, read back with pikepdf."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest

from generator import pipeline
from generator.model import Forum

ALT_TEXTS = ("Kode QR ke halaman ", "Peta wilayah ", "Grafik ")
"""What every image says it is: a QR code to a page, a forum's map, or a chart of an indicator's measurements
(besides the evidence photos, which carry their own alt texts)."""


@dataclass
class Structure:
    headings: list[int] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    table_headers: list[int] = field(default_factory=list)
    """Per table, how many TH cells it has."""


def read_structure(pdf: pikepdf.Pdf) -> Structure:
    found = Structure()

    def walk(node: object, table: int | None) -> None:
        if not isinstance(node, pikepdf.Dictionary):
            return
        kind = str(node.get("/S", ""))
        if kind in {f"/H{n}" for n in range(1, 7)}:
            found.headings.append(int(kind[2]))
        elif kind == "/Figure":
            found.figures.append(str(node.get("/Alt", "")))
        elif kind == "/Table":
            found.table_headers.append(0)
            table = len(found.table_headers) - 1
        elif kind == "/TH" and table is not None:
            found.table_headers[table] += 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, table)

    walk(pdf.Root.StructTreeRoot, None)
    return found


def made_pdfs(site: Path) -> list[Path]:
    return sorted([*site.glob("handbooks/*/*.pdf"), *site.glob("materi/**/*.pdf")])


@pytest.fixture(scope="module")
def pdfs(sample_build: pipeline.BuildResult) -> list[Path]:
    found = made_pdfs(sample_build.site_dir)
    assert len([p for p in found if "handbooks" in p.parts]) == 3 and len(found) > 20
    return found


def test_each_pdf_is_tagged_in_indonesian_with_its_title_in_the_window(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked, path
            assert str(pdf.Root.Lang) == "id", path
            assert pdf.Root.ViewerPreferences.DisplayDocTitle, path
            assert str(pdf.docinfo.get("/Title", "")).strip(), path


def test_headings_run_in_order_without_skipping_a_level(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            levels = read_structure(pdf).headings
        assert levels and levels[0] == 1, path
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert skipped == [], f"{path}: a heading skips a level: {skipped[:3]}"


def test_every_image_says_what_it_is(pdfs: list[Path], sample_build: pipeline.BuildResult) -> None:
    photos = {e.alt for f in sample_build.kb.of_kind(Forum) for p in f.data.programs for s in p.stages
              for r in s.results for e in r.evidence if e.photo}
    assert photos
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            figures = read_structure(pdf).figures
        # Slides and certificates are text on a page (no QR code, no picture); every other PDF has figures.
        assert figures or path.stem in ("slide", "sertifikat"), path
        assert [alt for alt in figures if not alt.startswith(ALT_TEXTS) and alt not in photos] == [], path
    with pikepdf.open(next(p for p in pdfs if "handbooks" in p.parts)) as pdf:
        figures = read_structure(pdf).figures
    assert any(alt.startswith("Peta wilayah FKPM ") for alt in figures)
    assert "Kode QR ke halaman Pedoman tindakan" in figures  # a chapter's code names the chapter


def test_table_headers_are_th_cells(pdfs: list[Path]) -> None:
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            headers = read_structure(pdf).table_headers
        assert all(count > 0 for count in headers), f"{path}: a table without TH cells"
