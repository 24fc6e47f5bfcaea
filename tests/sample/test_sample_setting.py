"""mkdocs.yml extra.polmas.sample: the sample says so on every page, every handbook cover and in the bundle."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.load.site import read_site_config
from generator.outputs.bundle import landing_page, readme_text
from generator.problems import Problem
from generator.render.text import shared_phrase
from tests.conftest import Scratch
from tests.handbook.project import write_project

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


NOTICE = "Contoh — data ilustrasi, bukan data resmi"
BANNER = re.compile(r'<aside class="md-banner">\s*<div class="md-banner__inner[^"]*">\s*'
                    r'<p class="polmas-sample" role="note"><strong>Contoh — data ilustrasi, bukan data resmi</strong>')


def set_sample(project: Path, value: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^    sample: .*$", f"    sample: {value}", text), encoding="utf-8")


def cover_text(pdf: bytes) -> str:
    return " ".join((PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or "").split())


def test_the_phrase_is_said_once_in_the_shared_phrases(repo: Path) -> None:
    assert shared_phrase(repo / "templates", "sample_notice") == NOTICE


def test_the_sample_project_is_marked_as_a_sample(repo: Path) -> None:
    config = read_site_config(repo)
    assert not isinstance(config, Problem) and config.sample is True


def test_the_setting_is_off_when_absent(scratch: Scratch) -> None:
    text = (scratch.root / "mkdocs.yml").read_text(encoding="utf-8")
    (scratch.root / "mkdocs.yml").write_text(re.sub(r"(?ms)^  polmas:\n(    .*?\n)+", "", text), encoding="utf-8")
    config = read_site_config(scratch.root)
    assert not isinstance(config, Problem) and config.sample is False


def test_a_setting_that_is_not_true_or_false_is_a_problem_at_its_line(scratch: Scratch) -> None:
    set_sample(scratch.root, "ya")
    line = next(n for n, text in enumerate((scratch.root / "mkdocs.yml").read_text().splitlines(), 1)
                if text == "    sample: ya")
    problem = read_site_config(scratch.root)
    assert isinstance(problem, Problem)
    assert problem.format() == (
        f"mkdocs.yml:{line}:13: extra.polmas.sample: expected true or false, found 'ya'; write 'sample: true' while "
        "the content is the illustrative sample, 'sample: false' once it is your own")


def test_every_page_of_the_sample_site_carries_the_banner(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    missing = [p.relative_to(sample_site).as_posix() for p in pages
               if len(BANNER.findall(p.read_text(encoding="utf-8"))) != 1]
    assert missing == []


def test_every_handbook_cover_of_the_sample_says_it_is_a_sample(sample_site: Path) -> None:
    pdfs = sorted((sample_site / "handbooks").rglob("*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        assert NOTICE in cover_text(pdf.read_bytes()), pdf.name


def test_the_bundle_landing_page_and_readme_carry_the_notice_only_when_given(repo: Path) -> None:
    templates = repo / "templates/bundle"
    assert NOTICE in landing_page("situs/index.html", "Pustaka Polmas", templates=templates, notice=NOTICE)
    assert "Contoh" not in landing_page("situs/index.html", "Pustaka Polmas", templates=templates)
    assert readme_text("Pustaka Polmas", None, NOTICE).splitlines()[:2] == ["Pustaka Polmas", NOTICE]
    assert "Contoh" not in readme_text("Pustaka Polmas", None)


@pytest.mark.slow
def test_off_no_page_and_no_cover_says_sample(scratch: Scratch) -> None:
    write_project(scratch)
    set_sample(scratch.root, "false")
    result = pipeline.build(scratch.root)
    pages = sorted(result.site_dir.rglob("*.html"))
    assert pages
    assert [p.name for p in pages if "polmas-sample" in p.read_text(encoding="utf-8")] == []
    assert ['class="md-banner"' in p.read_text(encoding="utf-8") for p in pages] == [False] * len(pages)
    [pdf] = result.site_dir.glob("handbooks/*/*.pdf")
    assert "Contoh" not in cover_text(pdf.read_bytes())
