"""A forum's meetings (rapat): who came by element, the agenda, and the decisions with their follow-up."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, PositiveInt

from generator.i18n import N_
from generator.model.common import IfMissing, Ref, Slug, Strict, Text
from generator.model.forum import Element
from generator.model.labels import MEETING_KIND_LABELS

MeetingKind = Literal["rutin", "luar-biasa", "pleno"]
FollowUp = Literal["belum", "berjalan", "selesai"]


class Decision(Strict):
    """One decision: what, who carries it out (a role), by when, and how far it has come."""

    decision: Text = Field(description="what the meeting decided, in one sentence")
    owner: Annotated[Text, IfMissing(N_(
        "the role that carries the decision out, e.g. 'Sekretaris' or 'Bhabinkamtibmas', never a person's name",
    ))] = Field(description="the role that carries it out, never a person's name")
    due: datetime.date = Field(description="by when it should be done; not before the meeting's date")
    status: FollowUp = Field("belum", description="belum (not started), berjalan (under way), selesai (done)")
    note: Text | None = Field(None, description="how the follow-up stands, e.g. what is still missing")


class Meeting(Strict):
    id: Slug = Field(description="the file name, e.g. 'fkpm-ngrandusari-2026-01-08'")
    forum: Annotated[Slug, Ref("forum")]
    date: datetime.date
    kind: MeetingKind = Field(description="rutin, luar-biasa (called for an incident) or pleno")
    place: Text | None = Field(None, description="where it met, e.g. 'BKPM Ngrandusari'")
    attendance: dict[Element, PositiveInt] = Field(
        min_length=1, description="how many came from each element (counts, never names), e.g. 'masyarakat: 9'",
    )
    agenda: list[Text] = Field(min_length=1)
    decisions: list[Decision] = []

    @property
    def title(self) -> str:
        return f"Rapat {MEETING_KIND_LABELS[self.kind].lower()} {self.date.isoformat()}"

    @property
    def attendees(self) -> int:
        return sum(self.attendance.values())
