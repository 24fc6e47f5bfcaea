"""A forum's meetings and decisions as pages print them: dates in Indonesian, labels, attendance in counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.domain.meetings import FollowUp
from generator.knowledge import Record
from generator.model.labels import ELEMENT_LABELS, FOLLOW_UP_LABELS, MEETING_KIND_LABELS
from generator.model.meeting import Meeting
from generator.render.handbook_views import indonesian_date


@dataclass(frozen=True)
class DecisionView:
    decision: str
    owner: str
    due: str
    status: str
    """belum, berjalan or selesai: the page's CSS class"""
    status_label: str
    note: str | None
    meeting: str
    """the meeting that made it, e.g. 'Rapat rutin, 8 Januari 2026'"""
    days_late: int


@dataclass(frozen=True)
class MeetingView:
    title: str
    date: str
    kind: str
    place: str | None
    attendance: str
    agenda: list[str]
    decisions: list[DecisionView]


def meeting_label(meeting: Meeting) -> str:
    return f"Rapat {MEETING_KIND_LABELS[meeting.kind].lower()}, {indonesian_date(meeting.date)}"


def attendance_text(meeting: Meeting) -> str:
    """'Masyarakat 8, Pemerintah 2, Polri 1 (11 orang)': in the elements' usual order, counts never names."""
    parts = [f"{label} {meeting.attendance[element]}" for element, label in ELEMENT_LABELS.items()
             if element in meeting.attendance]
    return f"{', '.join(parts)} ({meeting.attendees} orang)"


def decision_view(follow_up: FollowUp, today: date | None = None) -> DecisionView:
    decision = follow_up.decision
    return DecisionView(
        decision=decision.decision, owner=decision.owner, due=indonesian_date(decision.due),
        status=decision.status, status_label=FOLLOW_UP_LABELS[decision.status], note=decision.note,
        meeting=meeting_label(follow_up.meeting.data),
        days_late=follow_up.days_late(today) if today else 0,
    )


def meeting_view(meeting: Record[Meeting]) -> MeetingView:
    data = meeting.data
    return MeetingView(
        title=meeting_label(data), date=indonesian_date(data.date), kind=MEETING_KIND_LABELS[data.kind],
        place=data.place, attendance=attendance_text(data), agenda=list(data.agenda),
        decisions=[decision_view(FollowUp(meeting, d)) for d in data.decisions],
    )
