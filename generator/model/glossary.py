"""The glossary (data/glossary.yaml): the words a handbook explains at its end."""

from __future__ import annotations

from pydantic import Field

from generator.model.common import Strict, Text


class Term(Strict):
    term: Text = Field(description="the word as people write it: 'Bhabinkamtibmas', 'FKPM'")
    definition: Text = Field(description="what it means, in one or two plain sentences")
    also: list[Text] = Field([], description="other spellings or forms that count as the same word")


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)
