"""Walk a validated record for the ids it names, using the `Ref` metadata on its fields."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.load.source import KeyPath
from generator.model import referable_kinds
from generator.model.common import Ref


@dataclass(frozen=True)
class Reference:
    """`target` is named at `path` and must be an item of one of `kinds`."""

    path: KeyPath
    target: str
    kinds: tuple[str, ...]


def iter_references(model: BaseModel, path: KeyPath = ()) -> Iterator[Reference]:
    """Every id that `model` (and the models nested in it) refers to, in field order."""
    for name, key, ref, nests in _fields(type(model)):
        if ref is None and not nests:
            continue
        value = getattr(model, name)
        if ref is None:
            yield from _nested(value, (*path, key))
        elif isinstance(value, str):
            yield Reference((*path, key), value, referable_kinds(ref.kinds))
        elif isinstance(value, list):
            for index, target in enumerate(value):
                yield Reference((*path, key, index), target, referable_kinds(ref.kinds))


def iter_models(model: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, BaseModel]]:
    """`model` and every model nested in it, with their paths."""
    yield path, model
    for name, key, _ref, nests in _fields(type(model)):
        if nests:
            yield from _nested_models(getattr(model, name), (*path, key))


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str, Ref | None, bool], ...]:
    """Each field's name, its key in the file, its `Ref` marker (None: not a reference) and whether its type can
    hold a model (a text or a number is not walked), once per model."""
    return tuple((name, info.alias or name, next((meta for meta in info.metadata if isinstance(meta, Ref)), None),
                  _holds_models(info.annotation))
                 for name, info in model.model_fields.items())


def _holds_models(annotation: Any) -> bool:
    """Whether a field's type names a model, at any depth (list[Step], Contact | None, ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in typing.get_args(annotation))


def _nested(value: Any, path: KeyPath) -> Iterator[Reference]:
    if isinstance(value, BaseModel):
        yield from iter_references(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested(item, (*path, index))


def _nested_models(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, BaseModel]]:
    if isinstance(value, BaseModel):
        yield from iter_models(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested_models(item, (*path, index))
