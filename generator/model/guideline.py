"""Action guidelines for prevention, handling and recovery (product 2)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.model.common import Item, LegalCitation, Markdown, Phase, Ref, Slug, Strict, Text
from generator.model.labels import PHASE_LABELS

Activity = Literal[
    "penjagaan", "pengaturan", "patroli", "kunjungan", "komunikasi", "kemitraan",
    "pemecahan-masalah", "reaksi-cepat", "laporan-analisa", "fasilitasi", "jejaring",
]


class Step(Strict):
    """One line of the checklist: what is done, by whom, and whether it is required."""

    text: Text = Field(title="Langkah", description="Apa yang dilakukan, dalam satu atau dua kalimat")
    actor: Text = Field(title="Pelaksana", description="Jabatan: 'Bhabinkamtibmas', 'Ketua RW', 'pengurus FKPM'")
    level: Literal["wajib", "sebaiknya"] = Field(
        "sebaiknya",
        title="Tingkat",
        description="wajib hanya bila diwajibkan hukum atau perintah tetap; selain itu sebaiknya",
    )
    legal_basis: list[LegalCitation] = Field(
        [],
        title="Dasar hukum langkah",
        description="Peraturan dan pasal yang mewajibkan langkah ini",
    )


class Contact(Strict):
    """Who to reach, named by role: personal numbers never go in public content."""

    role: Text = Field(title="Jabatan", description="Siapa yang dihubungi, menurut jabatan")
    when: Text | None = Field(None, title="Kapan", description="Dalam keadaan apa menghubunginya")
    channel: Text | None = Field(
        None,
        title="Saluran",
        description="Saluran umum: 'Call Center 110', 'Polsek terdekat'",
    )


class Guideline(Item):
    phase: Phase = Field(title="Tahap", description="pencegahan, penanganan atau pasca (pemulihan)")
    approach: Literal["preemtif", "preventif", "represif", "rehabilitatif"] | None = Field(
        None,
        title="Pendekatan",
        description="preemtif, preventif, represif atau rehabilitatif",
    )
    situations: Annotated[list[Slug], Ref("situation")] = Field(
        min_length=1,
        title="Situasi",
        description="Situasi yang ditangani pedoman ini",
    )
    standard: Text = Field(title="Standar", description="Standar pedoman dalam satu kalimat")
    steps: list[Step] = Field(
        min_length=1,
        title="Langkah-langkah",
        description="Daftar periksa: apa yang dilakukan, oleh siapa",
    )
    indicators: list[Text] = Field(
        [],
        title="Indikator",
        description="Tanda bahwa pedoman berjalan, mis. 'Jumlah kejadian per bulan'",
    )
    notes: Markdown | None = Field(None, title="Catatan", description="Catatan tambahan; boleh memakai Markdown")
    how_it_works: Text | None = Field(None, title="Cara kerjanya", description="Mengapa langkah-langkah ini berhasil")
    works_best_if: Text | None = Field(
        None,
        title="Paling berhasil bila",
        description="Keadaan yang membuat pedoman paling berhasil",
    )
    considerations: Text | None = Field(None, title="Pertimbangan", description="Hal yang perlu diwaspadai")
    escalation: Text | None = Field(
        None,
        title="Bila berlanjut",
        description="Apa yang dilakukan bila masalah tidak selesai",
    )
    contacts: list[Contact] = Field([], title="Kontak", description="Siapa yang dihubungi, kapan dan lewat saluran apa")
    activities: list[Activity] = Field(
        [],
        title="Kegiatan petugas",
        description="Kegiatan Polmas yang dipakai pedoman ini",
    )

    def search_labels(self) -> list[str]:
        return ["Pedoman", PHASE_LABELS[self.phase]]
