"""Checks on a forum's meetings that one field cannot make alone: a decision due before the meeting was held."""

from __future__ import annotations

from generator.model.meeting import Meeting
from generator.model.record import Records, of_kind
from generator.problems import Problem


def check_meetings(records: Records) -> list[Problem]:
    """Every decision is due on or after the day it was made."""
    problems = []
    for record in of_kind(records, Meeting):
        meeting = record.data
        for index, decision in enumerate(meeting.decisions):
            if decision.due >= meeting.date:
                continue
            line, column = record.source.position(("decisions", index, "due"))
            problems.append(Problem(
                record.source.src_path, line, column, f"decisions[{index}].due",
                f"{decision.due.isoformat()} is before the meeting itself ({meeting.date.isoformat()}); "
                "a decision is due on the meeting's day or later: correct the due date or the meeting's date",
            ))
    return problems
