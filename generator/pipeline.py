"""build(): read and check everything, then generate the docs tree, then build the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.knowledge import KnowledgeBase, load_knowledge
from generator.model.private import PrivateContacts
from generator.outputs.site import build_site
from generator.private_contacts import PRIVATE_CONTACTS, check_private_details, load_private_contacts
from generator.problems import Problem, ProblemList
from generator.render.site import render_site_docs
from generator.render.tree import write_tree

DOCS_DIR = Path(".polmas/docs")
"""Generated Markdown, the engine's input; mkdocs.yml points its docs_dir here."""
INTERNAL_DOCS_DIR = Path(".polmas/docs-internal")
INTERNAL_SITE_DIR = Path("site-internal")
"""The internal edition (with names and numbers) never lands where the public site is published from."""


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
    """Load and validate everything, including that no public file names a private person; write nothing."""
    kb, problems = load_knowledge(project)
    problems.extend(check_private_details(project, kb))
    return kb, problems


def generate_docs(project: Path, kb: KnowledgeBase, *, private: PrivateContacts | None = None) -> Path:
    """Render the Markdown docs tree for the site engine; returns its folder."""
    docs = render_site_docs(kb, project=project, private=private)
    target = project / (INTERNAL_DOCS_DIR if private else DOCS_DIR)
    write_tree(docs, target)
    return target


def build(project: Path, *, site_dir: Path | None = None, internal: bool = False) -> BuildResult:
    """check → generate → build the site into a temp folder and swap it in.

    Public by default: the private contacts file is only checked, never rendered. `internal` renders it
    into a separate site for the forum's officers.
    """
    kb, problems = check(project)
    if problems.has_errors():
        raise InputError(problems)
    private = _private_contacts(project, kb) if internal else None
    docs_dir = generate_docs(project, kb, private=private)
    target = site_dir or project / (INTERNAL_SITE_DIR if internal else "site")
    pages = build_site(project, docs_dir=docs_dir, site_dir=target, kb=kb, internal=internal)
    return BuildResult(kb, problems, target, pages)


def _private_contacts(project: Path, kb: KnowledgeBase) -> PrivateContacts:
    private, _ = load_private_contacts(project, kb)  # its problems were reported by check()
    if private is None:
        raise InputError(ProblemList([Problem(
            PRIVATE_CONTACTS, 1, 1, "",
            "the internal edition needs this file (forum, role, name and phone per entry); "
            "create it, or build the public edition without --internal",
        )]))
    return private
