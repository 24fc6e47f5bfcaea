"""`polmas certificates`: a page per participant from a CSV, clear errors at file:line, nothing written on error,
and names never in the site."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from tests.conftest import REPO

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

NAMES = [f"Peserta Contoh {n:02d}" for n in range(1, 31)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's inputs only (no built site), so the command runs as a trainer would run it."""
    root = tmp_path_factory.mktemp("certificates")
    for name in ("content", "data", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run in the trainer's folder, so the CSV is named as typed: 'peserta.csv'."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def write_csv(folder: Path, lines: list[str]) -> Path:
    path = folder / "peserta.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_thirty_participants_give_thirty_landscape_pages_with_their_names(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    write_csv(tmp_path, ["nama,asal", *(f"{name},SMP Ngrandusari" for name in NAMES)])
    with inside(tmp_path):
        code = main(["--project", str(project), "certificates", "--pack", "pelajar", "--participants", "peserta.csv",
                     "--date", "2026-12-05", "--place", "Tirtasekar"])
    assert code == EXIT_OK, capsys.readouterr().err
    written = project / "dist" / "sertifikat-pelajar.pdf"
    assert f"Certificates: {written}" in capsys.readouterr().out
    reader = PdfReader(io.BytesIO(written.read_bytes()))
    assert len(reader.pages) == 30
    for page, name in zip(reader.pages, NAMES, strict=True):
        text = page.extract_text()
        assert name in text and "Sekolah Aman Tanpa Tawuran" in text and "5 Desember 2026" in text
        assert "FKPM Ngrandusari" in text and "Kepala Sekolah" in text
        assert page.mediabox.width > page.mediabox.height
    assert not (project / "site").exists(), "certificates are made without building the site"


@pytest.mark.parametrize(("lines", "expected"), [
    (["nama,asal", *(f"{name},RT 02" for name in NAMES[:5]), ",RT 03", *(f"{n},RT 02" for n in NAMES[5:])],
     "peserta.csv:7: nama: the name is empty; write the participant's name or remove the line"),
    (["nama", *NAMES],
     "peserta.csv:1: missing column 'asal'; the first line names the columns, e.g. 'nama,asal' (found: nama)"),
    (["nama,asal", *(f"{name},RT 02" for name in NAMES[:5]), "Peserta Tanpa Koma"],
     "peserta.csv:7: 1 value(s) where the header has 2 (nama, asal); put a value that contains a comma in "
     "double quotes"),
])
def test_a_bad_csv_names_file_and_line_and_writes_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str], expected: str,
) -> None:
    write_csv(tmp_path, lines)
    target = tmp_path / "out" / "sertifikat.pdf"
    with inside(tmp_path):
        code = main(["--project", str(project), "certificates", "--pack", "pelajar", "--participants", "peserta.csv",
                     "--out", str(target)])
    assert code == EXIT_INPUT
    assert capsys.readouterr().out.splitlines() == [expected]
    assert not target.parent.exists()


def test_blank_certificate_and_refusals(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "certificates", "--pack", "warga", "--blank"]) == EXIT_OK
    blank = PdfReader(project / "dist" / "sertifikat-warga-kosong.pdf")
    assert len(blank.pages) == 1 and "Ketua FKPM" in blank.pages[0].extract_text()
    assert main(["--project", str(project), "certificates", "--pack", "pelajr", "--blank"]) == EXIT_USAGE
    assert "no training pack 'pelajr' (did you mean 'pelajar'?)" in capsys.readouterr().err
    inside_site = project / "site" / "sertifikat.pdf"
    assert main(["--project", str(project), "certificates", "--pack", "warga", "--blank",
                 "--out", str(inside_site)]) == EXIT_USAGE
    assert "which is published" in capsys.readouterr().err
    assert not inside_site.exists()
