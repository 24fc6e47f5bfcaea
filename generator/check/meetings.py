"""Checks on a forum's meetings that one field cannot make alone: due dates, and owners the forum knows."""

from __future__ import annotations

from generator.i18n import _
from generator.model.forum import Forum
from generator.model.meeting import Meeting
from generator.model.record import Record, Records, of_kind
from generator.problems import Problem, Severity, suggest


def check_meetings(records: Records) -> list[Problem]:
    """Every decision is due on or after the day it was made, and is owned by a role of its forum."""
    problems = []
    for record in of_kind(records, Meeting):
        problems.extend(_due_before_meeting(record))
        forum = records.get(record.data.forum)
        if forum is not None and isinstance(forum.data, Forum):
            problems.extend(_unknown_owners(record, forum.data, forum.source.src_path))
    return problems


def _due_before_meeting(record: Record[Meeting]) -> list[Problem]:
    meeting, problems = record.data, []
    for index, decision in enumerate(meeting.decisions):
        if decision.due >= meeting.date:
            continue
        line, column = record.source.position(("decisions", index, "due"))
        problems.append(Problem(
            record.source.src_path, line, column, f"decisions[{index}].due",
            _("{due} is before the meeting itself ({date}); a decision is due on the meeting's day or later: "
              "correct the due date or the meeting's date").format(due=decision.due.isoformat(),
                                                                   date=meeting.date.isoformat()),
        ))
    return problems


def _unknown_owners(record: Record[Meeting], forum: Forum, forum_path: str) -> list[Problem]:
    """A warning, not an error: an owner may sit outside the forum (the lurah); but a typed name lands here too."""
    roles = [member.role for member in forum.members] + [contact.role for contact in forum.contacts]
    known = {role.casefold() for role in roles}
    problems = []
    for index, decision in enumerate(record.data.decisions):
        if decision.owner.casefold() in known:
            continue
        line, column = record.source.position(("decisions", index, "owner"))
        problems.append(Problem(
            record.source.src_path, line, column, f"decisions[{index}].owner",
            _("'{owner}' is not a role of {forum}'s members or contacts{suggestion}; name the role that carries "
              "it out as {file} lists it, never a person").format(
                owner=decision.owner, forum=forum.id, suggestion=suggest(decision.owner, roles), file=forum_path),
            Severity.WARNING,
        ))
    return problems
