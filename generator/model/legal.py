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
    articles: list[Article] = Field([], description="the articles content cites, each with our own short gist")
    official_url: HttpUrl | None = Field(
        None, description="the official text: peraturan.go.id, the BPK legal database or JDIH Polri")
    verified_on: date | None = Field(
        None, description="when this record (link, number, articles) was last checked against the official "
                          "source; polmas check warns once that is more than a year ago")

    @property
    def short_name(self) -> str:
        """How a citation names it: 'Perpol 1/2021', 'UU 2/2002'."""
        return f"{self.type} {self.number}/{self.year}"

    def citation_label(self, article: str | None) -> str:
        """'Perpol 1/2021 Pasal 3' for an article, the full title for the whole framework."""
        return f"{self.short_name} {article}" if article else self.title

    def search_labels(self) -> list[str]:
        return [f"{self.type} · payung hukum", str(self.legal_status)]
