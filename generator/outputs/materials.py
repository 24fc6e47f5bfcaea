"""Education sheets and training packs → PDFs in the docs tree (materi/…): cached, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.knowledge import KnowledgeBase
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.pdf import PdfJob, render_pdfs
from generator.problems import Problem, ProblemList
from generator.progress_protocol import Progress
from generator.render.handbook import TEMPLATES
from generator.render.materials import render_materials_html
from generator.render.qr import SiteAddress


def build_materials(project: Path, kb: KnowledgeBase, *, site: SiteAddress, printed: date | None,
                    cache_dir: Path | None = None, progress: Progress | None = None) -> dict[str, bytes]:
    """Every module's handout, worksheet and trainer notes, and every pack's plan: docs path → PDF bytes.

    Any warning from the PDF engine fails the whole run (the module's file is named), so nothing half-made
    reaches a trainer.
    """
    documents = render_materials_html(kb, project=project, site=site, printed=printed)
    advance = progress.stage("Bahan pelatihan (PDF)", len(documents)) if progress else lambda: None
    jobs = [PdfJob(
        html=doc.html, base_dir=project / TEMPLATES, identifier=doc.path,
        cache_as=cache_dir / doc.path.removesuffix(".pdf").replace("/", "--") if cache_dir else None,
        prune=cache_dir is not None and cache_dir.resolve().is_relative_to(project.resolve()),
    ) for doc in documents]
    problems = ProblemList()
    files: dict[str, bytes] = {}
    for doc, rendered in zip(documents, render_pdfs(jobs, advance=advance), strict=True):
        for message in dict.fromkeys(rendered.warnings):
            source = doc.source.source.src_path if doc.source else "templates/handbook/materi/pack.html.j2"
            problems.append(Problem(source, 1, 1, "", f"{doc.path} could not be made cleanly: {message}"))
        files[doc.path] = rendered.data
    if problems:
        raise HandbookBuildError(problems)
    return files
