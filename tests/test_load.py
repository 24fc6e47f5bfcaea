"""The loader: positions for every key, and plain refusals of what YAML should not do here."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import source as source_module
from generator.load.source import MAX_FILE_BYTES, SourceFile, parse_yaml_text, read_yaml_file


def parsed(text: str) -> SourceFile:
    result = parse_yaml_text(text, "f.yaml")
    assert isinstance(result, SourceFile), result
    return result


def messages(text: str) -> list[str]:
    result = parse_yaml_text(text, "f.yaml")
    assert isinstance(result, list)
    return [p.format() for p in result]


def test_positions_of_nested_keys_and_list_items() -> None:
    source = parsed("id: a\nsteps:\n  - text: one\n    actor: RT\n  - text: two\n")
    assert source.position(("steps", 1, "text")) == (5, 11)
    assert source.position(("steps", 0, "actor"), of_key=True) == (4, 5)
    assert source.position(("steps", 7, "text")) == (3, 3)  # the nearest ancestor that exists: the list


def test_syntax_error_points_at_the_line() -> None:
    assert messages("id: a\ntitle: x: y\n") == [
        "f.yaml:2:9: YAML syntax error: mapping values are not allowed here "
        "(check the indentation and quotes on this line and the one above)"
    ]


def test_duplicate_keys_are_errors_not_silently_overwritten() -> None:
    assert messages("id: a\ntitle: one\ntitle: two\n") == [
        "f.yaml:3:1: title: duplicate key 'title' (first given on line 2); keep only one"
    ]


def test_aliases_are_refused() -> None:
    assert messages("a: &x [1, 2]\nb: *x\n") == [
        "f.yaml:2:4: anchors and aliases (& and *) are not supported; write the value out in full"
    ]


def test_tabs_get_a_hint() -> None:
    [message] = messages("id: a\nsteps:\n\t- x\n")
    assert message.startswith("f.yaml:3:1: YAML syntax error:")
    assert "replace the tab characters with spaces" in message


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffid: a\r\ntitle: Judul\r\n".encode())
    source = read_yaml_file(path, "a.yaml")
    assert isinstance(source, SourceFile)
    assert source.data == {"id": "a", "title": "Judul"}


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES)
    [problem] = read_yaml_file(path, "big.yaml")  # type: ignore[misc]
    assert "at most 1,000,000 are accepted" in problem.message


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"id: a\ntitle: caf\xe9\n")
    [problem] = read_yaml_file(path, "a.yaml")  # type: ignore[misc]
    assert (problem.line, problem.message.split(";")[0]) == (2, "the file is not UTF-8 text")


def test_empty_file() -> None:
    assert messages("# only a comment\n") == ["f.yaml:1:1: the file is empty; an item needs at least an 'id'"]


def test_non_breaking_space_in_indentation_is_named() -> None:
    assert messages("id: a\nsteps:\n  - text: x\n\u00a0 actor: RT\n") == [
        "f.yaml:4:1: the key 'actor' holds a non-breaking space or stray spaces (often pasted from a word "
        "processor); retype the indentation and the key with plain spaces"
    ]


def test_word_processor_text_inside_values_is_kept() -> None:
    source = parsed("title: \u201cJudul\u201d \u2013 tanda\u00a0kutip\n")
    assert source.data == {"title": "\u201cJudul\u201d \u2013 tanda\u00a0kutip"}


def test_alias_bomb_is_refused_at_once() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=False))
    [message] = messages(bomb)
    assert message == "f.yaml:2:8: anchors and aliases (& and *) are not supported; write the value out in full"


def test_100_mb_file_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    import time

    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: no 100 MB written to disk
        handle.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    [problem] = read_yaml_file(path, "huge.yaml")  # type: ignore[misc]
    assert time.perf_counter() - started < 1.0
    assert problem.message == (
        "the file is 104,857,600 bytes; at most 1,000,000 are accepted (split it into one file per item)"
    )


def test_impossible_date_and_unknown_tag_point_at_their_line() -> None:
    assert messages("id: a\npublished: 2025-02-30\n") == [
        "f.yaml:2:12: published: '2025-02-30' cannot be read: day is out of range for month; correct the value"
    ]
    assert messages("id: a\ntitle: !!python/object:os.system x\n") == [
        "f.yaml:2:8: YAML tags (!!…) are not supported here: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object:os.system'; remove the '!!…' part"
    ]


def test_the_fast_parser_reads_every_file_exactly_as_the_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml reads valid files; each must give the same data and the same positions, and every bad case the
    same problems (the Python parser reads those again, for its messages)."""
    repo = Path(__file__).resolve().parent.parent
    files = sorted([*repo.glob("content/*/*.yaml"), *repo.glob("data/**/*.yaml"), *repo.glob("tests/cases/**/*.yaml")])
    assert len(files) > 150
    assert source_module._fast_compose(files[0].read_text(encoding="utf-8")) is not None, "libyaml is not used"
    fast = [_read(path) for path in files]
    monkeypatch.setattr(source_module, "_fast_compose", lambda text: None)
    assert fast == [_read(path) for path in files]


def test_an_alias_still_gets_its_own_message_when_the_fast_parser_is_used() -> None:
    problems = parse_yaml_text("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert isinstance(problems, list)
    assert "anchors and aliases" in problems[0].message and problems[0].line == 2


def _read(path: Path) -> object:
    parsed = parse_yaml_text(path.read_text(encoding="utf-8-sig"), path.name)
    return (parsed.data, parsed.positions) if isinstance(parsed, SourceFile) else parsed
