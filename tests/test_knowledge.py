"""Cross-references: every id named exists and is of the right kind; backlinks are built."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator import pipeline
from generator.knowledge import load_knowledge
from generator.knowledge.build import resolve_references
from generator.knowledge.status_view import HANDBOOK_STATUSES, SITE_STATUSES, with_statuses
from generator.model import Guideline
from tests.conftest import Scratch

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

SITUATION = """
id: tawuran-pelajar
title: Tawuran Pelajar
summary: Perkelahian antarpelajar.
type: masalah
class: GN
description: Teks.
"""
LEGAL = """
id: uu-2-2002
title: UU 2/2002
summary: Kepolisian.
type: UU
number: 2
year: 2002
subject: Kepolisian Negara RI
legal_status: berlaku
articles:
  - {number: Pasal 13, summary: Tugas pokok.}
"""
GUIDELINE = """
id: cegah-tawuran
title: Pencegahan tawuran
summary: Patroli jam pulang sekolah.
phase: pencegahan
situations: [{situation}]
standard: Titik rawan dijaga.
steps:
  - text: Patroli.
    actor: Bhabinkamtibmas
    legal_basis:
      - ref: {legal}
        article: {article}
"""

Check = Callable[[dict[str, str]], list[str]]


def guideline(situation: str = "tawuran-pelajar", legal: str = "uu-2-2002", article: str = "Pasal 13") -> str:
    return GUIDELINE.format(situation=situation, legal=legal, article=article)


def test_valid_references_give_no_problems(write_and_check: Check) -> None:
    assert write_and_check({
        "content/situations/tawuran-pelajar.yaml": SITUATION,
        "content/legal/uu-2-2002.yaml": LEGAL,
        "content/guidelines/cegah-tawuran.yaml": guideline(),
    }) == []


def test_unknown_ids_name_the_field_and_suggest(write_and_check: Check) -> None:
    assert write_and_check({
        "content/situations/tawuran-pelajar.yaml": SITUATION,
        "content/legal/uu-2-2002.yaml": LEGAL,
        "content/guidelines/cegah-tawuran.yaml": guideline(situation="tawuran-pelaja", legal="uu-99-2099"),
    }) == [
        "content/guidelines/cegah-tawuran.yaml:5:14: situations[0]: unknown situation 'tawuran-pelaja' "
        "(did you mean 'tawuran-pelajar'?); no such id in content/situations/",
        "content/guidelines/cegah-tawuran.yaml:11:14: steps[0].legal_basis[0].ref: unknown legal 'uu-99-2099' "
        "(did you mean 'uu-2-2002'?); no such id in content/legal/",
    ]


def test_reference_to_the_wrong_kind(write_and_check: Check) -> None:
    assert write_and_check({
        "content/situations/tawuran-pelajar.yaml": SITUATION,
        "content/legal/uu-2-2002.yaml": LEGAL,
        "content/guidelines/cegah-tawuran.yaml": guideline(situation="uu-2-2002"),
    }) == [
        "content/guidelines/cegah-tawuran.yaml:5:14: situations[0]: 'uu-2-2002' is a legal "
        "(content/legal/uu-2-2002.yaml), but a situation is expected here",
    ]


def test_cited_article_must_be_listed(write_and_check: Check) -> None:
    assert write_and_check({
        "content/situations/tawuran-pelajar.yaml": SITUATION,
        "content/legal/uu-2-2002.yaml": LEGAL,
        "content/guidelines/cegah-tawuran.yaml": guideline(article="Pasal 14"),
    }) == [
        "content/guidelines/cegah-tawuran.yaml:12:18: steps[0].legal_basis[0].article: 'Pasal 14' is not listed "
        "in content/legal/uu-2-2002.yaml (listed: Pasal 13) (did you mean 'Pasal 13'?); "
        "add it to that file's articles or correct the citation",
    ]


def test_duplicate_ids_report_both_places(write_and_check: Check) -> None:
    copy = SITUATION.replace("id: tawuran-pelajar", "id: tawuran-pelajar\n# copied")
    problems = write_and_check({
        "content/situations/tawuran-pelajar.yaml": SITUATION,
        "data/areas/tawuran-pelajar.yaml": "id: tawuran-pelajar\ncode: '99'\nlevel: provinsi\nname: Provinsi Contoh\n",
        "content/situations/copy.yaml": copy,
    })
    assert problems == [
        "content/situations/copy.yaml:1:5: id: 'tawuran-pelajar' does not match the file name 'copy.yaml'; "
        "rename the file or change the id",
        "content/situations/copy.yaml:1:5: id: id 'tawuran-pelajar' is also used by "
        "content/situations/tawuran-pelajar.yaml:1:5; every id must be unique",
        "content/situations/copy.yaml:1:5: id: id 'tawuran-pelajar' is also used by "
        "data/areas/tawuran-pelajar.yaml:1:5; every id must be unique",
        "content/situations/tawuran-pelajar.yaml:1:5: id: id 'tawuran-pelajar' is also used by "
        "content/situations/copy.yaml:1:5; every id must be unique",
        "data/areas/tawuran-pelajar.yaml:1:5: id: id 'tawuran-pelajar' is also used by "
        "content/situations/copy.yaml:1:5; every id must be unique",
    ]


def test_file_in_a_folder_of_no_kind(write_and_check: Check) -> None:
    assert write_and_check({"content/guideline/x.yaml": "id: x\n"}) == [
        "content/guideline/x.yaml:1:1: this folder holds no kind of record (did you mean 'content/guidelines'?); "
        "move the file into one of: content/education, content/guidelines, content/legal, content/references, "
        "content/situations, data/areas, data/calendar, data/forums, data/meetings, data/networks, data/packs, "
        "data/places",
    ]


def test_backlinks_record_who_cites_what(scratch: Scratch) -> None:
    scratch.write("content/situations/tawuran-pelajar.yaml", SITUATION)
    scratch.write("content/legal/uu-2-2002.yaml", LEGAL)
    scratch.write("content/guidelines/cegah-tawuran.yaml", guideline())
    kb, problems = pipeline.check(scratch.root)
    assert not problems
    assert [r.id for r in kb.referrers("uu-2-2002")] == ["cegah-tawuran"]
    assert [r.id for r in kb.referrers("tawuran-pelajar", "guideline")] == ["cegah-tawuran"]


def test_area_tree_is_asked_of_the_knowledge_base(repo: Path) -> None:
    kb, _ = load_knowledge(repo)
    assert [a.id for a in kb.area_children("sendangrawit")] == ["sendangrawit-rw01", "sendangrawit-rw02"]
    assert kb.area_and_below(["sendangrawit-rw02"]) == {
        "sendangrawit-rw02", "sendangrawit-rw02-rt01", "sendangrawit-rw02-rt02"}
    assert kb.areas_above("ngrandusari-rw03-rt01") == ["ngrandusari-rw03", "ngrandusari", "tirtasekar"]
    assert kb.areas_above("tirtasekar") == []


def test_guidelines_by_phase_keeps_every_phase_in_incident_order(repo: Path) -> None:
    kb, _ = load_knowledge(repo)
    groups = kb.guidelines_by_phase()
    assert [phase for phase, _, _ in groups] == ["pencegahan", "penanganan", "pasca"]
    assert all(g.data.phase == phase for phase, _, guidelines in groups for g in guidelines)
    assert sum(len(guidelines) for _, _, guidelines in groups) == len(kb.of_kind(Guideline))


def test_citations_name_each_citing_record_once(repo: Path) -> None:
    kb, _ = load_knowledge(repo)
    cited = kb.citations()
    assert cited, "the sample cites its legal frameworks"
    for articles in cited.values():
        for records in articles.values():
            assert len({r.id for r in records}) == len(records)


def test_a_views_backlinks_are_the_ones_resolving_it_afresh_would_record(repo: Path) -> None:
    """`with_statuses` derives a view's backlinks from the whole knowledge base's instead of walking every
    record again; records it changed (a reference to a left-out item dropped) are walked again."""
    kb, _ = pipeline.check(repo, today=date(2026, 12, 1))
    site = with_statuses(kb, SITE_STATUSES)
    printed = with_statuses(site, HANDBOOK_STATUSES)  # a view of a view, as the build makes it
    assert any(printed.records[i] is not site.records[i] for i in printed.records), \
        "the sample has a record the handbook view changes: the walked-again branch is covered"
    assert len(printed.records) < len(site.records) < len(kb.records)
    for view in (site, printed):
        fresh = replace(view, backlinks=defaultdict(list), named={})
        resolve_references(fresh)
        assert view.backlinks == fresh.backlinks
        assert view.named == fresh.named
