"""Partnership forums (FKPM): the wadah, its members, programs and handbook edition."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, NonNegativeFloat, NonNegativeInt, PositiveInt, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import ANY_ITEM, Markdown, Phase, Ref, Slug, Strict, Text
from generator.model.guideline import Contact
from generator.model.labels import MODEL_LABELS

Element = Literal[
    "masyarakat", "pemerintah", "polri", "tni", "tokoh-agama", "tokoh-adat",
    "pengelola", "satpam", "pekerja", "pedagang", "pemuda", "perempuan",
]


class Member(Strict):
    role: Text = Field(
        title="Jabatan",
        description="'Ketua', 'Sekretaris', 'Bhabinkamtibmas', …: jabatan, bukan nama orang",
    )
    element: Element = Field(title="Unsur", description="Unsur yang diwakili anggota ini")
    count: PositiveInt = Field(1, title="Jumlah", description="Berapa orang dengan jabatan ini")


class Decree(Strict):
    number: Text = Field(title="Nomor SK", description="Nomor surat keputusan pembentukan forum")
    date: datetime.date = Field(title="Tanggal SK", description="Tanggal surat keputusan")
    issued_by: Text = Field(title="Diterbitkan oleh", description="Pejabat atau instansi yang menerbitkan SK")


class Term(Strict):
    start: date = Field(title="Mulai", description="Awal masa bakti")
    end: date = Field(title="Selesai", description="Akhir masa bakti")


EVIDENCE_FOLDER = "data/evidence"
"""Evidence files (photos, documents) live here; a result names them relative to this folder."""
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
DOCUMENT_SUFFIXES = (".pdf", ".txt", ".odt", ".ods", ".docx", ".xlsx", ".csv")
"""No .md or .html: the site engine would read those as pages of its own."""


def _check_evidence_path(value: str, suffixes: tuple[str, ...], what: str) -> None:
    parts = value.split("/")
    if value.startswith("/") or "\\" in value or any(p in ("", ".", "..") for p in parts):
        raise PydanticCustomError(
            "evidence_path",
            _("'{value}' is not a file name under {folder}/: write it relative to that folder, "
              "with '/' between folders, e.g. 'fkpm-ngrandusari/penyuluhan.jpg'"),
            {"value": value, "folder": EVIDENCE_FOLDER, "field": what},
        )
    if not value.lower().endswith(suffixes):
        raise PydanticCustomError(
            "evidence_suffix",
            _("'{value}' is not a {what} file: use one ending in {allowed}"),
            {"value": value, "what": what, "allowed": ", ".join(suffixes), "field": what},
        )


class Evidence(Strict):
    """One piece of evidence of a result: a document, a photo with its alt text, or a count."""

    document: Text | None = Field(
        None,
        title="Dokumen",
        description="Berkas di data/evidence/, mis. 'fkpm-x/notulen.pdf'",
    )
    photo: Text | None = Field(
        None,
        title="Foto",
        description="JPEG, PNG atau WebP di data/evidence/; tanpa wajah warga kecuali dengan izin mereka",
    )
    alt: Text | None = Field(
        None,
        title="Keterangan foto",
        description="Dengan foto: apa yang tampak, untuk pembaca yang tidak dapat melihatnya",
    )
    count: NonNegativeInt | None = Field(None, title="Jumlah", description="Angka hasil, mis. jumlah peserta")
    unit: Text | None = Field(
        None,
        title="Satuan",
        description="Dengan jumlah: apa yang dihitung, mis. 'peserta', 'APAR'",
    )
    title: Text | None = Field(
        None,
        title="Judul bukti",
        description="Apa dokumen atau foto itu, mis. 'Notulen musyawarah'",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Evidence:
        given = [name for name in ("document", "photo", "count") if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "evidence_kind",
                _("give exactly one of 'document', 'photo' or 'count' per evidence entry (found {given}); "
                  "split it into separate entries") if given
                else _("give exactly one of 'document', 'photo' or 'count' per evidence entry"),
                {"given": ", ".join(given)} if given else {},
            )
        if self.photo is not None:
            _check_evidence_path(self.photo, PHOTO_SUFFIXES, "photo")
            if self.alt is None:
                raise PydanticCustomError(
                    "photo_without_alt",
                    _("a photo needs 'alt': a sentence saying what it shows, for readers who cannot see it"),
                    {"field": "photo"},
                )
        if self.document is not None:
            _check_evidence_path(self.document, DOCUMENT_SUFFIXES, "document")
        if self.count is not None and self.unit is None:
            raise PydanticCustomError(
                "count_without_unit", _("a count needs 'unit': what was counted, e.g. 'unit: peserta'"),
                {"field": "count"},
            )
        return self


class Result(Strict):
    """What a program stage did: when, and the evidence that shows it."""

    what: Text = Field(title="Yang dilakukan", description="Apa yang dikerjakan, dalam satu kalimat")
    date: datetime.date = Field(title="Tanggal", description="Tanggal kegiatan")
    evidence: list[Evidence] = Field(
        min_length=1,
        title="Bukti",
        description="Foto, dokumen atau jumlah yang menunjukkan hasilnya",
    )


class Measurement(Strict):
    """A value of one of a situation's indicators, measured for the stage."""

    situation: Annotated[Slug, Ref("situation")] = Field(
        title="Situasi",
        description="Situasi yang indikatornya diukur",
    )
    indicator: Slug = Field(title="Indikator", description="Id salah satu indikator situasi itu")
    value: NonNegativeFloat = Field(title="Nilai", description="Angka hasil pengukuran")
    date: datetime.date = Field(title="Tanggal", description="Tanggal pengukuran")
    source: Text = Field(title="Sumber angka", description="Asal angka, mis. 'Buku ronda RW 03', 'Data SPKT Polsek'")


