"""Program results (Karya nyata): evidence files and indicators checked, a chart per indicator on the forum page and
in the handbook, drawn at build time."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator import pipeline
from generator.model import Forum
from generator.render.charts import indicator_chart, value_text
from tests.test_private_contacts import AREA
from tests.test_private_contacts import FORUM as BASE_FORUM

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

SITUATION = """
id: tawuran-pelajar
title: Tawuran pelajar
summary: Bentrokan antarpelajar.
type: masalah
class: GN
description: Bentrokan antarpelajar sepulang sekolah.
status: disahkan
indicators:
  - id: tawuran-per-bulan
    text: Jumlah tawuran per bulan
    unit: kejadian
  - id: pelajar-luka
    text: Jumlah pelajar luka
"""
FORUM = BASE_FORUM + """programs:
  - title: Sekolah Aman
    goal: Tidak ada tawuran.
    situations: [tawuran-pelajar]
    stages:
      - title: Penyuluhan
        status: selesai
        results:
          - what: Penyuluhan di aula sekolah.
            date: 2025-09-18
            evidence:
              - photo: fkpm-ngrandusari/penyuluhan.jpg
                alt: Pelajar di aula.
              - document: fkpm-ngrandusari/notulen.pdf
              - count: 214
                unit: peserta
        measurements:
          - situation: tawuran-pelajar
            indicator: tawuran-per-bulan
            value: 2
            date: 2025-09-30
            source: Catatan SPKT
          - situation: tawuran-pelajar
            indicator: tawuran-perbulan
            value: 1
            date: 2025-10-31
            source: Catatan SPKT
"""
FILES = {"data/areas/ngrandusari.yaml": AREA, "content/situations/tawuran-pelajar.yaml": SITUATION}


def test_missing_evidence_files_and_unknown_indicators_are_named(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    found = write_and_check({**FILES, "data/forums/fkpm-ngrandusari.yaml": FORUM,
                             "data/evidence/fkpm-ngrandusari/penyuluhan.jpeg": "x"})
    stage = "data/forums/fkpm-ngrandusari.yaml:{}: programs[0].stages[0]."
    assert found == [
        stage.format("22:24") + "results[0].evidence[0].photo: no file 'fkpm-ngrandusari/penyuluhan.jpg' in "
        "data/evidence/ (did you mean 'fkpm-ngrandusari/penyuluhan.jpeg'?); put the file there "
        "(as data/evidence/fkpm-ngrandusari/penyuluhan.jpg) or correct the name",
        stage.format("24:27") + "results[0].evidence[1].document: no file 'fkpm-ngrandusari/notulen.pdf' in "
        "data/evidence/; put the file there (as data/evidence/fkpm-ngrandusari/notulen.pdf) or correct the name",
        stage.format("34:24") + "measurements[1].indicator: 'tawuran-perbulan' is not an indicator of "
        "content/situations/tawuran-pelajar.yaml (did you mean 'tawuran-per-bulan'?); its indicators: "
        "tawuran-per-bulan, pelajar-luka",
    ]


def test_evidence_entries_say_what_they_lack(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    forum = (FORUM.replace("                alt: Pelajar di aula.\n", "")
             .replace("                unit: peserta\n", "")
             .replace("document: fkpm-ngrandusari/notulen.pdf", "document: ../rahasia/notulen.pdf"))
    stage = "data/forums/fkpm-ngrandusari.yaml:{}: programs[0].stages[0].results[0]."
    assert write_and_check({**FILES, "data/forums/fkpm-ngrandusari.yaml": forum}) == [
        stage.format("22:24") + "evidence[0].photo: a photo needs 'alt': a sentence saying what it shows, for "
        "readers who cannot see it",
        stage.format("23:27") + "evidence[1].document: '../rahasia/notulen.pdf' is not a file name under "
        "data/evidence/: write it relative to that folder, with '/' between folders, "
        "e.g. 'fkpm-ngrandusari/penyuluhan.jpg'",
        stage.format("24:24") + "evidence[2].count: a count needs 'unit': what was counted, e.g. 'unit: peserta'",
    ]


def test_a_chart_is_svg_made_at_build_time_the_same_every_time() -> None:
    points = [(date(2025, 10, 31), 1.0), (date(2025, 9, 30), 2.5), (date(2025, 11, 30), 0.0)]
    chart = indicator_chart("Jumlah tawuran per bulan", "kejadian", points, chart_id="g")
    assert chart == indicator_chart("Jumlah tawuran per bulan", "kejadian", list(reversed(points)), chart_id="g")
    assert chart.startswith("<svg ") and "<script" not in chart and "\n\n" not in chart
    title = "Grafik Jumlah tawuran per bulan: Sep 25 2,5; Okt 25 1; Nov 25 0 (kejadian)"
    assert f'<title id="g-judul">{title}</title>' in chart
    assert [value_text(v) for v in (3.0, 2.5, 0.0)] == ["3", "2,5", "0"]
    assert len(re.findall(r"<rect x=", chart)) == 3, "one bar per measurement"


def test_the_forum_page_shows_karya_nyata(sample_build: pipeline.BuildResult) -> None:
    kb, site = sample_build.kb, sample_build.site_dir
    staged = [(f, s) for f in kb.of_kind(Forum) for p in f.data.programs for s in p.stages if s.results]
    assert len(staged) >= 4, "the sample records results on at least four program stages"
    for forum in kb.of_kind(Forum):
        page = (site / f"forum/{forum.id}.html").read_text(encoding="utf-8")
        stages = [s for f, s in staged if f.id == forum.id]
        measured = {(m.situation, m.indicator) for p in forum.data.programs for s in p.stages for m in s.measurements}
        assert ("Karya nyata" in page) == bool(stages or measured)
        assert page.count('class="polmas-chart__svg"') == len(measured)
        for stage in stages:
            for evidence in (e for r in stage.results for e in r.evidence):
                if evidence.photo:
                    assert f'src="../bukti/{evidence.photo}"' in page and (site / "bukti" / evidence.photo).is_file()
                elif evidence.document:
                    assert f'href="../bukti/{evidence.document}"' in page
                    assert (site / "bukti" / evidence.document).is_file()


def test_the_handbooks_print_karya_nyata_with_its_charts(sample_build: pipeline.BuildResult) -> None:
    pdf = next((sample_build.site_dir / "handbooks/fkpm-ngrandusari").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Karya nyata" in text and "Angka yang diukur" in text
    assert "Satuan: kejadian" in text and "Jul 25" in text, "the chart's own text is in the PDF (an SVG, not a picture)"
    assert "Foto: Penyuluhan di aula SMP Ngrandusari" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in images.splitlines()[2:] if " image " in line]) >= 2, "the evidence photos"


def test_evidence_folder_is_not_read_as_records(repo: Path) -> None:
    assert not list((repo / "data/evidence").rglob("*.yaml"))
