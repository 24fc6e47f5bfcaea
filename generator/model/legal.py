"""Legal frameworks: the payung hukum every guideline rests on (product 4)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, HttpUrl

from generator.model.common import Code, Item, Ref, Slug, Strict, Text

LegalType = Literal[
    "UUD", "UU", "Perppu", "PP", "Perpres", "Keppres", "Inpres", "Permendagri", "Kepmendagri",
    "Perkap", "Perpol", "Perda", "Perkada", "Perdes", "Lainnya",
]


class Article(Strict):
    number: Code = Field(description="as cited: 'Pasal 27' or 'Pasal 27 ayat (2)'")
    summary: Text = Field(description="our own summary, not the official wording")


class Legal(Item):
    type: LegalType
    number: Code
    year: int = Field(ge=1945, le=2100)
    subject: Text
    legal_status: Literal["berlaku", "diubah", "dicabut"]
    replaces: Annotated[list[Slug], Ref("legal")] = []
    replaced_by: Annotated[Slug | None, Ref("legal")] = None
    articles: list[Article] = []
    official_url: HttpUrl | None = None
    verified_on: date | None = None

    def search_labels(self) -> list[str]:
        return [f"{self.type} · payung hukum", str(self.legal_status)]
