"""Places on the map: posts, meeting halls, problem spots and community assets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import DisturbanceClass, Ref, Slug, Strict, Text

PlaceType = Literal["polsek", "pospol", "bkpm", "poskamling", "masalah", "potensi"]


class Location(Strict):
    lat: float = Field(
        ge=-11.5,
        le=6.5,
        title="Lintang",
        description="Lintang (latitude) dalam wilayah Indonesia, mis. -7.2481",
    )
    lon: float = Field(
        ge=94.5,
        le=141.5,
        title="Bujur",
        description="Bujur (longitude) dalam wilayah Indonesia, mis. 110.4012",
    )


class Place(Strict):
    id: Slug = Field(title="Id", description="Id unik tempat; sama dengan nama berkas, mis. 'pos-kamling-rw03'")
    type: PlaceType = Field(
        title="Jenis tempat",
        description="polsek, pospol, bkpm, poskamling, masalah (titik rawan) atau potensi",
    )
    name: Text = Field(title="Nama", description="Nama tempat atau jabatan, bukan nama orang pribadi")
    location: Location = Field(title="Letak", description="Lintang dan bujur tempat ini")
    area: Annotated[Slug, Ref("area")] = Field(title="Wilayah", description="Wilayah tempat ini berada")
    situation: Annotated[Slug | None, Ref("situation")] = Field(
        None,
        title="Situasi",
        description="Untuk titik rawan: masalah yang terjadi di sini; untuk potensi: yang didukungnya",
    )
    class_: DisturbanceClass | None = Field(
        None,
        alias="class",
        title="Golongan gangguan",
        description="Hanya titik rawan: PG potensi gangguan, AG ambang gangguan, GN gangguan nyata",
    )
    period: Text | None = Field(
        None,
        title="Waktu rawan",
        description="Titik rawan: kapan terjadi, mis. 'malam hari, akhir pekan' atau 'jam pulang sekolah'",
    )
    since: date | None = Field(None, title="Tercatat sejak", description="Titik rawan: tanggal pertama kali dicatat")
    description: Text | None = Field(None, title="Keterangan", description="Keterangan singkat tentang tempat ini")
    updated: date | None = Field(None, title="Diperbarui", description="Tanggal keterangan terakhir diperbarui")

    @model_validator(mode="after")
    def _problem_fields_fit_type(self) -> Place:
        if self.type == "masalah":
            if self.situation is None:
                raise PydanticCustomError(
                    "problem_place_without_situation",
                    _("a problem spot needs 'situation': the id of the problem in content/situations/"),
                    {"field": "type"},
                )
            if self.class_ is None:
                raise PydanticCustomError(
                    "problem_place_without_class",
                    _("a problem spot needs 'class': PG (potensi gangguan), AG (ambang gangguan) or GN (gangguan "
                      "nyata)"),
                    {"field": "type"},
                )
            return self
        for attribute, name in (("class_", "class"), ("period", "period"), ("since", "since")):
            if getattr(self, attribute) is not None:
                raise PydanticCustomError(
                    "not_a_problem_place",
                    _("only a problem spot (type: masalah) has '{name}': remove it or change 'type'"),
                    {"name": name, "field": name},
                )
        return self
