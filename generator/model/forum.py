"""Partnership forums (FKPM): the wadah, its members, programs and handbook edition."""

from __future__ import annotations

import datetime
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, PositiveInt

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


class Stage(Strict):
    title: Text
    start: date | None = None
    end: date | None = None
    status: Literal["rencana", "berjalan", "selesai", "tertunda"] = "rencana"


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
