"""Situations, problems and potentials: the pictures of an area (product 1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import DisturbanceClass, Domain, Item, Markdown, Ref, Slug, Strict, Text
from generator.model.labels import CLASS_LABELS, SITUATION_TYPE_LABELS


class Indicator(Strict):
    """How the forum measures the problem: what a program stage's measurements report against."""

    id: Slug = Field(description="short id a program stage's measurements name, e.g. 'tawuran-per-bulan'")
    text: Text = Field(description="what is counted or measured, e.g. 'Jumlah tawuran per bulan'")
    unit: Text | None = Field(None, description="the unit of a measured value, e.g. 'kejadian', 'menit', 'regu'")


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
    warning_signs: list[Text] = Field([], description="tanda-tanda: what a resident notices before or as it happens")
    indicators: list[Indicator] = Field(
        [], description="how the forum measures the problem; program results report against these ids",
    )
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
                _("a positive potential has no disturbance class: remove 'class: {cls}' or change 'type'"),
                {"cls": self.class_, "field": "class"},
            )
        if self.type == "masalah" and self.class_ is None:
            raise PydanticCustomError(
                "problem_without_class",
                _("a problem needs 'class': PG (potensi gangguan), AG (ambang gangguan) or GN (gangguan nyata)"),
                {"field": "type"},
            )
        return self

    @model_validator(mode="after")
    def _indicator_ids_unique(self) -> Situation:
        seen: dict[str, int] = {}
        for number, indicator in enumerate(self.indicators, 1):
            if indicator.id in seen:
                raise PydanticCustomError(
                    "indicator_twice",
                    _("indicator id '{id}' is used twice (entries {first} and {second}); give every indicator of "
                      "a situation its own id"),
                    {"id": indicator.id, "first": seen[indicator.id], "second": number, "field": "indicators"},
                )
            seen[indicator.id] = number
        return self
