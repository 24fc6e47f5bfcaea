"""Every forum's handbook edition → handbooks/<forum>/<forum>-edisi-<n>.pdf + .json, for the site or on its own."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.domain.editions import (
    HandbookEdition,
    check_publishable,
    manifest_path,
    prepare_edition,
    published_editions,
)
from generator.domain.selection import forums_with_handbooks
from generator.i18n import _
from generator.knowledge import KnowledgeBase, Record
from generator.model.manifest import Manifest
from generator.outputs.glyphs import Fallback, missing_glyph_problems, split_missing_glyphs
from generator.outputs.handbook_parts import render_handbooks
from generator.outputs.pdf import FONTS_FOLDER, PdfJob
from generator.outputs.pdf_cache import CacheEntry, PdfCache
from generator.outputs.pdf_inputs import PrintInputs, handbook_key, outgoing
from generator.outputs.tree import write_atomically
from generator.problems import Problem, ProblemList
from generator.render.handbook import TEMPLATES, render_handbook_html
from generator.render.qr import SiteAddress


class HandbookBuildError(Exception):
    """The PDF engine complained about a handbook; no PDF was written or replaced."""

    def __init__(self, problems: ProblemList) -> None:
        super().__init__(f"{len(problems)} problem(s) while making the handbooks")
        self.problems = problems


@dataclass(frozen=True)
class BuiltHandbook:
    edition: HandbookEdition
    pdf: bytes

    @property
    def pdf_path(self) -> str:
        return self.edition.pdf_path

    @property
    def manifest_path(self) -> str:
        return manifest_file(self.edition)


def manifest_file(edition: HandbookEdition) -> str:
    """Docs path of the manifest beside the edition's PDF."""
    return manifest_of(edition.pdf_path)


def manifest_of(pdf_path: str) -> str:
    return pdf_path.removesuffix(".pdf") + ".json"


def build_handbooks(
    project: Path, kb: KnowledgeBase, *, site: SiteAddress, forums: list[Record] | None = None,
    map_svgs: Mapping[str, str] | None = None, cache_dir: Path | None = None,
    advance: Callable[[], None] = lambda: None, sample: bool = False,
) -> list[BuiltHandbook]:
    """Render the chosen forums' handbooks (default: every forum with a `handbook:` block).

    `map_svgs` (forum id → SVG) adds a map chapter to those forums' handbooks. Any warning from the PDF
    engine fails the whole run, so a flawed booklet never reaches a printer. `cache_dir` reuses PDFs made
    from exactly the same inputs, keyed on them (see `handbook_key`): a PDF found there costs no HTML, no QR
    code and no PDF engine. Inside the project it keeps one PDF per forum, elsewhere (a cache shared by several
    projects) it keeps them all. `sample` prints the sample notice on every cover.
    """
    editions, keys, common = _editions_and_keys(project, kb, site=site, forums=forums, map_svgs=map_svgs,
                                                sample=sample)
    cache = PdfCache(cache_dir, project=project)
    # Only a PDF not found under its inputs' key has its HTML (and QR codes) rendered; a long one in parts.
    results = cache.get_or_render(
        [(edition.forum_id, key) for edition, key in zip(editions, keys, strict=True)],
        lambda i: PdfJob(
            html=render_handbook_html(kb, editions[i], project=project, site=site,
                                      map_svg=(map_svgs or {}).get(editions[i].forum_id), sample=sample),
            base_dir=project / TEMPLATES, identifier=f"{editions[i].pdf_path}:{editions[i].manifest.fingerprint}",
        ), advance=advance, render=partial(render_handbooks, common=common.digest, cache=cache_dir,
                                           fonts=project / TEMPLATES / FONTS_FOLDER, prune=cache.prune))
    built: list[BuiltHandbook] = []
    problems: dict[Problem, None] = {}  # an item in several handbooks is reported once
    for edition, rendered in zip(editions, results, strict=True):
        if isinstance(rendered, bytes):
            built.append(BuiltHandbook(edition, rendered))
            continue
        forum = edition.contents.forum
        missing, others = split_missing_glyphs(rendered.warnings)
        problems.update(dict.fromkeys(_engine_problem(forum, message) for message in dict.fromkeys(others)))
        line, column = forum.source.position(("handbook",), of_key=True)
        problems.update(dict.fromkeys(missing_glyph_problems(
            missing, project=project, fonts_dir=project / TEMPLATES / FONTS_FOLDER,
            sources=[forum.source, *(item.source for item in edition.contents.items)],
            others=[record.source for record in kb.records.values()],
            fallback=Fallback(forum.source.src_path, line, column, "handbook"),
        )))
        built.append(BuiltHandbook(edition, rendered.data))
    if problems:
        raise HandbookBuildError(ProblemList(problems))
    return built


def _editions_and_keys(
    project: Path, kb: KnowledgeBase, *, site: SiteAddress, forums: list[Record] | None,
    map_svgs: Mapping[str, str] | None, sample: bool,
) -> tuple[list[HandbookEdition], list[str], PrintInputs]:
    editions = [prepare_edition(kb, forum)
                for forum in (forums if forums is not None else forums_with_handbooks(kb))]
    common, refers_to = PrintInputs.of(project, site=site, sample=sample), outgoing(kb)
    keys = [handbook_key(kb, edition, project=project, common=common, refers_to=refers_to,
                         map_svg=(map_svgs or {}).get(edition.forum_id)) for edition in editions]
    return editions, keys, common


def handbook_entries(
    project: Path, kb: KnowledgeBase, *, site: SiteAddress, forums: list[Record] | None = None,
    map_svgs: Mapping[str, str] | None = None, sample: bool = False,
) -> list[CacheEntry]:
    """Each handbook's cache name (its forum's id), inputs key and PDF path: no HTML, no QR code, no PDF engine."""
    editions, keys, _ = _editions_and_keys(project, kb, site=site, forums=forums, map_svgs=map_svgs,
                                           sample=sample)
    return [CacheEntry(e.forum_id, key, e.pdf_path) for e, key in zip(editions, keys, strict=True)]


def handbook_files(built: list[BuiltHandbook]) -> dict[str, str | bytes]:
    """The handbooks as files of the docs tree: each PDF with its manifest beside it."""
    files: dict[str, str | bytes] = {}
    for handbook in built:
        files[handbook.pdf_path] = handbook.pdf
        files[handbook.manifest_path] = handbook.edition.manifest.to_json()
    return files


def write_handbooks(built: list[BuiltHandbook], site_dir: Path) -> list[Path]:
    """Write into site/handbooks/… file by file, each atomically; other files of the site are left alone."""
    written = []
    for rel, content in handbook_files(built).items():
        target = site_dir / rel
        write_atomically(target, content.encode("utf-8") if isinstance(content, str) else content)
        written.append(target)
    return written


def publish_manifest(project: Path, kb: KnowledgeBase, manifest: Manifest) -> tuple[Path, bool]:
    """Record the manifest under data/editions/; returns its path and whether it was newly written."""
    check_publishable(kb, [manifest])
    target = project / manifest_path(manifest.forum, manifest.edition)
    if manifest.edition in published_editions(kb, manifest.forum):
        return target, False
    write_atomically(target, manifest.to_json().encode("utf-8"))
    return target, True


def _engine_problem(forum: Record, message: str) -> Problem:
    line, column = forum.source.position(("handbook",), of_key=True)
    return Problem(forum.source.src_path, line, column, "handbook",
                   _("the handbook's PDF could not be made cleanly: {reason}").format(reason=message))
