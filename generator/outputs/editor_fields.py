"""Decap CMS field definitions (label, hint, widget) derived from a pydantic model, field by field, in model order."""

from __future__ import annotations

import datetime
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Gt, Le, MaxLen, MinLen
from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo

from generator.model import KINDS_BY_NAME
from generator.model.common import SLUG_PATTERN, Ref, Slug

DATE_FORMAT = "YYYY-MM-DD"
"""How dates are stored and shown (moment.js tokens): the same form `polmas check` asks for."""
TITLE_FIELDS = ("title", "name", "term", "id")
"""A record's human name, in order of preference: what relation widgets and lists show."""

SUMMARY_FIELDS = ("title", "name", "term", "text", "what", "decision", "role", "ref", "guideline", "number")
"""The field that names an entry of a list in its collapsed row (a step by its text, a citation by its ref)."""
Widget = dict[str, Any]
_SLUG_CHECK = get_args(Slug)[1]
"""The validator that marks an id field (a Slug), to give its widget the id pattern."""


def model_fields(model: type[BaseModel]) -> list[Widget]:
    """One Decap field per model field, in the model's order (so the editor writes keys in that order)."""
    return [field_widget(info.alias or name, info) for name, info in model.model_fields.items()]


def field_widget(name: str, info: FieldInfo) -> Widget:
    """The Decap field of one model field: its label, hint, widget, and whether it must be filled."""
    widget: Widget = {"name": name, "label": info.title or name}
    if info.description:
        widget["hint"] = info.description
    widget |= _widget(info.annotation, [*info.metadata, info])
    if not info.is_required():
        widget["required"] = False
        default = info.get_default(call_default_factory=True)
        if default not in (None, [], {}) and not isinstance(default, BaseModel):
            widget["default"] = default
    return widget


def title_field(model: type[BaseModel]) -> str:
    """The field that names a record of `model` for people (title, name, …, or its id)."""
    return next(name for name in TITLE_FIELDS if name in model.model_fields)


def _widget(annotation: Any, extras: list[Any]) -> Widget:
    """The widget options for a type; `extras` holds the Annotated metadata collected on the way down."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        return _widget(base, [*extras, *meta])
    if origin in (Union, types.UnionType):
        (single,) = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _widget(single, extras)
    if origin is list:
        return _list_widget(get_args(annotation)[0], extras)
    if origin is dict:
        return _dict_widget(*get_args(annotation))
    if origin is Literal:
        options = list(get_args(annotation))
        return {"widget": "hidden", "default": options[0]} if len(options) == 1 else {
            "widget": "select", "options": options}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": model_fields(annotation)}
    return _scalar_widget(annotation, extras)


def _list_widget(item: Any, extras: list[Any]) -> Widget:
    refs = [meta for meta in extras if isinstance(meta, Ref)]
    inner = _widget(item, refs)
    bounds = {key: meta.min_length for meta in extras if isinstance(meta, MinLen) for key in ("min",)}
    if inner["widget"] in ("relation", "select"):
        return {**inner, "multiple": True, **bounds}
    if inner["widget"] == "object":
        shown = next((f["name"] for f in inner["fields"] if f["name"] in SUMMARY_FIELDS), inner["fields"][0]["name"])
        return {"widget": "list", "collapsed": False, "summary": "{{fields." + shown + "}}", "fields": inner["fields"],
                **bounds}
    return {"widget": "list", "collapsed": False, "field": {"name": "isi", "label": "Isi", **inner}, **bounds}


def _dict_widget(key: Any, value: Any) -> Widget:
    """A table keyed by an enumeration (attendance by element) is an object with one field per key."""
    if get_origin(key) is Literal:
        return {"widget": "object", "collapsed": True, "fields": [
            {"name": option, "label": option, "required": False, **_widget(value, [])}
            for option in get_args(key)
        ]}
    return {"widget": "hidden"}  # free-form data such as GeoJSON: kept as it is, not edited in a form


def _scalar_widget(annotation: Any, extras: list[Any]) -> Widget:
    ref = next((meta for meta in extras if isinstance(meta, Ref)), None)
    if ref is not None and len(ref.kinds) == 1 and ref.kinds[0] in KINDS_BY_NAME:
        target = KINDS_BY_NAME[ref.kinds[0]].model
        shown = title_field(target)
        return {"widget": "relation", "collection": ref.kinds[0], "value_field": "id",
                "search_fields": sorted({"id", shown}), "display_fields": [shown, "id"], "options_length": 100}
    if annotation is datetime.date:
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False,
                "picker_utc": True}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation in (int, float):
        return {"widget": "number", "value_type": annotation.__name__, **_number_bounds(extras)}
    if annotation is HttpUrl:
        return {"widget": "string", "pattern": ["^https?://", "Tulis alamat lengkap, diawali https://"]}
    if any(_is_markdown(meta) for meta in extras):
        return {"widget": "markdown", "buttons": ["bold", "italic", "link", "bulleted-list", "numbered-list"],
                "editor_components": [], "modes": ["rich_text", "raw"]}
    if any(isinstance(meta, MaxLen) or getattr(meta, "max_length", None) for meta in extras):
        return {"widget": "text"}  # a summary: a few lines, shown in search results
    if ref is None and _SLUG_CHECK in extras:
        return {"widget": "string", "pattern": [SLUG_PATTERN.pattern, "Huruf kecil, angka dan tanda hubung, "
                                                "mis. 'tawuran-pelajar'"]}
    return {"widget": "string"}


def _number_bounds(extras: list[Any]) -> Widget:
    bounds: Widget = {}
    for meta in extras:
        for attribute, key, shift in (("ge", "min", 0), ("gt", "min", 1), ("le", "max", 0)):
            value = getattr(meta, attribute, None)
            if isinstance(meta, Ge | Gt | Le) and value is not None:
                bounds[key] = value + shift
    return bounds


def _is_markdown(meta: Any) -> bool:
    return isinstance(meta, FieldInfo) and meta.json_schema_extra == {"format": "markdown"}

