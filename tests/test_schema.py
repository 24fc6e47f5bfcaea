"""JSON Schemas: one per kind, committed, up to date with the model, and valid for every sample file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.model import KINDS
from generator.outputs.schema import schema_for


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_committed_schema_matches_the_model(repo: Path, kind: str) -> None:
    committed = json.loads((repo / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(schema_for(kind))), "run `make schema` and commit schemas/"


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_sample_files_validate_against_their_schema(repo: Path, kind: Any) -> None:
    schema = json.loads((repo / "schemas" / f"{kind.name}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((repo / kind.folder).glob("*.yaml"))
    assert files, f"no sample files in {kind.folder}"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind.name}.schema.json\n"), path
        errors = [e.message for e in validator.iter_errors(_as_json(yaml.safe_load(text)))]
        assert errors == [], path


def test_schema_rejects_what_the_model_rejects(repo: Path) -> None:
    schema = json.loads((repo / "schemas" / "guideline.schema.json").read_text(encoding="utf-8"))
    bad = {"id": "x", "title": "t", "summary": "s", "phase": "sometime", "situations": ["a"],
           "standard": "s", "steps": [{"text": "t", "actor": "a"}], "extra": 1}
    messages = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert any("'sometime' is not one of" in m for m in messages)
    assert any("'extra' was unexpected" in m for m in messages)
