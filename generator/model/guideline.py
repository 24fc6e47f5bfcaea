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

    text: Text
    actor: Text = Field(description="a role: 'Bhabinkamtibmas', 'Ketua RW', 'pengurus FKPM'")
    level: Literal["wajib", "sebaiknya"] = Field(
        "sebaiknya", description="wajib only where law or a standing order requires it",
    )
    legal_basis: list[LegalCitation] = []


class Contact(Strict):
    """Who to reach, named by role: personal numbers never go in public content."""

    role: Text
    when: Text | None = None
    channel: Text | None = Field(None, description="a public channel: 'Call Center 110', 'Polsek terdekat'")


class Guideline(Item):
    phase: Phase
    approach: Literal["preemtif", "preventif", "represif", "rehabilitatif"] | None = None
    situations: Annotated[list[Slug], Ref("situation")] = Field(min_length=1)
    standard: Text = Field(description="the standard in one sentence")
    steps: list[Step] = Field(min_length=1)
    indicators: list[Text] = []
    notes: Markdown | None = None
    how_it_works: Text | None = None
    works_best_if: Text | None = None
    considerations: Text | None = None
    escalation: Text | None = None
    contacts: list[Contact] = []
    activities: list[Activity] = []

    def search_labels(self) -> list[str]:
        return ["Pedoman", PHASE_LABELS[self.phase]]
