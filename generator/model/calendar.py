"""The risk calendar (kalender kerawanan): recurring periods, their date rule, and the table of moving feasts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Annotated

from pydantic import AfterValidator, Field, NonNegativeInt, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import N_, _
from generator.model.common import Item, Ref, Slug, Strict, Text

RULE_FORMS = N_(
    "fixed dates 'MM-DD s.d. MM-DD' (e.g. '12-24 s.d. 01-01'), an event of data/events.yaml "
    "(e.g. 'ramadan'), or an event with days before and after its first day (e.g. 'idulfitri -10 s.d. +7')"
)
"""What a rule may look like, said in every message about one that does not parse."""
_FIXED = re.compile(r"^(\d{2})-(\d{2})\s+s\.d\.\s+(\d{2})-(\d{2})$")
_EVENT = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s+([+-]\d{1,3})\s+s\.d\.\s+([+-]\d{1,3}))?$")
_LEAP_YEAR = 2028
"""A leap year, to accept 02-29 as a month and day."""


@dataclass(frozen=True)
class FixedRule:
    """The same dates every year; `end` before `start` crosses the year end (12-24 s.d. 01-01)."""

    start: tuple[int, int]
    end: tuple[int, int]

    @property
    def crosses_year_end(self) -> bool:
        return self.end < self.start


@dataclass(frozen=True)
class EventRule:
    """Days around a moving event: from `before` to `after` days counted from its first day.

    Without offsets the period is the event itself, from its first to its last day (Ramadan: the whole month).
    """

    event: str
    before: int | None = None
    after: int | None = None


DateRule = FixedRule | EventRule


def parse_rule(text: str) -> DateRule:
    """'12-24 s.d. 01-01', 'ramadan' or 'idulfitri -10 s.d. +7' → its rule; anything else is an error."""
    value = " ".join(text.split()).lower()
    fixed = _FIXED.match(value)
    if fixed:
        month1, day1, month2, day2 = (int(part) for part in fixed.groups())
        for month, day in ((month1, day1), (month2, day2)):
            _check_month_day(text, month, day)
        return FixedRule((month1, day1), (month2, day2))
    event = _EVENT.match(value)
    if event and not value[:1].isdigit():
        name, before, after = event.groups()
        if before is None:
            return EventRule(name)
        if int(after) < int(before):
            raise PydanticCustomError(
                "rule_order", _("'{value}': the second number of days ({after}) comes before the first ({before}); "
                                "write the earlier day first, e.g. '{name} -10 s.d. +7'"),
                {"value": text, "before": before, "after": after, "name": name},
            )
        return EventRule(name, int(before), int(after))
    raise PydanticCustomError("rule", _("'{value}' is not a date rule; write {forms}"),
                              {"value": text, "forms": _(RULE_FORMS)})


def _check_month_day(text: str, month: int, day: int) -> None:
    try:
        date(_LEAP_YEAR, month, day)
    except ValueError:
        raise PydanticCustomError(
            "rule_date", _("'{value}': {month_day} is not a month and day; write MM-DD, e.g. 12-24"),
            {"value": text, "month_day": f"{month:02d}-{day:02d}"},
        ) from None


def _valid_rule(text: str) -> str:
    parse_rule(text)
    return text


Rule = Annotated[str, AfterValidator(_valid_rule), Field(
    description="when the period falls: " + RULE_FORMS, examples=["12-24 s.d. 01-01", "ramadan",
                                                                 "idulfitri -10 s.d. +7"],
)]


class CalendarPeriod(Item):
    """A period of the year when some situations rise, and how early to prepare for it."""

    rule: Rule = Field(
        title="Aturan tanggal",
        description=(
            "Tanggal tetap 'BB-HH s.d. BB-HH' (mis. '12-24 s.d. 01-01'), nama peristiwa (mis. 'ramadan') "
            "atau peristiwa dengan hari sebelum dan sesudah (mis. 'idulfitri -10 s.d. +7')"
        ),
    )
    situations: Annotated[list[Slug], Ref("situation")] = Field(
        min_length=1,
        title="Situasi yang meningkat",
        description="Situasi yang cenderung naik pada masa ini",
    )
    guidelines: Annotated[list[Slug], Ref("guideline")] = Field(
        [],
        title="Pedoman persiapan",
        description="Pedoman yang dipakai untuk bersiap",
    )
    prepare_weeks: NonNegativeInt = Field(
        le=26,
        title="Mulai bersiap (minggu)",
        description="Berapa minggu sebelum masa ini forum mulai bersiap",
    )

    @cached_property
    def parsed_rule(self) -> DateRule:
        """The rule, parsed once (validation has already accepted it)."""
        return parse_rule(self.rule)

    def search_labels(self) -> list[str]:
        return ["Kalender kerawanan"]


class EventDate(Strict):
    """One occurrence of a moving event, in the Gregorian calendar."""

    start: date = Field(title="Hari pertama", description="Hari pertama peristiwa")
    end: date | None = Field(
        None,
        title="Hari terakhir",
        description="Hari terakhir, untuk peristiwa beberapa hari (Ramadan)",
    )
    estimate: bool = Field(
        False,
        title="Perkiraan",
        description="Centang bila tanggal belum ditetapkan SKB, baru hasil hitungan; periksa lagi nanti",
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> EventDate:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError(
                "event_end", _("the last day {end} comes before the first {start}; swap them"),
                {"end": self.end.isoformat(), "start": self.start.isoformat(), "field": "end"},
            )
        return self

    @property
    def last(self) -> date:
        return self.end or self.start


class Event(Strict):
    id: Slug = Field(title="Id peristiwa", description="Nama yang dipakai aturan kalender, mis. 'idulfitri'")
    label: Text = Field(title="Nama peristiwa", description="Nama dalam bahasa Indonesia, mis. 'Idulfitri (Lebaran)'")
    dates: list[EventDate] = Field(min_length=1, title="Tanggal per tahun", description="Satu baris untuk setiap tahun")


class EventTable(Strict):
    """data/events.yaml: our own table of the moving feasts' dates, with where they come from."""

    source: Text = Field(title="Sumber tanggal", description="Asal tanggal (SKB, kalender), dikutip lengkap")
    years: tuple[int, int] = Field(
        title="Tahun yang dicakup",
        description="Tahun pertama dan terakhir tabel, mis. [2026, 2030]",
    )
    events: list[Event] = Field([], title="Peristiwa", description="Hari besar yang tanggalnya berpindah setiap tahun")

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def covers(self, year: int) -> bool:
        return self.years[0] <= year <= self.years[1]
