"""Training packs (paket pelatihan): a coordinator's plan for one audience, its modules in order and the day's rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, NonNegativeInt, PositiveInt
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import Audience, Ref, Slug, Strict, Text

PerParticipant = Literal["tes-awal", "handout", "lembar-kegiatan", "tes-akhir", "umpan-balik", "sertifikat"]
"""What can be printed once for every participant: per module its tests, handout and worksheet; per pack the
feedback form and the certificate. Everything else (trainer notes, slides, the plan) is printed once."""


def _check_clock(value: str) -> str:
    hours, _dot, minutes = value.partition(".")
    if len(hours) == 2 and len(minutes) == 2 and hours.isdigit() and minutes.isdigit() \
            and int(hours) < 24 and int(minutes) < 60:
        return value
    raise PydanticCustomError(
        "clock", _("'{value}' is not a time of day written HH.MM, e.g. '08.00' (in quotes)"), {"value": value},
    )


Clock = Annotated[str, AfterValidator(_check_clock)]


class TrainingPack(Strict):
    """One pack, in data/packs/<id>.yaml; the id is what `polmas bundle --audience` and certificates name."""

    id: Slug = Field(title="Kode paket", description="the file name without .yaml, e.g. 'pelajar'")
    title: Text = Field(title="Judul paket", description="printed on the plan, the attendance list and certificates")
    lead: Text = Field(title="Pengantar", description="one sentence: for whom and where the pack is used")
    audience: list[Audience] = Field(
        min_length=1, title="Peserta", description="who the pack is for, its own audience first",
    )
    modules: Annotated[list[Slug], Ref("education")] = Field(
        min_length=1, title="Modul, menurut urutan", description="the education modules, in the order taught",
    )
    days: PositiveInt = Field(
        title="Jumlah hari", description="how many days the pack is given over; the session plan must fit",
    )
    start: Clock = Field("08.00", title="Jam mulai", description="when each day starts, HH.MM in quotes")
    break_minutes: NonNegativeInt = Field(
        15, title="Istirahat antarsesi (menit)", description="the break between two sessions of a day",
    )
    teaching_minutes_per_day: PositiveInt = Field(
        240, title="Waktu belajar sehari (menit)",
        description="at most this much teaching a day; the next module starts a new day",
    )
    participants: PositiveInt = Field(
        25, title="Perkiraan jumlah peserta", description="rows on the attendance list; copies to print by default",
    )
    per_participant: list[PerParticipant] = Field(
        ["tes-awal", "handout", "lembar-kegiatan", "tes-akhir", "umpan-balik", "sertifikat"],
        title="Dicetak untuk setiap peserta",
        description="the sheets every participant gets; the rest is printed once, for the trainer",
    )
    signatories: list[Text] = Field(
        min_length=1, title="Penanda tangan sertifikat",
        description="the roles that sign the certificate, e.g. 'Ketua FKPM' or 'Kapolsek', never a person's name",
    )
    forum: Annotated[Slug | None, Ref("forum")] = Field(
        None, title="Forum penyelenggara",
        description="the forum that runs it, printed on attendance lists and certificates (optional)",
    )

    def schedule(self, durations: list[int]) -> list[tuple[int, int]]:
        """(day, start in minutes after midnight) of each session: back to back with the break between; a new
        day when the next would pass the day's teaching minutes (a longer module gets a day of its own)."""
        start = clock_minutes(self.start)
        slots: list[tuple[int, int]] = []
        day, clock, taught = 1, start, 0
        for minutes in durations:
            if taught and taught + minutes > self.teaching_minutes_per_day:
                day, clock, taught = day + 1, start, 0
            elif taught:
                clock += self.break_minutes
            slots.append((day, clock))
            clock += minutes
            taught += minutes
        return slots


def clock_minutes(text: str) -> int:
    """'08.30' → 510 (the form is checked by `Clock`)."""
    hours, _, minutes = text.partition(".")
    return int(hours) * 60 + int(minutes)
