"""data/events.yaml → the EventTable; calendar rules that name an event it lacks; years it does not cover."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.check.validate import validate_model
from generator.i18n import _
from generator.load.source import SourceFile, read_yaml_file
from generator.model.calendar import CalendarPeriod, EventRule, EventTable
from generator.model.record import Records, of_kind
from generator.problems import Problem, Severity, suggest

EVENTS_FILE = "data/events.yaml"


def load_event_table(project: Path) -> tuple[EventTable | None, SourceFile | None, list[Problem]]:
    """The project's table of moving events (None when there is none, or it cannot be read) and its source."""
    path = project / EVENTS_FILE
    if not path.is_file():
        return None, None, []
    loaded = read_yaml_file(path, EVENTS_FILE)
    if isinstance(loaded, list):
        return None, None, loaded
    if not isinstance(loaded.data, dict):
        return None, None, [Problem(EVENTS_FILE, 1, 1, "",
                                    _("expected 'source:', 'years:' and 'events:' lines, found something else"))]
    table, problems = validate_model(loaded, EventTable)
    if table is None:
        return None, None, problems
    return table, loaded, _years_without_dates(table, loaded)


def _years_without_dates(table: EventTable, source: SourceFile) -> list[Problem]:
    """Every event happens at least once in every Gregorian year (the Islamic year is shorter): a gap is a slip."""
    problems = []
    for index, event in enumerate(table.events):
        have = {d.start.year for d in event.dates}
        missing = [year for year in range(table.years[0], table.years[1] + 1) if year not in have]
        if missing:
            line, column = source.position(("events", index, "dates"))
            problems.append(Problem(
                EVENTS_FILE, line, column, f"events[{index}].dates",
                _("'{event}' has no date in {missing}, though 'years' says the table covers {first}–{last}; add its "
                  "date (mark it 'estimate: true' until a decree fixes it)").format(
                    event=event.id, missing=", ".join(map(str, missing)), first=table.years[0], last=table.years[1]),
            ))
    return problems


def check_calendar_rules(records: Records, table: EventTable | None) -> list[Problem]:
    """A rule naming an event must name one the table has."""
    problems = []
    known = [event.id for event in table.events] if table else []
    for record in of_kind(records, CalendarPeriod):
        rule = record.data.parsed_rule
        if not isinstance(rule, EventRule) or rule.event in known:
            continue
        line, column = record.source.position(("rule",))
        if table is None:
            message = _("'{event}' is an event, but there is no {file} with the dates of events; add that file, or "
                        "write fixed dates 'MM-DD s.d. MM-DD'").format(event=rule.event, file=EVENTS_FILE)
        else:
            message = _("unknown event '{event}'{suggestion}; the events in {file} are: {events}").format(
                event=rule.event, suggestion=suggest(rule.event, known), file=EVENTS_FILE, events=", ".join(known))
        problems.append(Problem(record.source.src_path, line, column, "rule", message))
    return problems


def uncovered_years(table: EventTable | None, source: SourceFile | None, today: date) -> list[Problem]:
    """A warning when this year or the next is beyond the table: the moving periods would silently vanish."""
    if table is None or source is None:
        return []
    missing = [year for year in (today.year, today.year + 1) if not table.covers(year)]
    if not missing:
        return []
    line, column = source.position(("years",))
    return [Problem(
        EVENTS_FILE, line, column, "years",
        _("the table covers {first}–{last}, not {missing}; the calendar cannot place Ramadan, Idulfitri and the "
          "other moving events then: add their dates for {years} from the SKB on national holidays (or an "
          "estimate, marked 'estimate: true') and raise 'years'").format(
            first=table.years[0], last=table.years[1], missing=_(" or ").join(map(str, missing)),
            years=", ".join(map(str, missing))),
        Severity.WARNING,
    )]
