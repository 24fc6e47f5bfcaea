"""Generated and mutated YAML for every kind: the loader only ever answers with Problems that carry a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.validate import validate_record
from generator.load.source import SourceFile, parse_yaml_text
from generator.model import KINDS, Kind
from generator.problems import Problem

REPO = Path(__file__).resolve().parents[2]
SEEDS: list[tuple[Kind, str]] = [
    (kind, path.read_text(encoding="utf-8"))
    for kind in KINDS
    for root in (REPO, REPO / "tests" / "golden" / "project")
    for path in sorted((root / kind.folder).glob("*.yaml"))[:3]
]
FIELD_NAMES = sorted({(f.alias or n) for k in KINDS for n, f in k.model.model_fields.items()})
NASTY = ["\t", "\u00a0", ":", "- ", "&a ", "*a", "!!python/object:os.system", "'", '"', "{", "[", "#", "\ufeff",
         "\r\n", "---\n", "%YAML 1.1\n", "? ", "|", ">", "\x00", "\u202e", "19:30", "yes", "~", "1e400"]


def load_everything(text: str, kind: Kind) -> list[Problem]:
    """What `polmas check` does for one file; anything but Problems escaping is a bug."""
    src_path = f"{kind.folder}/fuzz.yaml"
    source = parse_yaml_text(text, src_path)
    if not isinstance(source, SourceFile):
        return source
    return validate_record(source, kind)[1]


def assert_located(problems: list[Problem], text: str) -> None:
    lines = max(1, len(text.splitlines()) + 1)
    for problem in problems:
        assert problem.path.endswith("fuzz.yaml")
        assert 1 <= problem.line <= lines, problem
        assert problem.column >= 1 and problem.message


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Kind, str]:
    kind, text = draw(st.sampled_from(SEEDS))
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "truncate", "replace"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "insert":
            cut = draw(st.integers(0, len(lines[at])))
            junk = draw(st.sampled_from(NASTY) | st.text(max_size=6))
            lines[at] = lines[at][:cut] + junk + lines[at][cut:]
        elif action == "indent":
            lines[at] = draw(st.sampled_from(["  ", " ", "\t", "    "])) + lines[at]
        elif action == "truncate":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        else:
            key = lines[at].split(":")[0]
            lines[at] = f"{key}: {draw(st.sampled_from(NASTY) | st.text(max_size=12))}"
    return kind, "\n".join(lines) + "\n"


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | st.dates()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), inner, max_size=4),
                      max_leaves=12)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_only_give_located_problems(case: tuple[Kind, str]) -> None:
    kind, text = case
    assert_located(load_everything(text, kind), text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(KINDS), st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=12))
def test_generated_records_only_give_located_problems(kind: Kind, data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    assert_located(load_everything(text, kind), text)
