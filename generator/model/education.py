"""Education modules for every audience (product 3)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PositiveInt

from generator.model.common import Item, Markdown, Ref, Slug, Strict, Text
from generator.model.questions import MAX_QUESTIONS, MIN_QUESTIONS, Question


class LearningActivity(Strict):
    title: Text = Field(title="Nama kegiatan", description="Nama kegiatan belajar")
    minutes: PositiveInt = Field(title="Lama (menit)", description="Berapa menit kegiatan ini berlangsung")
    description: Text = Field(title="Langkah kegiatan", description="Apa yang dilakukan pelatih dan peserta")


class Worksheet(Strict):
    """A sheet participants fill in by hand: a title, what to do, and the blanks."""

    title: Text = Field(title="Judul lembar kerja", description="Judul yang tercetak di lembar kegiatan")
    instructions: Text = Field(title="Petunjuk", description="Petunjuk pengisian untuk peserta")
    fields: list[Text] = Field(
        min_length=1,
        title="Isian",
        description="Pertanyaan atau kolom yang diisi peserta dengan tangan",
    )


class Education(Item):
    objectives: list[Text] = Field(
        min_length=1,
        title="Tujuan",
        description="Yang dapat dilakukan peserta setelah belajar",
    )
    duration_minutes: PositiveInt = Field(title="Lama (menit)", description="Lama seluruh sesi dalam menit")
    methods: list[Text] = Field(
        [],
        title="Metode",
        description="Cara belajar, mis. 'ceramah', 'diskusi', 'bermain peran'",
    )
    media: list[Text] = Field([], title="Media", description="Alat bantu, mis. 'poster', 'video'")
    activities: list[LearningActivity] = Field(
        [],
        title="Kegiatan",
        description="Kegiatan belajar langkah demi langkah",
    )
    body: Markdown = Field(title="Materi", description="Isi materi; boleh memakai Markdown (tebal, daftar, tautan)")
    takeaways: list[Text] = Field([], title="Ringkasan materi", description="Butir-butir ringkasan modul")
    exercises: list[Text] = Field([], title="Latihan", description="Soal atau latihan untuk peserta")
    worksheets: list[Worksheet] = Field(
        [],
        title="Lembar kegiatan",
        description="Lembar yang diisi peserta dengan tangan",
    )
    attachments: Annotated[list[Slug], Ref("reference")] = Field(
        [],
        title="Lampiran",
        description="Berkas pendukung modul",
    )
    supports: Annotated[list[Slug], Ref("guideline")] = Field(
        [],
        title="Pedoman yang diajarkan",
        description="Pedoman yang diajarkan modul ini",
    )
    questions: list[Question] = Field(
        [], min_length=MIN_QUESTIONS, max_length=MAX_QUESTIONS, title="Soal tes awal dan akhir",
        description=f"{MIN_QUESTIONS} sampai {MAX_QUESTIONS} soal yang diajukan sebelum dan sesudah sesi; peserta "
                    "menerimanya tanpa jawaban, kunci jawaban hanya ada di catatan pelatih",
    )

    def search_labels(self) -> list[str]:
        return ["Bahan edukasi", f"{self.duration_minutes} menit"]
