"""A pack's session documents, read back: attendance list with a continuation page, feedback form and tally, blank
certificate."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from generator.domain import feedback
from generator.domain.packs import packs
from generator.knowledge import KnowledgeBase
from generator.render.session_sheets import CONTINUATION_ROWS
from tests.training.conftest import pdf_pages, squeezed


def test_attendance_list_has_a_row_per_expected_participant_and_a_continuation_page(
    sample_kb: KnowledgeBase, sample_sheets: dict[str, bytes],
) -> None:
    for record in packs(sample_kb):
        pack = record.data
        pages = pdf_pages(sample_sheets[f"materi/paket-{pack.id}/daftar-hadir.pdf"])
        head = squeezed(pages[0])
        for column in ("No.", "Nama", "Unsur / lembaga", "RT/RW", "Tanda tangan", "Tempat", "Hari / tanggal",
                       "Forum", pack.title):
            assert squeezed(column) in head, (pack.id, column)
        last = pages[-1]
        assert "(lanjutan)" in last, "the continuation starts a page of its own"
        before = {int(word) for page in pages[:-1] for word in page.split() if word.isdigit()}
        after = [int(word) for word in last.split() if word.isdigit()]
        assert set(range(1, pack.participants + 1)) <= before, pack.id
        rows = list(range(pack.participants + 1, pack.participants + CONTINUATION_ROWS + 1))
        assert [n for n in after if n in rows] == rows, pack.id


def test_feedback_form_asks_on_a_scale_and_two_open_questions_and_the_tally_sums_them(
    sample_kb: KnowledgeBase, sample_sheets: dict[str, bytes],
) -> None:
    for record in packs(sample_kb):
        form = squeezed(" ".join(pdf_pages(sample_sheets[f"materi/paket-{record.id}/umpan-balik.pdf"])))
        tally = squeezed(" ".join(pdf_pages(sample_sheets[f"materi/paket-{record.id}/rekap-umpan-balik.pdf"])))
        for statement in feedback.STATEMENTS:
            assert squeezed(statement) in form and squeezed(statement) in tally
        for label in feedback.SCALE:
            assert squeezed(label) in form
        assert len(feedback.OPEN_QUESTIONS) == 2
        for question in feedback.OPEN_QUESTIONS:
            assert squeezed(question) in form and squeezed(question) in tally
        assert squeezed("Rata-rata") in tally


def test_blank_certificate_is_one_landscape_page_with_the_packs_signatories(
    sample_kb: KnowledgeBase, sample_sheets: dict[str, bytes],
) -> None:
    for record in packs(sample_kb):
        data = sample_sheets[f"materi/paket-{record.id}/sertifikat.pdf"]
        reader = PdfReader(BytesIO(data))
        assert len(reader.pages) == 1
        assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height, "A4 landscape"
        text = squeezed(reader.pages[0].extract_text())
        for role in record.data.signatories:
            assert squeezed(role) in text
