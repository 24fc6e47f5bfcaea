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
    number: Code = Field(title="Nomor pasal", description="Seperti dikutip: 'Pasal 27' atau 'Pasal 27 ayat (2)'")
    summary: Text = Field(title="Inti pasal", description="Ringkasan dengan kata-kata kita sendiri, bukan bunyi resmi")


class Legal(Item):
    type: LegalType = Field(title="Jenis peraturan", description="UU, PP, Perpres, Perpol, Perkap, Perda, …")
    number: Code = Field(title="Nomor", description="Nomor peraturan")
    year: int = Field(ge=1945, le=2100, title="Tahun", description="Tahun peraturan")
    subject: Text = Field(title="Tentang", description="Pokok peraturan, mis. 'Kepolisian Negara Republik Indonesia'")
    legal_status: Literal["berlaku", "diubah", "dicabut"] = Field(
        title="Status hukum",
        description="berlaku, diubah atau dicabut",
    )
    replaces: Annotated[list[Slug], Ref("legal")] = Field(
        [],
        title="Menggantikan",
        description="Peraturan yang digantikan peraturan ini",
    )
    replaced_by: Annotated[Slug | None, Ref("legal")] = Field(
        None,
        title="Digantikan oleh",
        description="Peraturan yang menggantikan peraturan ini",
    )
    articles: list[Article] = Field(
        [],
        title="Pasal",
        description="Pasal yang dikutip isian, masing-masing dengan inti singkat",
    )
    official_url: HttpUrl | None = Field(
        None,
        title="Teks resmi",
        description="Alamat teks resmi: peraturan.go.id, basis data BPK atau JDIH Polri",
    )
    verified_on: date | None = Field(
        None,
        title="Diperiksa pada",
        description=(
            "Kapan catatan ini (tautan, nomor, pasal) terakhir dicocokkan dengan sumber resmi; polmas "
            "check mengingatkan bila lebih dari setahun"
        ),
    )

    @property
    def short_name(self) -> str:
        """How a citation names it: 'Perpol 1/2021', 'UU 2/2002'."""
        return f"{self.type} {self.number}/{self.year}"

    def citation_label(self, article: str | None) -> str:
        """'Perpol 1/2021 Pasal 3' for an article, the full title for the whole framework."""
        return f"{self.short_name} {article}" if article else self.title

    def search_labels(self) -> list[str]:
        return [f"{self.type} · payung hukum", str(self.legal_status)]
