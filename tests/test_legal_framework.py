"""Legal frameworks you can check: official link and date of the last check, articles cited by number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.cli import EXIT_OK, main
from generator.knowledge import load_knowledge
from generator.model import Legal
from tests.conftest import Scratch

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


PERPOL = """
    id: perpol-1-2021
    title: Peraturan Kepolisian Nomor 1 Tahun 2021 tentang Pemolisian Masyarakat
    summary: Aturan Polmas.
    type: Perpol
    number: "1"
    year: 2021
    subject: Pemolisian Masyarakat
    legal_status: berlaku
    articles:
      - {number: Pasal 1, summary: Pengertian.}
      - {number: Pasal 3, summary: Sembilan prinsip.}
    official_url: https://peraturan.go.id/id/peraturan-polri-no-1-tahun-2021
    verified_on: 2025-06-01
    """
GUIDELINE = """
    id: sambang
    title: Sambang
    summary: Kunjungan dari pintu ke pintu.
    phase: pencegahan
    approach: preemtif
    situations: [tawuran]
    standard: Setiap rumah dikunjungi.
    steps:
      - text: Kunjungi warga.
        actor: Bhabinkamtibmas
        legal_basis:
          - ref: perpol-1-2021
            article: {article}
    """


SITUATION = """
    id: tawuran
    title: Tawuran
    summary: Perkelahian antarpelajar.
    type: masalah
    class: GN
    description: Terjadi sepulang sekolah.
    """


def write_legal(scratch: Scratch, article: str = "Pasal 3") -> None:
    scratch.write("content/situations/tawuran.yaml", SITUATION)
    scratch.write("content/legal/perpol-1-2021.yaml", PERPOL)
    scratch.write("content/guidelines/sambang.yaml", GUIDELINE.replace("{article}", article))


def messages(scratch: Scratch, today: date) -> list[str]:
    _, problems = pipeline.check(scratch.root, today=today)
    return [p.format() for p in problems.sorted()]


def test_a_check_older_than_a_year_is_a_warning_at_verified_on(scratch: Scratch) -> None:
    write_legal(scratch)
    assert messages(scratch, date(2026, 6, 2)) == [
        "content/legal/perpol-1-2021.yaml:13:14: warning: verified_on: last checked against the official text on "
        "2025-06-01, more than a year before today (2026-06-02); compare the summary, articles and official_url "
        "with the official text again, then set verified_on to the day you did",
    ]


def test_a_check_within_the_year_says_nothing(scratch: Scratch) -> None:
    write_legal(scratch)
    assert messages(scratch, date(2026, 6, 1)) == []


def test_an_unlisted_article_is_reported_with_the_listed_ones(scratch: Scratch) -> None:
    write_legal(scratch, "Pasal 4")
    assert messages(scratch, date(2025, 6, 1)) == [
        "content/guidelines/sambang.yaml:13:18: steps[0].legal_basis[0].article: 'Pasal 4' is not listed in "
        "content/legal/perpol-1-2021.yaml (listed: Pasal 1, Pasal 3) (did you mean 'Pasal 3'?); "
        "add it to that file's articles or correct the citation",
    ]


def test_the_cli_prints_the_warning_and_still_succeeds(
    scratch: Scratch, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_legal(scratch)
    monkeypatch.setenv("POLMAS_TODAY", "2027-01-01")  # the day the CLI counts from
    assert main(["--project", str(scratch.root), "check"]) == EXIT_OK
    assert "content/legal/perpol-1-2021.yaml:13:14: warning: verified_on: last checked" in capsys.readouterr().out


def test_every_sample_legal_item_links_its_official_text_and_says_when_it_was_checked(repo: Path) -> None:
    kb, _ = load_knowledge(repo)
    legals = kb.of_kind(Legal)
    assert len(legals) >= 12
    unchecked = [r.id for r in legals if r.data.official_url is None or r.data.verified_on is None]
    assert unchecked == []
    # Approved for the illustrative sample (every page says so), so the handbooks print the legal chapter and the
    # guidelines' citations; a project of its own keeps them ditinjau until checked against the official text.
    assert all(r.data.status == "disahkan" for r in legals)
    assert {"uu-11-2012", "uu-1-2023", "perkap-23-2007"} <= {r.id for r in legals}


def test_sample_guidelines_cite_perpol_1_2021_by_article(repo: Path) -> None:
    kb, problems = load_knowledge(repo)
    assert not problems.has_errors()
    listed = {a.number for a in kb.get("perpol-1-2021", Legal).data.articles}
    assert {"Pasal 1", "Pasal 3"} <= listed
    cited = [(g.id, c.article) for g in kb.of_kind("guideline")
             for c in [*g.data.legal_basis, *(c for s in g.data.steps for c in s.legal_basis)]
             if c.ref == "perpol-1-2021"]
    assert cited and all(article in listed for _, article in cited)


def test_pages_name_a_cited_article_short_and_say_when_the_law_was_checked(sample_site: Path) -> None:
    page = (sample_site / "pedoman/hentikan-tawuran.html").read_text(encoding="utf-8")
    assert '<a href="../hukum/uu-11-2012.html#pasal-23">UU 11/2012 Pasal 23</a>' in page
    assert ">Perpol 1/2021 Pasal 3</a>" in (sample_site / "pedoman/sambang-dds.html").read_text(encoding="utf-8")
    legal = (sample_site / "hukum/uu-1-2023.html").read_text(encoding="utf-8")
    assert "· diperiksa pada 2026-12-01" in legal


@pytest.mark.slow
def test_the_handbook_names_a_cited_article_short_and_says_when_the_law_was_checked(sample_site: Path) -> None:
    pdf = sample_site / "handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-1.pdf"
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages)
    assert "Perpol 1/2021 Pasal 3" in text and "UU 11/2012 Pasal 23" in text
    assert "Teks resmi: https://peraturan.go.id/id/uu-no-11-tahun-2012 · diperiksa pada 1 Desember 2026" in text
