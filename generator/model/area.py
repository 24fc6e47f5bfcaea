"""Areas: kecamatan → kelurahan/desa → RW → RT, with Kemendagri codes."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, PositiveInt, field_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import Ref, Slug, Strict, Text

Level = Literal["provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "rw", "rt"]

CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4}(\.RW\d{2,3}(\.RT\d{2,3})?)?)?)?)?$")


class Population(Strict):
    count: PositiveInt = Field(title="Jumlah penduduk", description="Jumlah jiwa menurut sumber di bawah")
    source: Text = Field(title="Sumber data", description="Asal angka penduduk, mis. 'Profil Kelurahan 2025'")
    year: int = Field(ge=1900, le=2100, title="Tahun data", description="Tahun angka penduduk itu dicatat")


class Area(Strict):
    id: Slug = Field(title="Id", description="Id unik wilayah; sama dengan nama berkas tanpa .yaml, mis. 'ngrandusari'")
    code: str = Field(
        title="Kode wilayah",
        description="Kode Kemendagri PP.KK.CC.DDDD, RW/RT sebagai akhiran: 99.71.04.1001.RW03.RT02",
    )
    level: Level = Field(title="Tingkat", description="Tingkat wilayah: provinsi sampai RT")
    name: Text = Field(title="Nama", description="Nama wilayah seperti tertulis resmi")
    parent: Annotated[Slug | None, Ref("area")] = Field(
        None,
        title="Wilayah induk",
        description="Wilayah satu tingkat di atasnya, mis. kecamatan untuk sebuah kelurahan",
    )
    geometry: dict[str, Any] | None = Field(
        None,
        title="Batas wilayah (GeoJSON)",
        description="Poligon GeoJSON, urutan bujur/lintang; diubah dengan alat peta, tidak di formulir ini",
    )
    population: Population | None = Field(
        None,
        title="Penduduk",
        description="Jumlah penduduk beserta sumber dan tahunnya",
    )

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not CODE_PATTERN.match(value):
            raise PydanticCustomError(
                "area_code",
                _("'{value}' is not a Kemendagri code: write PP.KK.CC.DDDD with RW/RT as suffixes, "
                  "e.g. '99.71.04.1001' or '99.71.04.1001.RW03.RT02'"),
                {"value": value},
            )
        return value
