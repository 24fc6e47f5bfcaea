"""A record's text fields (title, summary, steps' text, …) by path: what an edition's word diff compares."""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

from pydantic import BaseModel, StringConstraints

from generator.load.source import KeyPath, _dotted

LEFT_OUT = frozenset({"history"})
"""Fields that record changes rather than say something; a diff of them would only repeat the diff."""


def text_fields(model: BaseModel) -> dict[str, str]:
    """'steps[2].text' → its text, for every field written as prose (Text, Markdown, Summary), in field order.

    Ids, references, choices from a list and dates are left out: they are not words a reader compares.
    """
    return dict(_walk(model, ()))


def _walk(model: BaseModel, path: KeyPath) -> typing.Iterator[tuple[str, str]]:
    for name, key, prose in _fields(type(model)):
        if not path and name in LEFT_OUT:
            continue
        yield from _value(getattr(model, name), (*path, key), prose)


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """Each field's name, key in the file, and whether it is prose: worked out once per model."""
    return tuple((name, info.alias or name, _is_prose(info.annotation, info.metadata))
                 for name, info in model.model_fields.items())


def _value(value: Any, path: KeyPath, prose: bool) -> typing.Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        yield from _walk(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _value(item, (*path, index), prose)
    elif isinstance(value, str) and prose:
        yield _dotted(path), value


def _is_prose(annotation: Any, metadata: list[Any]) -> bool:
    """Constrained text (the Text, Markdown, Summary and Code types), however it is wrapped (list, Optional)."""
    if any(isinstance(meta, StringConstraints) for meta in metadata):
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_prose(typing.get_args(annotation)[0], list(annotation.__metadata__))
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        return any(_is_prose(arg, []) for arg in typing.get_args(annotation))
    return False
