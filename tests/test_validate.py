"""Every bad-input case in tests/cases/invalid/<kind>/ gives exactly its expected messages, in Indonesian and in
English (add a case = add a file with its `# expect[id]:` and `# expect[en]:` lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.validate import validate_record
from generator.i18n import LANGUAGES, Language, use_language
from generator.load.source import SourceFile, parse_yaml_text
from generator.model import KINDS_BY_NAME
from tests.conftest import read_case

CASES = sorted((Path(__file__).parent / "cases" / "invalid").glob("*/*.yaml"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_invalid_case(case: Path, lang: Language) -> None:
    text, expected = read_case(case)
    # The `# expect[…]:` lines sit atop the file; strip them so the line numbers in them count from the YAML.
    yaml_text = "\n".join(line for line in text.splitlines() if not line.startswith("# expect[")) + "\n"
    src_path = f"{KINDS_BY_NAME[case.parent.name].folder}/{case.name}"
    with use_language(lang):
        source = parse_yaml_text(yaml_text, src_path)
        assert isinstance(source, SourceFile)
        _, problems = validate_record(source, KINDS_BY_NAME[case.parent.name])
    assert sorted(p.format() for p in problems) == sorted(f"{src_path}:{line}" for line in expected[lang])
    assert expected[lang], f"a case must say what it expects in {lang}"
    assert len(expected["id"]) == len(expected["en"]), "a case expects as many Indonesian messages as English ones"
