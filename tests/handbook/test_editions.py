"""Publishing editions and the 'changes since the previous edition' page, on small projects and the sample."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from generator.domain import editions
from generator.domain.editions import build_manifest, edition_manifest, prepare_edition
from generator.domain.selection import forums_with_handbooks, select_edition_contents
from generator.knowledge import Record, load_knowledge
from generator.knowledge.status_view import HANDBOOK_STATUSES, with_statuses
from generator.outputs.handbooks import publish_manifest
from tests.conftest import Scratch
from tests.handbook.pdfread import page_texts
from tests.handbook.project import set_site_url, write_project

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


CHANGES = "Perubahan sejak edisi sebelumnya"


def changes_page(pdf: bytes) -> list[str]:
    """The lines of the changes page, from its heading to the page number."""
    text = next(t for t in page_texts(pdf) if t.lstrip().startswith(CHANGES))
    return [line.strip() for line in text.splitlines() if line.strip()][1:-1]


def run(project: Path, *args: str) -> int:
    return main(["--project", str(project), "handbook", *args])


def write_publishable_project(scratch: Scratch, handbook: str = "", edition: int = 1) -> None:
    write_project(scratch, handbook, edition)
    set_site_url(scratch.root)


def test_publishing_with_the_placeholder_address_is_refused(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_project(scratch)
    assert run(scratch.root, "--all", "--publish") == EXIT_INPUT
    assert capsys.readouterr().err == (
        "polmas: an edition cannot be published yet: mkdocs.yml:4:11: site_url: 'https://pustaka-polmas.example/' "
        "is a placeholder, and it is printed in every QR code, the sitemap and the handbooks' colophon; write the "
        "address where the site is published (e.g. site_url: https://polmas.<your-domain>/) in mkdocs.yml\n"
        "Nothing was published; the PDFs were not written.\n"
    )
    assert not (scratch.root / "data/editions").exists()
    assert not (scratch.root / "site").exists()
    set_site_url(scratch.root)
    assert run(scratch.root, "--all", "--publish") == EXIT_OK
    assert (scratch.root / "data/editions/fkpm-ngrandusari/1.json").is_file()


@pytest.mark.parametrize("url", ["https://polmas.test/", "http://localhost:8000/", "https://www.example.org/"])
def test_every_reserved_address_counts_as_a_placeholder(scratch: Scratch, url: str) -> None:
    write_project(scratch)
    set_site_url(scratch.root, url)
    assert run(scratch.root, "--all", "--publish") == EXIT_INPUT


def test_publish_records_the_manifest_once(scratch: Scratch, capsys: pytest.CaptureFixture[str]) -> None:
    write_publishable_project(scratch)
    assert run(scratch.root, "--forum", "fkpm-ngrandusari") == EXIT_OK
    assert not (scratch.root / "data/editions").exists(), "a plain run never publishes"
    assert run(scratch.root, "--forum", "fkpm-ngrandusari", "--publish") == EXIT_OK
    manifest = scratch.root / "data/editions/fkpm-ngrandusari/1.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert (data["forum"], data["edition"], data["date"]) == ("fkpm-ngrandusari", 1, "2025-04-01")
    assert [(i["kind"], i["id"]) for i in data["items"]][:3] == [
        ("forum", "fkpm-ngrandusari"), ("situation", "tawuran-pelajar"), ("guideline", "cegah-tawuran")]
    assert all(re.fullmatch(r"[0-9a-f]{64}", i["sha256"]) for i in data["items"])
    site_copy = scratch.root / "site/handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.json"
    assert site_copy.read_text(encoding="utf-8") == manifest.read_text(encoding="utf-8")
    capsys.readouterr()
    assert run(scratch.root, "--all", "--publish") == EXIT_OK
    assert "Published:" not in capsys.readouterr().out, "publishing the same edition again changes nothing"


def test_publishing_changed_contents_under_the_same_number_is_refused(
    scratch: Scratch, capsys: pytest.CaptureFixture[str],
) -> None:
    write_publishable_project(scratch)
    assert run(scratch.root, "--all", "--publish") == EXIT_OK
    pdf = scratch.root / "site/handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf"
    before = pdf.read_bytes()
    guideline = scratch.root / "content/guidelines/cegah-tawuran.yaml"
    guideline.write_text(guideline.read_text(encoding="utf-8").replace("Simpang rawan", "Gerbang sekolah"),
                         encoding="utf-8")
    capsys.readouterr()
    assert run(scratch.root, "--all", "--publish") == EXIT_INPUT
    err = capsys.readouterr().err
    assert "polmas: edition 1 of 'fkpm-ngrandusari' was already published (data/editions/fkpm-ngrandusari/1.json) " \
           "with other contents; raise handbook.edition to 2 and publish that edition\n" \
           "Nothing was published; the PDFs were not written." in err
    assert pdf.read_bytes() == before


def test_unknown_forum_is_a_usage_error(scratch: Scratch, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(scratch)
    assert run(scratch.root, "--forum", "fkpm-ngrandusar") == EXIT_USAGE
    assert capsys.readouterr().err == "polmas: no forum 'fkpm-ngrandusar' with a handbook: block (did you mean " \
                                      "'fkpm-ngrandusari'?); forums with one: fkpm-ngrandusari\n"


def test_changes_page_lists_added_changed_and_removed(scratch: Scratch) -> None:
    write_publishable_project(scratch)
    assert run(scratch.root, "--all", "--publish") == EXIT_OK
    first = (scratch.root / "site/handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf").read_bytes()
    assert " ".join(changes_page(first)).replace("\u2010 ", "") == \
        "Ini edisi pertama yang diterbitkan; belum ada edisi sebelumnya untuk dibandingkan."
    write_project(scratch, "  include:\n    ids: [panduan-b]\n  exclude: [modul-tawuran]\n", edition=2)
    guideline = scratch.root / "content/guidelines/hentikan-tawuran.yaml"
    guideline.write_text(guideline.read_text(encoding="utf-8").replace("didahulukan", "diutamakan"),
                         encoding="utf-8")
    assert run(scratch.root, "--all") == EXIT_OK
    second = (scratch.root / "site/handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-2.pdf").read_bytes()
    assert changes_page(second) == [
        "Dibandingkan dengan Edisi 1 (1 April 2025):",
        "Ditambahkan (1)", "• REFERENSI Panduan B",
        "Diubah (1)", "• PEDOMAN Hentikan tawuran",
        "Dihapus (1)", "• BAHAN EDUKASI Modul anti-tawuran",
        "Rincian perubahan", "Kata yang ditambahkan bergaris bawah, kata yang dihapus dicoret.",
        "PEDOMAN Hentikan tawuran", "standard", "Keselamatan warga didahulukan. diutamakan.",
    ]


def test_an_item_in_several_handbooks_is_hashed_once_and_each_manifest_is_the_same(
    repo: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb, _ = load_knowledge(repo)
    forums = forums_with_handbooks(kb)
    hashed: list[str] = []
    counted = editions.item_digest

    def counting(record: Record) -> editions.ItemDigest:
        hashed.append(record.id)
        return counted(record)

    monkeypatch.setattr(editions, "item_digest", counting)
    remembered = [edition_manifest(kb, forum) for forum in forums]
    afresh = [build_manifest(select_edition_contents(kb, forum)) for forum in forums]
    assert [m.json_text for m in remembered] == [m.json_text for m in afresh]
    held = [i.id for m in remembered for i in m.items if i.kind != "forum" and "local_notes[0]" not in (i.text or {})]
    assert len(held) > len(set(held)), "the sample's forums share items"
    assert sorted(hashed) == sorted(set(held))
    noted = [i for m in remembered for i in m.items if "local_notes[0]" in (i.text or {})]
    assert noted, "a forum's local note is part of its item, hashed with it"


def test_sample_change_one_guideline_and_bump_the_edition(sample_copy: Path) -> None:
    """Acceptance: in a copy of the sample project, the next edition's changes page names exactly that guideline."""
    shutil.rmtree(sample_copy / "data/editions", ignore_errors=True)
    checked, problems = pipeline.check(sample_copy)
    assert not problems.has_errors()
    kb = with_statuses(checked, HANDBOOK_STATUSES)  # what the public handbook holds
    forum = min(forums_with_handbooks(kb), key=lambda f: len(select_edition_contents(kb, f).items))
    edition = select_edition_contents(kb, forum).handbook.edition
    # Publish the current edition as `polmas handbook --publish` records it (its PDF is tested elsewhere).
    publish_manifest(sample_copy, kb, prepare_edition(kb, forum).manifest)
    guideline = select_edition_contents(kb, forum).guidelines[0]
    path = sample_copy / guideline.source.src_path
    path.write_text(path.read_text(encoding="utf-8").replace("standard: ", "standard: Diperbarui. ", 1),
                    encoding="utf-8")
    forum_file = sample_copy / forum.source.src_path
    text = forum_file.read_text(encoding="utf-8")
    forum_file.write_text(re.sub(r"(?m)^(\s+edition:) \d+", rf"\1 {edition + 1}", text, count=1), encoding="utf-8")
    assert run(sample_copy, "--forum", forum.id) == EXIT_OK
    pdf = sample_copy / f"site/handbooks/{forum.id}/{forum.id}-edisi-{edition + 1}.pdf"
    lines = changes_page(pdf.read_bytes())
    assert lines[0].startswith(f"Dibandingkan dengan Edisi {edition} (")
    assert lines[1:7] == ["Diubah (1)", f"• PEDOMAN {guideline.title}", "Rincian perubahan",
                          "Kata yang ditambahkan bergaris bawah, kata yang dihapus dicoret.",
                          f"PEDOMAN {guideline.title}", "standard"]
    assert lines[7].startswith("Diperbarui."), "the added word opens the diff of the changed field"
