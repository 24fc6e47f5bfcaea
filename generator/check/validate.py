"""Loaded data → model instances, with every validation error turned into a Problem."""

from __future__ import annotations

import re
import types
import typing
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.i18n import _, ngettext
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
            _("expected 'key: value' lines describing one {kind}, found {found}").format(
                kind=kind.name, found=_describe(source.data)),
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
            _("'{id}' does not match the file name '{name}'; rename the file or change the id").format(
                id=record_id, name=f"{stem}.yaml"),
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
        text = _("required field '{field}' is missing; add it").format(field=loc[-1])
        return f"{text}: {hint}" if hint else text
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return _("unknown field '{field}'{suggestion}; allowed here: {allowed}").format(
            field=loc[-1], suggestion=suggest(loc[-1], allowed), allowed=", ".join(allowed))
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return _("'{value}' is not one of {allowed}{suggestion}").format(
            value=value, allowed=", ".join(allowed), suggestion=suggest(value, allowed))
    if kind == "string_type":
        if raw is not None and value is not None:
            return _('expected text, but {raw} reads as {found}; put it in quotes: "{raw}"').format(
                raw=raw, found=_describe(value))
        return _("expected text, found {found}").format(found=_describe(value))
    return _simple_message(error, kind, value, raw, ctx)


def _simple_message(error: ErrorDetails, kind: str, value: object, raw: str | None, ctx: dict[str, Any]) -> str:
    """The messages that need only the value: lists, groups, dates, numbers, lengths, web addresses."""
    found = repr(raw or value)
    if kind in ("list_type",):
        return _("expected a list (lines starting with '- '), found {found}").format(found=_describe(value))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _("expected 'key: value' lines, found {found}").format(found=_describe(value))
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return _("expected a date written YYYY-MM-DD (e.g. 2025-03-17), found {found}").format(found=found)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("expected a whole number, found {found}").format(found=found)
    if kind in ("float_type", "float_parsing"):
        return _("expected a number, found {found}").format(found=found)
    if kind == "string_too_short":
        return _("must not be empty")
    if kind == "string_too_long":
        return _("is {length} characters long; at most {most} are allowed (shorten it)").format(
            length=len(str(value)), most=ctx.get("max_length"))
    if kind == "too_short":
        least = int(ctx.get("min_length") or 0)
        return ngettext("needs at least {least} entry", "needs at least {least} entries", least).format(least=least)
    if kind == "too_long":
        return _("has {actual} entries; at most {most} are allowed (remove some)").format(
            actual=ctx.get("actual_length"), most=ctx.get("max_length"))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _("{value!r} is out of range ({limit})").format(value=value, limit=_limit(kind, ctx))
    if kind.startswith("url"):
        return _("'{value}' is not a web address; write it in full, starting with https://").format(value=value)
    return error["msg"]


def _limit(kind: str, ctx: dict[str, Any]) -> str:
    """Pydantic's bound in our words ('input should be greater than or equal to 1' in the coordinator's language)."""
    limits = {
        "greater_than_equal": _("input should be greater than or equal to {limit}"),
        "less_than_equal": _("input should be less than or equal to {limit}"),
        "greater_than": _("input should be greater than {limit}"),
        "less_than": _("input should be less than {limit}"),
    }
    keys = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt", "less_than": "lt"}
    bound = ctx.get(keys[kind])
    return limits[kind].format(limit=bound)


def _describe(value: object) -> str:
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("a yes/no value ({value})").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("a number ({value})").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of 'key: value' lines")
    if isinstance(value, str):
        return _("the text '{value}'").format(value=value[:40])
    return _("a {type}").format(type=type(value).__name__)


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
    hints = [_(m.hint) for m in field.metadata if isinstance(m, IfMissing)] if field is not None else []
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
