"""Bad handbook input is reported by `polmas check` with file, line and field, and no PDF is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import EXIT_INPUT, EXIT_OK, main
from tests.conftest import SAMPLE_TODAY, Scratch
from tests.handbook.project import write_project

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


FORUM_FILE = "data/forums/fkpm-ngrandusari.yaml"
MANIFEST_2 = """{"forum": "fkpm-ngrandusari", "edition": 2, "date": "2025-01-01", "items": []}\n"""


def check(scratch: Scratch, handbook: str = "", edition: int = 1, files: dict[str, str] | None = None) -> list[str]:
    write_project(scratch, handbook, edition)
    for rel, text in (files or {}).items():
        scratch.write(rel, text)
    _, problems = pipeline.check(scratch.root)
    return [p.format() for p in problems.sorted()]


def test_the_small_project_is_clean(scratch: Scratch) -> None:
    assert check(scratch) == []


def test_include_and_exclude_of_unknown_ids(scratch: Scratch) -> None:
    assert check(scratch, "  include:\n    ids: [hentikan-tawuran-x]\n  exclude: [panduan-c]\n") == [
        f"{FORUM_FILE}:15:11: handbook.include.ids[0]: unknown situation or guideline or education or legal or "
        "reference 'hentikan-tawuran-x' (did you mean 'hentikan-tawuran'?); no such id in content/situations/, "
        "content/guidelines/, content/education/, content/legal/, content/references/",
        f"{FORUM_FILE}:16:13: handbook.exclude[0]: unknown situation or guideline or education or legal or "
        "reference 'panduan-c' (did you mean 'panduan-b'?); no such id in content/situations/, "
        "content/guidelines/, content/education/, content/legal/, content/references/",
    ]


def test_include_situation_of_the_wrong_kind(scratch: Scratch) -> None:
    assert check(scratch, "  include:\n    situations: [cegah-tawuran]\n") == [
        f"{FORUM_FILE}:15:18: handbook.include.situations[0]: 'cegah-tawuran' is a guideline "
        "(content/guidelines/cegah-tawuran.yaml), but a situation is expected here",
    ]


@pytest.mark.parametrize(("foreword", "message"), [
    ("[Salam, Hormat]", "expected text, found a list"),
    ("12", 'expected text, but 12 reads as a number (12); put it in quotes: "12"'),
    ("{salam: hormat}", "expected text, found a group of 'key: value' lines"),
])
def test_foreword_must_be_text(scratch: Scratch, foreword: str, message: str) -> None:
    assert check(scratch, f"  foreword: {foreword}\n") == [f"{FORUM_FILE}:14:13: handbook.foreword: {message}"]


def test_edition_number_may_not_go_back(scratch: Scratch) -> None:
    files = {"data/editions/fkpm-ngrandusari/2.json": MANIFEST_2}
    assert check(scratch, edition=1, files=files) == [
        f"{FORUM_FILE}:12:12: handbook.edition: edition 1 is older than edition 2, already published "
        "(data/editions/fkpm-ngrandusari/2.json); an edition number never goes back: use 2 to rebuild that "
        "edition or 3 for a new one",
    ]
    assert check(scratch, edition=3, files=files) == []


def test_rebuilding_a_published_edition_with_new_contents_is_a_warning(scratch: Scratch) -> None:
    files = {"data/editions/fkpm-ngrandusari/2.json": MANIFEST_2}
    assert check(scratch, edition=2, files=files) == [
        f"{FORUM_FILE}:12:12: warning: handbook.edition: edition 2 was published "
        "(data/editions/fkpm-ngrandusari/2.json) and its contents have changed since; raise the edition to 3 "
        "before publishing again",
    ]


def test_broken_manifest_names_its_line(scratch: Scratch) -> None:
    files = {"data/editions/fkpm-ngrandusari/1.json": '{"forum": "fkpm-ngrandusari",\n "edition": 1,,\n}\n',
             "data/editions/fkpm-ngrandusari/lama.json": "{}"}
    assert check(scratch, files=files) == [
        "data/editions/fkpm-ngrandusari/1.json:2:15: not valid JSON (Expecting property name enclosed in double "
        "quotes); restore it from git: git checkout -- data/editions/fkpm-ngrandusari/1.json",
        "data/editions/fkpm-ngrandusari/lama.json:1:1: a published manifest is named after its edition, "
        "e.g. '2.json'",
    ]


def test_local_note_on_a_guideline_the_edition_lacks(scratch: Scratch) -> None:
    note = "  local_notes:\n    - guideline: cegah-curanmor\n      note: Parkir di los timur.\n"
    assert check(scratch, note) == [
        f"{FORUM_FILE}:15:18: handbook.local_notes[0].guideline: 'cegah-curanmor' is not in this edition, so "
        "its note would not be printed; add it to handbook.include.ids (or take it out of handbook.exclude), "
        "or remove the note",
    ]


def test_bad_input_writes_no_pdf_and_keeps_the_previous_one(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch)
    assert main(["--project", str(scratch.root), "handbook", "--all"]) == EXIT_OK
    pdf = scratch.root / "site/handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf"
    before = pdf.read_bytes()
    for bad, edition in (("  foreword: [Salam]\n", 1), ("  include:\n    ids: [tidak-ada]\n", 1), ("", 0)):
        write_project(scratch, bad, edition)
        capsys.readouterr()
        assert main(["--project", str(scratch.root), "handbook", "--forum", "fkpm-ngrandusari"]) == EXIT_INPUT
        assert capsys.readouterr().out.startswith(f"{FORUM_FILE}:1")
        assert pdf.read_bytes() == before
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["fkpm-ngrandusari-edisi-1.json", pdf.name]


def test_check_on_the_repository_reports_only_the_samples_review_warnings(repo: Path) -> None:
    # The sample shows the review workflow: a few items past their review date, one reference to a draft.
    _, problems = pipeline.check(repo, today=SAMPLE_TODAY)
    assert not problems.has_errors()
    assert [(p.path, p.field) for p in problems.sorted()] == [
        ("content/education/waspada-penipuan-daring.yaml", "review_by"),
        ("content/situations/kebakaran-pasar.yaml", "review_by"),
        ("content/situations/keramaian-warga.yaml", "review_by"),
        ("content/situations/penipuan-daring.yaml", "review_by"),
        ("data/calendar/musim-hujan-banjir.yaml", "situations[0]"),
    ]
