"""The registry of kinds: every list of kinds derives from it, and what it names exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import ITEM_KINDS, KINDS, KINDS_BY_NAME, PAGE_KINDS, Kind, referable_kinds
from generator.model.common import ANY_ITEM
from generator.render.handbook import CHAPTERS, KIND_LABELS
from generator.render.pages import ITEM_PAGES


def test_items_are_the_five_products_in_order() -> None:
    assert ITEM_KINDS == ("situation", "guideline", "education", "legal", "reference")


def test_any_item_expands_to_every_item_kind_and_keeps_others() -> None:
    assert referable_kinds((ANY_ITEM,)) == ITEM_KINDS
    assert referable_kinds(("area", "place")) == ("area", "place")


def test_every_kind_with_pages_has_a_page_context() -> None:
    assert set(ITEM_PAGES) == set(PAGE_KINDS)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.pages], ids=lambda k: k.name)
def test_page_templates_exist(repo: Path, kind: Kind) -> None:
    assert kind.pages is not None
    for template in (kind.pages.index_template, kind.pages.item_template):
        assert (repo / "templates" / "site" / template).is_file(), template


def test_handbook_chapters_follow_the_registry() -> None:
    anchors = [anchor for anchor, _, _ in CHAPTERS]
    assert anchors[:3] == ["profil", "peta", "kalender"], "the forum's own chapters, then the items'"
    assert anchors[3:8] == [KINDS_BY_NAME[name].section for name in ITEM_KINDS]
    assert set(KIND_LABELS) == {"forum", *ITEM_KINDS}


def test_sections_and_folders_are_unique() -> None:
    assert len({k.section for k in KINDS}) == len(KINDS)
    assert len({k.folder for k in KINDS}) == len(KINDS)
