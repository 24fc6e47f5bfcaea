"""What a trainer prints for a pack, in the order of its session plan, and how many copies for N participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator import __version__
from generator.domain.packs import pack_modules, plan_days, session_plan
from generator.knowledge import KnowledgeBase
from generator.model import TrainingPack
from generator.render.handbook import make_environment
from generator.render.handbook_views import indonesian_date
from generator.render.materials import (
    pack_page_path,
    pack_pdf_path,
    session_document_path,
    sheet_path,
)
from generator.render.qr import SiteAddress, qr_code
from generator.render.session_sheets import ATTENDANCE, CERTIFICATE, FEEDBACK, TALLY, SessionDocument
from generator.render.sheets import module_sheets

INDEX_NAME = "00-daftar-cetak.pdf"
"""The index sheet, first in cetak/: what to print and how many copies."""


@dataclass(frozen=True)
class PrintItem:
    """One file of cetak/: where it comes from in the site, its name in cetak/, what it is, for whom, copies."""

    source: str
    """The PDF's path in the docs tree (materi/…)."""
    name: str
    title: str
    for_whom: str
    copies: int
    session: str = ""
    """'Sesi 2: <module>' for a module's sheets, '' for the pack's own documents."""


def print_list(kb: KnowledgeBase, pack: TrainingPack, participants: int) -> list[PrintItem]:
    """The plan, the attendance list, each session's sheets in plan order, then feedback and certificates."""
    modules = pack_modules(kb, pack)
    days = plan_days(session_plan(modules, pack))
    items = [PrintItem(pack_pdf_path(pack.id), "01-rencana-sesi.pdf", "Rencana sesi dan daftar bahan", "pelatih", 1),
             _document(pack, ATTENDANCE, "02", "satu per hari", days)]
    for number, module in enumerate(modules, start=1):
        folder = f"{number + 2:02d}-sesi-{number}-{module.id}"
        for index, sheet in enumerate(module_sheets(module.data), start=1):
            each = sheet.for_participants and sheet.stem in pack.per_participant
            items.append(PrintItem(
                sheet_path(module.id, sheet.stem), f"{folder}/{index}-{sheet.stem}.pdf", sheet.title,
                "setiap peserta" if each else "pelatih", participants if each else 1,
                f"Sesi {number}: {module.data.title}",
            ))
    last = len(modules) + 3
    for offset, document in enumerate((FEEDBACK, TALLY, CERTIFICATE)):
        each = document.for_participants and document.stem in pack.per_participant
        items.append(_document(pack, document, f"{last + offset:02d}", "setiap peserta" if each else "pelatih",
                               participants if each else 1))
    return items


def _document(pack: TrainingPack, document: SessionDocument, prefix: str, for_whom: str, copies: int) -> PrintItem:
    return PrintItem(session_document_path(pack.id, document.stem), f"{prefix}-{document.stem}.pdf",
                     document.title, for_whom, copies)


def render_print_index(kb: KnowledgeBase, pack: TrainingPack, items: list[PrintItem], *, participants: int,
                       templates: Path, site: SiteAddress, printed: date | None) -> str:
    """The index sheet's HTML: every file of cetak/ in order with its copies, and the total to print."""
    env = make_environment(templates)
    qr = qr_code(site.page(pack_page_path(pack.id)), about=f"paket {pack.title}")
    return env.get_template("materi/print-index.html.j2").render(
        pack=pack, items=items, participants=participants, qr=qr, modules=len(pack_modules(kb, pack)),
        total=sum(item.copies for item in items), generator=f"Pustaka Polmas {__version__}",
        date_iso=printed.isoformat() if printed else "", date_text=indonesian_date(printed) if printed else "",
    )
