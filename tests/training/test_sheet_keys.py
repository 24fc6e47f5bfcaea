"""A module's sheets name the guidelines it supports by title only: a word changed in one of those guidelines
leaves the sheets in the PDF cache; a new title makes them again."""

from __future__ import annotations

from pathlib import Path

from generator import pipeline
from generator.model import Education
from generator.outputs.materials import material_entries
from generator.render.materials import material_documents
from tests.conftest import SAMPLE_TODAY


def sheet_keys(project: Path) -> dict[str, str]:
    kb = pipeline.check(project, today=SAMPLE_TODAY)[0]
    entries = material_entries(project, kb, site=pipeline.site_address(project), printed=None)
    return {entry.path: entry.key for entry in entries}


def sheets_html(project: Path) -> dict[str, str]:
    """What the keys stand for: every sheet's HTML."""
    kb = pipeline.check(project, today=SAMPLE_TODAY)[0]
    documents = material_documents(kb, project=project, site=pipeline.site_address(project), printed=None)
    return {document.path: document.render() for document in documents}


def add_word(path: Path, field: str) -> None:
    """One word at the end of the field's line, or of the first line of its folded block."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(f"{field}:"))
    at += 1 if lines[at].rstrip().endswith((">-", ">", "|")) else 0
    lines[at] += " kini"
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_word_in_a_supported_guideline_leaves_the_sheets_and_its_title_makes_them_again(
        sample_copy: Path) -> None:
    kb = pipeline.check(sample_copy, today=SAMPLE_TODAY)[0]
    module = next(m for m in kb.of_kind(Education) if m.data.supports)
    guideline = kb.get(module.data.supports[0])
    supporting = {m.id for m in kb.of_kind(Education) if guideline.id in m.data.supports}
    before, html = sheet_keys(sample_copy), sheets_html(sample_copy)

    add_word(sample_copy / guideline.source.src_path, "summary")
    assert sheet_keys(sample_copy) == before
    assert sheets_html(sample_copy) == html  # no sheet prints the summary: the same keys stand for the same PDFs

    add_word(sample_copy / guideline.source.src_path, "title")
    after, retitled = sheet_keys(sample_copy), sheets_html(sample_copy)
    changed = {path for path in before if after[path] != before[path]}
    assert changed == {path for path in before if path.split("/")[1] in supporting}
    assert {path for path in html if retitled[path] != html[path]} <= changed  # the handouts list the title
    assert any(retitled[path] != html[path] for path in changed)
