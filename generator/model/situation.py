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

    id: Slug = Field(
        title="Id indikator",
        description="Id singkat yang dipakai pengukuran program, mis. 'tawuran-per-bulan'",
    )
    text: Text = Field(
        title="Yang diukur",
        description="Apa yang dihitung atau diukur, mis. 'Jumlah tawuran per bulan'",
    )
    unit: Text | None = Field(None, title="Satuan", description="Satuan nilai, mis. 'kejadian', 'menit', 'regu'")


class Situation(Item):
    type: Literal["situasi", "masalah", "potensi"] = Field(title="Jenis", description="situasi, masalah atau potensi")
    class_: DisturbanceClass | None = Field(
        None,
        alias="class",
        title="Golongan gangguan",
        description="PG potensi gangguan, AG ambang gangguan, GN gangguan nyata; kosong untuk potensi positif",
    )
    domains: list[Domain] = Field([], title="Bidang", description="Bidang kehidupan yang terkena (ipoleksosbud-hankam)")
    description: Markdown = Field(title="Uraian", description="Gambaran situasi; boleh memakai Markdown")
    impacts: list[Text] = Field([], title="Dampak", description="Akibat bagi warga dan wilayah")
    causes: list[Text] = Field([], title="Penyebab", description="Apa yang menimbulkan atau memperparahnya")
    questions: list[Text] = Field([], title="Pertanyaan", description="Pertanyaan untuk memahaminya di wilayah sendiri")
    warning_signs: list[Text] = Field(
        [],
        title="Tanda-tanda",
        description="Yang diperhatikan warga sebelum atau ketika terjadi",
    )
    indicators: list[Indicator] = Field(
        [],
        title="Ukuran keberhasilan",
        description="Cara forum mengukur masalah ini; hasil program melapor terhadap id ini",
    )
    stakeholders: list[Text] = Field(
        [],
        title="Pemangku kepentingan",
        description="Pihak yang berkepentingan atau dapat membantu",
    )
    areas: Annotated[list[Slug], Ref("area")] = Field(
        [],
        title="Wilayah",
        description="Wilayah tempat situasi ini tercatat",
    )

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
