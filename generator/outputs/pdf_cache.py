"""PDFs kept under the key of their inputs (`<cache>/<name>.<key>.pdf`): a rebuild finds them without rendering."""

from __future__ import annotations

from pathlib import Path

from generator.outputs.tree import write_atomically


class PdfCache:
    """A folder of clean PDFs by name and inputs key; `None` as the folder keeps nothing."""

    def __init__(self, folder: Path | None, *, project: Path) -> None:
        self.folder = folder
        # Inside the project one PDF per name is kept; a cache shared by several projects keeps them all.
        self.prune = folder is not None and folder.resolve().is_relative_to(project.resolve())

    def path(self, name: str, key: str) -> Path | None:
        return self.folder / f"{name}.{key}.pdf" if self.folder else None

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
