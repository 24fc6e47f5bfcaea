"""Loaded data → model instances, with every validation error turned into a Problem."""

from __future__ import annotations

import re
import types
import typing
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load.source import KeyPath, SourceFile, _dotted
from generator.model import Kind
from generator.model.common import IfMissing
from generator.problems import Problem, suggest

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_record(source: SourceFile, kind: Kind) -> tuple[BaseModel | None, list[Problem]]:
    """Validate one file's data as `kind`; the file name must be the record's id."""
    if not isinstance(source.data, dict):
        return None, [Problem(
            source.src_path, 1, 1, "",
            f"expected 'key: value' lines describing one {kind.name}, found {_describe(source.data)}",
        )]
    record, problems = validate_model(source, kind.model)
    if record is None:
        return None, problems
    stem = PurePosixPath(source.src_path).stem
    record_id: str = getattr(record, "id")  # noqa: B009 (every kind has an id; BaseModel does not say so)
    if record_id != stem:
        line, column = source.position(("id",))
        problems.append(Problem(
            source.src_path, line, column, "id",
            f"'{record_id}' does not match the file name '{stem}.yaml'; rename the file or change the id",
        ))
    return record, problems


def validate_model(source: SourceFile, model: type[ModelT]) -> tuple[ModelT | None, list[Problem]]:
    """Validate a file's data as `model`; every error becomes a Problem at its line and column."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        return None, [_problem_from_error(error, source, model) for error in exc.errors()]


def _problem_from_error(error: ErrorDetails, source: SourceFile, model: type[BaseModel]) -> Problem:
    # '[key]' marks a bad key of a mapping (an attendance element); the key itself is where it stands.
    loc: KeyPath = tuple(part for part in error["loc"] if isinstance(part, (str, int)) and part != "[key]")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if "field" in ctx:  # a model's own check names the field to point at, inside the model that failed
        loc = (*loc, ctx["field"])
    kind = error["type"]
    line, column = source.position(loc, of_key=kind == "extra_forbidden" or "[key]" in error["loc"])
    return Problem(source.src_path, line, column, _dotted(loc), _message(error, loc, source, model))


def _message(error: ErrorDetails, loc: KeyPath, source: SourceFile, model: type[BaseModel]) -> str:
    kind, value, ctx = error["type"], error.get("input"), dict(error.get("ctx") or {})
    raw = source.raw(loc)
    if kind == "missing":
        hint = _missing_hint(model, loc)
        return f"required field '{loc[-1]}' is missing; add it" + (f": {hint}" if hint else "")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return (
            f"unknown field '{loc[-1]}'{suggest(loc[-1], allowed)}; "
            f"allowed here: {', '.join(allowed)}"
        )
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"'{value}' is not one of {', '.join(allowed)}{suggest(value, allowed)}"
    if kind == "string_type":
        if raw is not None and value is not None:
            return f"expected text, but {raw} reads as {_describe(value)}; put it in quotes: \"{raw}\""
        return f"expected text, found {_describe(value)}"
    if kind in ("list_type",):
        return f"expected a list (lines starting with '- '), found {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected 'key: value' lines, found {_describe(value)}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"expected a date written YYYY-MM-DD (e.g. 2025-03-17), found {raw or value!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {raw or value!r}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, found {raw or value!r}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(str(value))} characters long; at most {ctx.get('max_length')} are allowed (shorten it)"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entr{'y' if ctx.get('min_length') == 1 else 'ies'}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} entries; at most {ctx.get('max_length')} are allowed (remove some)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{value!r} is out of range ({error['msg'].lower()})"
    if kind.startswith("url"):
        return f"'{value}' is not a web address; write it in full, starting with https://"
    return error["msg"]


def _describe(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    return f"a {type(value).__name__}"


def _fields_at(model: type[BaseModel], path: KeyPath) -> list[str]:
    """Allowed keys of the (sub)model found by following `path` from `model`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        if part not in fields:
            return []
        current = _model_in(fields[part].annotation)
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _missing_hint(model: type[BaseModel], path: KeyPath) -> str | None:
    """The field's IfMissing hint, when its model gives one (a decision's owner: a role, not a name)."""
    current: Any = _model_at(model, path[:-1])
    field = current.model_fields.get(path[-1]) if current is not None else None
    hints = [m.hint for m in field.metadata if isinstance(m, IfMissing)] if field is not None else []
    return hints[0] if hints else None


def _model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field is not None else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside list[X], X | None, Annotated[X, …], or X itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
