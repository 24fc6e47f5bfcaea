"""data/glossary.yaml: checked with file:line problems, turned into a page, abbreviations and search synonyms."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.check.glossary import load_glossary
from generator.model.glossary import Glossary, GlossaryTerm
from generator.render.glossary import render_glossary_page, with_abbreviations
from generator.render.search import LUNR_ID, render_search_assets
from generator.render.site import make_environment

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


Check = Callable[[dict[str, str]], list[str]]


def test_the_sample_glossary_holds_the_words_officers_type(repo: Path) -> None:
    glossary, problems = load_glossary(repo)
    assert problems == []
    terms = {t.term for t in glossary.terms}
    assert {"curanmor", "curas", "begal", "KDRT", "miras", "narkoba", "Bhabinkamtibmas", "Babinsa", "Pospol",
            "Polsek", "FKPM", "BKPM", "siskamling", "kamtibmas", "tawuran", "DDS", "daring"} <= terms
    forms = {f.casefold() for t in glossary.terms for f in t.forms}
    assert {"bhabin", "ronda", "perkelahian pelajar", "sambang", "online"} <= forms


def test_no_glossary_file_is_an_empty_glossary(tmp_path: Path) -> None:
    assert load_glossary(tmp_path) == (Glossary(), [])


def test_problems_name_line_column_and_field(write_and_check: Check) -> None:
    assert write_and_check({"data/glossary.yaml": """
        terms:
          - term: K.D.R.T
            meaning: Kekerasan dalam rumah tangga.
          - term: miras
            arti: minuman keras
          - term: KDRT
            meaning: Kekerasan dalam rumah tangga.
          - term: kdrt
            meaning: Sama.
            synonyms: KDRT
        """}) == [
        "data/glossary.yaml:2:11: terms[0].term: 'K.D.R.T' is not a plain term: use letters and digits, "
        "with single spaces or hyphens between words",
        "data/glossary.yaml:4:5: terms[1].meaning: required field 'meaning' is missing; add it",
        "data/glossary.yaml:5:5: terms[1].arti: unknown field 'arti'; allowed here: term, expansion, meaning, synonyms",
        "data/glossary.yaml:10:15: terms[3].synonyms: expected a list (lines starting with '- '), "
        "found the text 'KDRT'",
    ]


def test_a_term_listed_twice_is_a_problem_at_the_second(write_and_check: Check) -> None:
    assert write_and_check({"data/glossary.yaml": """
        terms:
          - term: KDRT
            meaning: Kekerasan dalam rumah tangga.
          - term: kdrt
            meaning: Sama.
        """}) == [
        "data/glossary.yaml:4:11: terms[1].term: 'kdrt' is already listed on line 2; keep one entry per term "
        "and put other spellings in its synonyms",
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("- term: KDRT\n", "data/glossary.yaml:1:1: expected a 'terms:' line followed by a list of terms "
                       "(lines starting with '- ')"),
    ("terms:\n  - term: [KDRT\n", "data/glossary.yaml:3:1: YAML syntax error: while parsing a flow sequence, "
                                  "expected ',' or ']', but got '<stream end>' (check the indentation and quotes "
                                  "on this line and the one above)"),
])
def test_a_broken_file_is_one_problem(write_and_check: Check, text: str, message: str) -> None:
    assert write_and_check({"data/glossary.yaml": text}) == [message]


GLOSSARY = Glossary(terms=[
    GlossaryTerm(term="KDRT", expansion="kekerasan dalam   rumah tangga", meaning="Kekerasan di rumah."),
    GlossaryTerm(term="curanmor", expansion="pencurian kendaraan bermotor", meaning="Pencurian motor."),
    GlossaryTerm(term="RT", expansion="rukun tetangga", meaning="Satuan warga terkecil."),
    GlossaryTerm(term="begal", meaning="Perampasan di jalan.", synonyms=["curas", "pencurian *dengan* kekerasan"]),
])


def test_a_page_defines_the_abbreviations_it_uses_and_no_others() -> None:
    page = "# Curanmor dan KDRT\n\nLaporan curanmor di RT02, RW 03 dan KDRTX.\n\n"
    assert with_abbreviations(GLOSSARY, page) == (
        "# Curanmor dan KDRT\n\nLaporan curanmor di RT02, RW 03 dan KDRTX.\n\n"
        "*[KDRT]: kekerasan dalam rumah tangga\n*[curanmor]: pencurian kendaraan bermotor\n"
        "*[Curanmor]: pencurian kendaraan bermotor\n"
    )
    plain = "Tanpa singkatan; begal tidak punya kepanjangan.\n"
    assert with_abbreviations(GLOSSARY, plain) == plain


MULTIWORD = Glossary(terms=[
    GlossaryTerm(term="Pos Kamling", expansion="pos keamanan lingkungan", meaning="Tempat ronda."),
    GlossaryTerm(term="Pos", expansion="tempat jaga", meaning="Tempat jaga."),
    GlossaryTerm(term="Sat-Binmas", expansion="satuan pembinaan masyarakat", meaning="Satuan di Polres."),
    *GLOSSARY.terms,
])


@given(st.lists(st.sampled_from(
    ["Pos", "Kamling", "Pos Kamling", "pos", "Sat", "Binmas", "Sat-Binmas", "KDRT", "KDRTX", "RT", "curanmor",
     "Curanmor", "-", " ", "\n", ".", "é", "_", "2", "*"]), max_size=14))
def test_one_pass_finds_exactly_what_a_search_per_form_finds(parts: list[str]) -> None:
    page = "".join(parts)
    per_form = [
        f"*[{form}]: {' '.join(entry.expansion.split())}"
        for entry in sorted(MULTIWORD.terms, key=lambda t: t.term)
        if entry.expansion
        for form in ([entry.term, entry.term[0].upper() + entry.term[1:]]
                     if entry.term[0].upper() != entry.term[0] else [entry.term])
        if re.search(rf"\b{re.escape(form)}\b", page)
    ]
    expected = page.rstrip("\n") + "\n\n" + "\n".join(per_form) + "\n" if per_form else page
    assert with_abbreviations(MULTIWORD, page) == expected


def test_the_glossary_page_lists_terms_alphabetically_as_plain_text(repo: Path) -> None:
    page = render_glossary_page(make_environment(repo / "templates" / "site"), GLOSSARY)
    assert page.index("**begal**") < page.index("**curanmor**") < page.index("**KDRT**") < page.index("**RT**")
    assert "\n\n**KDRT** — kekerasan dalam rumah tangga\n:   Kekerasan di rumah.\n\n" in page
    assert r"*Juga disebut:* curas, pencurian \*dengan\* kekerasan." in page


def test_search_gets_every_form_of_every_term(repo: Path) -> None:
    script = render_search_assets(GLOSSARY, templates=repo / "templates" / "site")[LUNR_ID]
    source = (repo / "templates" / "site" / "search" / "lunr.id.js").read_text(encoding="utf-8")
    assert script.startswith(source)
    last = script.rstrip("\n").rsplit("\n", 1)[1]
    assert last.startswith("self.lunr.id.glossary.load(") and last.endswith(")")
    assert json.loads(last[len("self.lunr.id.glossary.load("):-1]) == [
        ["KDRT", "kekerasan dalam   rumah tangga"],
        ["curanmor", "pencurian kendaraan bermotor"],
        ["RT", "rukun tetangga"],
        ["begal", "curas", "pencurian *dengan* kekerasan"],
    ]
