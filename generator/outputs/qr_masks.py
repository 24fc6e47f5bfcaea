"""The masks of the QR codes made before, kept beside the PDF cache: a build that makes a long handbook again
needs no mask chosen for the hundreds of codes it prints (see `render.qr`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import segno

from generator.outputs.tree import write_atomically
from generator.render.qr import known_masks, remember_masks

__all__ = ["MASKS_FILE", "qr_masks_kept_in"]

MASKS_FILE = "qr-masks.json"
"""In the PDF cache's folder: {"segno": version, "masks": {url: mask}}."""


@contextmanager
def qr_masks_kept_in(folder: Path | None) -> Iterator[None]:
    """The masks kept in `folder` are used while making PDFs' HTML; those chosen meanwhile are added to the file.
    A missing or damaged file, or one written by another segno, only costs the time to choose them again."""
    path = folder / MASKS_FILE if folder else None
    if path is not None:
        remember_masks(_read(path))
    before = known_masks()
    yield
    after = known_masks()
    if path is not None and after != before:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"segno": segno.__version__, "masks": dict(sorted(after.items()))}
        write_atomically(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def _read(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("segno") != segno.__version__ or not isinstance(data.get("masks"), dict):
        return {}
    return {str(url): mask for url, mask in data["masks"].items()}
