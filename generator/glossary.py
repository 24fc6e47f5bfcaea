"""data/glossary.yaml → the glossary's terms, or problems with file and line."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.load import SourceFile, read_yaml_file
from generator.model.glossary import Glossary, Term
from generator.problems import Problem
from generator.validate import _problem_from_error

GLOSSARY_FILE = "data/glossary.yaml"


def load_glossary(project: Path) -> tuple[list[Term], list[Problem]]:
    """The glossary's terms sorted by term; no file means an empty glossary."""
    path = project / GLOSSARY_FILE
    if not path.is_file():
        return [], []
    loaded = read_yaml_file(path, GLOSSARY_FILE)
    if isinstance(loaded, list):
        return [], loaded
    if not isinstance(loaded.data, dict):
        return [], [Problem(GLOSSARY_FILE, 1, 1, "", "expected 'terms:' followed by a list of terms")]
    try:
        glossary = Glossary.model_validate(loaded.data)
    except ValidationError as exc:
        return [], [_problem_from_error(error, loaded, Glossary) for error in exc.errors()]
    return sorted(glossary.terms, key=lambda t: t.term.casefold()), _duplicates(glossary, loaded)


def _duplicates(glossary: Glossary, source: SourceFile) -> list[Problem]:
    problems = []
    first: dict[str, int] = {}
    for index, term in enumerate(glossary.terms):
        key = term.term.casefold()
        line, column = source.position(("terms", index, "term"))
        if key in first:
            first_line, _ = source.position(("terms", first[key], "term"))
            problems.append(Problem(
                GLOSSARY_FILE, line, column, f"terms[{index}].term",
                f"'{term.term}' is already explained on line {first_line}; keep one entry per word",
            ))
        else:
            first[key] = index
    return problems
