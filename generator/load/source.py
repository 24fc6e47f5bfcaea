"""YAML files → plain data plus the line and column of every key and value."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from babel.numbers import format_decimal
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.i18n import _, current_language
from generator.problems import Problem

MAX_FILE_BYTES = 1_000_000
"""A hand-written item is a few KB; anything near this is a mistake or an attack."""

KeyPath = tuple[str | int, ...]


class Position(NamedTuple):
    """Where a key and its value start (1-based); `raw` is a scalar's source text. A tuple: a project holds a
    hundred thousand of them, made faster so than as frozen dataclasses."""

    key_line: int
    key_column: int
    line: int
    column: int
    raw: str | None = None


@dataclass
class SourceFile:
    """One loaded YAML file: its data and where each part of it stands."""

    src_path: str
    data: Any
    positions: dict[KeyPath, Position] = field(default_factory=dict)

    def position(self, path: KeyPath, *, of_key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor that exists."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(path[:end])
            if pos is not None:
                if of_key and end == len(path):
                    return pos.key_line, pos.key_column
                return pos.line, pos.column
        return 1, 1

    def raw(self, path: KeyPath) -> str | None:
        pos = self.positions.get(path)
        return pos.raw if pos else None


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: they enable 'billion laughs' and confuse editors."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                _("anchors and aliases (& and *) are not supported; write the value out in full"),
                event.start_mark,
            )
        return super().compose_node(parent, index)


def _compose(text: str) -> Node | None:
    """The node tree by PyYAML's own parser, whose messages (and marks) the problems quote."""
    loader = _NoAliasLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _fast_compose(text: str) -> Node | None:
    """The node tree by libyaml (C, several times faster) for a valid file without aliases; None otherwise, and
    the Python parser then reads the file again so that every message stays word for word the same."""
    if not yaml.__with_libyaml__:
        return None
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    # An alias needs an anchor (&name): a text without '&' has none, and its tree need not be walked.
    return root if root is not None and ("&" not in text or not _shares_nodes(root)) else None


def _shares_nodes(root: Node) -> bool:
    """An alias (*name) makes libyaml put one node in two places; the Python parser refuses it with a message."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return False


def read_yaml_file(path: Path, src_path: str) -> SourceFile | list[Problem]:
    """Read and parse one file, or say why it cannot be read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [Problem(src_path, 1, 1, "", _("cannot read the file: {reason}").format(reason=exc.strerror))]
    if size > MAX_FILE_BYTES:
        return [Problem(
            src_path, 1, 1, "",
            _("the file is {size} bytes; at most {most} are accepted (split it into one file per item)").format(
                size=format_decimal(size, locale=current_language()),
                most=format_decimal(MAX_FILE_BYTES, locale=current_language())),
        )]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [Problem(
            src_path, line, 1, "",
            _("the file is not UTF-8 text; save it again as UTF-8 (in most editors: 'Save with encoding')"),
        )]
    return parse_yaml_text(text, src_path)


def parse_yaml_text(text: str, src_path: str) -> SourceFile | list[Problem]:
    """Parse YAML text into a SourceFile, or return the syntax problem."""
    try:
        root = _fast_compose(text) or _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        return [Problem(src_path, line, column, "", _syntax_message(exc, source_line))]
    except yaml.YAMLError as exc:  # unmarked errors are rare (e.g. reader errors)
        return [Problem(src_path, 1, 1, "", _("YAML syntax error: {reason}").format(reason=exc))]
    source = SourceFile(src_path, None)
    if root is None:
        return [Problem(src_path, 1, 1, "", _("the file is empty; an item needs at least an 'id'"))]
    found: list[Problem] = []
    try:
        source.data = _to_python(root, (), source, yaml.constructor.SafeConstructor(), found)
    except yaml.MarkedYAMLError as exc:  # e.g. an unknown tag such as !!python/object
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [Problem(src_path, line, column, "", _("YAML tags (!!…) are not supported here: {reason}; remove the "
                                                      "'!!…' part").format(reason=exc.problem))]

    source.positions[()] = Position(
        root.start_mark.line + 1, root.start_mark.column + 1,
        root.start_mark.line + 1, root.start_mark.column + 1,
    )
    if found:
        return found
    return source


def _syntax_message(exc: yaml.MarkedYAMLError, source_line: str) -> str:
    problem = exc.problem or _("invalid YAML")
    hint = _("check the indentation and quotes on this line and the one above")
    if "\u00a0" in source_line:
        hint = _("the line holds a non-breaking space (often pasted from a word processor); retype it as a plain "
                 "space")
    elif "'\\t'" in problem or "tab" in problem:
        hint = _("replace the tab characters with spaces")
    elif problem == _("anchors and aliases (& and *) are not supported; write the value out in full"):
        return problem
    elif "but found another document" in problem:
        hint = _("keep one item per file: remove the '---' line")
    context = f"{exc.context}, " if exc.context else ""
    # PyYAML's own words ('mapping values are not allowed here') stay as PyYAML writes them; the hint is ours.
    return _("YAML syntax error: {reason} ({hint})").format(reason=f"{context}{problem}", hint=hint)


def _to_python(
    node: Node,
    path: KeyPath,
    source: SourceFile,
    constructor: yaml.constructor.SafeConstructor,
    found: list[Problem],
) -> Any:
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else str(key_node.tag)
            key_line = key_node.start_mark.line + 1
            if "\u00a0" in key or key != key.strip():
                found.append(Problem(
                    source.src_path, key_line, key_node.start_mark.column + 1, _dotted(path),
                    _("the key '{key}' holds a non-breaking space or stray spaces (often pasted from a word "
                      "processor); retype the indentation and the key with plain spaces").format(key=key.strip()),
                ))
                continue
            if key in first_seen:
                found.append(Problem(
                    source.src_path, key_line, key_node.start_mark.column + 1, _dotted((*path, key)),
                    _("duplicate key '{key}' (first given on line {line}); keep only one").format(
                        key=key, line=first_seen[key]),
                ))
                continue
            first_seen[key] = key_line
            child = (*path, key)
            source.positions[child] = _position(key_node, value_node)
            result[key] = _to_python(value_node, child, source, constructor, found)
        return result
    if isinstance(node, SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            child = (*path, index)
            source.positions[child] = _position(item_node, item_node)
            items.append(_to_python(item_node, child, source, constructor, found))
        return items
    if node.tag == _TEXT:  # most values: the text as written, with nothing to convert
        return node.value
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # e.g. an impossible date such as 2025-02-30
        found.append(Problem(
            source.src_path, node.start_mark.line + 1, node.start_mark.column + 1, _dotted(path),
            _("'{value}' cannot be read: {reason}; correct the value").format(value=node.value, reason=exc),
        ))
        return node.value


_TEXT = "tag:yaml.org,2002:str"


def _position(key_node: Node, value_node: Node) -> Position:
    key, value = key_node.start_mark, value_node.start_mark
    raw = value_node.value if isinstance(value_node, ScalarNode) else None
    # tuple.__new__ directly: a project's hundred thousand positions skip the named tuple's Python-level __new__
    return _new_tuple(Position, (key.line + 1, key.column + 1, value.line + 1, value.column + 1, raw))


_new_tuple = tuple.__new__


def iter_strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string inside loaded (or dumped) data, with its key path, in document order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, (*path, index))


def _dotted(path: KeyPath) -> str:
    """('steps', 2, 'actor') → 'steps[2].actor'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