class Stage(Strict):
    title: Text = Field(title="Nama tahap", description="Nama tahap program")
    start: date | None = Field(None, title="Mulai", description="Tanggal mulai tahap")
    end: date | None = Field(None, title="Selesai", description="Tanggal selesai tahap")
    status: Literal["rencana", "berjalan", "selesai", "tertunda"] = Field(
        "rencana",
        title="Status tahap",
        description="rencana, berjalan, selesai atau tertunda",
    )
    results: list[Result] = Field([], title="Hasil", description="Apa yang dikerjakan, dengan buktinya (Karya nyata)")
    measurements: list[Measurement] = Field(
        [],
        title="Pengukuran",
        description="Nilai indikator situasi yang menjadi sasaran tahap ini",
    )


class Program(Strict):
    title: Text = Field(title="Nama program", description="Nama program forum")
    goal: Text = Field(title="Tujuan", description="Tujuan program dalam satu kalimat")
    partners: list[Text] = Field([], title="Mitra", description="Pihak yang ikut bekerja dalam program")
    stages: list[Stage] = Field(min_length=1, title="Tahap", description="Tahap-tahap program")
    situations: Annotated[list[Slug], Ref("situation")] = Field(
        [],
        title="Situasi sasaran",
        description="Situasi yang ditangani program ini",
    )


class HandbookSelection(Strict):
    """What goes into the edition besides the default (the situations of the forum's areas)."""

    situations: Annotated[list[Slug], Ref("situation")] = Field(
        [],
        title="Situasi",
        description="Situasi yang dimuat, sebagai pengganti situasi wilayah forum",
    )
    tags: list[Slug] = Field(
        [],
        title="Tag",
        description="Tambahkan situasi, pedoman dan modul yang memiliki salah satu tag ini",
    )
    phases: list[Phase] = Field(
        [],
        title="Tahap pedoman",
        description="Hanya pedoman tahap ini yang dimuat (kosong: ketiganya)",
    )
    ids: Annotated[list[Slug], Ref(ANY_ITEM)] = Field(
        [],
        title="Isian tambahan",
        description="Id isian yang selalu dimuat, apa pun aturan di atas",
    )


class LocalNote(Strict):
    """The forum's own note on a standard guideline, printed beside it and marked as local."""

    guideline: Annotated[Slug, Ref("guideline")] = Field(
        title="Pedoman",
        description="Pedoman baku yang diberi catatan lokal",
    )
    note: Markdown = Field(
        title="Catatan lokal",
        description="Catatan forum yang dicetak di samping pedoman itu, bertanda \"Lokal\"",
    )


class ForumNote(Strict):
    """A note of the forum's own (an agreement, a local rule), printed in its profile and marked as local."""

    title: Text = Field(title="Judul catatan", description="Judul catatan forum, mis. 'Kesepakatan ronda'")
    body: Markdown = Field(title="Isi catatan", description="Isi catatan; boleh memakai Markdown")


