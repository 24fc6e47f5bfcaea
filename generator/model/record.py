"""Record: one validated model instance of a kind, with the file it came from (for messages)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, overload

from pydantic import BaseModel
from typing_extensions import TypeVar

from generator.load.source import SourceFile
from generator.model import Kind

ModelT = TypeVar("ModelT", bound=BaseModel, covariant=True, default=Any)
"""The record's model; a bare `Record` (any kind) leaves it unchecked, `Record[Situation]` types `.data`."""
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Record(Generic[ModelT]):
    """One validated item with the file it came from."""

    kind: Kind
    data: ModelT
    source: SourceFile

    @property
    def id(self) -> str:
        return str(getattr(self.data, "id"))  # noqa: B009 (every kind has an id; BaseModel does not say so)

    @property
    def title(self) -> str:
        return str(getattr(self.data, "title", None) or getattr(self.data, "name", self.id))


Records = Mapping[str, Record]
"""Records by id: what checks across records read (the KnowledgeBase is built after them)."""


@overload
def of_kind(records: Records, kind: type[M]) -> list[Record[M]]: ...
@overload
def of_kind(records: Records, kind: str) -> list[Record]: ...


def of_kind(records: Records, kind: type[BaseModel] | str) -> list[Record[Any]]:
    """Records of one kind (its model, for typed data, or its name) in a stable order (by id)."""
    chosen = [r for r in records.values() if (r.kind.name == kind if isinstance(kind, str) else r.kind.model is kind)]
    return sorted(chosen, key=lambda r: r.id)


def as_kind(record: Record, kind: type[M]) -> Record[M]:
    """The same record with its data typed as `kind`; a record of another kind is a programming error."""
    if not isinstance(record.data, kind):
        raise TypeError(f"'{record.id}' is a {record.kind.name}, not a {kind.__name__}")
    return record
