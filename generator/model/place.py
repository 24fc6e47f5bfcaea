"""Places on the map: posts, meeting halls, problem spots and community assets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from generator.model.common import DisturbanceClass, Ref, Slug, Strict, Text


class Location(Strict):
    lat: float = Field(ge=-11.5, le=6.5, description="latitude within Indonesia")
    lon: float = Field(ge=94.5, le=141.5, description="longitude within Indonesia")


class Place(Strict):
    id: Slug
    type: Literal["polsek", "pospol", "bkpm", "poskamling", "masalah", "potensi"]
    name: Text = Field(description="a place or a role, never a private person")
    location: Location
    area: Annotated[Slug, Ref("area")]
    situation: Annotated[Slug | None, Ref("situation")] = None
    class_: DisturbanceClass | None = Field(None, alias="class")
    description: Text | None = None
    updated: date | None = None
