"""A long handbook laid out in parts and joined reads as the same handbook laid out whole; an edit to one
guideline lays out again only the part that shows it, and gives the bytes of a build that laid out every part."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from generator import pipeline
from generator.domain.selection import forums_with_handbooks
from generator.knowledge.status_view import HANDBOOK_STATUSES, with_statuses
from generator.outputs import handbook_parts
from generator.outputs.handbooks import build_handbooks
from generator.outputs.pdf import PdfJob, RenderedPart, render_part_now
from generator.render.handbook import render_handbook_html
from generator.render.qr import SiteAddress
from tests.conftest import SAMPLE_TODAY, copy_sample_project
from tests.handbook.conftest import SampleHandbook
from tests.handbook.pdfread import bookmarks, page_texts, toc_entries
from tests.handbook.test_structure import read_structure

FORUM = "fkpm-pasar-kalimendung"
PER_PART = 3
"""The sample's forum holds 16 guidelines: in runs of 3, its chapter is cut into six parts."""
PARTS_FROM = 15
"""The sample's handbooks are short enough to be laid out whole; the tests cut one that holds 16 guidelines."""
EDITED = "content/guidelines/evakuasi-kebakaran-pasar.yaml"


def build_in_parts(project: Path, cache: Path) -> bytes:
    kb = pipeline.check(project, today=SAMPLE_TODAY)[0]
    printed = with_statuses(kb, HANDBOOK_STATUSES)
    forums = [f for f in forums_with_handbooks(printed) if f.id == FORUM]
    config = pipeline.site_config(project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(handbook_parts, "GUIDELINES_PER_PART", PER_PART)
        patch.setattr(handbook_parts, "PARTS_FROM", PARTS_FROM)
        built = build_handbooks(project, printed, site=SiteAddress.from_config(config), forums=forums,
                                map_svgs=pipeline.forum_map_svgs(kb, forums), cache_dir=cache, sample=config.sample)
    return built[0].pdf


@pytest.fixture(scope="module")
def whole(sample_handbooks: list[SampleHandbook]) -> SampleHandbook:
    return next(h for h in sample_handbooks if h.forum_id == FORUM)


@pytest.fixture(scope="module")
def parts_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("parts-cache")


@pytest.fixture(scope="module")
def parted(whole: SampleHandbook, parts_cache: Path) -> bytes:
    return build_in_parts(whole.project, parts_cache)


def _words(pdf: bytes) -> list[list[str]]:
    """Each page's words, sorted: where a table's columns or a line's parts are read from differs between
    layouts of the same page, and the footer's "N / total" is "N" in a handbook made in parts."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    pages = text.stdout.decode("utf-8").split("\f")[:-1]
    return [sorted(re.sub(r"\b(\d+) / \d+\b", r"\1", page).split()) for page in pages]


def _links(pdf: bytes) -> Iterator[tuple[int, object]]:
    """Every link: its page, and the page it leads to (or its address)."""
    document = pikepdf.open(io.BytesIO(pdf))
    pages = {page.obj.objgen: number for number, page in enumerate(document.pages)}
    names = dict(pikepdf.NameTree(document.Root.Names.Dests).items())
    for number, page in enumerate(document.pages):
        for link in page.obj.get("/Annots", []):
            if "/Dest" in link:
                yield number, pages[names[str(link.Dest)][0].objgen]
            else:
                yield number, str(link.A.URI)


def test_a_short_handbook_is_laid_out_whole(whole: SampleHandbook) -> None:
    html = render_handbook_html(whole.kb, whole.edition, project=whole.project,
                                site=SiteAddress.from_config(pipeline.site_config(whole.project)))
    assert handbook_parts.split_handbook(html) is None  # 16 guidelines: the sample's handbooks are made whole
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(handbook_parts, "PARTS_FROM", 16)
        assert handbook_parts.split_handbook(html) is None
        patch.setattr(handbook_parts, "PARTS_FROM", PARTS_FROM)
        patch.setattr(handbook_parts, "GUIDELINES_PER_PART", PER_PART)
        split = handbook_parts.split_handbook(html)
    assert split is not None
    # Cover and colophon, the contents, the changes since the last edition, then each chapter (every chapter
    # starts a page), the guidelines in six runs: an edit lays out again only the part that shows it.
    starts = [re.match(r'\s*<(\w+) class="([^"]+)"', part.body) for part in split[1]]
    assert [m.group(2) if m else None for m in starts] == [
        "cover", "front", "front changes", "chapter profile", "chapter calendar", "chapter situations",
        "chapter guidelines", *["chapter guidelines"] * 5, "chapter education", "chapter legal",
        "chapter references", "chapter networks", "chapter contacts", "chapter glossary"]


def test_the_parts_joined_hold_every_page_of_the_whole_handbook(whole: SampleHandbook, parted: bytes) -> None:
    texts = page_texts(parted)
    assert len(texts) == len(whole.texts)
    assert _words(parted) == _words(whole.pdf)
    # Running headers carry on into a part that starts inside the chapter; footers give the page only.
    chapter = next(n for n, text in enumerate(texts) if "Pedoman tindakan" in text.splitlines()[0]) + 1
    assert all(text.split()[-1] == str(n + 1) for n, text in enumerate(texts) if n >= chapter)


def test_bookmarks_and_contents_are_the_whole_handbooks(whole: SampleHandbook, parted: bytes) -> None:
    assert bookmarks(parted) == whole.bookmarks
    assert toc_entries(page_texts(parted)) == toc_entries(whole.texts)


def test_the_structure_tree_and_links_are_the_whole_handbooks(whole: SampleHandbook, parted: bytes) -> None:
    assert read_structure(pikepdf.open(io.BytesIO(parted))) == read_structure(pikepdf.open(io.BytesIO(whole.pdf)))
    # A link broken over two lines is two areas; where lines break in a table may differ (see _words).
    assert set(_links(parted)) == set(_links(whole.pdf))


def test_an_edit_lays_out_one_part_and_gives_the_bytes_of_a_full_layout(
        parted: bytes, parts_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_sample_project(tmp_path / "project")
    source = project / EDITED
    lines = source.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("summary:")) + 1  # a folded block
    lines[at] += " kini"
    source.write_text("\n".join(lines), encoding="utf-8")
    full = build_in_parts(project, tmp_path / "cold")
    laid_out: list[str] = []

    def counted(job: PdfJob) -> RenderedPart:
        laid_out.append(job.html)
        return render_part_now(job)

    monkeypatch.setattr(handbook_parts, "render_part_now", counted)
    cache = shutil.copytree(parts_cache, tmp_path / "warm")
    assert build_in_parts(project, cache) == full != parted
    edited = [document for document in laid_out if " kini" in document]
    # The cover's part prints the edition's fingerprint in its colophon, which the edit changed; the contents,
    # whose page numbers did not change, are not laid out again.
    cover = [document for document in laid_out if '<section class="cover">' in document]
    assert len(edited) == 1 and len(cover) == 1 and len(laid_out) == 2
