"""References and supporting documents (product 5)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, HttpUrl

from generator.model.common import Code, Item, Text


class Reference(Item):
    type: Literal["buku", "artikel", "peraturan", "laporan", "modul", "panduan", "situs", "video", "lainnya"]
    authors: list[Text] = []
    publisher: Text | None = None
    year: int | None = Field(None, ge=1900, le=2100)
    edition: Code | None = None
    isbn: Code | None = None
    url: HttpUrl | None = None
    accessed: date | None = None
    file: Text | None = Field(None, description="a local copy under content/references/files/ for offline use")
    citation: Text | None = Field(None, description="recommended citation; built from the fields when absent")

    def search_labels(self) -> list[str]:
        return ["Referensi", str(self.type)]
