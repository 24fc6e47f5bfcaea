"""The preview's problems page (masalah.html): what `polmas check` says, each problem linked to its editor entry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.check.calendar import EVENTS_FILE
from generator.check.glossary import GLOSSARY_FILE
from generator.model import KINDS
from generator.problems import Problem, ProblemList, Severity
from generator.render.site import UNSEARCHED_PAGE, make_environment

PROBLEMS_PAGE = "masalah.md"
"""Only in the preview (`polmas serve`, `polmas edit`): a build's docs tree never holds it."""


@dataclass(frozen=True)
class ProblemRow:
    """One problem as the page and the editor's panel show it."""

    where: str
    text: str
    warning: bool
    entry: str | None
    """The entry's address in the editor (`/admin/#/collections/<kind>/entries/<id>`), if the file is one."""


def entry_address(src_path: str) -> str | None:
    """Where the editor opens the record a file holds; None for files it does not edit."""
    if src_path == GLOSSARY_FILE:
        return "/admin/#/collections/glossary/entries/glossary"
    folder, _, name = src_path.rpartition("/")
    kind = next((k for k in KINDS if k.folder == folder), None)
    if kind is None or src_path == EVENTS_FILE or not name.endswith(".yaml"):
        return None
    return f"/admin/#/collections/{kind.name}/entries/{name.removesuffix('.yaml')}"


def problem_row(problem: Problem) -> ProblemRow:
    """The problem as `polmas check` prints it, split at its place, which the page links to the editor."""
    return ProblemRow(problem.where, problem.text, problem.severity is Severity.WARNING, entry_address(problem.path))


def render_problems_page(templates: Path, problems: ProblemList, *, editor_url: str | None) -> str:
    """The page's Markdown; links go to `editor_url` (where `polmas edit` serves /admin/), none without it."""
    env = make_environment(templates)
    rows = [problem_row(p) for p in problems.sorted()]
    return UNSEARCHED_PAGE + env.get_template("problems.md.j2").render(
        rows=rows, errors=len(problems.errors), warnings=len(problems.warnings), editor_url=editor_url or "",
    )
