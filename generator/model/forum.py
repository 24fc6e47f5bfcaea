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
    role: Text = Field(description="'Ketua', 'Sekretaris', 'Bhabinkamtibmas', …: a role, never a name")
    element: Element
    count: PositiveInt = 1


class Decree(Strict):
    number: Text
    date: date
    issued_by: Text


class Term(Strict):
    start: date
    end: date


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

    document: Text | None = Field(None, description="a file under data/evidence/, e.g. 'fkpm-x/notulen.pdf'")
    photo: Text | None = Field(None, description="a JPEG, PNG or WebP under data/evidence/; no faces of "
                                                 "residents without their consent")
    alt: Text | None = Field(None, description="with photo: what it shows, for readers who cannot see it")
    count: NonNegativeInt | None = None
    unit: Text | None = Field(None, description="with count: what was counted, e.g. 'peserta', 'APAR'")
    title: Text | None = Field(None, description="what the document or photo is, e.g. 'Notulen musyawarah'")

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

    what: Text = Field(description="what was done, in a sentence")
    date: datetime.date
    evidence: list[Evidence] = Field(min_length=1)


class Measurement(Strict):
    """A value of one of a situation's indicators, measured for the stage."""

    situation: Annotated[Slug, Ref("situation")]
    indicator: Slug = Field(description="the id of one of that situation's indicators")
    value: NonNegativeFloat
    date: datetime.date
    source: Text = Field(description="where the value comes from, e.g. 'Buku ronda RW 03', 'Data SPKT Polsek'")


class Stage(Strict):
    title: Text
    start: date | None = None
    end: date | None = None
    status: Literal["rencana", "berjalan", "selesai", "tertunda"] = "rencana"
    results: list[Result] = Field([], description="what was done, with evidence (Karya nyata)")
    measurements: list[Measurement] = Field([], description="values of the situations' indicators it targets")


class Program(Strict):
    title: Text
    goal: Text
    partners: list[Text] = []
    stages: list[Stage] = Field(min_length=1)
    situations: Annotated[list[Slug], Ref("situation")] = []


class HandbookSelection(Strict):
    """What goes into the edition besides the default (the situations of the forum's areas)."""

    situations: Annotated[list[Slug], Ref("situation")] = Field(
        [], description="situations to cover instead of those recorded for the forum's areas",
    )
    tags: list[Slug] = Field([], description="add the situations, guidelines and modules with any of these tags")
    phases: list[Phase] = Field([], description="keep only guidelines of these phases (default: all three)")
    ids: Annotated[list[Slug], Ref(ANY_ITEM)] = Field(
        [], description="add these items by id, whatever the rules above say",
    )


class LocalNote(Strict):
    """The forum's own note on a standard guideline, printed beside it and marked as local."""

    guideline: Annotated[Slug, Ref("guideline")]
    note: Markdown


class ForumNote(Strict):
    """A note of the forum's own (an agreement, a local rule), printed in its profile and marked as local."""

    title: Text
    body: Markdown


class Handbook(Strict):
    """What the coordinator edits to publish the forum's handbook."""

    edition: PositiveInt = Field(1, description="raise it for every new edition; it never goes back")
    date: datetime.date = Field(description="the edition's date; printed on the cover and used as the PDF's date")
    title: Text | None = Field(None, description="default: 'Buku Pegangan <forum name>'")
    foreword: Markdown | None = Field(None, description="kata pengantar, signed by the chair")
    foreword_by: Text | None = Field(None, description="the signing role, e.g. 'Ketua FKPM'")
    compiled_by: Text | None = None
    approved_by: Text | None = None
    paper: Literal["A5", "A4"] = "A5"
    include: HandbookSelection = HandbookSelection()
    exclude: Annotated[list[Slug], Ref(ANY_ITEM)] = Field(
        [], description="leave these items out, whatever else selects them",
    )
    local_notes: list[LocalNote] = []
    notes: list[ForumNote] = Field([], description="the forum's own notes, printed in its profile")
    state: Literal["disiapkan", "diadopsi"] = Field(
        "disiapkan", title="Status edisi",
        description="disiapkan: edisi ini masih disusun. diadopsi: forum sudah mengadopsi edisi ini; build "
                    "berikutnya menerbitkannya (mencatat manifesnya di data/editions/) bila semua isinya "
                    "sudah disahkan dan nomor edisinya naik",
    )


class Forum(Strict):
    id: Slug
    name: Text
    summary: Text | None = None
    model: Literal["wilayah", "kawasan", "adat"]
    areas: Annotated[list[Slug], Ref("area")] = Field(min_length=1)
    places: Annotated[list[Slug], Ref("place")] = []
    polsek: Text
    polres: Text
    bkpm: Annotated[Slug | None, Ref("place")] = Field(None, description="the place where the forum meets")
    members: list[Member] = Field(min_length=1)
    decree: Decree | None = None
    term: Term | None = None
    meetings: Text | None = None
    vision: Text
    mission: list[Text] = Field(min_length=1)
    programs: list[Program] = []
    contacts: list[Contact] = []
    handbook: Handbook | None = None
    local_guidelines: Annotated[list[Slug], Ref("guideline")] = Field(
        [], description="guidelines written by this forum for its own area",
    )

    def search_labels(self) -> list[str]:
        return ["Forum", MODEL_LABELS[self.model]]
