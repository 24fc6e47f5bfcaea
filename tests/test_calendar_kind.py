"""The risk calendar (kalender kerawanan): rules, the events table, the dates they give, and what is on alert."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from generator.domain.calendar import in_month, next_month, on_alert, spans, year_grid
from generator.knowledge import KnowledgeBase
from generator.model import KINDS_BY_NAME, CalendarPeriod
from generator.model.calendar import EventRule, EventTable, FixedRule, parse_rule
from tests.conftest import REPO

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


TABLE = EventTable.model_validate({
    "source": "uji", "years": [2026, 2027],
    "events": [
        {"id": "ramadan", "label": "Ramadan", "dates": [{"start": "2026-02-19", "end": "2026-03-20"},
                                                        {"start": "2027-02-08", "end": "2027-03-09",
                                                         "estimate": True}]},
        {"id": "idulfitri", "label": "Idulfitri", "dates": [{"start": "2026-03-21"}, {"start": "2027-03-10"}]},
    ],
})


def period(rule: str, weeks: int = 2) -> CalendarPeriod:
    return CalendarPeriod.model_validate({"id": "p", "title": "P", "summary": "S", "rule": rule,
                                          "situations": ["s"], "prepare_weeks": weeks})


def test_the_registry_declares_it_once() -> None:
    kind = KINDS_BY_NAME["calendar"]
    assert (kind.folder, kind.model, kind.section) == ("data/calendar", CalendarPeriod, "kalender")


@pytest.mark.parametrize(("text", "rule"), [
    ("12-24 s.d. 01-01", FixedRule((12, 24), (1, 1))),
    ("  08-01   s.d.  10-31 ", FixedRule((8, 1), (10, 31))),
    ("ramadan", EventRule("ramadan")),
    ("Idulfitri -10 s.d. +7", EventRule("idulfitri", -10, 7)),
])
def test_rules_parse(text: str, rule: object) -> None:
    assert parse_rule(text) == rule


def test_a_fixed_period_crossing_the_year_end_touches_a_year_twice() -> None:
    assert spans(period("12-24 s.d. 01-01"), None, 2026) == [
        (date(2025, 12, 24), date(2026, 1, 1), False), (date(2026, 12, 24), date(2027, 1, 1), False),
    ]
    assert spans(period("08-01 s.d. 10-31"), None, 2026) == [(date(2026, 8, 1), date(2026, 10, 31), False)]


def test_29_february_falls_on_the_28th_in_a_common_year() -> None:
    assert spans(period("02-29 s.d. 03-02"), None, 2027) == [(date(2027, 2, 28), date(2027, 3, 2), False)]


def test_a_named_event_takes_its_dates_from_the_table() -> None:
    assert spans(period("ramadan"), TABLE, 2027) == [(date(2027, 2, 8), date(2027, 3, 9), True)]
    assert spans(period("idulfitri -10 s.d. +7"), TABLE, 2026) == [(date(2026, 3, 11), date(2026, 3, 28), False)]
    assert spans(period("idulfitri"), TABLE, 2028) == [], "a year the table lacks gives no dates (and a warning)"


def kb_with(*periods: tuple[str, str, int]) -> KnowledgeBase:
    from generator.load.source import SourceFile
    from generator.model.record import Record

    kb = KnowledgeBase(events=TABLE)
    for pid, rule, weeks in periods:
        data = CalendarPeriod.model_validate({"id": pid, "title": pid.title(), "summary": "S", "rule": rule,
                                              "situations": ["s"], "prepare_weeks": weeks})
        kb.records[pid] = Record(KINDS_BY_NAME["calendar"], data, SourceFile(f"data/calendar/{pid}.yaml", {}))
    return kb


def test_this_month_next_month_and_the_alert_for_a_fixed_today() -> None:
    kb = kb_with(("natal", "12-20 s.d. 01-02", 3), ("ramadan", "ramadan", 3), ("kemarau", "08-01 s.d. 10-31", 4))
    today = date(2026, 12, 1)
    assert [o.period.id for o in in_month(kb, today.year, today.month)] == ["natal"]
    assert next_month(today) == (2027, 1)
    assert [(o.period.id, o.start) for o in in_month(kb, 2027, 1)] == [("natal", date(2026, 12, 20))]
    assert [o.period.id for o in on_alert(kb, today)] == ["natal"], "preparation started on 29 November"
    assert [o.period.id for o in on_alert(kb, date(2026, 11, 28))] == []
    assert [o.period.id for o in on_alert(kb, date(2027, 1, 20))] == ["ramadan"], "three weeks before 8 February"


def test_the_year_grid_marks_months_on_and_months_to_prepare() -> None:
    kb = kb_with(("natal", "12-20 s.d. 01-02", 3), ("ramadan", "ramadan", 3))
    rows = {row.period.id: row.months for row in year_grid(kb, 2026)}
    assert rows["natal"] == ("on", *[""] * 9, "prepare", "on")
    assert rows["ramadan"] == ("prepare", "on", "on", *[""] * 9)


CALENDAR = """
    id: natal
    title: Natal
    summary: Akhir tahun.
    rule: {rule}
    situations: [{situation}]
    prepare_weeks: 3
    """
SITUATION = """
    id: keramaian-warga
    title: Keramaian
    summary: Keramaian warga.
    type: situasi
    class: PG
    description: Keramaian.
    """


def test_unknown_ids_and_events_are_named_with_a_suggestion(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    found = write_and_check({
        "content/situations/keramaian-warga.yaml": SITUATION,
        "data/events.yaml": (REPO / "data/events.yaml").read_text(encoding="utf-8"),
        "data/calendar/natal.yaml": CALENDAR.format(rule="idulfiti -1 s.d. +1", situation="keramaian-wara"),
    })
    assert found == [
        "data/calendar/natal.yaml:4:7: rule: unknown event 'idulfiti' (did you mean 'idulfitri'?); the events in "
        "data/events.yaml are: ramadan, idulfitri, iduladha, tahun-baru-islam, maulid",
        "data/calendar/natal.yaml:5:14: situations[0]: unknown situation 'keramaian-wara' "
        "(did you mean 'keramaian-warga'?); no such id in content/situations/",
    ]


def test_an_event_rule_without_a_table_says_what_to_do(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    found = write_and_check({"content/situations/keramaian-warga.yaml": SITUATION,
                             "data/calendar/natal.yaml": CALENDAR.format(rule="ramadan", situation="keramaian-warga")})
    assert found == ["data/calendar/natal.yaml:4:7: rule: 'ramadan' is an event, but there is no data/events.yaml "
                     "with the dates of events; add that file, or write fixed dates 'MM-DD s.d. MM-DD'"]


def test_the_table_must_have_every_event_in_every_year_it_covers(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    found = write_and_check({"data/events.yaml": """
        source: uji
        years: [2026, 2027]
        events:
          - id: iduladha
            label: Iduladha
            dates:
              - {start: 2026-05-27}
        """})
    assert found == ["data/events.yaml:7:7: events[0].dates: 'iduladha' has no date in 2027, though 'years' says "
                     "the table covers 2026–2027; add its date (mark it 'estimate: true' until a decree fixes it)"]


def test_a_year_the_table_lacks_is_a_warning_at_build_time(repo: object) -> None:
    from generator import pipeline

    checked = pipeline.check_project(REPO, today=date(2030, 6, 1))
    assert [p.format() for p in checked.problems.warnings if p.path == "data/events.yaml"] == [
        "data/events.yaml:15:8: warning: years: the table covers 2026–2030, not 2031; the calendar cannot place "
        "Ramadan, Idulfitri and the other moving events then: add their dates for 2031 from the SKB on national "
        "holidays (or an estimate, marked 'estimate: true') and raise 'years'",
    ]
    assert not [p for p in pipeline.check_project(REPO, today=date(2026, 12, 1)).problems
                if p.path == "data/events.yaml"]


def test_the_sample_table_and_periods() -> None:
    from generator import pipeline

    kb, problems = pipeline.check(REPO)
    assert not problems.has_errors()
    assert kb.events is not None and kb.events.years == (2026, 2030)
    assert len(kb.of_kind(CalendarPeriod)) >= 8
    lebaran = kb.get("mudik-lebaran", CalendarPeriod)
    assert spans(lebaran.data, kb.events, 2026) == [(date(2026, 3, 11), date(2026, 3, 28), False)]


def test_polmas_today_moves_the_day_the_cli_counts_from(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from generator.cli import EXIT_OK, EXIT_USAGE, main

    monkeypatch.setenv("POLMAS_TODAY", "1-12-2026")
    assert main(["--project", str(REPO), "check"]) == EXIT_USAGE
    assert "POLMAS_TODAY='1-12-2026' is not a date; write it YYYY-MM-DD" in capsys.readouterr().err
    monkeypatch.setenv("POLMAS_TODAY", "2030-06-01")
    assert main(["--project", str(REPO), "check"]) == EXIT_OK
    assert "data/events.yaml:15:8: warning: years: the table covers 2026–2030, not 2031" in capsys.readouterr().out
