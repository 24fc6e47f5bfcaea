"""The glossary (data/glossary.yaml): abbreviations and everyday words, with expansion, meaning and synonyms."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import Strict, Text

TERM_PATTERN = re.compile(r"^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$")


def _check_term(value: str) -> str:
    if not TERM_PATTERN.match(value):
        raise PydanticCustomError(
            "term",
            _("'{value}' is not a plain term: use letters and digits, with single spaces or hyphens between words"),
            {"value": value},
        )
    return value


Term = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
    AfterValidator(_check_term),
    Field(json_schema_extra={"pattern": TERM_PATTERN.pattern}),
]


class GlossaryTerm(Strict):
    """One term as officers write it, what it stands for, and the other words people use for it."""

    term: Term = Field(
        title="Istilah",
        description="Seperti ditulis di lapangan: 'KDRT', 'curanmor', 'Bhabinkamtibmas'",
    )
    expansion: Text | None = Field(
        None,
        title="Kepanjangan",
        description="Kepanjangan singkatan; tampil ketika singkatan disentuh",
    )
    meaning: Text = Field(title="Arti", description="Satu atau dua kalimat sederhana")
    synonyms: list[Text] = Field(
        [],
        title="Sinonim",
        description="Kata lain untuk hal yang sama; pencarian salah satunya menemukan yang lain",
    )

    @property
    def forms(self) -> list[str]:
        """The term, its expansion and its synonyms: the words search treats as one."""
        return [self.term, *([self.expansion] if self.expansion else []), *self.synonyms]


class Glossary(Strict):
    """data/glossary.yaml: a list of terms."""

    terms: list[GlossaryTerm] = Field(default_factory=list, title="Istilah", description="Daftar istilah glosarium")
