"""admin/config.yml (Decap CMS) is generated from the models: committed, in sync, and every widget as the model says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from generator.load.site import read_site_config
from generator.model import KINDS, KINDS_BY_NAME
from generator.model.glossary import Glossary
from generator.outputs.editor_config import EDITOR_CONFIG, editor_config, render_editor_config


def _committed(repo: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((repo / EDITOR_CONFIG).read_text(encoding="utf-8"))
    return data


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(fields: list[dict[str, Any]], *path: str) -> dict[str, Any]:
    found = next(f for f in fields if f["name"] == path[0])
    return _field(found.get("fields") or [found["field"]], *path[1:]) if len(path) > 1 else found


def test_committed_config_is_what_the_models_and_mkdocs_yml_give(repo: Path) -> None:
    site = read_site_config(repo)
    assert not isinstance(site, Exception) and hasattr(site, "editor")
    expected = render_editor_config(editor_config(backend=site.editor))
    assert (repo / EDITOR_CONFIG).read_text(encoding="utf-8") == expected, \
        "run `polmas editor-config` and commit admin/config.yml"


def test_backend_comes_from_mkdocs_yml_and_local_editing_uses_decap_server(repo: Path) -> None:
    config = _committed(repo)
    assert config["backend"] == {"name": "github", "repo": "contoh/pustaka-polmas", "branch": "main"}
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
    assert config["locale"] == "id"


def test_a_collection_per_kind_and_the_glossary_but_none_for_private_contacts(repo: Path) -> None:
    config = _committed(repo)
    names = [c["name"] for c in config["collections"]]
    assert names == [*(kind.name for kind in KINDS), "glossary"]
    for kind in KINDS:
        assert _collection(config, kind.name)["folder"] == kind.folder
    assert _collection(config, "glossary")["files"][0]["file"] == "data/glossary.yaml"
    assert not any("private" in yaml.safe_dump(c) for c in config["collections"])


def _model_of(name: str) -> type[BaseModel]:
    return Glossary if name == "glossary" else KINDS_BY_NAME[name].model


def _check_fields(model: type[BaseModel], fields: list[dict[str, Any]], where: str) -> None:
    """Same fields in the same order, each with an Indonesian label and hint, required as the model says."""
    names = [info.alias or name for name, info in model.model_fields.items()]
    assert [f["name"] for f in fields] == names, where
    for field, info in zip(fields, model.model_fields.values(), strict=True):
        assert field["label"] == info.title and info.title, f"{where}.{field['name']}: the model field has no title"
        assert field["hint"] == info.description and info.description, f"{where}.{field['name']}: no description"
        assert field.get("required", True) is info.is_required(), f"{where}.{field['name']}"
        if field["widget"] == "object":
            nested = info.annotation
            nested = next(a for a in getattr(nested, "__args__", (nested,)) if a is not type(None))
            if isinstance(nested, type) and issubclass(nested, BaseModel):
                _check_fields(nested, field["fields"], f"{where}.{field['name']}")


@pytest.mark.parametrize("name", [*(kind.name for kind in KINDS), "glossary"])
def test_fields_follow_the_model_with_indonesian_labels_and_hints(repo: Path, name: str) -> None:
    collection = _collection(_committed(repo), name)
    fields = collection["files"][0]["fields"] if "files" in collection else collection["fields"]
    _check_fields(_model_of(name), fields, name)


def test_widgets_say_what_the_model_says(repo: Path) -> None:
    guideline = _collection(_committed(repo), "guideline")["fields"]
    assert _field(guideline, "phase") == {
        "name": "phase", "label": "Tahap", "hint": "pencegahan, penanganan atau pasca (pemulihan)",
        "widget": "select", "options": ["pencegahan", "penanganan", "pasca"]}
    situations = _field(guideline, "situations")
    assert (situations["widget"], situations["collection"], situations["multiple"], situations["min"]) == (
        "relation", "situation", True, 1)
    assert _field(guideline, "legal_basis", "ref")["collection"] == "legal"
    assert _field(guideline, "steps")["widget"] == "list"
    assert _field(guideline, "steps", "legal_basis", "ref")["collection"] == "legal"
    assert _field(guideline, "notes")["widget"] == "markdown"
    published = _field(guideline, "published")
    assert (published["widget"], published["format"], published["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    assert _field(guideline, "status")["default"] == "draf"
    forum = _collection(_committed(repo), "forum")["fields"]
    assert _field(forum, "handbook", "local_notes", "guideline")["collection"] == "guideline"
    assert _field(forum, "bkpm")["collection"] == "place"
    assert _field(forum, "handbook", "foreword")["widget"] == "markdown"
    place = _collection(_committed(repo), "place")["fields"]
    assert _field(place, "area")["collection"] == "area"
    assert _field(place, "location", "lat")["min"] == -11.5
    assert _field(place, "class")["widget"] == "select"


def test_every_reference_to_one_kind_is_a_relation_on_that_kind(repo: Path) -> None:
    """The knowledge base resolves `Ref` fields; the editor lets a coordinator pick those ids from a list."""
    config = _committed(repo)
    for kind in KINDS:
        fields = _collection(config, kind.name)["fields"]
        relations = {path: f["collection"] for path, f in _config_paths(fields) if f["widget"] == "relation"}
        expected = {path: ref.kinds[0] for path, ref in _ref_paths(kind.model) if ref.kinds[0] in KINDS_BY_NAME}
        assert relations == expected, kind.name
    assert _field(_collection(config, "guideline")["fields"], "related")["widget"] == "list"  # any item: ids


def _config_paths(fields: list[dict[str, Any]], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    for field in fields:
        path = f"{prefix}{field['name']}"
        found.append((path, field))
        found += _config_paths(field.get("fields", []), f"{path}.")
    return found


def _ref_paths(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Any]]:
    from generator.model.common import Ref

    found = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{info.alias or name}"
        found += [(path, meta) for meta in info.metadata if isinstance(meta, Ref)]
        for nested in _models_in(info.annotation):
            found += _ref_paths(nested, f"{path}.")
    return found


def _models_in(annotation: Any) -> set[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    return {m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)}
