"""Pre- and post-tests: the participant's sheet has the questions and no answers; the trainer notes have the key."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.knowledge import KnowledgeBase
from generator.model import Education
from generator.model.questions import MAX_QUESTIONS, MIN_QUESTIONS
from tests.training.conftest import pdf_pages, squeezed

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

MODULE = """
id: ronda
title: Ronda
summary: Ringkas.
audience: [warga]
objectives: [memahami]
duration_minutes: 60
body: Isi.
questions:
  - {{kind: isian, question: "{question}", answer: "{answer}"}}
  - {{kind: benar-salah, question: Ronda mencegah pencurian., answer: benar}}
  - {{kind: benar-salah, question: Ronda boleh memukul orang., answer: salah}}
  - {{kind: benar-salah, question: Buku ronda dibaca Bhabinkamtibmas., answer: benar}}
  - {{kind: benar-salah, question: Jadwal ronda ditempel di pos., answer: benar}}
"""


def test_every_sample_module_has_five_to_ten_questions(sample_kb: KnowledgeBase) -> None:
    for module in sample_kb.of_kind(Education):
        assert MIN_QUESTIONS <= len(module.data.questions) <= MAX_QUESTIONS, module.id
        kinds = {q.kind for q in module.data.questions}
        assert {"pilihan-ganda", "benar-salah", "isian"} <= kinds, module.id


@pytest.mark.parametrize("stage", ["tes-awal", "tes-akhir"])
def test_participant_sheet_has_the_questions_and_no_answers(
    sample_kb: KnowledgeBase, sample_sheets: dict[str, bytes], stage: str,
) -> None:
    for module in sample_kb.of_kind(Education):
        text = squeezed("\n".join(pdf_pages(sample_sheets[f"materi/{module.id}/{stage}.pdf"])))
        for question in module.data.questions:
            assert squeezed(question.question) in text, (module.id, question.question)
            for option in question.options:
                assert squeezed(option.text) in text, (module.id, option.text)
            if question.kind == "isian":
                assert question.answer and squeezed(question.answer) not in text, (module.id, question.answer)
        assert squeezed("Kunci jawaban") not in text
        assert text.count(squeezed("Benar")) == sum(q.kind == "benar-salah" for q in module.data.questions), \
            "a true/false question shows both choices, never which one is right"


def test_trainer_notes_carry_the_key(sample_kb: KnowledgeBase, sample_sheets: dict[str, bytes]) -> None:
    for module in sample_kb.of_kind(Education):
        text = squeezed("\n".join(pdf_pages(sample_sheets[f"materi/{module.id}/catatan-pelatih.pdf"])))
        assert squeezed("Kunci jawaban tes awal dan tes akhir") in text
        for question in module.data.questions:
            assert squeezed(question.key) in text, (module.id, question.key)


def test_slides_have_one_landscape_page_per_key_point(
    sample_kb: KnowledgeBase, sample_sheets: dict[str, bytes],
) -> None:
    for module in sample_kb.of_kind(Education):
        pages = pdf_pages(sample_sheets[f"materi/{module.id}/slide.pdf"])
        assert len(pages) == len(module.data.takeaways), module.id
        for page, point in zip(pages, module.data.takeaways, strict=True):
            assert squeezed(point) in squeezed(page), (module.id, point)


def test_an_answer_printed_in_a_question_is_a_problem(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    problems = write_and_check({"content/education/ronda.yaml": MODULE.format(
        question="Ronda disebut juga siskamling. Apa namanya?", answer="Siskamling.")})
    assert problems == [
        "content/education/ronda.yaml:9:84: questions[0].answer: the answer 'Siskamling.' is printed on the "
        "participant's test sheet (in a question or an option); reword the question so the sheet does not give "
        "the answer away",
    ]
    assert write_and_check({"content/education/ronda.yaml": MODULE.format(
        question="Apa nama lain ronda?", answer="Siskamling.")}) == []
