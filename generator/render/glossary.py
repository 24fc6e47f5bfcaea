"""The Glosarium page, and the abbreviation definitions that give each page's abbreviations their meaning."""

from __future__ import annotations

import re

from jinja2 import Environment

from generator.model.glossary import Glossary, GlossaryTerm

GLOSSARY_PAGE = "glosarium.md"


def render_glossary_page(env: Environment, glossary: Glossary) -> str:
    """Every term in alphabetical order, with its expansion, meaning and synonyms."""
    terms = sorted(glossary.terms, key=lambda t: t.term.casefold())
    return env.get_template("glossary.md.j2").render(terms=terms)


def with_abbreviations(glossary: Glossary, markdown: str) -> str:
    """The page with `*[KDRT]: kekerasan dalam rumah tangga` lines for the abbreviations it uses.

    The `abbr` extension turns them into <abbr title=…>, which the theme shows as a tooltip.
    """
    used = _forms_used(glossary, markdown)
    lines = [
        f"*[{form}]: {' '.join(entry.expansion.split())}"
        for entry in sorted(glossary.terms, key=lambda t: t.term)
        if entry.expansion
        for form in _written_forms(entry)
        if form in used
    ]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n" if lines else markdown


def _forms_used(glossary: Glossary, markdown: str) -> set[str]:
    """The glossary's written forms that stand as whole words in `markdown`, as `\\bform\\b` finds them.

    One pass collects the page's words; only a form of several words, all of them on the page, still
    needs its own search. A page of any length costs one scan instead of one per form.
    """
    words = set(_WORD.findall(markdown))
    used: set[str] = set()
    for entry in glossary.terms:
        for form in _written_forms(entry):
            if _WORD.fullmatch(form):
                if form in words:
                    used.add(form)
            elif all(word in words for word in _WORD.findall(form)) and re.search(
                rf"\b{re.escape(form)}\b", markdown
            ):
                used.add(form)
    return used


_WORD = re.compile(r"\w+")


def _written_forms(entry: GlossaryTerm) -> list[str]:
    """'curanmor' may also open a sentence as 'Curanmor'; 'KDRT' is only ever written so."""
    capitalised = entry.term[0].upper() + entry.term[1:]
    return [entry.term] if capitalised == entry.term else [entry.term, capitalised]
