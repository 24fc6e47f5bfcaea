"""A pack's cetak/ folder for the bundle: the index sheet (PDF, made now for N participants) and the files in order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.model import TrainingPack
from generator.outputs.bundle import print_files
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.pdf import PdfJob, render_pdfs
from generator.problems import Problem, ProblemList
from generator.render.handbook import TEMPLATES
from generator.render.print_list import INDEX_NAME, PrintItem, print_list, render_print_index
from generator.render.qr import SiteAddress


def print_folder(project: Path, kb: KnowledgeBase, pack: TrainingPack, *, site_dir: Path, participants: int,
                 site: SiteAddress, printed: date | None) -> tuple[list[tuple[str, Path | bytes]], list[PrintItem]]:
    """cetak/'s entries (index sheet first, then the site's PDFs in session order) and the list they follow."""
    items = print_list(kb, pack, participants)
    html = render_print_index(kb, pack, items, participants=participants, templates=project / TEMPLATES,
                              site=site, printed=printed)
    rendered = render_pdfs([PdfJob(html=html, base_dir=project / TEMPLATES, identifier=f"cetak/{INDEX_NAME}")])[0]
    if rendered.warnings:
        source = kb.get(pack.id).source.src_path
        raise HandbookBuildError(ProblemList(
            Problem(source, 1, 1, "", _("cetak/{name} could not be made cleanly: {message}").format(
                name=INDEX_NAME, message=message))
            for message in rendered.warnings))
    return print_files(site_dir, items, rendered.data), items
