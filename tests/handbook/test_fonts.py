"""PDFs see only the fonts shipped with the project, whatever fonts the machine has installed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from generator import pipeline
from generator.domain.editions import prepare_edition
from generator.model import Forum
from generator.outputs.handbooks import HandbookBuildError, build_handbooks
from generator.outputs.pdf import PdfJob, RenderedPdf, render_pdfs
from generator.render.handbook import TEMPLATES, render_handbook_html
from tests.conftest import Scratch
from tests.handbook.project import write_project

THAI = "กข"


def write_machine_font(folder: Path) -> Path:
    """A font covering the Thai letters, as a machine with a Thai font installed would have."""
    folder.mkdir(parents=True, exist_ok=True)
    builder = FontBuilder(1000, isTTF=True)
    names = [".notdef", *(f"thai{i}" for i in range(len(THAI)))]
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(char): f"thai{i}" for i, char in enumerate(THAI)})
    pen = TTGlyphPen(None)
    for x, y in ((100, 0), (100, 700), (500, 700), (500, 0)):
        (pen.moveTo if (x, y) == (100, 0) else pen.lineTo)((x, y))
    pen.closePath()
    box = pen.glyph()
    builder.setupGlyf({name: box for name in names})
    builder.setupHorizontalMetrics({name: (600, 100) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Machine Thai", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    path = folder / "MachineThai.ttf"
    builder.save(str(path))
    return path


@pytest.fixture
def machine_fonts(tmp_path: Path) -> Path:
    """A fontconfig file like a machine's own, plus a folder with a font that has the Thai letters."""
    extra = write_machine_font(tmp_path / "extra-fonts").parent
    config = tmp_path / "machine-fonts.conf"
    config.write_text(textwrap.dedent(f"""\
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <dir>{extra}</dir>
          <cachedir>{tmp_path / "fc-cache"}</cachedir>
        </fontconfig>
        """), encoding="utf-8")
    return config


def test_the_machine_font_is_visible_to_a_plain_engine(machine_fonts: Path) -> None:
    """The control: without our configuration WeasyPrint would borrow the machine's Thai font."""
    code = ("import weasyprint; d = weasyprint.HTML(string='<p>ก</p>').render(); d.write_pdf(); "
            "print(sorted({f.family for f in d.fonts.values()}))")
    env = {"PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(machine_fonts)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "Machine Thai" in done.stdout, done.stdout + done.stderr


def handbook_job(scratch: Scratch) -> PdfJob:
    kb, problems = pipeline.check(scratch.root)
    assert not problems, [p.format() for p in problems]
    edition = prepare_edition(kb, kb.get("fkpm-ngrandusari", Forum))
    return PdfJob(html=render_handbook_html(kb, edition, project=scratch.root,
                                                    site=pipeline.site_address(scratch.root)),
                  base_dir=scratch.root / TEMPLATES, identifier="font-test")


def render_with_and_without(job: PdfJob, machine_fonts: Path, monkeypatch: pytest.MonkeyPatch) -> list[RenderedPdf]:
    monkeypatch.setenv("FONTCONFIG_FILE", str(machine_fonts))
    with_font = render_pdfs([job])[0]
    monkeypatch.delenv("FONTCONFIG_FILE")
    without = render_pdfs([job])[0]
    return [with_font, without]


def test_a_handbook_is_the_same_bytes_whatever_fonts_the_machine_has(
    scratch: Scratch, machine_fonts: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_project(scratch, f"  foreword: Salam dari Bangkok, {THAI}.\n")
    with_font, without = render_with_and_without(handbook_job(scratch), machine_fonts, monkeypatch)
    assert with_font.data == without.data
    assert with_font.warnings == without.warnings
    assert any("U+0E01" in warning for warning in without.warnings)


def test_a_clean_handbook_is_the_same_bytes_whatever_fonts_the_machine_has(
    scratch: Scratch, machine_fonts: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_project(scratch, "  foreword: Salam hangat dari Ngrandusari.\n")
    with_font, without = render_with_and_without(handbook_job(scratch), machine_fonts, monkeypatch)
    assert with_font.data == without.data
    assert with_font.warnings == without.warnings == []


@pytest.mark.usefixtures("english")  # pins the English message
def test_the_problem_is_the_same_whatever_fonts_the_machine_has(
    scratch: Scratch, machine_fonts: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_project(scratch, f"  foreword: Salam dari Bangkok, {THAI}.\n")
    kb, _ = pipeline.check(scratch.root)
    found = []
    for machine in (machine_fonts, None):
        if machine:
            monkeypatch.setenv("FONTCONFIG_FILE", str(machine))
        else:
            monkeypatch.delenv("FONTCONFIG_FILE")
        with pytest.raises(HandbookBuildError) as caught:
            build_handbooks(scratch.root, kb, site=pipeline.site_address(scratch.root))
        found.append([p.format() for p in caught.value.problems])
    assert found[0] == found[1]
    assert [line.split(": ", 2)[2][:22] for line in found[0]] == ["'ก' (U+0E01, Thai) is ", "'ข' (U+0E02, Thai) is "]


ORPHAN_SCRIPT = """
import sys, time
from pathlib import Path
from generator.outputs.pdf import PdfJob, render_pdfs
render_pdfs([PdfJob(html="<p>x</p>", base_dir=Path(sys.argv[1]), identifier="orphan")])
print("ready", flush=True)
time.sleep(120)
"""


def test_pdf_workers_leave_when_their_parent_is_killed(repo: Path) -> None:
    """A build killed outright must not leave PDF workers behind, waiting for work forever."""
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT, str(repo / TEMPLATES)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children").read_text().split()
        workers = [int(pid) for pid in children if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()]
        assert workers, "the PDF pool started no worker process"
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 15
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(running, workers)), "a PDF worker outlived its parent"


def running(pid: int) -> bool:
    """Alive, and not a zombie waiting for whoever adopted it to collect it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
