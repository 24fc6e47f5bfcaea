"""data/glossary.yaml: checked with file and line; a handbook prints only the terms its text uses."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.domain.editions import prepare_edition
from generator.render.handbook import handbook_context
from generator.render.qr import SiteAddress
from tests.conftest import Scratch
from tests.handbook.project import write_project

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

GLOSSARY = """
terms:
  - term: Bhabinkamtibmas
    meaning: Polisi desa.
  - term: Siskamling
    expansion: sistem keamanan lingkungan
    synonyms: [ronda]
    meaning: Keamanan lingkungan oleh warga.
  - term: Kawasan
    meaning: Wilayah khusus.
"""


def test_glossary_problems_name_file_line_and_field(scratch: Scratch) -> None:
    scratch.write("data/glossary.yaml", """
        terms:
          - term: FKPM
            meaning: Forum kemitraan.
          - term: fkpm
            meaning: Lagi.
          - term: BKPM
            meening: Balai.
        """)
    _, problems = pipeline.check(scratch.root)
    assert [p.format() for p in problems] == [
        "data/glossary.yaml:6:5: terms[2].meaning: required field 'meaning' is missing; add it",
        "data/glossary.yaml:7:5: terms[2].meening: unknown field 'meening' (did you mean 'meaning'?); "
        "allowed here: term, expansion, meaning, synonyms",
    ]
    scratch.write("data/glossary.yaml", "terms:\n  - {term: FKPM, meaning: A.}\n  - {term: fkpm, meaning: B.}\n")
    _, problems = pipeline.check(scratch.root)
    assert [p.format() for p in problems] == [
        "data/glossary.yaml:3:12: terms[1].term: 'fkpm' is already listed on line 2; keep one entry per term "
        "and put other spellings in its synonyms",
    ]


def test_handbook_glossary_holds_only_the_words_the_edition_uses(scratch: Scratch) -> None:
    write_project(scratch)
    scratch.write("data/glossary.yaml", GLOSSARY)
    scratch.write("content/guidelines/cegah-tawuran.yaml", (scratch.root / "content/guidelines/cegah-tawuran.yaml")
                  .read_text(encoding="utf-8").replace("actor: Bhabinkamtibmas", "actor: Regu ronda"))
    kb, problems = pipeline.check(scratch.root)
    assert not problems
    context = handbook_context(kb, prepare_edition(kb, kb.get("fkpm-ngrandusari")),
                               site=SiteAddress("https://contoh.example/", False))
    assert [t.term for t in context.glossary] == ["Siskamling"], "'ronda' counts; 'Kawasan' and the rest do not"
