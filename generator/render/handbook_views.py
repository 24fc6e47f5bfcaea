"""Ready-made view data for the handbook's chapters: entries with anchors and QR codes, citations, contacts."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from generator.domain.selection import EditionContents
from generator.knowledge import KnowledgeBase, Record, group_by_phase
from generator.load.source import iter_strings
from generator.model import Area, Legal
from generator.model.common import LegalCitation
from generator.model.glossary import GlossaryTerm
from generator.model.labels import AREA_LEVEL_LABELS, ELEMENT_LABELS
from generator.render.qr import QrCode, SiteAddress, qr_code


def indonesian_date(value: date) -> str:
    """2025-03-17 → '17 Maret 2025' (CLDR's Indonesian month names, through babel)."""
    return format_date(value, "d MMMM y", locale="id")


@dataclass(frozen=True)
class Target:
    """Something a handbook page names: a link inside the PDF when the edition contains it, else plain text."""

    title: str
    anchor: Markup | None


@dataclass(frozen=True)
class Entry:
    """One item as the handbook prints it."""

    record: Record
    anchor: Markup
    qr: QrCode

    @property
    def data(self) -> Any:
        return self.record.data

    @property
    def title(self) -> str:
        return self.record.title


@dataclass(frozen=True)
class Cite:
    target: Target
    article: str | None
    label: str
    """'Perpol 1/2021 Pasal 3', or the framework's title when no article is named (Legal.citation_label)."""


@dataclass(frozen=True)
class ContactRow:
    """One role in the contact directory, with every channel and moment the edition gives for it."""

    role: str
    channels: list[str]
    when: list[str]
    named_in: list[Target]


def anchor_of(record: Record) -> Markup:
    """'pedoman-hentikan-tawuran': section + id, both slugs, so safe in HTML as is."""
    return Markup(f"{record.kind.section}-{record.id}")


class HandbookIndex:
    """Lookups over one edition: which ids it holds, their anchors, what cites what."""

    def __init__(self, kb: KnowledgeBase, contents: EditionContents, site: SiteAddress) -> None:
        self.kb = kb
        self.contents = contents
        self.site = site
        self.present = contents.ids

    def entry(self, record: Record) -> Entry:
        return Entry(record, anchor_of(record), qr_code(self.site.record(record), about=record.title))

    def target(self, record_id: str) -> Target:
        record = self.kb.get(record_id)
        return Target(record.title, anchor_of(record) if record_id in self.present else None)

    def targets(self, ids: list[str]) -> list[Target]:
        return [self.target(i) for i in ids]

    def cites(self, citations: list[LegalCitation]) -> list[Cite]:
        return [Cite(self.target(c.ref), c.article, self.kb.get(c.ref, Legal).data.citation_label(c.article))
                for c in citations]

    def guidelines_for(self, situation_id: str) -> list[tuple[str, list[Target]]]:
        """The edition's guidelines for a situation, by phase (phases without any are left out)."""
        chosen = [g for g in self.contents.guidelines if situation_id in g.data.situations]
        return [(label, [self.target(g.id) for g in guidelines])
                for _, label, guidelines in group_by_phase(chosen, lambda g: g.data.phase) if guidelines]

    def cited_by(self) -> dict[str, dict[str | None, list[Target]]]:
        """legal id → article (None: the whole law) → the edition's items citing it."""
        return {legal: {article: [self.target(r.id) for r in sorted(records, key=lambda r: r.title)]
                        for article, records in articles.items()}
                for legal, articles in self.kb.citations(self.contents.items).items()}

    def contacts(self) -> list[ContactRow]:
        """Every role the forum and its guidelines name, merged by role, alphabetical.

        The forum's own contacts are its directory: for a role it lists, its channel and moment are printed.
        A role only the guidelines name gets their channels; when to call is in each guideline itself.
        """
        roles: dict[str, str] = {}
        channels: dict[str, list[str]] = defaultdict(list)
        when: dict[str, list[str]] = defaultdict(list)
        named_in: dict[str, list[str]] = defaultdict(list)
        for contact in self.contents.forum.data.contacts:
            key = contact.role.casefold()
            roles.setdefault(key, contact.role)
            _add(channels[key], contact.channel)
            _add(when[key], contact.when)
        from_forum = set(roles)
        for guideline in self.contents.guidelines:
            for contact in guideline.data.contacts:
                key = contact.role.casefold()
                roles.setdefault(key, contact.role)
                if key not in from_forum:
                    _add(channels[key], contact.channel)
                _add(named_in[key], guideline.id)
        return [ContactRow(roles[k], channels[k], when[k], self.targets(named_in[k])) for k in sorted(roles)]

    def glossary(self, terms: list[GlossaryTerm], texts: list[str]) -> list[GlossaryTerm]:
        """The terms that the edition's text uses (the term, its expansion or a synonym, whole words only)."""
        text = "\n".join(texts)
        lowered = text.lower()  # a word not in it at all needs no search for it as a whole word
        return [t for t in terms if any(word.lower() in lowered and _mentions(text, word) for word in t.forms)]


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


def texts_of(value: Any) -> list[str]:
    """Every string inside a dumped model (for finding which glossary terms an edition uses)."""
    return [text for _, text in iter_strings(value)]


def area_line(kb: KnowledgeBase, area_ids: list[str]) -> str:
    """'Kelurahan Ngrandusari, Kecamatan Tirtasekar' for each area: the area and the ones above it."""
    return "; ".join(", ".join(_area_name(kb.get(i, Area).data) for i in (area_id, *kb.areas_above(area_id)))
                     for area_id in area_ids)


def _area_name(area: Any) -> str:
    label = AREA_LEVEL_LABELS.get(area.level, "")
    name = str(area.name)
    return name if not label or name.casefold().startswith(label.casefold()) else f"{label} {name}"


def members_by_element(members: list[Any]) -> list[tuple[str, list[Any]]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for member in members:
        grouped[member.element].append(member)
    return [(ELEMENT_LABELS[element], grouped[element]) for element in ELEMENT_LABELS if element in grouped]


def reference_citation(data: Any) -> str:
    """The reference's own recommended citation, else one built from its fields."""
    if data.citation:
        return str(data.citation)
    who = "; ".join(data.authors) or data.publisher or ""
    parts = [f"{who}." if who else "", f"({data.year})." if data.year else "", f"{data.title}."]
    if data.edition:
        parts.append(f"Edisi {data.edition}.")
    if data.publisher and data.authors:
        parts.append(f"{data.publisher}.")
    if data.url:
        parts.append(str(data.url) + (f" (diakses {indonesian_date(data.accessed)})." if data.accessed else ""))
    return " ".join(p for p in parts if p)
