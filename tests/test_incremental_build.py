"""Builds that do only what changed: no change is a one-line no-op; an update equals a cold build, byte for byte."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import EXIT_OK, main
from generator.outputs.stamps import STAMPS_DIR
from tests.conftest import SAMPLE_TODAY

pytestmark = pytest.mark.slow


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def rewritten(site: Path, since: dict[str, int]) -> set[str]:
    """The site's files whose modification time is not the one in `since` (new files included)."""
    now = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    return {rel for rel, mtime in now.items() if since.get(rel) != mtime}


def times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_equals_a_cold_build(project: Path, scratch: Path) -> None:
    """The updated site/ holds the very bytes a build from nothing makes (no stamp, no previous site)."""
    cold = pipeline.build(project, site_dir=scratch, today=SAMPLE_TODAY).site_dir
    updated, fresh = digest(project / "site"), digest(cold)
    assert sorted(updated) == sorted(fresh)
    assert [rel for rel in updated if updated[rel] != fresh[rel]] == []
    shutil.rmtree(cold)


def test_no_change_is_said_in_one_line_and_a_corrupt_stamp_costs_only_time(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(pipeline.TODAY_ENV, SAMPLE_TODAY.isoformat())
    assert main(["--project", str(sample_copy), "build"]) == EXIT_OK
    built = digest(sample_copy / "site")
    capsys.readouterr()
    assert main(["--project", str(sample_copy), "build"]) == EXIT_OK
    out = capsys.readouterr()
    assert out.out.startswith("Tidak ada perubahan sejak build terakhir: ") and out.out.count("\n") == 1, out
    assert digest(sample_copy / "site") == built
    for stamp in (sample_copy / STAMPS_DIR).iterdir():
        stamp.write_text("{not json", encoding="utf-8")
    assert main(["--project", str(sample_copy), "build"]) == EXIT_OK
    assert "Tidak ada perubahan" not in capsys.readouterr().out, "a corrupt stamp means a build"
    assert digest(sample_copy / "site") == built
    shutil.rmtree(sample_copy / STAMPS_DIR)
    assert main(["--project", str(sample_copy), "build"]) == EXIT_OK
    assert "Tidak ada perubahan" not in capsys.readouterr().out, "a missing stamp means a build"
    assert digest(sample_copy / "site") == built


def test_one_word_changed_rebuilds_only_the_pages_that_show_it_and_equals_a_cold_build(
    sample_copy: Path, tmp_path: Path,
) -> None:
    pipeline.build(sample_copy, today=SAMPLE_TODAY)
    before = times(sample_copy / "site")
    guideline = sample_copy / "content/guidelines/cegah-kebakaran-pasar.yaml"
    edit(guideline, "ronde malam satpam.", "ronde malam satpam pasar.")
    pipeline.build(sample_copy, today=SAMPLE_TODAY)
    pages = {rel for rel in rewritten(sample_copy / "site", before) if rel.endswith(".html")}
    assert "pedoman/cegah-kebakaran-pasar.html" in pages
    assert len(pages) <= 6, pages  # the guideline, the pages that quote its summary, the 404 page
    assert_equals_a_cold_build(sample_copy, tmp_path / "cold")


def test_adding_removing_and_retitling_equal_a_cold_build(sample_copy: Path, tmp_path: Path) -> None:
    pipeline.build(sample_copy, today=SAMPLE_TODAY)
    references = sample_copy / "content/references"
    added = references / "app-salinan.yaml"
    shutil.copy(references / "college-of-policing-app.yaml", added)
    edit(added, "id: college-of-policing-app", "id: app-salinan")
    edit(added, "title: Authorised Professional Practice (APP)", "title: Salinan APP")
    edit(sample_copy / "content/guidelines/cegah-kebakaran-pasar.yaml",
         "title: Pencegahan Kebakaran di Pasar Tradisional", "title: Mencegah Kebakaran Pasar")
    pipeline.build(sample_copy, today=SAMPLE_TODAY)
    assert_equals_a_cold_build(sample_copy, tmp_path / "cold")
    added.unlink()
    pipeline.build(sample_copy, today=SAMPLE_TODAY)
    assert_equals_a_cold_build(sample_copy, tmp_path / "cold")
