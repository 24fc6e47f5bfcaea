"""What the offline bundle holds: the site, handbooks, every module's sheets and packs; nothing private."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.domain.packs import PACKS, pack_modules
from generator.knowledge import load_knowledge
from generator.outputs.bundle import BundleError
from tests.bundle.conftest import PRIVATE_NAME, PRIVATE_PHONE, StageRecorder, copy_sample
from tests.conftest import REPO


def names(outcome: pipeline.BundleOutcome) -> list[str]:
    with zipfile.ZipFile(outcome.bundle.archive) as archive:
        return archive.namelist()


def test_archive_is_named_by_the_content_date_and_opens_at_index_html(bundled: pipeline.BundleOutcome) -> None:
    archive = bundled.bundle.archive
    assert archive.parent.name == "dist"
    assert archive.name == "pustaka-polmas-2026-12-01.zip"  # the newest updated/published date in the sample
    listed = names(bundled)
    assert listed[:2] == ["index.html", "BACA-SAYA.txt"]
    assert "situs/index.html" in listed and "situs/search/search_index.js" in listed
    assert "situs/search/search_index.json" not in listed, "the index is in the archive once"
    assert [p.name for p in archive.parent.iterdir()] == [archive.name], "no scratch folder or temp file is left"


def test_archive_holds_no_private_file_and_no_cache(bundled: pipeline.BundleOutcome) -> None:
    listed = names(bundled)
    for bad in ("private", "contacts.yaml", ".polmas", "__pycache__", "site-internal", ".tmp"):
        assert not [n for n in listed if bad in n], bad
    with zipfile.ZipFile(bundled.bundle.archive) as archive:
        for name in listed:
            data = archive.read(name)
            if name.endswith(".pdf"):
                data = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).encode()
            assert PRIVATE_NAME.encode() not in data, name
            assert PRIVATE_PHONE.encode() not in data, name


def test_every_module_has_a_handout_a_worksheet_and_trainer_notes(unzipped: Path) -> None:
    kb, _ = load_knowledge(REPO)
    modules = kb.of_kind("education")
    assert len(modules) >= 5
    for module in modules:
        folder = unzipped / "situs/materi" / module.id
        for sheet, must_say in (("handout", "Tujuan"), ("lembar-kegiatan", "Komitmen saya"),
                                ("catatan-pelatih", "Langkah kegiatan")):
            reader = PdfReader(folder / f"{sheet}.pdf")
            text = " ".join((page.extract_text() or "").replace("\n", " ") for page in reader.pages)
            assert must_say in text, (module.id, sheet)
            assert module.data.title.split()[0] in text, (module.id, sheet)
            assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1), "A4"


def test_each_audience_pack_lists_its_modules_in_order_with_a_session_plan(unzipped: Path) -> None:
    kb, _ = load_knowledge(REPO)
    for pack in PACKS:
        modules = pack_modules(kb, pack)
        assert modules, f"the sample has modules for {pack.id}"
        page = (unzipped / f"situs/paket/{pack.id}.html").read_text(encoding="utf-8")
        assert "Rencana sesi" in page
        positions = [page.index(f"../edukasi/{m.id}.html") for m in modules]
        assert positions == sorted(positions), f"{pack.id}: modules in teaching order"
        text = " ".join(p.extract_text() for p in PdfReader(unzipped / f"situs/materi/paket-{pack.id}.pdf").pages)
        assert "Rencana sesi" in text and "08.00" in text
        for module in modules:
            assert module.data.title.split()[0] in text


def test_audience_bundle_opens_its_pack_and_carries_its_sheets_to_print(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    outcome = pipeline.bundle(project, audience="pelajar", out_dir=tmp_path / "out")
    assert outcome.bundle.archive.name == "pustaka-polmas-pelajar-2026-12-01.zip"
    with zipfile.ZipFile(outcome.bundle.archive) as archive:
        listed = archive.namelist()
        assert 'url=situs/paket/pelajar.html"' in archive.read("index.html").decode()
    kb, _ = load_knowledge(project)
    printed = [n for n in listed if n.startswith("cetak/")]
    assert printed[0] == "cetak/paket-pelajar.pdf"
    assert len(printed) == 1 + 3 * len(pack_modules(kb, next(p for p in PACKS if p.id == "pelajar")))
    assert "situs/index.html" in listed, "the whole site comes along, so search still finds everything"


def test_the_same_content_gives_the_same_archive(bundled: pipeline.BundleOutcome, tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "again")
    again = pipeline.bundle(project, out_dir=tmp_path / "out")
    assert again.bundle.archive.read_bytes() == bundled.bundle.archive.read_bytes()


def test_an_unknown_audience_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="choose one of: warga, pelajar, pengurus-fkpm, bhabinkamtibmas"):
        pipeline.bundle(REPO, audience="polisi", out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failing_build_leaves_no_archive_and_no_scratch(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    (project / "templates/site/guideline.md.j2").write_text("[broken](../nowhere.md)\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(Exception, match=r"nowhere\.md"):
        pipeline.bundle(project, out_dir=out)
    assert list(out.iterdir()) == []


def test_progress_is_reported_for_every_pdf_and_every_file_packed(bundled: pipeline.BundleOutcome,
                                                                   stages: StageRecorder) -> None:
    by_name = {str(name).split(" ")[0] + " " + str(name).split(" ")[1]: (total, done)
               for name, total, done in stages.stages}
    pdfs = bundled.bundle.pdfs
    assert by_name["Buku pegangan"] == (pdfs["buku pegangan forum"], pdfs["buku pegangan forum"])
    assert by_name["Bahan pelatihan"] == (pdfs["bahan pelatihan"], pdfs["bahan pelatihan"])
    assert by_name["Mengemas pustaka-polmas-2026-12-01.zip"] == (bundled.bundle.files, bundled.bundle.files)
