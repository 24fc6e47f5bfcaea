"""Problems found in the input: collected as values, sorted, reported once."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from generator.i18n import _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        return f"{self.where}: {self.text}"

    @property
    def where(self) -> str:
        """'path:line:column'; column 0 is a whole line (a CSV record, where columns are fields, not characters)."""
        return f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")

    @property
    def text(self) -> str:
        """What is wrong, after the place: the warning label, the field, the message."""
        label = "" if self.severity is Severity.ERROR else _("warning: ")
        field = f"{self.field}: " if self.field else ""
        return f"{label}{field}{self.message}"


class ProblemList(list[Problem]):
    """A list of problems with the questions the pipeline asks of it."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self)

    def sorted(self) -> list[Problem]:
        return sorted(set(self), key=lambda p: (p.path, p.line, p.column, p.field, p.message))


def suggest(value: object, allowed: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    if not isinstance(value, str):
        return ""
    matches = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return " " + _("(did you mean '{match}'?)").format(match=matches[0]) if matches else ""
