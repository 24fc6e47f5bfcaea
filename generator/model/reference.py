"""References and supporting documents (product 5)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, HttpUrl

from generator.model.common import Code, Item, Text


class Reference(Item):
    type: Literal["buku", "artikel", "peraturan", "laporan", "modul", "panduan", "situs", "video", "lainnya"] = Field(
        title="Jenis referensi",
        description="buku, artikel, peraturan, laporan, modul, panduan, situs, video atau lainnya",
    )
    authors: list[Text] = Field([], title="Penulis", description="Penulis atau lembaga penyusun")
    publisher: Text | None = Field(None, title="Penerbit", description="Penerbit")
    year: int | None = Field(None, ge=1900, le=2100, title="Tahun terbit", description="Tahun terbit")
    edition: Code | None = Field(None, title="Edisi", description="Edisi atau cetakan")
    isbn: Code | None = Field(None, title="ISBN", description="Nomor ISBN, bila ada")
    url: HttpUrl | None = Field(None, title="Alamat web", description="Alamat lengkap, diawali https://")
    accessed: date | None = Field(None, title="Diakses pada", description="Tanggal alamat web dibuka")
    file: Text | None = Field(
        None,
        title="Salinan berkas",
        description="Salinan di content/references/files/ untuk dibaca tanpa sinyal",
    )
    citation: Text | None = Field(None, title="Sitasi", description="Cara mengutip; kosong: disusun dari isian lain")

    def search_labels(self) -> list[str]:
        return ["Referensi", str(self.type)]
