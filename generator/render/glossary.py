"""The Glosarium page, and the abbreviation definitions that give each page's abbreviations their meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    words = set(_WORD.findall(markdown))
    lines = [d.line for d in _definitions(glossary)
             if (d.form in words if d.one_word else
                 all(word in words for word in d.words) and re.search(rf"\b{re.escape(d.form)}\b", markdown))]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n" if lines else markdown


@dataclass(frozen=True)
class _Definition:
    """One written form of a term with an expansion, and its definition line."""

    form: str
    one_word: bool
    words: tuple[str, ...]
    line: str


def _definitions(glossary: Glossary) -> tuple[_Definition, ...]:
    """The definitions in the order their lines are written, made once per glossary (a build writes every page
    with the same one).

    A form is used where it stands as a whole word on the page, as `\\bform\\b` finds it: one scan collects
    the page's words, and only a form of several words, all of them on the page, still needs its own search.
    A page of any length costs one scan instead of one per form.
    """
    global _last
    last = _last
    if last is not None and last[0] is glossary:
        return last[1]
    found = tuple(
        _Definition(form, bool(_WORD.fullmatch(form)), tuple(_WORD.findall(form)),
                    f"*[{form}]: {' '.join(entry.expansion.split())}")
        for entry in sorted(glossary.terms, key=lambda t: t.term)
        if entry.expansion
        for form in _written_forms(entry)
    )
    _last = (glossary, found)
    return found


_last: tuple[Glossary, tuple[_Definition, ...]] | None = None
"""The glossary `_definitions` last answered for, with its answer (a glossary is not changed once loaded)."""
_WORD = re.compile(r"\w+")


def _written_forms(entry: GlossaryTerm) -> list[str]:
    """'curanmor' may also open a sentence as 'Curanmor'; 'KDRT' is only ever written so."""
    capitalised = entry.term[0].upper() + entry.term[1:]
    return [entry.term] if capitalised == entry.term else [entry.term, capitalised]
