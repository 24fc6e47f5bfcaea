"""A character the shipped fonts lack → our own problem at the file, line and field that holds it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools import unicodedata as scripts
from fontTools.ttLib import TTFont

from generator.i18n import _
from generator.load.source import SourceFile, _dotted, iter_strings
from generator.problems import Problem

_NOTDEF = re.compile(r'^\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)" \(U\+([0-9A-F]+)\)$',
                     re.DOTALL)


def split_missing_glyphs(warnings: Iterable[str]) -> tuple[list[str], list[str]]:
    """The engine's warnings → (characters no shipped font has, in order of first sight; the other warnings)."""
    missing: dict[str, None] = {}
    others: list[str] = []
    for warning in warnings:
        match = _NOTDEF.match(warning)
        if match:
            missing[chr(int(match.group(2), 16))] = None
        else:
            others.append(warning)
    return list(missing), others


@dataclass(frozen=True)
class Fallback:
    """Where to report a character found in no source file (it came from a template)."""

    path: str
    line: int
    column: int
    field: str


def missing_glyph_problems(
    characters: list[str], *, project: Path, fonts_dir: Path, sources: list[SourceFile],
    others: list[SourceFile], fallback: Fallback,
) -> list[Problem]:
    """One problem per character and place, in file order: in `sources` (what the PDF prints), else in `others`,
    else at `fallback`."""
    fonts = font_families(fonts_dir)
    shown = fonts_dir.resolve().relative_to(project.resolve()).as_posix() if fonts_dir.resolve().is_relative_to(
        project.resolve()) else str(fonts_dir)
    problems: list[Problem] = []
    for character in characters:
        message = _("{character} is not in the handbook fonts ({fonts}); remove it or add a font that has it to "
                    "{folder}/").format(character=describe(character), fonts=fonts, folder=shown)
        places = list(_places(character, sources, project)) or list(_places(character, others, project))
        if not places:
            places = [(fallback.path, fallback.line, fallback.column, fallback.field)]
        problems.extend(Problem(path, line, column, field, message) for path, line, column, field in places)
    return sorted(problems)


def describe(character: str) -> str:
    """'ก' → "'ก' (U+0E01, Thai)"; a symbol of no script (an emoji) is named instead."""
    script = scripts.script_name(scripts.script(character))
    if script in ("Common", "Inherited", "Unknown"):
        script = unicodedata.name(character, "unnamed character").lower()
    return f"'{character}' (U+{ord(character):04X}, {script})"


@cache
def font_families(fonts_dir: Path) -> str:
    """'Noto Sans': the family names of the font files in `fonts_dir`."""
    names = {str(TTFont(path, lazy=True)["name"].getDebugName(1)) for path in sorted(fonts_dir.glob("*.[ot]tf"))}
    return ", ".join(sorted(names)) or "none"


def _places(character: str, sources: list[SourceFile], project: Path) -> Iterator[tuple[str, int, int, str]]:
    """Every text value of `sources` that holds `character`, with the line and column of its first use."""
    for source in sources:
        lines: list[str] | None = None
        for path, text in iter_strings(source.data):
            if character not in text:
                continue
            if lines is None:
                lines = (project / source.src_path).read_text(encoding="utf-8-sig").splitlines()
            line, column = _locate(character, lines, source.position(path))
            yield source.src_path, line, column, _dotted(path)


def _locate(character: str, lines: list[str], start: tuple[int, int]) -> tuple[int, int]:
    """The character's own line and column, searched from where its value starts (a block of text spans lines)."""
    line, column = start
    for number in range(line, len(lines) + 1):
        found = lines[number - 1].find(character, column - 1 if number == line else 0)
        if found >= 0:
            return number, found + 1
    return start  # written as an escape ("\u0e01"): the value's start is the best we can say
