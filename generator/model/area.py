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
    count: PositiveInt
    source: Text
    year: int = Field(ge=1900, le=2100)


class Area(Strict):
    id: Slug
    code: str = Field(description="Kemendagri code PP.KK.CC.DDDD, RW/RT as suffixes: 99.71.04.1001.RW03.RT02")
    level: Level
    name: Text
    parent: Annotated[Slug | None, Ref("area")] = None
    geometry: dict[str, Any] | None = Field(None, description="GeoJSON Polygon or MultiPolygon, lon/lat order")
    population: Population | None = None

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
