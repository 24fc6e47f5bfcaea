"""Rules on a forum's meetings: its latest decisions, the follow-ups still open or overdue, the current term's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.knowledge import KnowledgeBase, Record
from generator.model.forum import Forum
from generator.model.meeting import Decision, Meeting
from generator.model.record import as_kind

LATEST_MEETINGS = 2
"""How many of a forum's latest meetings its page shows the decisions of ('Keputusan terakhir')."""


@dataclass(frozen=True)
class FollowUp:
    """One decision with the meeting that made it."""

    meeting: Record[Meeting]
    decision: Decision

    @property
    def is_done(self) -> bool:
        return self.decision.status == "selesai"

    def days_late(self, today: date) -> int:
        return (today - self.decision.due).days


def meetings_of(kb: KnowledgeBase, forum_id: str) -> list[Record[Meeting]]:
    """The forum's meetings, newest first (by date, then id)."""
    own = [as_kind(m, Meeting) for m in kb.referrers(forum_id, "meeting")]
    return sorted(own, key=lambda m: (m.data.date, m.id), reverse=True)


def latest_meetings(kb: KnowledgeBase, forum_id: str) -> list[Record[Meeting]]:
    return meetings_of(kb, forum_id)[:LATEST_MEETINGS]


def follow_ups(meetings: list[Record[Meeting]]) -> list[FollowUp]:
    """Every decision of these meetings, soonest due first."""
    found = [FollowUp(m, d) for m in meetings for d in m.data.decisions]
    return sorted(found, key=lambda f: (f.decision.due, f.meeting.id, f.decision.decision))


def open_follow_ups(kb: KnowledgeBase, forum_id: str) -> list[FollowUp]:
    """The forum's decisions not yet done (belum, berjalan), soonest due first."""
    return [f for f in follow_ups(meetings_of(kb, forum_id)) if not f.is_done]


def overdue_follow_ups(kb: KnowledgeBase, today: date) -> list[tuple[Record[Forum], list[FollowUp]]]:
    """Per forum (by id), its decisions due before `today` and not done; forums without any are left out."""
    found = []
    for forum in kb.of_kind(Forum):
        late = [f for f in open_follow_ups(kb, forum.id) if f.decision.due < today]
        if late:
            found.append((forum, late))
    return found


def term_meetings(kb: KnowledgeBase, forum: Record[Forum], until: date) -> list[Record[Meeting]]:
    """The meetings of the forum's current term up to `until` (an edition's date), oldest first.

    Why: a handbook edition speaks for the board that approved it. The forum's `term` (masa bakti, from its
    decree) is that board's mandate, so its decisions are the ones the edition answers for; a forum without a
    recorded term counts from 1 January of the edition's year. Meetings after the edition's date are not in it:
    the same edition stays the same booklet, however many meetings follow.
    """
    term = forum.data.term
    start = term.start if term and term.start <= until else date(until.year, 1, 1)
    end = min(term.end, until) if term and term.start <= until else until
    chosen = [m for m in meetings_of(kb, forum.id) if start <= m.data.date <= end]
    return list(reversed(chosen))
