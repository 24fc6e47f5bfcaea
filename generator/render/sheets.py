"""The printable sheets of an education module: which exist, in the order a session uses them, and for whom."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Education


@dataclass(frozen=True)
class Sheet:
    """One printable sheet of a module: its file stem, the title printed on it, its template, and who gets it."""

    stem: str
    title: str
    template: str
    for_participants: bool
    """True: a copy per participant; False: the trainer's (one copy)."""
    about: str
    """What it holds, as the module's page says it under 'Bahan cetak'."""
    needs: str = ""
    """The module field it is made from, when the sheet exists only if that field has entries."""
    lead: str = ""

    def made_for(self, module: Education) -> bool:
        """Whether the module has what the sheet is made from (a test needs questions, slides key points)."""
        return not self.needs or bool(getattr(module, self.needs))


SHEETS: tuple[Sheet, ...] = (
    Sheet("catatan-pelatih", "Catatan pelatih", "trainer.html.j2", for_participants=False,
          about="metode, media, durasi, langkah kegiatan dan kunci jawaban tes"),
    Sheet("slide", "Slide", "slides.html.j2", for_participants=False, needs="takeaways",
          about="satu pesan kunci per halaman, untuk ditayangkan atau ditempel"),
    Sheet("tes-awal", "Tes awal", "test.html.j2", for_participants=True, needs="questions",
          about="soal tanpa jawaban, dikerjakan peserta sebelum sesi",
          lead="Jawablah sendiri sebelum sesi dimulai. Tidak apa-apa bila belum tahu: tes ini mengukur materi, "
               "bukan Anda."),
    Sheet("handout", "Bahan peserta", "handout.html.j2", for_participants=True,
          about="tujuan, ringkasan, materi dan latihan"),
    Sheet("lembar-kegiatan", "Lembar kegiatan", "worksheet.html.j2", for_participants=True,
          about="diisi peserta dengan tangan"),
    Sheet("tes-akhir", "Tes akhir", "test.html.j2", for_participants=True, needs="questions",
          about="soal yang sama sesudah sesi, untuk dibandingkan dengan tes awal",
          lead="Jawablah sendiri sesudah sesi. Bandingkan dengan tes awal Anda setelah pelatih membahas jawabannya."),
)
"""Per module, in the order a session uses them (and the pack's cetak/ folder prints them)."""


def module_sheets(module: Education) -> list[Sheet]:
    """The sheets made for one module, in session order."""
    return [sheet for sheet in SHEETS if sheet.made_for(module)]
