"""Shared phrases are said once (templates/shared/phrases.j2): no site or handbook template spells one out."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

PHRASE = re.compile(r'\{% set (\w+) = "([^"]+)" %\}')


def phrases(repo: Path) -> dict[str, str]:
    return dict(PHRASE.findall((repo / "templates/shared/phrases.j2").read_text(encoding="utf-8")))


def test_phrases_file_exports_every_phrase_and_the_situation_order(repo: Path) -> None:
    module = Environment(loader=FileSystemLoader(repo / "templates/shared")).get_template("phrases.j2").module
    assert {name: getattr(module, name) for name in phrases(repo)} == phrases(repo)
    order = getattr(module, "situation_lists")  # noqa: B009 (a template module declares no attributes)
    assert order == [("causes", "Penyebab"), ("impacts", "Dampak")]


def test_no_template_spells_out_a_shared_phrase(repo: Path) -> None:
    spelled = [
        (path.relative_to(repo).as_posix(), text)
        for folder in ("templates/site", "templates/handbook")
        for path in sorted((repo / folder).rglob("*.j2"))
        for text in phrases(repo).values()
        if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", path.read_text(encoding="utf-8"))
    ]
    assert spelled == []
