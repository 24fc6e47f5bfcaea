"""Education sheets and training packs → PDFs in the docs tree (materi/…): cached, all or nothing."""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from pathlib import Path

from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.outputs.glyphs import Fallback, missing_glyph_problems, split_missing_glyphs
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.pdf import FONTS_FOLDER, PdfJob
from generator.outputs.pdf_cache import CacheEntry, PdfCache
from generator.outputs.pdf_inputs import PrintInputs, sheet_key
from generator.problems import Problem, ProblemList
from generator.progress_protocol import Progress
from generator.render.handbook import TEMPLATES
from generator.render.materials import MaterialDocument, material_documents
from generator.render.qr import SiteAddress

PACK_TEMPLATE = "templates/handbook/materi/pack.html.j2"


def build_materials(project: Path, kb: KnowledgeBase, *, site: SiteAddress, printed: date | None,
                    cache_dir: Path | None = None, progress: Progress | None = None,
                    paths: Container[str] | None = None) -> dict[str, bytes]:
    """Every module's handout, worksheet and trainer notes, and every pack's plan: docs path → PDF bytes.

    `paths` makes only the documents of those docs paths (a shard's share). Any warning from the PDF engine
    fails the whole run (the module's file is named), so nothing half-made reaches a trainer.
    """
    documents = [doc for doc in material_documents(kb, project=project, site=site, printed=printed)
                 if paths is None or doc.path in paths]
    advance = progress.stage(_("Training materials (PDF)"), len(documents)) if progress else lambda: None
    names, keys = _names_and_keys(project, documents, site=site, printed=printed)
    # Only a sheet not found under its inputs' key is rendered to HTML (with its QR code) and to PDF.
    results = PdfCache(cache_dir, project=project).get_or_render(
        list(zip(names, keys, strict=True)),
        lambda i: PdfJob(html=documents[i].render(), base_dir=project / TEMPLATES, identifier=documents[i].path),
        advance=advance)
    problems: dict[Problem, None] = {}  # a module's character is reported once, not once per sheet
    files: dict[str, bytes] = {}
    for doc, rendered in zip(documents, results, strict=True):
        if isinstance(rendered, bytes):
            files[doc.path] = rendered
            continue
        source = doc.source.source.src_path if doc.source else PACK_TEMPLATE
        missing, others = split_missing_glyphs(rendered.warnings)
        for message in dict.fromkeys(others):
            problems[Problem(source, 1, 1, "", _("{file} could not be made cleanly: {reason}").format(
                file=doc.path, reason=message))] = None
        problems.update(dict.fromkeys(missing_glyph_problems(
            missing, project=project, fonts_dir=project / TEMPLATES / FONTS_FOLDER,
            sources=[doc.source.source] if doc.source else [],
            others=[record.source for record in kb.records.values()],
            fallback=Fallback(source, 1, 1, ""),
        )))
        files[doc.path] = rendered.data
    if problems:
        raise HandbookBuildError(ProblemList(problems))
    return files


def _names_and_keys(project: Path, documents: list[MaterialDocument], *, site: SiteAddress,
                    printed: date | None) -> tuple[list[str], list[str]]:
    common = PrintInputs.of(project, site=site, sample=False)
    extra = printed.isoformat() if printed else ""
    keys = [sheet_key(common=common, path=doc.path, records=doc.records, extra=extra, mentions=doc.mentions)
            for doc in documents]
    return [doc.path.removesuffix(".pdf").replace("/", "--") for doc in documents], keys


def material_entries(project: Path, kb: KnowledgeBase, *, site: SiteAddress,
                     printed: date | None) -> list[CacheEntry]:
    """Each training sheet's cache name, inputs key and docs path: no HTML, no QR code, no PDF engine."""
    documents = material_documents(kb, project=project, site=site, printed=printed)
    names, keys = _names_and_keys(project, documents, site=site, printed=printed)
    return [CacheEntry(name, key, doc.path) for doc, name, key in zip(documents, names, keys, strict=True)]

