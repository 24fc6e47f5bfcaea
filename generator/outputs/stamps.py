"""Content-addressed stamps: a digest of a stage's inputs (never its output), and the small record kept under it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator.outputs.tree import write_atomically

STAMPS_DIR = Path(".polmas/stamps")
"""One JSON file per stage; deleting the folder (or a corrupt file) only costs a rebuild."""
TOOLS = ("mkdocs", "mkdocs-material", "weasyprint", "pustaka-polmas")
"""Whose versions every stamp holds: a new engine or a new generator renders differently."""


def tool_versions() -> dict[str, str]:
    """The installed version of every tool in TOOLS ('' when one is not installed as a distribution)."""
    found = {}
    for name in TOOLS:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = ""
    return found


class InputDigest:
    """A running sha256 over named parts: texts, JSON values, files and folders (each part framed by its name)."""

    def __init__(self, purpose: str) -> None:
        self._hash = hashlib.sha256(purpose.encode("utf-8") + b"\0")
        self.json("tools", tool_versions())

    def text(self, name: str, value: str) -> InputDigest:
        data = value.encode("utf-8")
        self._hash.update(f"{name}\0{len(data)}\0".encode() + data)
        return self

    def json(self, name: str, value: Any) -> InputDigest:
        return self.text(name, json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")))

    def file(self, name: str, path: Path) -> InputDigest:
        """A file's bytes; a missing file counts as a part of its own (so creating it changes the digest)."""
        data = path.read_bytes() if path.is_file() else None
        marker = b"-" if data is None else str(len(data)).encode()
        self._hash.update(f"{name}\0".encode() + marker + b"\0" + (data or b""))
        return self

    def tree(self, name: str, folder: Path, *, skip: Iterable[str] = ()) -> InputDigest:
        """Every file under `folder` with its relative path (hidden folders and `skip` prefixes left out)."""
        skipped = tuple(skip)
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            if rel.startswith(skipped) or any(part.startswith(".") for part in rel.split("/")[:-1]):
                continue
            self.file(f"{name}/{rel}", path)
        return self

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def read_stamp(project: Path, stage: str) -> dict[str, Any] | None:
    """The stage's stamp, or None when it is missing or unreadable (a corrupt stamp only costs a rebuild)."""
    path = project / STAMPS_DIR / f"{stage}.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def write_stamp(project: Path, stage: str, value: dict[str, Any]) -> None:
    """Replace the stage's stamp atomically: a build stopped half-way leaves the old stamp or the new one."""
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    write_atomically(project / STAMPS_DIR / f"{stage}.json", data.encode("utf-8"))


def forget_stamp(project: Path, stage: str) -> None:
    (project / STAMPS_DIR / f"{stage}.json").unlink(missing_ok=True)
