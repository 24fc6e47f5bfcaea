"""Meetings and decisions (rapat): checked with file, line and column; open, overdue and the current term's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from generator import pipeline
from generator.domain.meetings import open_follow_ups, overdue_follow_ups, term_meetings
from generator.model import KINDS_BY_NAME, Forum, Meeting
from tests.conftest import REPO

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

MEETING = """
    id: fkpm-x-2026-01-08
    forum: {forum}
    date: 2026-01-08
    kind: rutin
    attendance: {{masyarakat: 5, polri: 1}}
    agenda: [Ronda RW 03]
    decisions:
      - decision: Ronda lima malam sepekan.
        owner: Koordinator siskamling RW
        due: {due}
    """


def test_the_registry_declares_it_once() -> None:
    kind = KINDS_BY_NAME["meeting"]
    assert (kind.folder, kind.model, kind.pages) == ("data/meetings", Meeting, None)


def test_an_unknown_forum_is_named(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    found = write_and_check({"data/meetings/fkpm-x-2026-01-08.yaml": MEETING.format(forum="fkpm-x", due="2026-02-01")})
    assert found == ["data/meetings/fkpm-x-2026-01-08.yaml:2:8: forum: unknown forum 'fkpm-x'; "
                     "no such id in data/forums/"]


def test_a_decision_due_before_the_meeting_is_refused(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    found = write_and_check({"data/meetings/fkpm-x-2026-01-08.yaml": MEETING.format(forum="fkpm-x", due="2025-12-31")})
    assert "data/meetings/fkpm-x-2026-01-08.yaml:10:10: decisions[0].due: 2025-12-31 is before the meeting itself " \
           "(2026-01-08); a decision is due on the meeting's day or later: correct the due date or the meeting's " \
           "date" in found


def test_open_overdue_and_current_term_decisions_of_the_sample() -> None:
    kb, problems = pipeline.check(REPO)
    assert not problems.has_errors()
    meetings = kb.of_kind(Meeting)
    assert len(meetings) >= 4 and sum(len(m.data.decisions) for m in meetings) >= 10
    assert {m.data.forum for m in meetings} == {f.id for f in kb.of_kind(Forum)}, "every sample forum meets"

    still_open = open_follow_ups(kb, "fkpm-ngrandusari")
    assert [f.decision.due for f in still_open] == sorted(f.decision.due for f in still_open)
    assert all(f.decision.status != "selesai" for f in still_open)

    late = dict((forum.id, rows) for forum, rows in overdue_follow_ups(kb, date(2026, 10, 2)))
    assert [f.decision.due for f in late["fkpm-ngrandusari"]] == [date(2026, 1, 31), date(2026, 3, 31),
                                                                 date(2026, 10, 1)]
    assert not overdue_follow_ups(kb, date(2025, 1, 1)), "nothing is late before anything was due"

    ngrandusari = kb.get("fkpm-ngrandusari", Forum)
    in_term = term_meetings(kb, ngrandusari, until=date(2026, 2, 16))  # the handbook edition's date
    assert [m.id for m in in_term] == ["fkpm-ngrandusari-2025-11-06", "fkpm-ngrandusari-2026-01-08"], \
        "the term's meetings up to the edition, oldest first; the September meeting came after it"


FORUM = """
    id: fkpm-x
    name: FKPM X
    model: wilayah
    areas: [x]
    polsek: Polsek X
    polres: Polres X
    members:
      - {role: Ketua, element: masyarakat}
      - {role: Koordinator siskamling RW, element: masyarakat}
    vision: Aman.
    mission: [Rukun.]
    """
AREA = """
    id: x
    code: "99.99.99.1999"
    level: kelurahan
    name: X
    """


def test_an_owner_the_forum_does_not_know_is_a_warning(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    meeting = MEETING.format(forum="fkpm-x", due="2026-02-01").replace("Koordinator siskamling RW", "Pak Darmo")
    found = write_and_check({"data/forums/fkpm-x.yaml": FORUM, "data/areas/x.yaml": AREA,
                             "data/meetings/fkpm-x-2026-01-08.yaml": meeting})
    assert found == ["data/meetings/fkpm-x-2026-01-08.yaml:9:12: warning: decisions[0].owner: 'Pak Darmo' is not a "
                     "role of fkpm-x's members or contacts; name the role that carries it out as "
                     "data/forums/fkpm-x.yaml lists it, never a person"]
