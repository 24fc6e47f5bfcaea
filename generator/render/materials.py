"""Education modules and training packs → the HTML of their printable sheets (templates/handbook/materi/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator import __version__
from generator.domain.packs import pack_modules, packs, session_plan
from generator.knowledge import KnowledgeBase, Record
from generator.model import Education
from generator.model.forum import Forum
from generator.model.pack import TrainingPack
from generator.model.questions import OPTION_LETTERS
from generator.render.handbook import TEMPLATES, make_environment
from generator.render.handbook_views import indonesian_date
from generator.render.qr import QrCode, SiteAddress, qr_code
from generator.render.session_sheets import (
    SESSION_DOCUMENTS,
    SessionDocument,
    pack_facts,
    render_session_document,
)
from generator.render.sheets import Sheet, module_sheets
from generator.render.views import Link

MATERIALS_DIR = "materi"


def sheet_path(module_id: str, sheet: str) -> str:
    """Docs-tree path of one module's sheet: 'materi/<module>/<sheet>.pdf' (ids are slugs)."""
    return f"{MATERIALS_DIR}/{module_id}/{sheet}.pdf"


def pack_pdf_path(pack_id: str) -> str:
    return f"{MATERIALS_DIR}/paket-{pack_id}.pdf"


def session_document_path(pack_id: str, stem: str) -> str:
    """Docs-tree path of a pack's session document: 'materi/paket-<pack>/<stem>.pdf'."""
    return f"{MATERIALS_DIR}/paket-{pack_id}/{stem}.pdf"


def pack_page_path(pack_id: str) -> str:
    return f"paket/{pack_id}.md"


@dataclass(frozen=True)
class MaterialHtml:
    path: str
    """where the PDF goes in the docs tree"""
    html: str
    source: Record | None
    """the module or pack it comes from, for problems"""


@dataclass(frozen=True)
class MaterialDocument:
    """One sheet before its HTML is made: where it goes, the records it prints, and how to render it."""

    path: str
    source: Record | None
    """the module or pack it comes from, for problems"""
    records: tuple[Record, ...]
    """what it prints of the knowledge base in full: its module; a pack, its modules and its forum"""
    render: Callable[[], str]
    mentions: tuple[Record, ...] = ()
    """what it names by title only: the guidelines a module supports (the handout lists them)"""


def material_documents(
    kb: KnowledgeBase, *, project: Path, site: SiteAddress, printed: date | None,
) -> list[MaterialDocument]:
    """Every module's sheets, and every pack's plan and session documents, each rendered only when asked (a
    cached PDF needs no HTML and no QR code)."""
    env = make_environment(project / TEMPLATES)
    common: dict[str, Any] = {"generator": f"Pustaka Polmas {__version__}",
                              "date_iso": printed.isoformat() if printed else "",
                              "date_text": indonesian_date(printed) if printed else ""}

    def sheet(module: Record, sheet: Sheet) -> Callable[[], str]:
        return lambda: env.get_template(f"materi/{sheet.template}").render(
            m=module.data, module=module, sheet_title=sheet.title, sheet_lead=sheet.lead,
            qr=qr_code(site.record(module), about=module.title), letters=OPTION_LETTERS,
            guidelines=_supported(kb, module), **common)

    def plan(pack: TrainingPack, modules: list[Record[Education]]) -> Callable[[], str]:
        return lambda: env.get_template("materi/pack.html.j2").render(
            pack=pack, modules=modules, plan=session_plan(modules, pack), qr=_pack_qr(site, pack),
            sheets={r.id: module_sheets(r.data) for r in modules}, **common)

    def session(pack: TrainingPack, document: SessionDocument) -> Callable[[], str]:
        return lambda: render_session_document(env, document, pack_facts(kb, pack),
                                               {**common, "qr": _pack_qr(site, pack)})

    documents = []
    for module in kb.of_kind(Education):
        supported = tuple(kb.get(g) for g in module.data.supports if g in kb.records)
        for one in module_sheets(module.data):
            documents.append(MaterialDocument(sheet_path(module.id, one.stem), module, (module,),
                                              sheet(module, one), mentions=supported))
    for record in packs(kb):
        pack = record.data
        modules = pack_modules(kb, pack)
        forum = (kb.get(pack.forum, Forum),) if pack.forum and pack.forum in kb.records else ()
        pack_records = (record, *modules, *forum)
        documents.append(MaterialDocument(pack_pdf_path(pack.id), record, pack_records, plan(pack, modules)))
        for document in SESSION_DOCUMENTS:
            documents.append(MaterialDocument(session_document_path(pack.id, document.stem), record, pack_records,
                                              session(pack, document)))
    return documents


def render_materials_html(
    kb: KnowledgeBase, *, project: Path, site: SiteAddress, printed: date | None,
) -> list[MaterialHtml]:
    """Every module's sheets, and every pack's plan and session documents, as HTML documents for the PDF engine."""
    return [MaterialHtml(doc.path, doc.render(), doc.source)
            for doc in material_documents(kb, project=project, site=site, printed=printed)]


def _pack_qr(site: SiteAddress, pack: TrainingPack) -> QrCode:
    return qr_code(site.page(pack_page_path(pack.id)), about=f"paket {pack.title}")


def _supported(kb: KnowledgeBase, module: Record) -> list[Link]:
    return [Link(kb.get(g)) for g in module.data.supports if g in kb.records]

