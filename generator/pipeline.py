"""build(): read and check everything, then generate the docs tree, then build the site."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.edition_contents import forums_with_handbooks
from generator.editions import check_editions, check_publishable, publish_manifest
from generator.knowledge import KnowledgeBase, load_knowledge
from generator.outputs.handbooks import build_handbooks, handbook_files, write_handbooks
from generator.outputs.site import build_site
from generator.problems import ProblemList, suggest
from generator.render.site import render_site_docs
from generator.render.tree import write_tree

DOCS_DIR = Path(".polmas/docs")
"""Generated Markdown, the engine's input; mkdocs.yml points its docs_dir here."""
PDF_CACHE_DIR = Path(".polmas/cache/handbooks")
"""Handbook PDFs by a hash of their input: a rebuild (or `polmas serve`) re-renders only what changed."""
PDF_CACHE_ENV = "POLMAS_PDF_CACHE"
"""Set it to a folder to share that cache between projects (copies of one project render the same PDFs)."""


def pdf_cache_dir(project: Path) -> Path:
    return Path(os.environ.get(PDF_CACHE_ENV) or project / PDF_CACHE_DIR)


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
    kb, problems = load_knowledge(project)
    if not problems.has_errors():  # handbook selections need resolved references
        problems.extend(check_editions(project, kb))
    return kb, problems


def generate_docs(project: Path, kb: KnowledgeBase) -> Path:
    """Render the Markdown docs tree and the forums' handbooks (PDF) for the site engine; returns its folder."""
    docs = render_site_docs(kb, project=project)
    built = build_handbooks(project, kb, cache_dir=pdf_cache_dir(project))  # before writing: a failure writes nothing
    docs.update(handbook_files(built))
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


class UnknownForum(Exception):
    """`polmas handbook --forum ID` named no forum with a `handbook:` block."""


@dataclass(frozen=True)
class HandbooksResult:
    kb: KnowledgeBase
    problems: ProblemList
    written: list[Path]
    published: list[Path]


def handbooks(project: Path, *, forum_ids: list[str] | None, publish: bool,
              site_dir: Path | None = None) -> HandbooksResult:
    """check → render the forums' handbooks → write them into site/handbooks/ → publish their manifests if asked.

    Without a full site build; each file is replaced atomically. A plain run never publishes.
    """
    kb, problems = check(project)
    if problems.has_errors():
        raise InputError(problems)
    with_handbook = {forum.id: forum for forum in forums_with_handbooks(kb)}
    for forum_id in forum_ids or []:
        if forum_id not in with_handbook:
            listed = ", ".join(with_handbook) or "none"
            raise UnknownForum(f"no forum '{forum_id}' with a handbook: block{suggest(forum_id, with_handbook)}; "
                               f"forums with one: {listed}")
    forums = [with_handbook[i] for i in forum_ids] if forum_ids else list(with_handbook.values())
    built = build_handbooks(project, kb, forums=forums, cache_dir=pdf_cache_dir(project))
    if publish:
        check_publishable(project, [b.edition.manifest for b in built])
    written = write_handbooks(built, site_dir or project / "site")
    published = [publish_manifest(project, b.edition.manifest) for b in built] if publish else []
    return HandbooksResult(kb, problems, written, [path for path, new in published if new])
