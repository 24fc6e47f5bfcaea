"""The `polmas` command as a user runs it: exit codes, every problem at once, nothing written on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import EXIT_INPUT, EXIT_OK, _pdf_workers, main
from generator.outputs.pdf import JOBS_ENV, pdf_jobs

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


def test_check_sample_content_has_no_problems_only_its_review_warnings(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLMAS_TODAY", "2026-12-01")
    assert main(["--project", str(repo), "check"]) == EXIT_OK
    captured = capsys.readouterr()
    # The sample shows the review workflow (tests/handbook/test_checks.py pins the lines).
    assert all(": warning: " in line for line in captured.out.splitlines())
    assert "no problems, 5 warnings" in captured.err


def test_check_reports_all_three_problems_and_writes_nothing(
    sample_copy: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    guideline = sample_copy / "content/guidelines/hentikan-tawuran.yaml"
    text = guideline.read_text(encoding="utf-8")
    guideline.write_text(text.replace("phase: penanganan", "phase: sometime", 1), encoding="utf-8")
    # A record that fails validation is not reference-checked, so the unknown reference sits in another file.
    citing = sample_copy / "content/guidelines/cegah-curanmor-parkir.yaml"
    text = citing.read_text(encoding="utf-8")
    first_ref = text.index("ref: ", text.index("steps:"))
    citing.write_text(text[:first_ref] + "ref: uu-tidak-ada" + text[text.index("\n", first_ref):], encoding="utf-8")
    broken = sample_copy / "content/situations/penipuan-daring.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "title: [tidak ditutup", 1),
                      encoding="utf-8")

    assert main(["--project", str(sample_copy), "build"]) == EXIT_INPUT
    out = capsys.readouterr().out.splitlines()

    phase_line = _line_of(guideline, "phase: sometime")
    ref_line = _line_of(citing, "ref: uu-tidak-ada")
    assert f"content/guidelines/hentikan-tawuran.yaml:{phase_line}:8: phase: 'sometime' is not one of " \
           "pencegahan, penanganan, pasca" in out
    assert any(line.startswith(f"content/guidelines/cegah-curanmor-parkir.yaml:{ref_line}:")
               and "unknown legal 'uu-tidak-ada'" in line for line in out)
    title_line = _line_of(broken, "title: [tidak ditutup")
    assert any(line.startswith(f"content/situations/penipuan-daring.yaml:{title_line + 1}:")
               and "YAML syntax error" in line for line in out)
    assert len([line for line in out if ": warning: " not in line]) == 3
    assert not (sample_copy / "site").exists() and not (sample_copy / ".polmas").exists()


def test_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(tmp_path), "check"]) == 2
    assert "is not a Pustaka Polmas project" in capsys.readouterr().err


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_template_mistake_names_the_template_and_line(sample_copy: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    template = sample_copy / "templates/site/pack.md.j2"
    template.write_text("# Paket\n\n{% for x in items %}\n{{ x }}\n", encoding="utf-8")
    assert main(["--project", str(sample_copy), "build"]) == 3
    err = capsys.readouterr().err
    assert "templates/site/pack.md.j2:4: template syntax error: Unexpected end of template" in err
    assert "Traceback" not in err
    assert not (sample_copy / "site").exists()


def test_jobs_must_be_a_number_of_at_least_one(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--project", str(repo), "build", "--jobs", "0"])
    assert stopped.value.code == 2
    assert "'0' is not a number of at least 1" in capsys.readouterr().err


def test_jobs_sets_the_pdf_workers_for_the_run_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JOBS_ENV, "5")
    with _pdf_workers(3):
        assert pdf_jobs() == 3
    assert pdf_jobs() == 5
    monkeypatch.delenv(JOBS_ENV)
    with _pdf_workers(None):
        assert pdf_jobs() == (os.cpu_count() or 1)
    assert JOBS_ENV not in os.environ


def test_the_command_leaves_with_its_exit_code_and_all_its_output(sample_copy: Path) -> None:
    """`polmas` skips the interpreter's teardown: what it printed is all there, its exit code is kept, and the
    exit handlers still ran (a message registered with atexit appears last)."""
    guideline = sample_copy / "content/guidelines/hentikan-tawuran.yaml"
    text = guideline.read_text(encoding="utf-8")
    guideline.write_text(text.replace("phase: penanganan", "phase: sometime", 1), encoding="utf-8")
    script = ("import atexit, sys; atexit.register(lambda: print('handlers ran', file=sys.stderr)); "
              "from generator.cli import run; sys.argv = ['polmas', '--project', sys.argv[1], 'check']; run()")
    done = subprocess.run([sys.executable, "-c", script, str(sample_copy)], capture_output=True, text=True,
                          env={**os.environ, "LANGUAGE": "en", "POLMAS_TODAY": "2026-12-01"}, check=False)
    assert done.returncode == EXIT_INPUT
    assert "hentikan-tawuran.yaml" in done.stdout and "sometime" in done.stdout
    assert done.stderr.rstrip().endswith("handlers ran")
