"""data/glossary.yaml → a validated Glossary, every problem at its line and column."""

from __future__ import annotations

from pathlib import Path

from generator.check.validate import validate_model
from generator.i18n import _
from generator.load.source import SourceFile, read_yaml_file
from generator.model.glossary import Glossary
from generator.problems import Problem

GLOSSARY_FILE = "data/glossary.yaml"


def load_glossary(project: Path) -> tuple[Glossary, list[Problem]]:
    """The project's glossary; an empty one when the file does not exist."""
    path = project / GLOSSARY_FILE
    if not path.is_file():
        return Glossary(), []
    loaded = read_yaml_file(path, GLOSSARY_FILE)
    if isinstance(loaded, list):
        return Glossary(), loaded
    if not isinstance(loaded.data, dict):
        return Glossary(), [Problem(
            GLOSSARY_FILE, 1, 1, "",
            _("expected a 'terms:' line followed by a list of terms (lines starting with '- ')"),
        )]
    glossary, problems = validate_model(loaded, Glossary)
    if glossary is None:
        return Glossary(), problems
    return glossary, _repeated_terms(glossary, loaded)


def _repeated_terms(glossary: Glossary, source: SourceFile) -> list[Problem]:
    """A term listed twice would give a page two meanings for one abbreviation."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for index, entry in enumerate(glossary.terms):
        key = entry.term.casefold()
        if key not in first:
            first[key] = index
            continue
        line, column = source.position(("terms", index, "term"))
        first_line, _column = source.position(("terms", first[key], "term"))
        problems.append(Problem(
            GLOSSARY_FILE, line, column, f"terms[{index}].term",
            _("'{term}' is already listed on line {line}; keep one entry per term and put other spellings in its "
              "synonyms").format(term=entry.term, line=first_line),
        ))
    return problems
