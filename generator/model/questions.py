"""A module's test questions (pre- and post-test): multiple choice, true/false or short answer, with the key."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.i18n import _
from generator.model.common import Strict, Text

QuestionKind = Literal["pilihan-ganda", "benar-salah", "isian"]
TrueFalse = Literal["benar", "salah"]
MIN_QUESTIONS, MAX_QUESTIONS = 5, 10
"""A test short enough for the start of a session, long enough to show what was learned."""


class Option(Strict):
    """One option of a multiple-choice question; exactly one per question is `correct`."""

    text: Text = Field(title="Pilihan jawaban", description="the option as printed on the participant's sheet")
    correct: bool = Field(False, title="Jawaban benar",
                          description="true for the one right option; printed only in the trainer's key")


class Question(Strict):
    """A test question: the participant's sheet shows `question` (and `options`); the key is for the trainer."""

    kind: QuestionKind = Field(
        title="Jenis soal",
        description="pilihan-ganda (options, one correct), benar-salah (a statement; answer benar or salah), "
                    "isian (a short written answer)",
    )
    question: Text = Field(title="Pertanyaan", description="the question or statement, as printed for participants")
    options: list[Option] = Field(
        [], title="Pilihan", description="pilihan-ganda only: 2 to 5 options, exactly one with 'correct: true'",
    )
    answer: Text | None = Field(
        None, title="Kunci jawaban",
        description="benar-salah: 'benar' or 'salah'; isian: what a right answer says; only in the trainer notes",
    )

    @model_validator(mode="after")
    def _answerable(self) -> Question:
        if self.kind == "pilihan-ganda":
            _check_choices(self)
        elif self.options:
            raise _problem("options", _("a '{kind}' question has no options; remove 'options' "
                                        "or make it kind: pilihan-ganda").format(kind=self.kind))
        elif self.answer is None:
            raise _problem("answer", (
                _("this '{kind}' question needs its 'answer' for the trainer's key: benar or salah")
                if self.kind == "benar-salah" else
                _("this '{kind}' question needs its 'answer' for the trainer's key")).format(kind=self.kind))
        elif self.kind == "benar-salah" and self.answer not in ("benar", "salah"):
            raise _problem("answer", _("'{answer}' is not benar or salah; a benar-salah question is "
                                       "answered 'benar' or 'salah'").format(answer=self.answer))
        return self

    @property
    def key(self) -> str:
        """The right answer as the trainer's key prints it: the letter and text of the right option, or the answer."""
        for letter, option in zip(OPTION_LETTERS, self.options, strict=False):
            if option.correct:
                return f"{letter}. {option.text}"
        return self.answer or ""


OPTION_LETTERS = "abcde"


def _check_choices(question: Question) -> None:
    if question.answer is not None:
        raise _problem("answer", _("a pilihan-ganda question marks its right option with 'correct: true' instead "
                                   "of 'answer'; remove 'answer'"))
    if not 2 <= len(question.options) <= len(OPTION_LETTERS):
        raise _problem("options", _("has {count} option(s); a pilihan-ganda question needs 2 to {most}").format(
            count=len(question.options), most=len(OPTION_LETTERS)))
    right = sum(option.correct for option in question.options)
    if right != 1:
        raise _problem("options", _("{right} options are marked 'correct: true'; exactly one must be "
                                    "(the trainer's key names one answer)").format(right=right))


def _problem(field: str, message: str) -> PydanticCustomError:
    return PydanticCustomError("question", message, {"field": field})
