"""Handbook HTML → PDF bytes with WeasyPrint: tagged (PDF/UA-1), project fonts only, byte-reproducible."""

from __future__ import annotations

import atexit
import hashlib
import logging
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape

from generator.i18n import Language, current_language, use_language

PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF with a structure tree, so screen readers can read the booklet."""
FONTS_FOLDER = "fonts"
"""Beside the templates: the only fonts a PDF may use."""
FONTCONFIG_VARIABLES = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT")
"""What a machine may set to make fontconfig read other files; the render processes override them all."""


@dataclass(frozen=True)
class RenderedPdf:
    """The PDF, and every warning the engine gave while making it (missing image, missing font, bad CSS)."""

    data: bytes
    warnings: list[str]


@dataclass(frozen=True)
class RenderedPart(RenderedPdf):
    """A part of a long PDF (see `handbook_parts`), with what joining the parts needs to know of its layout."""

    pages: int
    anchors: dict[str, int]
    """Each element id in the part → the index of its page in the part."""
    levels: tuple[int, ...]
    """The level of each of the part's bookmarks, in order."""


T = TypeVar("T")


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make: the HTML (relative URLs resolve in `base_dir`) and a fixed /ID for reproducibility.

    Caching is the caller's: a PDF is kept under the key of its inputs (see `PdfCache`), never of its HTML.
    """

    html: str
    base_dir: Path
    identifier: str


def render_pdfs(jobs: list[PdfJob], *, advance: Callable[[], None] = lambda: None) -> list[RenderedPdf]:
    """Make every PDF by worker processes, one per CPU core.

    The workers see only the fonts shipped in each job's `fonts/` folder (see `only_shipped_fonts`), so the
    bytes and the warnings are the same on every machine. `advance` is called once per PDF done.
    """
    results: list[RenderedPdf | None] = [None] * len(jobs)
    for fonts_dir in sorted({job.base_dir / FONTS_FOLDER for job in jobs}):
        batch = [i for i, job in enumerate(jobs) if job.base_dir / FONTS_FOLDER == fonts_dir]
        for i, result in zip(batch, _render_in_workers([jobs[i] for i in batch], fonts_dir, advance), strict=True):
            results[i] = result
    return [r for r in results if r is not None]


def render_part_now(job: PdfJob) -> RenderedPart:
    """Make one part of a long PDF in a worker (see `render_part`), waiting for it; safe from several threads."""
    return in_a_worker(job.base_dir / FONTS_FOLDER, render_part, job, lang=current_language())


def start_pdf_workers(fonts_dir: Path) -> None:
    """Start the PDF workers now rather than with the first PDF: each imports WeasyPrint (about 1.5 s) while this
    process makes the first handbook's HTML."""
    pool = _WORKERS.pool(fonts_dir)
    for _ in range(pdf_jobs()):
        pool.submit(_ready)


def _ready() -> None:
    from generator.outputs import weasy  # noqa: F401  (the import is the work)


