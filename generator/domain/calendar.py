"""When the risk calendar's periods fall: their dates in a year, a month's periods, and what to prepare for now."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from generator.knowledge import KnowledgeBase, Record
from generator.model.calendar import CalendarPeriod, EventRule, EventTable, FixedRule


@dataclass(frozen=True)
class Occurrence:
    """One period at one time: its first and last day, and the day preparation starts."""

    period: Record[CalendarPeriod]
    start: date
    end: date
    estimate: bool
    """A date of the events table not yet fixed by a decree."""

    @property
    def prepare_from(self) -> date:
        return self.start - timedelta(weeks=self.period.data.prepare_weeks)

    def touches(self, first: date, last: date) -> bool:
        return self.start <= last and first <= self.end

    def is_on(self, today: date) -> bool:
        return self.start <= today <= self.end


def spans(period: CalendarPeriod, table: EventTable | None, year: int) -> list[tuple[date, date, bool]]:
    """(first day, last day, estimate) of every time the period touches `year`, earliest first."""
    rule = period.parsed_rule
    found = _fixed_spans(rule, year) if isinstance(rule, FixedRule) else _event_spans(rule, table)
    first, last = date(year, 1, 1), date(year, 12, 31)
    return sorted({span for span in found if span[0] <= last and first <= span[1]})


def _fixed_spans(rule: FixedRule, year: int) -> list[tuple[date, date, bool]]:
    # A period crossing the year end (12-24 s.d. 01-01) touches a year twice: at its start and at its end.
    shift = 1 if rule.crosses_year_end else 0
    return [(_day(y, rule.start), _day(y + shift, rule.end), False) for y in (year - 1, year)]


def _day(year: int, month_day: tuple[int, int]) -> date:
    """29 February falls on the 28th in a common year."""
    month, day = month_day
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _event_spans(rule: EventRule, table: EventTable | None) -> list[tuple[date, date, bool]]:
    event = table.event(rule.event) if table else None
    if event is None:
        return []  # a rule naming no event of the table is a problem reported by the check stage
    if rule.before is None or rule.after is None:
        return [(d.start, d.last, d.estimate) for d in event.dates]
    return [(d.start + timedelta(days=rule.before), d.start + timedelta(days=rule.after), d.estimate)
            for d in event.dates]


def occurrences(kb: KnowledgeBase, years: range) -> list[Occurrence]:
    """Every period's times touching `years`, by start date then title; each time once."""
    found = {
        (period.id, start): Occurrence(period, start, end, estimate)
        for period in kb.of_kind(CalendarPeriod)
        for year in years
        for start, end, estimate in spans(period.data, kb.events, year)
    }
    return sorted(found.values(), key=lambda o: (o.start, o.period.title))


def in_month(kb: KnowledgeBase, year: int, month: int) -> list[Occurrence]:
    """The periods on at some day of that month."""
    first, last = _month_bounds(year, month)
    return [o for o in occurrences(kb, range(year, year + 1)) if o.touches(first, last)]


def next_month(today: date) -> tuple[int, int]:
    return (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)


def on_alert(kb: KnowledgeBase, today: date) -> list[Occurrence]:
    """The periods on today or whose preparation window has begun ('Waspada bulan ini')."""
    around = range(today.year - 1, today.year + 2)
    return [o for o in occurrences(kb, around) if o.prepare_from <= today <= o.end]


@dataclass(frozen=True)
class YearRow:
    """One period across a year: per month, 'on', 'prepare' (its preparation window) or '' (nothing)."""

    period: Record[CalendarPeriod]
    months: tuple[str, ...]
    times: list[Occurrence]


def year_grid(kb: KnowledgeBase, year: int) -> list[YearRow]:
    """Months × periods for a one-page year calendar; periods in the order they first start that year."""
    times = occurrences(kb, range(year, year + 1))
    rows = []
    for period in _first_seen([o.period for o in times]):
        own = [o for o in times if o.period.id == period.id]
        rows.append(YearRow(period, tuple(_month_mark(own, year, month) for month in range(1, 13)), own))
    return rows


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_mark(times: list[Occurrence], year: int, month: int) -> str:
    first, last = _month_bounds(year, month)
    if any(o.touches(first, last) for o in times):
        return "on"
    if any(o.prepare_from <= last and first < o.start for o in times):
        return "prepare"
    return ""


def _first_seen(periods: list[Record[CalendarPeriod]]) -> list[Record[CalendarPeriod]]:
    seen: dict[str, Record[CalendarPeriod]] = {}
    for period in periods:
        seen.setdefault(period.id, period)
    return list(seen.values())
