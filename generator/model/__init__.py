"""The registry of kinds: which folder holds which model, and how a page is titled."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generator.model.area import Area
from generator.model.education import Education
from generator.model.forum import Forum
from generator.model.guideline import Guideline
from generator.model.legal import Legal
from generator.model.place import Place
from generator.model.reference import Reference
from generator.model.situation import Situation


@dataclass(frozen=True)
class Kind:
    """One kind of record: its name, source folder, model, and site section."""

    name: str
    folder: str
    model: type[BaseModel]
    section: str
    label: str


KINDS: tuple[Kind, ...] = (
    Kind("situation", "content/situations", Situation, "situasi", "Situasi, Masalah & Potensi"),
    Kind("guideline", "content/guidelines", Guideline, "pedoman", "Pedoman Tindakan"),
    Kind("education", "content/education", Education, "edukasi", "Bahan Edukasi"),
    Kind("legal", "content/legal", Legal, "hukum", "Payung Hukum"),
    Kind("reference", "content/references", Reference, "referensi", "Referensi"),
    Kind("forum", "data/forums", Forum, "forum", "Forum Kemitraan (FKPM)"),
    Kind("area", "data/areas", Area, "wilayah", "Wilayah"),
    Kind("place", "data/places", Place, "tempat", "Tempat"),
)
KINDS_BY_NAME = {kind.name: kind for kind in KINDS}

__all__ = [
    "KINDS",
    "KINDS_BY_NAME",
    "Area",
    "Education",
    "Forum",
    "Guideline",
    "Kind",
    "Legal",
    "Place",
    "Reference",
    "Situation",
]
