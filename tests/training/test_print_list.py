"""The cetak/ folder's list (order, copies for N participants), the opening page's weight, and the summary."""

from __future__ import annotations

from pathlib import Path

from generator.domain.packs import pack_modules
from generator.knowledge import KnowledgeBase
from generator.model import TrainingPack
from generator.outputs.bundle import BundleResult, page_weight
from generator.progress import bundle_summary, console
from generator.render.print_list import print_list
from generator.render.sheets import module_sheets


def test_print_list_follows_the_session_plan_and_counts_copies(sample_kb: KnowledgeBase) -> None:
    pack = sample_kb.get("warga", TrainingPack).data
    items = print_list(sample_kb, pack, 20)
    names = [item.name for item in items]
    assert names[:2] == ["01-rencana-sesi.pdf", "02-daftar-hadir.pdf"]
    assert names == sorted(names)
    sessions = list(dict.fromkeys(item.session for item in items if item.session))
    assert sessions == [f"Sesi {n}: {m.data.title}" for n, m in enumerate(pack_modules(sample_kb, pack), start=1)]
    by_name = {item.name: item for item in items}
    assert by_name["02-daftar-hadir.pdf"].copies == 2, "the warga pack takes two days: a list for each"
    first = pack_modules(sample_kb, pack)[0]
    for index, sheet in enumerate(module_sheets(first.data), start=1):
        item = by_name[f"03-sesi-1-{first.id}/{index}-{sheet.stem}.pdf"]
        assert item.copies == (20 if sheet.for_participants else 1), sheet.stem
    assert [(i.name, i.copies) for i in items[-3:]] == [
        ("07-umpan-balik.pdf", 20), ("08-rekap-umpan-balik.pdf", 1), ("09-sertifikat.pdf", 20)]


def test_a_sheet_the_pack_does_not_give_everyone_is_printed_once(sample_kb: KnowledgeBase) -> None:
    pack = sample_kb.get("warga", TrainingPack).data.model_copy(update={"per_participant": ["handout"]})
    copies = {item.name.rsplit("/", 1)[-1]: item.copies for item in print_list(sample_kb, pack, 20)}
    assert copies["4-handout.pdf"] == 20
    assert copies["3-tes-awal.pdf"] == 1 and copies["07-umpan-balik.pdf"] == 1


def test_page_weight_counts_the_html_and_the_local_assets_it_loads(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/app.js").write_bytes(b"x" * 1000)
    (tmp_path / "assets/style.css").write_bytes(b"y" * 500)
    (tmp_path / "logo.png").write_bytes(b"z" * 200)
    page = ('<link rel="stylesheet" href="assets/style.css"><link rel="icon" href="logo.png">'
            '<script src="assets/app.js"></script><img src="logo.png"><script src="https://cdn.example/x.js"></script>')
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert page_weight(tmp_path, "index.html") == len(page) + 1000 + 500 + 200


def test_summary_reports_bundle_size_and_page_weight() -> None:
    result = BundleResult(Path("dist/x.zip"), 6_700_000, 300, 108, {"bahan pelatihan": 56}, page_weight=303_100,
                          print_copies=228)
    with console.capture() as captured:
        bundle_summary(result)
    text = captured.get()
    assert "6.7 MB" in text and "303.1 kB" in text and "228 salinan" in text
