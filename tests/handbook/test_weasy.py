"""WeasyPrint as the PDF workers run it: pydyf's list of page references worked out once, the same bytes."""

from __future__ import annotations

import pydyf
import pytest
from weasyprint import HTML

from generator.outputs import weasy

TAGGED = "<html lang='id'><head><title>Uji</title></head><body>" + "".join(
    f"<h2>Bagian {n}</h2><p>Teks bagian {n}.</p><ul><li>Langkah</li><li>Langkah</li></ul>"
    "<p style='break-after: page'>Akhir bagian.</p>" for n in range(30)) + "</body></html>"


def _tagged_pdf() -> bytes:
    data = HTML(string=TAGGED).write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"0" * 32)
    assert isinstance(data, bytes)
    return data


def test_page_references_are_listed_once_per_page_count_and_the_pdf_keeps_its_bytes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pydyfs_own = weasy._PYDYF_PAGE_REFERENCES
    assert pydyfs_own is not None and pydyf.PDF.__dict__["page_references"].fget is weasy._remembered_page_references
    listed: list[int] = []

    def counted(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        listed.append(len(pdf.pages["Kids"]) // 3)
        return pydyfs_own(pdf)

    monkeypatch.setattr(weasy, "_PYDYF_PAGE_REFERENCES", counted)
    remembered = _tagged_pdf()
    # Read once per tagged element (hundreds of times here), listed once for the 30 pages.
    assert listed == [30]

    monkeypatch.setattr(pydyf.PDF, "page_references", property(pydyfs_own))
    assert _tagged_pdf() == remembered
