"""The word diff of the changes page and the text fields a manifest keeps for it."""

from __future__ import annotations

import json
from datetime import date

from generator.domain.editions import changes_since_previous
from generator.domain.text_fields import text_fields
from generator.domain.word_diff import Segment, word_diff
from generator.model import Guideline
from generator.model.manifest import Manifest, ManifestItem


def test_changed_words_are_struck_and_added_words_marked() -> None:
    assert word_diff("Keselamatan warga didahulukan.", "Keselamatan warga  selalu\ndiutamakan.") == [
        Segment("same", "Keselamatan warga"), Segment("del", "didahulukan."), Segment("ins", "selalu diutamakan."),
    ]
    assert word_diff("satu dua", "satu\n  dua") == [Segment("same", "satu dua")], "re-wrapping is no change"


def test_long_unchanged_stretches_keep_six_words_beside_each_change() -> None:
    words = [f"k{n}" for n in range(40)]
    after = [*words[:20], "baru", *words[20:]]
    assert word_diff(" ".join(words), " ".join(after)) == [
        Segment("same", "… k14 k15 k16 k17 k18 k19"), Segment("ins", "baru"),
        Segment("same", "k20 k21 k22 k23 k24 k25 …"),
    ]


def test_text_fields_are_the_prose_not_ids_choices_dates_or_history() -> None:
    guideline = Guideline.model_validate({
        "id": "cegah-tawuran", "title": "Cegah tawuran", "summary": "Piket.", "phase": "pencegahan",
        "situations": ["tawuran-pelajar"], "standard": "Simpang dijaga.", "tags": ["pelajar"],
        "steps": [{"text": "Petakan titik kumpul.", "actor": "Bhabinkamtibmas", "level": "wajib"}],
        "history": [{"date": "2026-01-02", "change": "Dibuat", "by": "Sekretaris"}],
        "legal_basis": [{"ref": "uu-2-2002", "article": "Pasal 13"}], "review_by": "2027-01-01",
    })
    assert text_fields(guideline) == {
        "title": "Cegah tawuran", "summary": "Piket.", "legal_basis[0].article": "Pasal 13",
        "standard": "Simpang dijaga.", "steps[0].text": "Petakan titik kumpul.", "steps[0].actor": "Bhabinkamtibmas",
    }


def manifest(edition: int, sha: str, text: dict[str, str] | None) -> Manifest:
    item = ManifestItem(id="cegah-tawuran", kind="guideline", title="Cegah tawuran", sha256=sha * 64, text=text)
    return Manifest(forum="fkpm-x", edition=edition, date=date(2026, edition, 1), items=(item,))


def test_an_older_manifest_without_text_still_reads_and_its_successor_lists_the_change_without_words() -> None:
    old_file = json.dumps({"forum": "fkpm-x", "edition": 1, "date": "2026-01-01", "items": [
        {"id": "cegah-tawuran", "kind": "guideline", "title": "Cegah tawuran", "sha256": "a" * 64}]})
    old = Manifest.model_validate(json.loads(old_file))
    assert json.loads(old.to_json()) == json.loads(old_file), "rewritten, it keeps the old layout"
    changes = changes_since_previous(manifest(2, "b", {"standard": "Baru."}), {1: old})
    assert [i.id for i in changes.changed] == ["cegah-tawuran"]
    assert changes.diffs == {"guideline:cegah-tawuran": None}


def test_kept_text_is_not_part_of_what_an_edition_holds() -> None:
    assert manifest(1, "a", None).same_contents(manifest(1, "a", {"standard": "Teks."}))
    assert not manifest(1, "a", None).same_contents(manifest(1, "b", None))
