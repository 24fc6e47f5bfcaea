"""PDFs kept under the key of their inputs (`<cache>/<name>.<key>.pdf`): a rebuild finds them without rendering."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.outputs.pdf import PdfJob, RenderedPdf, render_pdfs
from generator.outputs.qr_masks import qr_masks_kept_in
from generator.outputs.tree import write_atomically

Render = Callable[..., list[RenderedPdf]]
"""How PDFs missing from the cache are made: `render(jobs, advance=...)`, one result per job (`render_pdfs`)."""

KEY_PATTERN = re.compile(r"[0-9a-f]{64}")
"""An inputs key: the sha256 hex digest `InputDigest` makes."""


@dataclass(frozen=True)
class CacheEntry:
    """One PDF of a build as the cache knows it: its name, its inputs' key, and its path in the docs tree."""

    name: str
    key: str
    path: str

    @property
    def file_name(self) -> str:
        return cache_file_name(self.name, self.key)


def cache_file_name(name: str, key: str) -> str:
    return f"{name}.{key}.pdf"


def parse_cache_file_name(file_name: str) -> tuple[str, str] | None:
    """(name, key) of a file named as the cache names it, else None."""
    parts = file_name.rsplit(".", 2)
    if len(parts) != 3 or parts[2] != "pdf" or not parts[0] or not KEY_PATTERN.fullmatch(parts[1]):
        return None
    return parts[0], parts[1]


def looks_like_pdf(data: bytes) -> bool:
    """A whole PDF file: its header first and its end-of-file marker last (a cut-off copy fails)."""
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


class PdfCache:
    """A folder of clean PDFs by name and inputs key; `None` as the folder keeps nothing."""

    def __init__(self, folder: Path | None, *, project: Path) -> None:
        self.folder = folder
        # Inside the project one PDF per name is kept; a cache shared by several projects keeps them all.
        self.prune = folder is not None and folder.resolve().is_relative_to(project.resolve())

    def path(self, name: str, key: str) -> Path | None:
        return self.folder / cache_file_name(name, key) if self.folder else None

    def get(self, name: str, key: str) -> bytes | None:
        path = self.path(name, key)
        try:
            return path.read_bytes() if path else None
        except OSError:
            return None

    def has(self, name: str, key: str) -> bool:
        path = self.path(name, key)
        return path is not None and path.is_file()

    def put(self, name: str, key: str, data: bytes) -> None:
        path = self.path(name, key)
        if path is None:
            return
        if self.prune:
            for stale in path.parent.glob(f"{name}.*.pdf"):
                stale.unlink(missing_ok=True)
        write_atomically(path, data)

    def get_or_render(self, entries: Sequence[tuple[str, str]], job: Callable[[int], PdfJob], *,
                      advance: Callable[[], None], render: Render = render_pdfs) -> list[bytes | RenderedPdf]:
        """Each (name, key)'s PDF: its cached bytes, or what `render` made of `job(i)` (asked for only then,
        so a cached PDF costs no HTML and no QR code; the masks of the codes it prints are kept beside the
        PDFs, see `qr_masks`). A PDF made without warnings is put in the cache."""
        found = [self.get(name, key) for name, key in entries]
        todo = [i for i, pdf in enumerate(found) if pdf is None]
        for _found in range(len(found) - len(todo)):
            advance()
        rendered: dict[int, RenderedPdf] = {}
        if todo:  # nothing to make: no renderer is called, so no PDF worker starts (each imports WeasyPrint)
            with qr_masks_kept_in(self.folder):  # the HTML made for them prints QR codes
                rendered = dict(zip(todo, render(_Jobs(job, todo), advance=advance), strict=True))
        for i, result in rendered.items():
            if not result.warnings:
                self.put(*entries[i], result.data)
        return [pdf if pdf is not None else rendered[i] for i, pdf in enumerate(found)]


class _Jobs(Sequence[PdfJob]):
    """The jobs of the PDFs to make, each made when first read: a handbook's HTML can then be made in the thread
    that renders it, beside the others (`render_handbooks`); `render_pdfs` reads them all at once."""

    def __init__(self, job: Callable[[int], PdfJob], indices: list[int]) -> None:
        self._job, self._indices = job, indices
        self._made: dict[int, PdfJob] = {}

    def __len__(self) -> int:
        return len(self._indices)

    def __getitem__(self, n: int) -> PdfJob:  # type: ignore[override]
        made = self._made.get(n)
        if made is None:
            made = self._made[n] = self._job(self._indices[n])
        return made
