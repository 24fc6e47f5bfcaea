"""The PDF cache hands the renderer only what it lacks, and nothing at all when it has every PDF."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator.outputs.pdf import PdfJob, RenderedPdf
from generator.outputs.pdf_cache import PdfCache
from generator.outputs.qr_masks import MASKS_FILE
from generator.render import qr

PDF = b"%PDF-1.7\n%cached\n%%EOF\n"


def test_every_pdf_found_calls_no_renderer_so_no_pdf_worker_starts(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path / "cache", project=tmp_path)
    cache.put("forum", "key", PDF)
    calls: list[int] = []

    def render(jobs: Sequence[PdfJob], *, advance: object) -> list[RenderedPdf]:
        calls.append(len(jobs))
        return [RenderedPdf(PDF, []) for _ in jobs]

    def job(i: int) -> PdfJob:
        raise AssertionError("a cached PDF needs no HTML")

    assert cache.get_or_render([("forum", "key")], job, advance=lambda: None, render=render) == [PDF]
    assert calls == []
    made = cache.get_or_render([("forum", "key"), ("other", "key")],
                               lambda i: PdfJob("<p>x</p>", tmp_path, "other.pdf"), advance=lambda: None,
                               render=render)
    assert calls == [1] and made[0] == PDF and isinstance(made[1], RenderedPdf)


def test_the_masks_of_the_codes_made_for_missing_pdfs_are_kept_beside_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qr, "_MASKS", {})
    qr._svg.cache_clear()
    cache = PdfCache(tmp_path / "cache", project=tmp_path)
    url = "https://polmas.example/pedoman/kept-mask.html"

    def job(i: int) -> PdfJob:
        return PdfJob(str(qr.qr_code(url, about="pedoman").svg), tmp_path, "sheet.pdf")

    def render(jobs: Sequence[PdfJob], *, advance: object) -> list[RenderedPdf]:
        return [RenderedPdf(PDF, []) for _ in jobs]  # reading each job makes its HTML

    cache.get_or_render([("sheet", "key")], job, advance=lambda: None, render=render)
    kept = json.loads((tmp_path / "cache" / MASKS_FILE).read_text(encoding="utf-8"))
    assert list(kept["masks"]) == [url]
    qr._svg.cache_clear()
