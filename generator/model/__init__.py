"""The registry of kinds: each kind declared once (folder, model, section, labels, pages, search, chapter)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generator.model.area import Area
from generator.model.calendar import CalendarPeriod
from generator.model.common import ANY_ITEM
from generator.model.education import Education
from generator.model.forum import Forum
from generator.model.guideline import Guideline
from generator.model.legal import Legal
from generator.model.meeting import Meeting
from generator.model.network import Network
from generator.model.pack import TrainingPack
from generator.model.place import Place
from generator.model.reference import Reference
from generator.model.situation import Situation


@dataclass(frozen=True)
class SitePages:
    """A kind with pages of its own: an index page and one page per record, and how search ranks them."""

    index_template: str
    item_template: str
    search_boost: float
    """How far the page's own words rank it above others' (situations are where an officer starts)."""


@dataclass(frozen=True)
class Kind:
    """One kind of record; everything that lists kinds derives from KINDS, in its order."""

    name: str
    folder: str
    model: type[BaseModel]
    section: str
    """The site's folder for its pages and the prefix of its anchors in a handbook."""
    label: str
    pages: SitePages | None = None
    """None: its records are rows of another page (areas and places are rows of the area page)."""
    chapter: str | None = None
    """A content item's handbook chapter title; items are what handbooks, manifests and 'any item' refs hold."""
    handbook_label: str | None = None
    """How a handbook's list of changes names a record of this kind."""

    @property
    def is_item(self) -> bool:
        return self.chapter is not None


KINDS: tuple[Kind, ...] = (
    Kind("situation", "content/situations", Situation, "situasi", "Situasi, Masalah & Potensi",
         SitePages("situations.md.j2", "situation.md.j2", 3.0), "Situasi dan masalah di wilayah", "Situasi"),
    Kind("guideline", "content/guidelines", Guideline, "pedoman", "Pedoman Tindakan",
         SitePages("guidelines.md.j2", "guideline.md.j2", 2.0), "Pedoman tindakan", "Pedoman"),
    Kind("education", "content/education", Education, "edukasi", "Bahan Edukasi",
         SitePages("education_index.md.j2", "education.md.j2", 1.5), "Bahan edukasi", "Bahan edukasi"),
    Kind("legal", "content/legal", Legal, "hukum", "Payung Hukum",
         SitePages("legal_index.md.j2", "legal.md.j2", 1.0), "Payung hukum", "Payung hukum"),
    Kind("reference", "content/references", Reference, "referensi", "Referensi",
         SitePages("references.md.j2", "reference.md.j2", 1.0), "Referensi", "Referensi"),
    Kind("forum", "data/forums", Forum, "forum", "Forum Kemitraan (FKPM)",
         SitePages("forums.md.j2", "forum.md.j2", 1.5), handbook_label="Profil forum"),
    Kind("network", "data/networks", Network, "jejaring", "Jejaring",
         SitePages("networks.md.j2", "network.md.j2", 1.0)),
    Kind("calendar", "data/calendar", CalendarPeriod, "kalender", "Kalender kerawanan",
         SitePages("calendar_index.md.j2", "calendar.md.j2", 1.0)),
    Kind("meeting", "data/meetings", Meeting, "rapat", "Rapat"),
    Kind("pack", "data/packs", TrainingPack, "paket", "Paket pelatihan"),
    Kind("area", "data/areas", Area, "wilayah", "Wilayah"),
    Kind("place", "data/places", Place, "tempat", "Tempat"),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}
ITEM_KINDS = tuple(kind.name for kind in KINDS if kind.is_item)
"""The content items in the products' order: handbook chapters, manifests, every list of items."""
PAGE_KINDS = tuple(kind.name for kind in KINDS if kind.pages is not None)


def referable_kinds(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """A `Ref`'s kinds with ANY_ITEM expanded into every item kind (models cannot import this registry)."""
    return tuple(name for kind in kinds for name in (ITEM_KINDS if kind == ANY_ITEM else (kind,)))


__all__ = [
    "ITEM_KINDS",
    "KINDS",
    "KINDS_BY_NAME",
    "PAGE_KINDS",
    "Area",
    "CalendarPeriod",
    "Education",
    "Forum",
    "Guideline",
    "Kind",
    "Legal",
    "Meeting",
    "Network",
    "Place",
    "Reference",
    "SitePages",
    "Situation",
    "TrainingPack",
    "referable_kinds",
]
