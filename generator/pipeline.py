"""build(): read and check everything, then generate the docs tree, then build the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.knowledge import KnowledgeBase, load_knowledge
from generator.outputs.site import build_site
from generator.problems import ProblemList
from generator.render.site import render_site_docs
from generator.render.tree import write_tree

DOCS_DIR = Path(".polmas/docs")
"""Generated Markdown, the engine's input; mkdocs.yml points its docs_dir here."""


class InputError(Exception):
    """The input has problems; nothing was written."""

    def __init__(self, problems: ProblemList) -> None:
        super().__init__(f"{len(problems.errors)} problem(s) in the input")
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    kb: KnowledgeBase
    problems: ProblemList
    site_dir: Path
    pages: int


def check(project: Path) -> tuple[KnowledgeBase, ProblemList]:
    """Load and validate everything; write nothing."""
    return load_knowledge(project)


def generate_docs(project: Path, kb: KnowledgeBase) -> Path:
    """Render the Markdown docs tree for the site engine; returns its folder."""
    docs = render_site_docs(kb, project=project)
    target = project / DOCS_DIR
    write_tree(docs, target)
    return target


def build(project: Path, *, site_dir: Path | None = None) -> BuildResult:
    """check → generate → build the site into a temp folder and swap it in."""
    kb, problems = check(project)
    if problems.has_errors():
        raise InputError(problems)
    docs_dir = generate_docs(project, kb)
    target = site_dir or project / "site"
    pages = build_site(project, docs_dir=docs_dir, site_dir=target, kb=kb)
    return BuildResult(kb, problems, target, pages)
