"""Handbook HTML → PDF bytes with WeasyPrint: tagged (PDF/UA-1), project fonts only, byte-reproducible."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.outputs.tree import write_atomically

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF with a structure tree, so screen readers can read the booklet."""


@dataclass(frozen=True)
class RenderedPdf:
    """The PDF, and every warning the engine gave while making it (missing image, missing font, bad CSS)."""

    data: bytes
    warnings: list[str]


class ProjectFilesOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """Fetch only files inside the handbook's template folder: no network, no file outside the project."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",))
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"only files shipped with the project are used, not {parts.scheme}: addresses")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(f"{path} lies outside {self.root}")
        return super().fetch(url, headers)


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make: the HTML (relative URLs resolve in `base_dir`) and a fixed /ID for reproducibility.

    With `cache_as` (e.g. .polmas/cache/handbooks/<forum>), a clean PDF is kept under a hash of everything it
    is made from (the HTML, the files of `base_dir`, the engine's version) and reused: the output is
    deterministic, so a rebuild is a lookup. With `prune`, older PDFs under the same name are removed.
    """

    html: str
    base_dir: Path
    identifier: str
    cache_as: Path | None = None
    prune: bool = True

    @property
    def cached(self) -> Path | None:
        if self.cache_as is None:
            return None
        key = _cache_key(self.html, self.base_dir, self.identifier)
        return self.cache_as.with_name(f"{self.cache_as.name}.{key}.pdf")


def render_pdfs(jobs: list[PdfJob], *, advance: Callable[[], None] = lambda: None) -> list[RenderedPdf]:
    """Make every PDF (cached ones are read back); several are rendered side by side, one per CPU core.

    `advance` is called once per PDF done, for a progress bar.
    """
    cached = [job.cached for job in jobs]
    results: list[RenderedPdf | None] = [RenderedPdf(c.read_bytes(), []) if c and c.is_file() else None
                                         for c in cached]
    todo = [i for i, result in enumerate(results) if result is None]
    for _ in range(len(jobs) - len(todo)):
        advance()
    workers = min(len(todo), os.cpu_count() or 1)

    def counted(render: Callable[[PdfJob], RenderedPdf]) -> Callable[[PdfJob], RenderedPdf]:
        def run(job: PdfJob) -> RenderedPdf:
            result = render(job)
            advance()
            return result
        return run

    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            rendered = list(pool.map(counted(_render_in_subprocess), [jobs[i] for i in todo]))
    else:
        rendered = [counted(render_pdf)(jobs[i]) for i in todo]
    for i, result in zip(todo, rendered, strict=True):
        results[i] = result
        path = cached[i]
        if path is not None and not result.warnings:
            _store(path, result.data, prune=jobs[i].prune)
    return [r for r in results if r is not None]


def _render_in_subprocess(job: PdfJob) -> RenderedPdf:
    """WeasyPrint holds the GIL, so parallel PDFs need processes; a fresh interpreter for each, because
    forking one that already drove Pango, fontconfig or threads is unsafe (and spawn would re-run __main__)."""
    code = "import sys, pickle; from generator.outputs.pdf import render_pdf; " \
           "sys.stdout.buffer.write(pickle.dumps(render_pdf(pickle.loads(sys.stdin.buffer.read()))))"
    result = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(job), capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the PDF worker failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    rendered = pickle.loads(result.stdout)
    assert isinstance(rendered, RenderedPdf)
    return rendered


def _store(path: Path, data: bytes, *, prune: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f"{path.name.split('.')[0]}.*.pdf") if prune else []:
        stale.unlink(missing_ok=True)
    write_atomically(path, data)


def _cache_key(html: str, base_dir: Path, identifier: str) -> str:
    digest = hashlib.sha256(f"{weasyprint.__version__}\0{PDF_VARIANT}\0{identifier}\0{html}".encode())
    for path in sorted(p for p in base_dir.rglob("*") if p.is_file() and p.suffix != ".j2"):
        digest.update(path.relative_to(base_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def render_pdf(job: PdfJob) -> RenderedPdf:
    """Render one PDF with WeasyPrint, collecting its warnings (no cache)."""
    with _captured_warnings() as warnings:
        document = HTML(
            string=job.html, base_url=job.base_dir.resolve().as_uri() + "/",
            url_fetcher=ProjectFilesOnly(job.base_dir),
        ).render(pdf_variant=PDF_VARIANT)
        data = document.write_pdf(
            pdf_variant=PDF_VARIANT,
            pdf_identifier=hashlib.md5(job.identifier.encode("utf-8"), usedforsecurity=False).hexdigest().encode(),
        )
    warnings += _foreign_fonts(document, job.base_dir)
    assert isinstance(data, bytes)
    return RenderedPdf(data, warnings)


def _foreign_fonts(document: Any, base_dir: Path) -> list[str]:
    """A glyph our fonts lack makes Pango borrow a system font silently; name it instead."""
    css = "\n".join(p.read_text(encoding="utf-8") for p in sorted(base_dir.glob("*.css")))
    shipped = set(re.findall(r"@font-face\s*{[^}]*font-family:\s*\"([^\"]+)\"", css))
    foreign = sorted({font.family for font in document.fonts.values()} - shipped)
    return [f"some text needs a character that the fonts in {base_dir.name}/fonts/ lack, so the system "
            f"font '{family}' was used; remove or replace that character" for family in foreign]


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # A font file that cannot be loaded is only a debug line to WeasyPrint; to us it is a defect.
        if record.levelno >= logging.WARNING or message.startswith("Failed to load"):
            self.sink.append(message)


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    """WeasyPrint logs and carries on; we collect its warnings so the build can refuse a flawed PDF."""
    sink: list[str] = []
    logger = logging.getLogger("weasyprint")
    handler = _ListHandler(sink)
    saved_level, saved_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield sink
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved_level)
        logger.propagate = saved_propagate
