"""A handbook's cache key comes from its inputs: what the edition holds, the templates and fonts, the address."""

from __future__ import annotations

from pathlib import Path

from generator import pipeline
from generator.domain.editions import prepare_edition
from generator.domain.selection import forums_with_handbooks
from generator.outputs.pdf_inputs import PrintInputs, handbook_key, outgoing
from tests.conftest import Scratch
from tests.handbook.project import set_site_url, write_project


def key_of(project: Path) -> tuple[str, set[str]]:
    """The forum's handbook key and the ids its edition holds."""
    kb, problems = pipeline.check(project)
    assert not problems.has_errors(), [p.format() for p in problems]
    [forum] = forums_with_handbooks(kb)
    edition = prepare_edition(kb, forum)
    common = PrintInputs.of(project, site=pipeline.site_address(project), sample=False)
    key = handbook_key(kb, edition, project=project, common=common, refers_to=outgoing(kb), map_svg=None)
    return key, edition.contents.ids


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_key_changes_with_what_the_handbook_prints_and_with_nothing_else(scratch: Scratch) -> None:
    write_project(scratch)
    first, held = key_of(scratch.root)
    assert key_of(scratch.root)[0] == first, "the same inputs give the same key"
    scratch.write("data/areas/lain.yaml", "id: lain\ncode: 99.71.04.1003\nlevel: kelurahan\nname: Lain\n")
    assert key_of(scratch.root)[0] == first, "a record the edition neither holds nor cites is not an input"
    guideline = next(p for p in (scratch.root / "content/guidelines").iterdir() if p.stem in held)
    edit(guideline, "title: ", "title: Diubah ")
    edited = key_of(scratch.root)[0]
    assert edited != first, "a title in the edition is an input"
    edit(scratch.root / "templates/handbook/print.css", "", "/* a rule */\n")
    styled = key_of(scratch.root)[0]
    assert styled != edited, "the stylesheet is an input"
    set_site_url(scratch.root)
    assert key_of(scratch.root)[0] != styled, "the site's address (in every QR code) is an input"
