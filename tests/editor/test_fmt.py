"""`polmas fmt`: the canonical form of a record file depends on its data alone, so editor saves round-trip."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.outputs.canonical_yaml import canonical_text, format_file, record_files

GUIDELINE = "content/guidelines/x.yaml"
CANONICAL = """\
# yaml-language-server: $schema=../../schemas/guideline.schema.json
id: x
title: Cegah tawuran
summary: 'Ringkasan: pendek.'
status: draf
published: 2025-06-23
phase: pencegahan
situations:
  - tawuran-pelajar
standard: Satu kalimat.
steps:
  - text: Langkah pertama.
    actor: Ketua RW
  - text: Langkah kedua.
    actor: Bhabinkamtibmas
    level: wajib
notes: |-
  - satu
  - dua
"""
# What Decap CMS (the `yaml` npm package) writes for the same data: no comment line, its own quoting and
# folding, empty values for fields left blank, the date quoted.
DECAP_WRITES = """\
id: x
title: "Cegah tawuran"
summary: >-
  Ringkasan:
  pendek.
tags: []
status: draf
published: "2025-06-23"
phase: pencegahan
approach: ""
situations: [tawuran-pelajar]
standard: Satu kalimat.
steps:
- text: Langkah pertama.
  actor: Ketua RW
  legal_basis: []
- text: Langkah kedua.
  actor: Bhabinkamtibmas
  level: wajib
notes: "- satu\\n- dua"
"""


def test_canonical_form_depends_on_the_data_alone() -> None:
    assert canonical_text(GUIDELINE, CANONICAL) == CANONICAL
    assert canonical_text(GUIDELINE, DECAP_WRITES) == CANONICAL


def test_keys_follow_the_model_and_the_schema_line_comes_back() -> None:
    shuffled = "steps:\n  - actor: Ketua RW\n    text: Langkah pertama.\nid: x\ntitle: Cegah tawuran\n"
    assert canonical_text(GUIDELINE, shuffled) == (
        "# yaml-language-server: $schema=../../schemas/guideline.schema.json\n"
        "id: x\ntitle: Cegah tawuran\nsteps:\n  - text: Langkah pertama.\n    actor: Ketua RW\n"
    )


def test_a_changed_field_changes_only_its_own_lines() -> None:
    edited = canonical_text(GUIDELINE, DECAP_WRITES.replace("summary: >-\n  Ringkasan:\n  pendek.",
                                                            "summary: Ringkasan baru."))
    assert edited is not None
    diff = [line for line in difflib.unified_diff(CANONICAL.splitlines(), edited.splitlines(), lineterm="", n=0)
            if line[:1] in "+-"]
    assert diff == ["--- ", "+++ ", "-summary: 'Ringkasan: pendek.'", "+summary: Ringkasan baru."]


def test_every_sample_file_is_stable_once_formatted(repo: Path) -> None:
    files = record_files(repo)
    assert len(files) > 100
    for src_path in files:
        once = canonical_text(src_path, (repo / src_path).read_text(encoding="utf-8"))
        assert once is not None and canonical_text(src_path, once) == once, src_path


def test_files_of_no_kind_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "notes.yaml").write_text("b: 1\na: 2\n", encoding="utf-8")
    assert canonical_text("data/notes.yaml", "b: 1\n") is None
    assert canonical_text(GUIDELINE, "- a list\n") is None


@pytest.mark.usefixtures("english")  # pins the English lines
def test_polmas_fmt_formats_and_check_reports(sample_copy: Path) -> None:
    path = sample_copy / "content/guidelines/hentikan-tawuran.yaml"
    polmas = [sys.executable, "-m", "generator.cli", "--project", str(sample_copy), "fmt"]
    checked = subprocess.run([*polmas, "--check"], capture_output=True, text=True, check=False)
    assert checked.returncode == 1 and "would format: content/guidelines/hentikan-tawuran.yaml" in checked.stdout
    before = path.read_text(encoding="utf-8")
    assert subprocess.run(polmas, capture_output=True, check=False).returncode == 0
    assert path.read_text(encoding="utf-8") != before
    assert subprocess.run([*polmas, "--check"], capture_output=True, check=False).returncode == 0
    assert not format_file(sample_copy, "content/guidelines/hentikan-tawuran.yaml")
