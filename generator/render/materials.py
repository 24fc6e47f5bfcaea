"""Education modules and training packs → the HTML of their printable sheets (templates/handbook/materi/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator import __version__
from generator.domain.packs import PACKS, Pack, pack_modules, session_plan
from generator.knowledge import KnowledgeBase, Record
from generator.model import Education
from generator.render.handbook import TEMPLATES, make_environment
from generator.render.handbook_views import indonesian_date
from generator.render.qr import SiteAddress, qr_code
from generator.render.views import Link

SHEETS: tuple[tuple[str, str, str], ...] = (
    ("handout", "Bahan peserta", "handout.html.j2"),
    ("lembar-kegiatan", "Lembar kegiatan", "worksheet.html.j2"),
    ("catatan-pelatih", "Catatan pelatih", "trainer.html.j2"),
)
"""Per module: file stem, title printed on the sheet, template."""
MATERIALS_DIR = "materi"


def sheet_path(module_id: str, sheet: str) -> str:
    """Docs-tree path of one module's sheet: 'materi/<module>/<sheet>.pdf' (ids are slugs)."""
    return f"{MATERIALS_DIR}/{module_id}/{sheet}.pdf"


def pack_pdf_path(pack_id: str) -> str:
    return f"{MATERIALS_DIR}/paket-{pack_id}.pdf"


def pack_page_path(pack_id: str) -> str:
    return f"paket/{pack_id}.md"


@dataclass(frozen=True)
class MaterialHtml:
    path: str
    """where the PDF goes in the docs tree"""
    html: str
    source: Record | None
    """the module it comes from (None for a pack), for problems"""


@dataclass(frozen=True)
class MaterialDocument:
    """One sheet before its HTML is made: where it goes, the records it prints, and how to render it."""

    path: str
    source: Record | None
    """the module it comes from (None for a pack), for problems"""
    records: tuple[Record, ...]
    """everything it prints from the knowledge base: its module and the guidelines it supports, a pack's modules"""
    render: Callable[[], str]


def material_documents(
    kb: KnowledgeBase, *, project: Path, site: SiteAddress, printed: date | None,
) -> list[MaterialDocument]:
    """Every module's three sheets and every pack's plan, each rendered only when asked (a cached PDF needs none)."""
    env = make_environment(project / TEMPLATES)
    common = {"generator": f"Pustaka Polmas {__version__}", "date_iso": printed.isoformat() if printed else "",
              "date_text": indonesian_date(printed) if printed else ""}

    def sheet(module: Record, title: str, template: str) -> Callable[[], str]:
        return lambda: env.get_template(f"materi/{template}").render(
            m=module.data, module=module, sheet_title=title, qr=qr_code(site.record(module), about=module.title),
            guidelines=_supported(kb, module), **common)

    def plan(pack: Pack, modules: list[Record[Education]]) -> Callable[[], str]:
        return lambda: env.get_template("materi/pack.html.j2").render(
            pack=pack, modules=modules, plan=session_plan(modules), sheets=SHEETS,
            qr=qr_code(site.page(pack_page_path(pack.id)), about=f"paket {pack.title}"), **common)

    documents = []
    for module in kb.of_kind(Education):
        printed_records = (module, *(kb.get(g) for g in module.data.supports if g in kb.records))
        for stem, title, template in SHEETS:
            documents.append(MaterialDocument(sheet_path(module.id, stem), module, printed_records,
                                              sheet(module, title, template)))
    for pack in PACKS:
        modules = pack_modules(kb, pack)
        documents.append(MaterialDocument(pack_pdf_path(pack.id), None, tuple(modules), plan(pack, modules)))
    return documents


def render_materials_html(
    kb: KnowledgeBase, *, project: Path, site: SiteAddress, printed: date | None,
) -> list[MaterialHtml]:
    """Every module's three sheets and every pack's plan, as HTML documents for the PDF engine."""
    return [MaterialHtml(doc.path, doc.render(), doc.source)
            for doc in material_documents(kb, project=project, site=site, printed=printed)]


def _supported(kb: KnowledgeBase, module: Record) -> list[Link]:
    return [Link(kb.get(g)) for g in module.data.supports if g in kb.records]

