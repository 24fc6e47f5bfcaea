"""Education sheets and training packs → PDFs in the docs tree (materi/…): cached, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.outputs.glyphs import Fallback, missing_glyph_problems, split_missing_glyphs
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.pdf import FONTS_FOLDER, PdfJob, render_pdfs
from generator.problems import Problem, ProblemList
from generator.progress_protocol import Progress
from generator.render.handbook import TEMPLATES
from generator.render.materials import render_materials_html
from generator.render.qr import SiteAddress

PACK_TEMPLATE = "templates/handbook/materi/pack.html.j2"


def build_materials(project: Path, kb: KnowledgeBase, *, site: SiteAddress, printed: date | None,
                    cache_dir: Path | None = None, progress: Progress | None = None) -> dict[str, bytes]:
    """Every module's handout, worksheet and trainer notes, and every pack's plan: docs path → PDF bytes.

    Any warning from the PDF engine fails the whole run (the module's file is named), so nothing half-made
    reaches a trainer.
    """
    documents = render_materials_html(kb, project=project, site=site, printed=printed)
    advance = progress.stage(_("Training materials (PDF)"), len(documents)) if progress else lambda: None
    jobs = [PdfJob(
        html=doc.html, base_dir=project / TEMPLATES, identifier=doc.path,
        cache_as=cache_dir / doc.path.removesuffix(".pdf").replace("/", "--") if cache_dir else None,
        prune=cache_dir is not None and cache_dir.resolve().is_relative_to(project.resolve()),
    ) for doc in documents]
    problems: dict[Problem, None] = {}  # a module's character is reported once, not once per sheet
    files: dict[str, bytes] = {}
    for doc, rendered in zip(documents, render_pdfs(jobs, advance=advance), strict=True):
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
