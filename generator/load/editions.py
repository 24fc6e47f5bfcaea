"""Published edition manifests (data/editions/<forum>/*.json), read once per run as text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EDITIONS_DIR = "data/editions"
"""Published manifests live in the repository: site/ is rebuilt from scratch, the history must not be."""


@dataclass(frozen=True)
class PublishedFile:
    """One file under data/editions/<forum>/: its text, or why it could not be read."""

    forum_id: str
    src_path: str
    text: str | None
    error: str | None = None


def read_published_files(project: Path) -> list[PublishedFile]:
    """Every *.json under data/editions/<forum>/, by forum and name."""
    root = project / EDITIONS_DIR
    found: list[PublishedFile] = []
    for path in sorted(root.glob("*/*.json")) if root.is_dir() else []:
        rel = path.relative_to(project).as_posix()
        try:
            found.append(PublishedFile(path.parent.name, rel, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            found.append(PublishedFile(path.parent.name, rel, None, str(exc)))
    return found
