"""JSON Schema per kind, for editors (VS Code's YAML extension) to validate as a coordinator types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.check.calendar import EVENTS_FILE
from generator.check.glossary import GLOSSARY_FILE
from generator.model import KINDS
from generator.model.calendar import EventTable
from generator.model.glossary import Glossary


def schema_for(kind_name: str) -> dict[str, Any]:
    kind = next(k for k in KINDS if k.name == kind_name)
    schema = kind.model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Pustaka Polmas: {kind.name} ({kind.folder}/)"
    return schema


def glossary_schema() -> dict[str, Any]:
    return _file_schema(Glossary, "glossary", GLOSSARY_FILE)


def events_schema() -> dict[str, Any]:
    return _file_schema(EventTable, "events", EVENTS_FILE)


def _file_schema(model: type[BaseModel], name: str, file: str) -> dict[str, Any]:
    """The schema of a single project file that is not a record of a kind."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Pustaka Polmas: {name} ({file})"
    return schema


def write_schemas(target: Path) -> list[Path]:
    """Write `<kind>.schema.json` for every kind, glossary.schema.json and events.schema.json; returns them."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    schemas = [(kind.name, schema_for(kind.name)) for kind in KINDS]
    schemas += [("glossary", glossary_schema()), ("events", events_schema())]
    for name, schema in schemas:
        path = target / f"{name}.schema.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
