"""Checks on a module's test questions that one question cannot make alone: no answer given away on the sheet."""

from __future__ import annotations

from generator.i18n import _
from generator.model.education import Education
from generator.model.record import Record, Records, of_kind
from generator.problems import Problem

SHORT_ANSWER = "isian"


def check_questions(records: Records) -> list[Problem]:
    """A short answer must not stand in the participant's sheet: not in any question's text or options."""
    problems = []
    for record in of_kind(records, Education):
        problems.extend(_answers_on_sheet(record))
    return problems


def participant_text(module: Education) -> list[str]:
    """Every text the participant's test sheet prints: the questions and their options, never a key."""
    return [text for q in module.questions for text in (q.question, *(o.text for o in q.options))]


def _answers_on_sheet(record: Record[Education]) -> list[Problem]:
    printed = [text.casefold() for text in participant_text(record.data)]
    problems = []
    for index, question in enumerate(record.data.questions):
        answer = (question.answer or "").strip().rstrip(".").casefold()
        if question.kind != SHORT_ANSWER or not answer or not any(answer in text for text in printed):
            continue
        line, column = record.source.position(("questions", index, "answer"))
        problems.append(Problem(
            record.source.src_path, line, column, f"questions[{index}].answer",
            _("the answer '{answer}' is printed on the participant's test sheet (in a question or an option); "
              "reword the question so the sheet does not give the answer away").format(answer=question.answer),
        ))
    return problems
