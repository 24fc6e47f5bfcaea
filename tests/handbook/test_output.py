"""The PDF stage: engine warnings become problems naming the handbook, paper sizes, the optional map chapter."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.cli import EXIT_BUILD, main
from generator.domain.editions import prepare_edition
from generator.outputs.handbooks import HandbookBuildError, build_handbooks
from generator.outputs.site import SiteBuildError, build_site
from generator.render.handbook import render_handbook_html
from generator.render.qr import SiteAddress
from tests.conftest import Scratch
from tests.handbook.project import write_project

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


PREFIX = "data/forums/fkpm-ngrandusari.yaml:11:1: handbook: the handbook's PDF could not be made cleanly: "


def _site(project: Path) -> SiteAddress:
    return pipeline.site_address(project)


def problems_of(scratch: Scratch) -> list[str]:
    kb, problems = pipeline.check(scratch.root)
    assert not problems, [p.format() for p in problems]
    with pytest.raises(HandbookBuildError) as caught:
        build_handbooks(scratch.root, kb, site=_site(scratch.root))
    return [p.format() for p in caught.value.problems]


def add_css(scratch: Scratch, css: str) -> None:
    sheet = scratch.root / "templates/handbook/print.css"
    sheet.write_text(sheet.read_text(encoding="utf-8") + css, encoding="utf-8")


def test_missing_image_is_a_problem_naming_the_handbook(scratch: Scratch) -> None:
    write_project(scratch)
    add_css(scratch, "\nbody { background: url(stempel.png); }\n")
    found = problems_of(scratch)
    assert len(found) == 1 and found[0].startswith(PREFIX + "Failed to load image at ")
    assert "templates/handbook/stempel.png" in found[0]


def test_nothing_is_fetched_from_the_network(scratch: Scratch) -> None:
    write_project(scratch)
    add_css(scratch, "\nbody { background: url(https://cdn.example/logo.png); }\n")
    found = problems_of(scratch)
    assert len(found) == 1 and found[0].startswith(PREFIX + "Failed to load image at 'https://cdn.example/logo.png'")
    assert "only files shipped with the project are used, not https: addresses" in found[0]


def test_a_file_outside_the_template_folder_is_refused(scratch: Scratch) -> None:
    write_project(scratch)
    add_css(scratch, "\nbody { background: url(../../mkdocs.yml); }\n")
    found = problems_of(scratch)
    assert len(found) == 1 and "lies outside" in found[0]


def test_missing_font_file_is_a_problem(scratch: Scratch) -> None:
    write_project(scratch)
    (scratch.root / "templates/handbook/fonts/NotoSans-Bold.ttf").unlink()
    found = problems_of(scratch)
    assert found[0].startswith(PREFIX + "Failed to load font at ")
    assert "NotoSans-Bold.ttf" in found[0]


FONTS_LACK = ("is not in the handbook fonts (Noto Sans); remove it or add a font that has it to "
              "templates/handbook/fonts/")


@pytest.mark.parametrize(("text", "described"), [
    ("Salam dari Bangkok, ก.", "'ก' (U+0E01, Thai)"),
    ("Salam, سلام.", "'س' (U+0633, Arabic)"),
    ("Salam hangat 😀.", "'😀' (U+1F600, grinning face)"),
])
def test_a_character_our_fonts_lack_is_our_own_problem_at_its_line(scratch: Scratch, text: str, described: str) -> None:
    write_project(scratch, f"  foreword: {text}\n")
    found = problems_of(scratch)
    column = 13 + text.index(described[1])
    assert found[0] == f"data/forums/fkpm-ngrandusari.yaml:14:{column}: handbook.foreword: {described} {FONTS_LACK}"
    assert not any(".notdef" in line for line in found)


def test_each_missing_character_is_reported_once(scratch: Scratch) -> None:
    write_project(scratch, "  foreword: |\n    Baris pertama.\n    Salam ก ก ข.\n")
    assert problems_of(scratch) == [
        f"data/forums/fkpm-ngrandusari.yaml:16:11: handbook.foreword: 'ก' (U+0E01, Thai) {FONTS_LACK}",
        f"data/forums/fkpm-ngrandusari.yaml:16:15: handbook.foreword: 'ข' (U+0E02, Thai) {FONTS_LACK}",
    ]


def test_build_reports_the_problem_and_keeps_the_previous_site(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch)
    site = scratch.root / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    add_css(scratch, "\nbody { background: url(stempel.png); }\n")
    assert main(["--project", str(scratch.root), "build"]) == EXIT_BUILD
    captured = capsys.readouterr()
    assert captured.out.startswith(PREFIX)
    assert "no PDF was written or replaced" in captured.err
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert not (scratch.root / ".polmas").exists()


def test_a4_option_sets_the_paper(scratch: Scratch) -> None:
    write_project(scratch, "  paper: A4\n")
    kb, _ = pipeline.check(scratch.root)
    pdf = build_handbooks(scratch.root, kb, site=_site(scratch.root))[0].pdf
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_map_chapter_appears_only_with_a_map(scratch: Scratch) -> None:
    write_project(scratch)
    kb, _ = pipeline.check(scratch.root)
    edition = prepare_edition(kb, kb.get("fkpm-ngrandusari"))
    without = render_handbook_html(kb, edition, project=scratch.root, site=_site(scratch.root))
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="4"/></svg>'
    with_map = render_handbook_html(kb, edition, project=scratch.root, site=_site(scratch.root), map_svg=svg)
    assert 'id="peta"' not in without and "Peta wilayah" not in without
    assert 'id="peta">Peta wilayah</h1>' in with_map and svg in with_map
    assert with_map.index('id="profil"') < with_map.index('id="peta"') < with_map.index('id="situasi"')


def test_text_from_yaml_is_escaped_in_the_html(scratch: Scratch) -> None:
    write_project(scratch, '  foreword: "Salam <script>alert(1)</script> **hangat**"\n'
                           '  compiled_by: "Sekretariat <b>FKPM</b>"\n')
    kb, _ = pipeline.check(scratch.root)
    html = render_handbook_html(kb, prepare_edition(kb, kb.get("fkpm-ngrandusari")),
                                project=scratch.root, site=_site(scratch.root))
    assert "<script>" not in html and "<strong>hangat</strong>" in html
    assert "Sekretariat &lt;b&gt;FKPM&lt;/b&gt;" in html


def test_forum_page_links_its_edition_and_the_engine_checks_that_link(scratch: Scratch) -> None:
    write_project(scratch)
    result = pipeline.build(scratch.root)
    page = (result.site_dir / "forum/fkpm-ngrandusari.html").read_text(encoding="utf-8")
    assert 'href="../handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf"' in page
    pdf = result.site_dir / "handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    # Without the PDF in the docs tree, MkDocs' strict link check refuses the forum page's link.
    docs = scratch.root / pipeline.DOCS_DIR
    (docs / "handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf").unlink()
    with pytest.raises(SiteBuildError, match=r"fkpm-ngrandusari-edisi-1\.pdf"):
        build_site(scratch.root, docs_dir=docs, site_dir=result.site_dir, kb=result.kb)


def test_cache_reuses_a_pdf_made_from_the_same_input_and_keeps_one_per_forum(scratch: Scratch) -> None:
    write_project(scratch)
    kb, _ = pipeline.check(scratch.root)
    cache = scratch.root / pipeline.PDF_CACHE_DIR
    first = build_handbooks(scratch.root, kb, site=_site(scratch.root), cache_dir=cache)[0].pdf
    [entry] = cache.iterdir()
    assert entry.name.startswith("fkpm-ngrandusari.") and entry.read_bytes() == first
    entry.write_bytes(b"%PDF-from-the-cache")
    assert build_handbooks(scratch.root, kb, site=_site(scratch.root), cache_dir=cache)[0].pdf == b"%PDF-from-the-cache"
    assert build_handbooks(scratch.root, kb, site=_site(scratch.root))[0].pdf == first, "without a cache it renders"
    write_project(scratch, "  compiled_by: Sekretariat\n")
    kb, _ = pipeline.check(scratch.root)
    changed = build_handbooks(scratch.root, kb, site=_site(scratch.root), cache_dir=cache)[0].pdf
    assert changed.startswith(b"%PDF-1.7") and changed != first
    assert [p.read_bytes() for p in cache.iterdir()] == [changed]
