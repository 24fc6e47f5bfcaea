"""Content-addressed stamps: a digest of a stage's inputs (never its output), and the small record kept under it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator.outputs.tree import write_atomically

STAMPS_DIR = Path(".polmas/stamps")
"""One JSON file per stage; deleting the folder (or a corrupt file) only costs a rebuild."""
PROJECT_INPUTS = ("content", "data", "templates")
"""The folders a build reads, besides mkdocs.yml."""
TOOLS = ("mkdocs", "mkdocs-material", "weasyprint", "pustaka-polmas")
"""Whose versions every stamp holds: a new engine or a new generator renders differently."""


@cache
def tool_versions() -> dict[str, str]:
    """The installed version of every tool in TOOLS ('' when one is not installed as a distribution); read once
    per process (reading a distribution's metadata parses a file)."""
    found = {}
    for name in TOOLS:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = ""
    return found


@cache
def generator_digest() -> str:
    """Our own code, file by file: an editable install keeps its version number while its code changes."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def project_digest(project: Path, *, purpose: str, options: dict[str, Any]) -> str:
    """Every input of a build: mkdocs.yml, content/, data/ and templates/, the tools, and the build's options."""
    digest = InputDigest(purpose).json("options", options).file("mkdocs.yml", project / "mkdocs.yml")
    for folder in PROJECT_INPUTS:
        digest.tree(folder, project / folder)
    return digest.hexdigest()


class InputDigest:
    """A running sha256 over named parts: texts, JSON values, files and folders (each part framed by its name)."""

    def __init__(self, purpose: str) -> None:
        self._hash = hashlib.sha256(purpose.encode("utf-8") + b"\0")
        self.json("tools", tool_versions()).text("generator", generator_digest())

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


def folder_listing_digest(folder: Path) -> str:
    """Each file's path, size and modification time: cheap, and changed by any write, removal or addition."""
    digest = hashlib.sha256()
    if not folder.is_dir():
        return ""
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
