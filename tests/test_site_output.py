"""The built sample site: every item has its page, links land, and builds are byte-identical."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import EXIT_OK, main
from generator.i18n import use_language
from generator.outputs.site import SiteBuildError
from tests.conftest import Scratch
from tests.handbook.project import set_site_url, write_project

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


PAGE_KINDS = ("situation", "guideline", "education", "legal", "reference", "forum")


def test_every_item_has_its_page(sample_build: pipeline.BuildResult) -> None:
    site = sample_build.site_dir
    assert (site / "index.html").is_file()
    for kind in PAGE_KINDS:
        records = sample_build.kb.of_kind(kind)
        assert records, kind
        for record in records:
            page = site / record.kind.section / f"{record.id}.html"
            assert page.is_file(), page
            assert record.title.split()[0] in page.read_text(encoding="utf-8")


def test_sample_has_the_promised_amount(sample_build: pipeline.BuildResult) -> None:
    kb = sample_build.kb
    counts = {kind: len(kb.of_kind(kind)) for kind in (*PAGE_KINDS, "area")}
    assert counts["situation"] >= 8 and counts["guideline"] >= 18 and counts["education"] >= 5
    assert counts["legal"] >= 6 and counts["reference"] >= 6 and counts["forum"] >= 3
    phases = {g.data.phase for g in kb.of_kind("guideline")}
    assert phases == {"pencegahan", "penanganan", "pasca"}
    assert sorted(f.data.model for f in kb.of_kind("forum")).count("wilayah") >= 2
    assert {a.data.level for a in kb.of_kind("area")} >= {"kecamatan", "kelurahan", "rw", "rt"}


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_building_twice_gives_identical_files(sample_build: pipeline.BuildResult, tmp_path: Path) -> None:
    project = sample_build.site_dir.parent
    first = _digest(sample_build.site_dir)
    again = pipeline.build(project, site_dir=tmp_path / "again")
    assert _digest(again.site_dir) == first


def test_failed_engine_build_leaves_the_previous_site(sample_copy: Path) -> None:
    site = sample_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    (sample_copy / "templates/site/guideline.md.j2").write_text("[broken](../nowhere.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match=r"nowhere\.md"):
        pipeline.build(sample_copy)
    assert [p.name for p in sample_copy.iterdir() if p.name.startswith(".site")] == []
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    shutil.rmtree(site)


PLACEHOLDER_WARNING = (
    "mkdocs.yml:4:11: warning: site_url: 'https://pustaka-polmas.example/' is a placeholder, and it is printed in "
    "every QR code, the sitemap and the handbooks' colophon; write the address where the site is published "
    "(e.g. site_url: https://polmas.<your-domain>/) in mkdocs.yml"
)
PLACEHOLDER_WARNING_ID = (
    "mkdocs.yml:4:11: peringatan: site_url: 'https://pustaka-polmas.example/' masih alamat contoh, padahal alamat "
    "ini dicetak di setiap kode QR, peta situs (sitemap) dan kolofon buku pegangan; tulis alamat tempat situs "
    "diterbitkan (mis. site_url: https://polmas.<domain-anda>/) di mkdocs.yml"
)


def test_the_placeholder_address_is_one_warning_of_the_build(sample_build: pipeline.BuildResult) -> None:
    # The shared sample build speaks the default language, Indonesian; the CLI test below pins the English.
    with use_language("id"):
        assert [p.format() for p in sample_build.problems.warnings if p.field == "site_url"] == [
            PLACEHOLDER_WARNING_ID]


def test_build_prints_the_placeholder_warning_once_and_not_once_it_is_set(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch)
    assert main(["--project", str(scratch.root), "build"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines().count(PLACEHOLDER_WARNING) == 1
    set_site_url(scratch.root)
    assert main(["--project", str(scratch.root), "build"]) == EXIT_OK
    assert "site_url" not in capsys.readouterr().out


def test_no_markdown_placeholder_leaks_into_a_page(sample_site: Path) -> None:
    """Python-Markdown's stash placeholders ('wzxhzdk:N') must all be put back, whatever our extensions do."""
    leaked = [p.relative_to(sample_site).as_posix() for p in sorted(sample_site.rglob("*.html"))
              if "wzxhzdk" in p.read_text(encoding="utf-8")]
    assert leaked == []
