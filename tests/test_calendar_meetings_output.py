"""The risk calendar and the forums' decisions in the session build (today fixed at 1 December 2026), and the
internal edition's overdue follow-ups, which the public edition never holds."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from generator import pipeline
from generator.model import CalendarPeriod
from generator.model.private import PrivateContacts
from generator.render.pages import OVERDUE_PAGE
from generator.render.site import render_site_docs
from tests.conftest import REPO, SAMPLE_TODAY

OVERDUE_HTML = OVERDUE_PAGE.removesuffix(".md") + ".html"


def text_of(html: str) -> str:
    """The words of the page's article (not its menus and table of contents), tags and extra spaces dropped."""
    article = html[html.index("<article"):html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_the_calendar_page_shows_this_month_next_month_and_the_year(sample_site: Path) -> None:
    assert date(2026, 12, 1) == SAMPLE_TODAY
    page = text_of((sample_site / "kalender/index.html").read_text(encoding="utf-8"))
    this_month = page[page.index("Bulan ini: Desember 2026"):page.index("Bulan depan: Januari 2027")]
    assert "Natal dan malam pergantian tahun : 20 Desember 2026 s.d. 2 Januari 2027" in this_month
    assert "Musim hujan, banjir dan genangan" in this_month and "Ramadan" not in this_month
    next_month = page[page.index("Bulan depan: Januari 2027"):page.index("Sepanjang tahun 2026")]
    assert "Natal" in next_month and "Kemarau" not in next_month
    year = page[page.index("Sepanjang tahun 2026"):page.index("Semua masa rawan")]
    assert "Maret Musim hujan, banjir dan genangan , Bulan Ramadan , Mudik dan arus balik Lebaran" in year


def test_a_period_page_gives_its_rule_in_words_and_its_dates(sample_site: Path) -> None:
    page = text_of((sample_site / "kalender/mudik-lebaran.html").read_text(encoding="utf-8"))
    assert "10 hari sebelum s.d. 7 hari sesudah Idulfitri (Lebaran)" in page
    assert "Tahun 2026 11 Maret 2026 s.d. 28 Maret 2026" in page
    assert "Tahun 2027 28 Februari 2027 s.d. 17 Maret 2027 (perkiraan)" in page
    assert "Mulai bersiap 4 minggu sebelumnya" in page


def test_the_home_page_warns_of_what_is_on_or_to_prepare_now(sample_site: Path) -> None:
    page = text_of((sample_site / "index.html").read_text(encoding="utf-8"))
    block = page[page.index("Waspada bulan ini"):page.index("Kalender kerawanan sepanjang tahun")]
    assert "Musim hujan, banjir dan genangan : sedang berlangsung, 1 November 2026 s.d. 31 Maret 2027" in block
    assert "Natal dan malam pergantian tahun : 20 Desember 2026 s.d. 2 Januari 2027; persiapan dimulai sejak " \
           "29 November 2026" in block
    assert "Ramadan" not in block and "Kemarau" not in block


def test_the_forum_page_shows_its_latest_decisions_and_open_follow_ups(sample_site: Path) -> None:
    page = text_of((sample_site / "forum/fkpm-ngrandusari.html").read_text(encoding="utf-8"))
    latest = page[page.index("Keputusan terakhir"):page.index("Tindak lanjut yang masih terbuka")]
    assert "Rapat luar biasa, 3 September 2026" in latest and "Rapat rutin, 8 Januari 2026" in latest
    assert "Rapat rutin, 6 November 2025" not in latest, "only the two latest meetings"
    assert "Hadir: Masyarakat 6, Pemerintah 1, Polri 2, TNI 1, Tokoh agama 1 (11 orang)" in latest
    follow_ups = page[page.index("Tindak lanjut yang masih terbuka"):]
    assert "Mengusulkan lampu jalan di sudut Jalan Gadung Sekar" in follow_ups, "open, from an older meeting"
    assert "Menambah petugas piket" not in follow_ups, "done"
    assert "terlambat" not in page and OVERDUE_HTML not in page


def test_the_overdue_page_is_in_the_internal_edition_only(sample_build: pipeline.BuildResult) -> None:
    assert not (sample_build.site_dir / OVERDUE_HTML).exists()
    assert not any(OVERDUE_HTML in p.read_text(encoding="utf-8") for p in sample_build.site_dir.rglob("*.html"))
    private = PrivateContacts.model_validate({"contacts": [{
        "forum": "fkpm-ngrandusari", "role": "Sekretaris (Kasi Ketenteraman dan Ketertiban Kelurahan)",
        "name": "Rini Contoh", "phone": "0812-3456-7890"}]})
    public = render_site_docs(sample_build.kb, project=REPO, today=SAMPLE_TODAY)
    internal = render_site_docs(sample_build.kb, project=REPO, today=SAMPLE_TODAY, private=private)
    assert OVERDUE_PAGE not in public and OVERDUE_PAGE in internal
    page = str(internal[OVERDUE_PAGE])
    assert "Menyusun laporan kejadian dan tindak lanjutnya untuk rapat pleno." in page
    assert "1 Oktober 2026<br>terlambat 61 hari" in page
    assert "**Rini Contoh**" in page, "whom to remind, by name, in the internal edition"
    assert "Menambah petugas piket" not in page, "done decisions are never overdue"
    assert OVERDUE_PAGE in str(internal["forum/fkpm-ngrandusari.md"])


def test_the_handbook_has_a_one_page_year_calendar_and_the_terms_decisions(
    sample_build: pipeline.BuildResult,
) -> None:
    from tests.handbook.pdfread import page_texts

    pdf = next((sample_build.site_dir / "handbooks/fkpm-ngrandusari").glob("*.pdf")).read_bytes()
    pages = page_texts(pdf)
    calendar = [p for p in pages if "Masa-masa rawan tahun 2026" in p]
    assert len(calendar) == 1, "the year calendar fits on one page"
    assert re.search(r"Masa rawan\s+Jan\s+Feb\s+Mar\s+Apr\s+Mei\s+Jun\s+Jul\s+Agu\s+Sep\s+Okt\s+Nov\s+Des",
                     calendar[0])
    for period in sample_build.kb.of_kind(CalendarPeriod):
        assert period.title.split(",")[0][:20] in calendar[0], period.id
    text = re.sub(r"\s+", " ", "\n".join(pages))
    assert "Keputusan rapat masa bakti ini" in text
    decisions = text[text.index("Keputusan rapat masa bakti ini"):]
    assert "Rapat rutin, 6 November 2025" in decisions and "Rapat rutin, 8 Januari 2026" in decisions
    assert "Penanggung jawab" in decisions and "Tindak lanjut" in decisions and "Selesai" in decisions
    assert "Rapat luar biasa, 3 September 2026" not in text, "that meeting came after the edition (16 February)"
