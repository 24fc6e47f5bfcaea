"""Education modules for every audience (product 3)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PositiveInt

from generator.model.common import Item, Markdown, Ref, Slug, Strict, Text
from generator.model.questions import MAX_QUESTIONS, MIN_QUESTIONS, Question


class LearningActivity(Strict):
    title: Text
    minutes: PositiveInt
    description: Text


class Worksheet(Strict):
    """A sheet participants fill in by hand: a title, what to do, and the blanks."""

    title: Text
    instructions: Text
    fields: list[Text] = Field(min_length=1)


class Education(Item):
    objectives: list[Text] = Field(min_length=1)
    duration_minutes: PositiveInt
    methods: list[Text] = []
    media: list[Text] = []
    activities: list[LearningActivity] = []
    body: Markdown
    takeaways: list[Text] = Field([], description="the module's summary points (ringkasan)")
    exercises: list[Text] = []
    worksheets: list[Worksheet] = []
    attachments: Annotated[list[Slug], Ref("reference")] = []
    supports: Annotated[list[Slug], Ref("guideline")] = Field([], description="guidelines this module teaches")
    questions: list[Question] = Field(
        [], min_length=MIN_QUESTIONS, max_length=MAX_QUESTIONS, title="Soal tes awal dan akhir",
        description=f"{MIN_QUESTIONS} to {MAX_QUESTIONS} questions asked before and after the session; "
                    "participants get them without answers, the trainer notes carry the key",
    )

    def search_labels(self) -> list[str]:
        return ["Bahan edukasi", f"{self.duration_minutes} menit"]
