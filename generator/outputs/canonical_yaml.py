"""The canonical form of a record's YAML file (`polmas fmt`): keys in model order, one way to write each value.

The browser editor (Decap CMS) writes YAML its own way: its own quoting and line folding, empty strings for
cleared fields, no comment line. The canonical form depends on the data alone, so a file saved by the editor
and formatted again is byte-identical to the one it opened, and a changed field changes only its own lines.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import AnyUrl, BaseModel, ValidationError

from generator.check.calendar import EVENTS_FILE
from generator.check.glossary import GLOSSARY_FILE
from generator.model import KINDS
from generator.model.calendar import EventTable
from generator.model.glossary import Glossary

SCHEMA_LINE = "# yaml-language-server: $schema={path}\n"
"""The first line of every file: VS Code's YAML extension checks and completes fields with the schema it names."""
SINGLE_FILES: dict[str, tuple[type[BaseModel], str]] = {
    GLOSSARY_FILE: (Glossary, "glossary"), EVENTS_FILE: (EventTable, "events"),
}


def model_of(src_path: str) -> tuple[type[BaseModel], str] | None:
    """The model and schema name of a project file (relative posix path), or None when it holds no record."""
    if src_path in SINGLE_FILES:
        return SINGLE_FILES[src_path]
    folder, _, name = src_path.rpartition("/")
    if not name.endswith(".yaml"):
        return None
    return next(((kind.model, kind.name) for kind in KINDS if kind.folder == folder), None)


def canonical_text(src_path: str, text: str) -> str | None:
    """The canonical form of a file's text, or None when it is not YAML of a known model (then leave it)."""
    found = model_of(src_path)
    if found is None:
        return None
    model, schema = found
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    ordered = _canonical_data(model, _without_empty(data))
    depth = src_path.count("/")
    header = SCHEMA_LINE.format(path="../" * depth + f"schemas/{schema}.schema.json")
    return header + yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000,
                              default_flow_style=False)


def format_file(project: Path, src_path: str) -> bool:
    """Rewrite one file in canonical form; True when it changed."""
    path = project / src_path
    text = path.read_text(encoding="utf-8-sig")
    formatted = canonical_text(src_path, text)
    if formatted is None or formatted == text:
        return False
    temp = path.with_name(f".{path.name}.fmt")
    temp.write_text(formatted, encoding="utf-8")
    os.replace(temp, path)
    return True


def record_files(project: Path) -> list[str]:
    """Every file `polmas fmt` formats, as project-relative posix paths, sorted."""
    found = [f"{kind.folder}/{path.name}" for kind in KINDS for path in (project / kind.folder).glob("*.yaml")]
    found += [name for name in SINGLE_FILES if (project / name).is_file()]
    return sorted(found)


def _canonical_data(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """The data as the model reads it (types coerced), keys in model order; invalid data keeps its values."""
    try:
        valid = model.model_validate(data)
    except ValidationError:
        return _ordered(model, data)
    return _ordered(model, valid.model_dump(mode="python", by_alias=True, exclude_unset=True))


def _ordered(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """Keys in model order, nested models too, then any keys the model does not know (the checker reports those)."""
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    known = {key: _ordered_value(fields[key].annotation, data[key]) for key in fields if key in data}
    return known | {key: value for key, value in data.items() if key not in fields}


def _ordered_value(annotation: Any, value: Any) -> Any:
    nested = _model_in(annotation)
    if nested is None:
        return value
    if isinstance(value, dict):
        return _ordered(nested, value)
    if isinstance(value, list):
        return [_ordered(nested, item) if isinstance(item, dict) else item for item in value]
    return value


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (itself, in a list, or optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in get_args(annotation) if (found := _model_in(arg)) is not None), None)


def _without_empty(value: Any) -> Any:
    """Drop keys that hold nothing ('' or [] or null): the editor writes them for fields left blank."""
    if isinstance(value, dict):
        cleaned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


class _Dumper(yaml.SafeDumper):
    """Block style, list items indented under their key, multi-line text as a literal block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _url(dumper: yaml.SafeDumper, value: AnyUrl) -> yaml.ScalarNode:
    return _text(dumper, str(value))


def _date(dumper: yaml.SafeDumper, value: datetime.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(str, _text)
_Dumper.add_multi_representer(AnyUrl, _url)
_Dumper.add_representer(datetime.date, _date)