def in_a_worker(fonts_dir: Path, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """One piece of work on PDFs (a part of a long handbook, or joining its parts) done by a PDF worker, waiting
    for it: WeasyPrint and pikepdf hold the GIL, so here they would stop this process's other threads (the next
    handbook's HTML); safe from several threads. `work` and its arguments must be picklable."""
    with _workers(fonts_dir) as pool:
        return pool.submit(work, *args, **kwargs).result()


def _render_in_workers(jobs: list[PdfJob], fonts_dir: Path, advance: Callable[[], None]) -> list[RenderedPdf]:
    """WeasyPrint holds the GIL, so PDFs are made side by side in worker processes, kept for the whole run.

    A worker imports WeasyPrint and loads the fonts once, then makes every PDF it is given: the handbooks,
    the training sheets and, in `polmas serve`, every rebuild's.
    """
    with _workers(fonts_dir) as pool:
        # The workers' words (a refused address) are in this run's language, passed along with each job.
        futures = [pool.submit(render_pdf, job, lang=current_language()) for job in jobs]
        for _future in as_completed(futures):
            advance()
        return [future.result() for future in futures]


@contextmanager
def _workers(fonts_dir: Path) -> Iterator[ProcessPoolExecutor]:
    """The pool for `fonts_dir`. If anything goes wrong while it works (Ctrl-C, a crash), it is stopped and the
    next call starts a fresh one."""
    pool = _WORKERS.pool(fonts_dir)
    try:
        yield pool
    except BaseException:
        _WORKERS.stop()
        raise


WORKER_NICENESS = 15
"""How far below the driving process the PDF workers run (only felt when something else wants the processor). In
`polmas serve` at ×20, with handbooks being made again beside the preview and the browser, an edit showed after
a median of 1.64 s at 5 and 1.40 s at 15."""
JOBS_ENV = "POLMAS_JOBS"
"""How many PDFs are made side by side (`polmas --jobs N` sets it); default: one per CPU core."""


def pdf_jobs() -> int:
    """The number of PDF worker processes: POLMAS_JOBS, else the number of CPU cores."""
    value = os.environ.get(JOBS_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else os.cpu_count() or 1


class _WorkerPool:
    """One pool of spawned PDF workers per process, for one fonts folder and worker count at a time.

    They are spawned, never forked: forking a process that already drove Pango, fontconfig or threads is
    unsafe. Each worker sees only the fontconfig file written for the pool's fonts folder.
    """

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._key: tuple[Path, int] | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._lock = threading.Lock()  # `polmas serve` makes PDFs in a thread of its own

    def pool(self, fonts_dir: Path) -> ProcessPoolExecutor:
        key = (fonts_dir.resolve(), pdf_jobs())
        with self._lock:
            return self._pool_for(fonts_dir, key)

    def _pool_for(self, fonts_dir: Path, key: tuple[Path, int]) -> ProcessPoolExecutor:
        if self._pool is None or self._key != key:
            self._stop()
            self._scratch = tempfile.TemporaryDirectory(prefix="polmas-fonts-")
            config = write_fontconfig(fonts_dir, Path(self._scratch.name))
            self._pool = ProcessPoolExecutor(key[1], mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(str(config),))
            self._key = key
        return self._pool

    def stop(self, *, now: bool = False) -> None:
        """Stop the workers (waiting for them, so none outlives its fontconfig file) and forget them. `now`:
        end the PDFs being made too, instead of waiting for them (a preview that is closing needs none)."""
        if now and self._pool is not None:
            # Their PDFs fail in the thread waiting for them (BrokenProcessPool), which is closing too.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._scratch is not None:
            self._scratch.cleanup()
        self._pool, self._key, self._scratch = None, None, None


_WORKERS = _WorkerPool()
atexit.register(_WORKERS.stop)


def stop_pdf_workers(*, now: bool = False) -> None:
    """Stop this process's PDF workers (the next PDF starts new ones); a benchmark counts their CPU time only
    once they have exited. `now`: without waiting for the PDFs they are making (`polmas serve` closing)."""
    _WORKERS.stop(now=now)


def write_fontconfig(fonts_dir: Path, folder: Path) -> Path:
    """A fontconfig file that knows only `fonts_dir`: no system font, no user font, no other configuration file.

    WeasyPrint asks fontconfig for a fallback whenever a font lacks a character; with the machine's own
    configuration the PDF would then depend on what happens to be installed there.
    """
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{escape(str(fonts_dir.resolve()))}</dir>\n"
        f"  <cachedir>{escape(str((folder / 'cache').resolve()))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def _start_worker(config: str) -> None:
    """Point fontconfig at our file before WeasyPrint loads any font; leave Ctrl-C to the parent, which stops us."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in FONTCONFIG_VARIABLES:
        os.environ.pop(name, None)
    os.environ["FONTCONFIG_FILE"] = config
    # Below the process that drives us: in `polmas serve`, the pages a coordinator waits for come first.
    os.nice(WORKER_NICENESS)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A parent killed outright (not stopped by Ctrl-C) cannot shut the pool down: a worker that finds itself
    orphaned leaves at once instead of waiting forever for work."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def render_pdf(job: PdfJob, *, lang: Language | None = None) -> RenderedPdf:
    """Render one PDF with WeasyPrint, collecting its warnings (no cache); our own words in `lang`."""
    _, data, warnings = _render(job, lang)
    return RenderedPdf(data, warnings)


def render_part(job: PdfJob, *, lang: Language | None = None) -> RenderedPart:
    """`render_pdf`, also returning the page count, each anchor's page and the levels of the part's bookmarks."""
    document, data, warnings = _render(job, lang)
    anchors: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, number)
    levels = tuple(level for page in document.pages for level, _, _, _ in page.bookmarks)
    return RenderedPart(data, warnings, len(document.pages), anchors, levels)


def _render(job: PdfJob, lang: Language | None) -> tuple[Any, bytes, list[str]]:
    from generator.outputs.weasy import HTML, ProjectFilesOnly  # only where PDFs are made: 0.4 s to import

    with use_language(lang), _captured_warnings() as warnings:
        document = HTML(
            string=job.html, base_url=job.base_dir.resolve().as_uri() + "/",
            url_fetcher=ProjectFilesOnly(job.base_dir),
        ).render(pdf_variant=PDF_VARIANT)
        data = document.write_pdf(
            pdf_variant=PDF_VARIANT,
            pdf_identifier=hashlib.md5(job.identifier.encode("utf-8"), usedforsecurity=False).hexdigest().encode(),
        )
    assert isinstance(data, bytes)
    return document, data, warnings


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
