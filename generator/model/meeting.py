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

    decision: Text = Field(title="Keputusan", description="Apa yang diputuskan rapat, dalam satu kalimat")
    owner: Annotated[Text, IfMissing(N_(
        "the role that carries the decision out, e.g. 'Sekretaris' or 'Bhabinkamtibmas', never a person's name",
    ))] = Field(
        title="Penanggung jawab",
        description="Jabatan yang melaksanakan, bukan nama orang",
    )
    due: datetime.date = Field(title="Batas waktu", description="Kapan harus selesai; tidak sebelum tanggal rapat")
    status: FollowUp = Field("belum", title="Status tindak lanjut", description="belum, berjalan atau selesai")
    note: Text | None = Field(
        None,
        title="Catatan",
        description="Bagaimana tindak lanjutnya, mis. apa yang masih kurang",
    )


class Meeting(Strict):
    id: Slug = Field(title="Id", description="Nama berkas, mis. 'fkpm-ngrandusari-2026-01-08'")
    forum: Annotated[Slug, Ref("forum")] = Field(title="Forum", description="Forum yang bersidang")
    date: datetime.date = Field(title="Tanggal rapat", description="Tanggal rapat")
    kind: MeetingKind = Field(title="Jenis rapat", description="rutin, luar-biasa (karena kejadian) atau pleno")
    place: Text | None = Field(None, title="Tempat", description="Tempat rapat, mis. 'BKPM Ngrandusari'")
    attendance: dict[Element, PositiveInt] = Field(
        min_length=1,
        title="Kehadiran",
        description="Jumlah yang hadir dari setiap unsur (angka, bukan nama), mis. 'masyarakat: 9'",
    )
    agenda: list[Text] = Field(min_length=1, title="Acara", description="Butir-butir acara rapat")
    decisions: list[Decision] = Field(
        [],
        title="Keputusan",
        description="Keputusan rapat beserta penanggung jawab dan batas waktunya",
    )

    @property
    def title(self) -> str:
        return f"Rapat {MEETING_KIND_LABELS[self.kind].lower()} {self.date.isoformat()}"

    @property
    def attendees(self) -> int:
        return sum(self.attendance.values())
