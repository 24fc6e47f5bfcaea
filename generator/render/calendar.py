"""The risk calendar as pages show it: rules in words, dates in Indonesian, this month, next, the year, the alert."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from generator.domain.calendar import Occurrence, YearRow, in_month, next_month, on_alert, spans, year_grid
from generator.knowledge import KnowledgeBase, Record
from generator.model.calendar import CalendarPeriod, EventRule, EventTable, FixedRule
from generator.render.handbook_views import indonesian_date
from generator.render.views import Link, SiteIndex

MONTHS = tuple(format_date(date(2026, month, 1), "MMMM", locale="id") for month in range(1, 13))
"""Januari … Desember (CLDR, through babel)."""
MONTH_INITIALS = tuple(format_date(date(2026, month, 1), "MMM", locale="id") for month in range(1, 13))
"""Jan … Des: the year grid's column heads, narrow enough for A5 paper."""


def month_day(month_day: tuple[int, int]) -> str:
    return format_date(date(2028, *month_day), "d MMMM", locale="id")


def rule_text(period: CalendarPeriod, table: EventTable | None) -> str:
    """'24 Desember s.d. 1 Januari, setiap tahun' or '10 hari sebelum s.d. 7 hari sesudah Idulfitri (Lebaran)'."""
    rule = period.parsed_rule
    if isinstance(rule, FixedRule):
        return f"{month_day(rule.start)} s.d. {month_day(rule.end)}, setiap tahun"
    return _event_text(rule, table)


def _event_text(rule: EventRule, table: EventTable | None) -> str:
    event = table.event(rule.event) if table else None
    label = event.label if event else rule.event
    if rule.before is None or rule.after is None:
        return f"selama {label}"
    return f"{_offset(rule.before)} s.d. {_offset(rule.after)} {label}".replace("  ", " ")


def _offset(days: int) -> str:
    if days == 0:
        return "hari pertama"
    return f"{abs(days)} hari {'sebelum' if days < 0 else 'sesudah'}"


def span_text(start: date, end: date) -> str:
    """'20 Desember 2026 s.d. 2 Januari 2027'; one day is written once."""
    if start == end:
        return indonesian_date(start)
    return f"{indonesian_date(start)} s.d. {indonesian_date(end)}"


@dataclass(frozen=True)
class TimeView:
    """One period at one time, as a line of a page."""

    period: Link
    dates: str
    prepare: str
    """'mulai bersiap 29 November 2026', 'persiapan dimulai sejak …', or '' once it has begun"""
    estimate: bool
    on: bool
    guidelines: list[Link]


def time_view(index: SiteIndex, time: Occurrence, today: date) -> TimeView:
    return TimeView(Link(time.period), span_text(time.start, time.end), _prepare_text(time, today),
                    time.estimate, time.is_on(today), index.links(time.period.data.guidelines))


def _prepare_text(time: Occurrence, today: date) -> str:
    if today >= time.start:
        return ""
    if time.prepare_from <= today:
        return f"persiapan dimulai sejak {indonesian_date(time.prepare_from)}"
    return f"mulai bersiap {indonesian_date(time.prepare_from)}"


@dataclass(frozen=True)
class MonthView:
    label: str
    times: list[TimeView]


@dataclass(frozen=True)
class CalendarIndex:
    """The calendar page: this month, next month, the whole year by month, and every period with its rule."""

    this_month: MonthView
    next_month: MonthView
    year: int
    months: list[MonthView]
    periods: list[tuple[Link, str]]
    source: str | None


def calendar_index(index: SiteIndex, today: date) -> CalendarIndex:
    kb = index.kb

    def month(year: int, number: int, *, with_year: bool = True) -> MonthView:
        label = f"{MONTHS[number - 1]} {year}" if with_year else MONTHS[number - 1]
        return MonthView(label, [time_view(index, t, today) for t in in_month(kb, year, number)])

    return CalendarIndex(
        this_month=month(today.year, today.month),
        next_month=month(*next_month(today)),
        year=today.year,
        # The year is in the heading above the table; a phone's narrow first column keeps one word a row.
        months=[month(today.year, number, with_year=False) for number in range(1, 13)],
        periods=[(Link(p), rule_text(p.data, kb.events)) for p in sorted(kb.of_kind(CalendarPeriod),
                                                                          key=lambda p: p.title)],
        source=kb.events.source if kb.events else None,
    )


def alerts(index: SiteIndex, today: date) -> list[TimeView]:
    """'Waspada bulan ini': the periods on now or whose preparation has begun, soonest first."""
    return [time_view(index, t, today) for t in on_alert(index.kb, today)]


def period_times(kb: KnowledgeBase, period: Record[CalendarPeriod], today: date) -> list[tuple[int, list[str]]]:
    """(year, its dates) for this year and the next: what a period's page lists."""
    return [(year, [span_text(start, end) + (" (perkiraan)" if estimate else "")
                    for start, end, estimate in spans(period.data, kb.events, year)])
            for year in (today.year, today.year + 1)]


@dataclass(frozen=True)
class YearCalendar:
    """The handbook's one-page year calendar: months × periods."""

    year: int
    months: tuple[str, ...]
    rows: list[YearRow]
    dates: dict[str, str]
    """period id → its dates that year, in words"""
    estimate: bool
    source: str | None


def year_calendar(kb: KnowledgeBase, year: int) -> YearCalendar:
    rows = year_grid(kb, year)
    return YearCalendar(
        year=year,
        months=MONTH_INITIALS,
        rows=rows,
        dates={row.period.id: "; ".join(span_text(t.start, t.end) for t in row.times) for row in rows},
        estimate=any(t.estimate for row in rows for t in row.times),
        source=kb.events.source if kb.events else None,
    )
