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
    lat: float = Field(ge=-11.5, le=6.5, description="latitude within Indonesia")
    lon: float = Field(ge=94.5, le=141.5, description="longitude within Indonesia")


class Place(Strict):
    id: Slug
    type: PlaceType
    name: Text = Field(description="a place or a role, never a private person")
    location: Location
    area: Annotated[Slug, Ref("area")]
    situation: Annotated[Slug | None, Ref("situation")] = Field(
        None, description="for a problem spot: the problem that occurs here; for a potential: what it supports",
    )
    class_: DisturbanceClass | None = Field(
        None, alias="class",
        description="problem spots only: PG potensi gangguan, AG ambang gangguan, GN gangguan nyata",
    )
    period: Text | None = Field(
        None, description="problem spots: when it happens, e.g. 'malam hari, akhir pekan' or 'jam pulang sekolah'",
    )
    since: date | None = Field(None, description="problem spots: first noted on this date")
    description: Text | None = None
    updated: date | None = None

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
