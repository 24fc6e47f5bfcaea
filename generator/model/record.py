"""Record: one validated model instance of a kind, with the file it came from (for messages)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.load.source import SourceFile
from generator.model import Kind


@dataclass(frozen=True)
class Record:
    """One validated item with the file it came from."""

    kind: Kind
    data: Any
    source: SourceFile

    @property
    def id(self) -> str:
        return str(self.data.id)

    @property
    def title(self) -> str:
        return str(getattr(self.data, "title", None) or getattr(self.data, "name", self.id))


Records = Mapping[str, Record]
"""Records by id: what checks across records read (the KnowledgeBase is built after them)."""


def of_kind(records: Records, name: str) -> list[Record]:
    """Records of one kind in a stable order (by id)."""
    return sorted((r for r in records.values() if r.kind.name == name), key=lambda r: r.id)
