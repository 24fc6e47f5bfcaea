"""Shared field types: slugs, references, citations, and the fields every item has."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from generator.i18n import _

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")



def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _check_slug(value: str) -> str:
    if len(value) > 80 or not SLUG_PATTERN.match(value):
        hint = _slugify(value)[:80] or "contoh-id"
        raise PydanticCustomError(
            "slug",
            _("'{value}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. '{hint}'"),
            {"value": value, "hint": hint},
        )
    return value


def _number_to_text(value: object) -> object:
    """Accept `number: 2` for fields that are text (numbers like '300.2.2-2138' need it)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Slug = Annotated[str, AfterValidator(_check_slug)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A line of plain text: shown as is, never interpreted as Markdown or HTML."""
Markdown = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), Field(json_schema_extra={"format": "markdown"}),
]
"""Longer text where Markdown (lists, bold, links) is allowed; HTML is removed when rendered."""
Code = Annotated[str, BeforeValidator(_number_to_text), StringConstraints(strip_whitespace=True, min_length=1)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


@dataclass(frozen=True)
class Ref:
    """Field metadata: the value names items of these kinds (checked when references resolve)."""

    kinds: tuple[str, ...]

    def __init__(self, *kinds: str) -> None:
        object.__setattr__(self, "kinds", kinds)


@dataclass(frozen=True)
class IfMissing:
    """Field metadata: what to add when a required field is left out (said after 'add it:').

    The hint is an English msgid marked with N_(): it is translated where the message is made (check/validate.py).
    """

    hint: str


ANY_ITEM = "item"
"""In a `Ref`: any content item (the kinds with a handbook chapter in the registry, generator/model)."""

Status = Literal["draf", "ditinjau", "disahkan", "dicabut"]
Audience = Literal[
    "umum", "warga", "pelajar", "orang-tua", "guru", "pengurus-fkpm", "bhabinkamtibmas",
    "pospol", "babinsa", "perangkat-kelurahan", "tokoh-masyarakat", "pedagang", "satpam", "pekerja",
]
Phase = Literal["pencegahan", "penanganan", "pasca"]
DisturbanceClass = Literal["PG", "AG", "GN"]
Domain = Literal["ideologi", "politik", "ekonomi", "sosial", "budaya", "pertahanan", "keamanan", "keselamatan"]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class LegalCitation(Strict):
    """A pointer to a legal framework and, optionally, one of its articles."""

    ref: Annotated[Slug, Ref("legal")] = Field(
        title="Peraturan",
        description="Pilih peraturan dari Payung Hukum (content/legal/)",
    )
    article: Code | None = Field(
        None,
        title="Pasal",
        description="Mis. 'Pasal 27'; harus tercantum dalam daftar pasal peraturan itu",
    )


class HistoryEntry(Strict):
    date: datetime.date = Field(title="Tanggal", description="Tanggal perubahan")
    change: Text = Field(title="Perubahan", description="Apa yang diubah, dalam satu kalimat")
    by: Text = Field(title="Oleh", description="Jabatan yang mengubah, bukan nama orang")


class Item(Strict):
    """Fields shared by the five content kinds."""

    id: Slug = Field(
        title="Id",
        description=(
            "Id unik: huruf kecil, angka dan tanda hubung; menjadi nama berkas (tanpa .yaml), mis. "
            "'hentikan-tawuran'"
        ),
    )
    title: Text = Field(title="Judul", description="Judul singkat yang tampil di halaman, daftar dan hasil pencarian")
    summary: Summary = Field(
        title="Ringkasan",
        description="Paling banyak 300 huruf; tampil di hasil pencarian dan kartu",
    )
    tags: list[Slug] = Field([], title="Tag", description="Kata kunci untuk pencarian dan halaman Tag, mis. 'curanmor'")
    audience: list[Audience] = Field([], title="Sasaran", description="Untuk siapa isian ini ditulis")
    related: Annotated[list[Slug], Ref(ANY_ITEM)] = Field(
        [],
        title="Terkait",
        description="Id isian lain yang berhubungan (situasi, pedoman, edukasi, hukum, referensi)",
    )
    legal_basis: list[LegalCitation] = Field(
        [],
        title="Dasar hukum",
        description="Peraturan (dan pasalnya) yang menjadi dasar isian ini",
    )
    status: Status = Field(
        "draf",
        title="Status",
        description=(
            "draf: belum tampil di situs; ditinjau: menunggu pengesahan; disahkan: sudah disetujui; "
            "dicabut: tidak berlaku lagi"
        ),
    )
    approved_by: Text | None = Field(
        None,
        title="Disahkan oleh",
        description="Jabatan atau badan yang mengesahkan, bukan nama orang",
    )
    published: date | None = Field(None, title="Tanggal terbit", description="Tanggal isian pertama kali disahkan")
    updated: date | None = Field(None, title="Tanggal diperbarui", description="Tanggal perubahan isi terakhir")
    review_by: date | None = Field(None, title="Tinjau ulang sebelum", description="Tanggal isian perlu ditinjau lagi")
    history: list[HistoryEntry] = Field(
        [],
        title="Riwayat",
        description="Catatan perubahan: tanggal, apa yang diubah, oleh jabatan siapa",
    )
    sources: Annotated[list[Slug], Ref("reference")] = Field(
        [],
        title="Sumber",
        description="Referensi (content/references/) yang menjadi sumber isian ini",
    )
    lang: Literal["id"] = Field("id", title="Bahasa", description="Bahasa isian (id)")
