"""Education modules and training packs → the HTML of their printable sheets (templates/handbook/materi/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator import __version__
from generator.domain.packs import pack_modules, packs, session_plan
from generator.knowledge import KnowledgeBase, Record
from generator.model import Education
from generator.model.questions import OPTION_LETTERS
from generator.render.handbook import TEMPLATES, make_environment
from generator.render.handbook_views import indonesian_date
from generator.render.qr import SiteAddress, qr_code
from generator.render.session_sheets import SESSION_DOCUMENTS, pack_facts, render_session_document
from generator.render.sheets import module_sheets
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


def render_materials_html(
    kb: KnowledgeBase, *, project: Path, site: SiteAddress, printed: date | None,
) -> list[MaterialHtml]:
    """Every module's sheets, and every pack's plan and session documents, as HTML documents for the PDF engine."""
    env = make_environment(project / TEMPLATES)
    common: dict[str, Any] = {"generator": f"Pustaka Polmas {__version__}",
                              "date_iso": printed.isoformat() if printed else "",
                              "date_text": indonesian_date(printed) if printed else ""}
    documents = []
    for module in kb.of_kind(Education):
        qr = qr_code(site.record(module), about=module.title)
        for sheet in module_sheets(module.data):
            html = env.get_template(f"materi/{sheet.template}").render(
                m=module.data, module=module, sheet_title=sheet.title, sheet_lead=sheet.lead, qr=qr,
                letters=OPTION_LETTERS, guidelines=_supported(kb, module), **common)
            documents.append(MaterialHtml(sheet_path(module.id, sheet.stem), html, module))
    for record in packs(kb):
        pack = record.data
        modules = pack_modules(kb, pack)
        qr = qr_code(site.page(pack_page_path(pack.id)), about=f"paket {pack.title}")
        html = env.get_template("materi/pack.html.j2").render(
            pack=pack, modules=modules, plan=session_plan(modules, pack), qr=qr,
            sheets={r.id: module_sheets(r.data) for r in modules}, **common)
        documents.append(MaterialHtml(pack_pdf_path(pack.id), html, record))
        facts = pack_facts(kb, pack)
        for document in SESSION_DOCUMENTS:
            html = render_session_document(env, document, facts, {**common, "qr": qr})
            documents.append(MaterialHtml(session_document_path(pack.id, document.stem), html, record))
    return documents


def _supported(kb: KnowledgeBase, module: Record) -> list[Link]:
    return [Link(kb.get(g)) for g in module.data.supports if g in kb.records]

