"""A trainer's list of participants (CSV) → names for certificates; every problem at its line, nothing guessed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import _, ngettext
from generator.problems import Problem

COLUMNS = ("nama", "asal")
"""The header the file must start with (in any order; more columns are ignored): the name, and where the
participant comes from (RT/RW, school, institution)."""
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class ParticipantRow:
    line: int
    name: str
    origin: str


def read_participants(path: Path, shown_as: str) -> tuple[list[ParticipantRow], list[Problem]]:
    """The participants in file order, or every problem found; `shown_as` is how messages name the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem(shown_as, 1, 0, "", _("cannot be read ({reason}); check the file name").format(
            reason=exc.strerror))]
    if len(raw) > MAX_BYTES:
        return [], [Problem(shown_as, 1, 0, "", _("the file is {size:,} bytes; at most {most:,} are accepted").format(
            size=len(raw), most=MAX_BYTES))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(shown_as, 1, 0, "", _("the file is not UTF-8 text; save it again as 'CSV UTF-8'"))]
    return _rows(text, shown_as)


def _rows(text: str, shown_as: str) -> tuple[list[ParticipantRow], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    header = [cell.strip().casefold() for cell in next(reader, [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return [], [Problem(shown_as, 1, 0, "", ngettext(
            "missing column {missing}; the first line names the columns, e.g. '{columns}' (found: {found})",
            "missing columns {missing}; the first line names the columns, e.g. '{columns}' (found: {found})",
            len(missing)).format(missing=", ".join(repr(m) for m in missing), columns=",".join(COLUMNS),
                                 found=", ".join(header) or _("an empty line")))]
    rows, problems = [], []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line between groups is harmless
        if len(cells) < len(header):
            problems.append(Problem(shown_as, line, 0, "", _(
                "{count} value(s) where the header has {columns} ({names}); "
                "put a value that contains a comma in double quotes").format(
                count=len(cells), columns=len(header), names=", ".join(header))))
            continue
        values = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        if not values["nama"]:
            problems.append(Problem(shown_as, line, 0, "nama",
                                    _("the name is empty; write the participant's name or remove the line")))
            continue
        rows.append(ParticipantRow(line, values["nama"], values["asal"]))
    if not rows and not problems:
        problems.append(Problem(shown_as, 1, 0, "", _("no participants below the header; add one per line")))
    return rows, problems


def _dialect(text: str) -> type[csv.Dialect]:
    """Commas, or the semicolons a spreadsheet set to Indonesian writes."""
    first = text.split("\n", 1)[0]
    return _Semicolon if first.count(";") > first.count(",") else csv.excel


class _Semicolon(csv.excel):
    delimiter = ";"
