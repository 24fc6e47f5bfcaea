"""The PDF cache hands the renderer only what it lacks, and nothing at all when it has every PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.outputs.pdf import PdfJob, RenderedPdf
from generator.outputs.pdf_cache import PdfCache

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