class Handbook(Strict):
    """What the coordinator edits to publish the forum's handbook."""

    edition: PositiveInt = Field(
        1,
        title="Edisi",
        description="Naikkan untuk setiap edisi baru; nomor edisi tidak pernah turun",
    )
    date: datetime.date = Field(title="Tanggal edisi", description="Tercetak di sampul dan menjadi tanggal PDF")
    title: Text | None = Field(None, title="Judul buku", description="Kosong: 'Buku Pegangan <nama forum>'")
    foreword: Markdown | None = Field(
        None,
        title="Kata pengantar",
        description="Kata pengantar, ditandatangani ketua; boleh memakai Markdown",
    )
    foreword_by: Text | None = Field(
        None,
        title="Penanda tangan pengantar",
        description="Jabatan yang menandatangani, mis. 'Ketua FKPM'",
    )
    compiled_by: Text | None = Field(
        None,
        title="Disusun oleh",
        description="Jabatan atau badan penyusun, mis. 'Sekretariat FKPM'",
    )
    approved_by: Text | None = Field(
        None,
        title="Disahkan oleh",
        description="Badan yang mengesahkan, mis. 'Rapat pleno FKPM'",
    )
    paper: Literal["A5", "A4"] = Field("A5", title="Ukuran kertas", description="A5 (buku saku) atau A4")
    include: HandbookSelection = Field(
        HandbookSelection(),
        title="Yang dimuat",
        description="Isian yang dimuat selain bawaan (situasi wilayah forum)",
    )
    exclude: Annotated[list[Slug], Ref(ANY_ITEM)] = Field(
        [],
        title="Dikecualikan",
        description="Isian yang tidak dimuat, apa pun yang memilihnya",
    )
    local_notes: list[LocalNote] = Field(
        [],
        title="Catatan lokal pada pedoman",
        description="Catatan forum di samping pedoman baku",
    )
    notes: list[ForumNote] = Field(
        [],
        title="Catatan forum",
        description="Catatan forum sendiri, dicetak di profil forum",
    )
    state: Literal["disiapkan", "diadopsi"] = Field(
        "disiapkan", title="Status edisi",
        description="disiapkan: edisi ini masih disusun. diadopsi: forum sudah mengadopsi edisi ini; build "
                    "berikutnya menerbitkannya (mencatat manifesnya di data/editions/) bila semua isinya "
                    "sudah disahkan dan nomor edisinya naik",
    )


class Forum(Strict):
    id: Slug = Field(title="Id", description="Id unik forum; sama dengan nama berkas, mis. 'fkpm-ngrandusari'")
    name: Text = Field(title="Nama forum", description="Nama lengkap forum")
    summary: Text | None = Field(None, title="Ringkasan", description="Satu atau dua kalimat tentang forum")
    model: Literal["wilayah", "kawasan", "adat"] = Field(
        title="Model forum",
        description="wilayah (kelurahan/desa), kawasan (pasar, sekolah) atau adat",
    )
    areas: Annotated[list[Slug], Ref("area")] = Field(min_length=1, title="Wilayah", description="Wilayah kerja forum")
    places: Annotated[list[Slug], Ref("place")] = Field([], title="Tempat", description="Tempat penting forum di peta")
    polsek: Text = Field(title="Polsek", description="Polsek yang membawahi wilayah forum")
    polres: Text = Field(title="Polres", description="Polres yang membawahi wilayah forum")
    bkpm: Annotated[Slug | None, Ref("place")] = Field(None, title="Balai (BKPM)", description="Tempat forum bertemu")
    members: list[Member] = Field(
        min_length=1,
        title="Pengurus",
        description="Susunan pengurus menurut jabatan, bukan nama",
    )
    decree: Decree | None = Field(None, title="SK pembentukan", description="Surat keputusan pembentukan forum")
    term: Term | None = Field(None, title="Masa bakti", description="Awal dan akhir masa bakti pengurus")
    meetings: Text | None = Field(
        None,
        title="Jadwal rapat",
        description="Kapan forum biasa bertemu, mis. 'Setiap Kamis kedua'",
    )
    vision: Text = Field(title="Visi", description="Visi forum dalam satu kalimat")
    mission: list[Text] = Field(min_length=1, title="Misi", description="Butir-butir misi forum")
    programs: list[Program] = Field([], title="Program", description="Program kerja forum beserta tahap dan hasilnya")
    contacts: list[Contact] = Field(
        [],
        title="Kontak",
        description="Yang dapat dihubungi, menurut jabatan; nomor pribadi tidak boleh di sini",
    )
    handbook: Handbook | None = Field(None, title="Buku pegangan", description="Edisi buku pegangan forum (PDF)")
    local_guidelines: Annotated[list[Slug], Ref("guideline")] = Field(
        [],
        title="Pedoman lokal",
        description="Pedoman yang ditulis forum ini untuk wilayahnya sendiri",
    )

    def search_labels(self) -> list[str]:
        return ["Forum", MODEL_LABELS[self.model]]
