"""Situations, problems and potentials: the pictures of an area (product 1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.common import DisturbanceClass, Domain, Item, Markdown, Ref, Slug, Text
from generator.model.labels import CLASS_LABELS, SITUATION_TYPE_LABELS


class Situation(Item):
    type: Literal["situasi", "masalah", "potensi"]
    class_: DisturbanceClass | None = Field(
        None, alias="class",
        description="PG potensi gangguan, AG ambang gangguan, GN gangguan nyata; none for a positive potential",
    )
    domains: list[Domain] = []
    description: Markdown
    impacts: list[Text] = []
    causes: list[Text] = []
    questions: list[Text] = Field([], description="questions for understanding it locally")
    indicators: list[Text] = []
    stakeholders: list[Text] = []
    areas: Annotated[list[Slug], Ref("area")] = []

    def search_labels(self) -> list[str]:
        """Shown under a search result's title: its type, then its class."""
        return [SITUATION_TYPE_LABELS[self.type], CLASS_LABELS[self.class_] if self.class_ else "tanpa gangguan"]

    @model_validator(mode="after")
    def _class_fits_type(self) -> Situation:
        if self.type == "potensi" and self.class_ is not None:
            raise PydanticCustomError(
                "potential_with_class",
                "a positive potential has no disturbance class: remove 'class: {cls}' or change 'type'",
                {"cls": self.class_, "field": "class"},
            )
        if self.type == "masalah" and self.class_ is None:
            raise PydanticCustomError(
                "problem_without_class",
                "a problem needs 'class': PG (potensi gangguan), AG (ambang gangguan) or GN (gangguan nyata)",
                {"field": "type"},
            )
        return self
