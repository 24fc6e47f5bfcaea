"""Ready-made view data for templates: links, citations, phases, area trees. Python decides here."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.knowledge import KnowledgeBase, Record
from generator.model import Area, Guideline, Situation
from generator.model.common import LegalCitation
from generator.model.labels import PHASES
from generator.model.private import PrivateContacts
from generator.model.references import iter_models


def anchor(text: str) -> Markup:
    """'Pasal 28 ayat (1)' → 'pasal-28-ayat-1': a stable in-page anchor, safe as is in Markdown and HTML."""
    return Markup(re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-"))


@dataclass(frozen=True)
class Link:
    """A record as something to link to: root-relative url (templates prefix `base`)."""

    record: Record

    @property
    def url(self) -> Markup:
        """Root-relative; built from validated slugs only, so it needs no escaping."""
        if self.record.kind.pages is None:
            # Areas and places have no page of their own: they are rows of the area page.
            return Markup(f"wilayah/index.md#{self.record.id}")
        return Markup(f"{self.record.kind.section}/{self.record.id}.md")

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def summary(self) -> str:
        return str(getattr(self.record.data, "summary", "") or "")

    @property
    def data(self) -> Any:
        return self.record.data


@dataclass(frozen=True)
class Citation:
    """A legal framework cited, with the article's anchor when one is named."""

    legal: Link
    article: str | None

    @property
    def url(self) -> Markup:
        return self.legal.url + (Markup("#") + anchor(self.article) if self.article else "")

    @property
    def label(self) -> str:
        return f"{self.legal.title}, {self.article}" if self.article else self.legal.title


@dataclass
class SiteIndex:
    """Everything computed once over the knowledge base that several pages need."""

    kb: KnowledgeBase
    cited_by: dict[str, dict[str | None, list[Record]]] = field(default_factory=dict)
    children: dict[str, list[Record]] = field(default_factory=dict)
    private: PrivateContacts | None = None
    """Names and numbers per role: set only for an internal edition."""

    @classmethod
    def build(cls, kb: KnowledgeBase) -> SiteIndex:
        index = cls(kb)
        cited: dict[str, dict[str | None, dict[str, Record]]] = defaultdict(lambda: defaultdict(dict))
        for record in kb.records.values():
            for _, model in iter_models(record.data):
                if isinstance(model, LegalCitation):
                    cited[model.ref][model.article][record.id] = record
        index.cited_by = {
            legal: {article: [by_id[k] for k in sorted(by_id)] for article, by_id in articles.items()}
            for legal, articles in cited.items()
        }
        children: dict[str, list[Record]] = defaultdict(list)
        for area in kb.of_kind(Area):
            if area.data.parent:
                children[area.data.parent].append(area)
        index.children = dict(children)
        return index

    def links(self, ids: list[str]) -> list[Link]:
        return [Link(self.kb.get(i)) for i in ids]

    def citations(self, citations: list[LegalCitation]) -> list[Citation]:
        return [Citation(Link(self.kb.get(c.ref)), c.article) for c in citations]

    def area_and_below(self, area_id: str) -> set[str]:
        found = {area_id}
        for child in self.children.get(area_id, []):
            found |= self.area_and_below(child.id)
        return found

    def guidelines_by_phase(self, situation_id: str) -> list[tuple[str, list[Link]]]:
        guidelines = [g for g in self.kb.of_kind(Guideline) if situation_id in g.data.situations]
        return [(label, [Link(g) for g in guidelines if g.data.phase == phase]) for phase, label in PHASES]

    def situations_in(self, area_ids: list[str]) -> list[Link]:
        wanted: set[str] = set()
        for area_id in area_ids:
            wanted |= self.area_and_below(area_id)
        return [Link(s) for s in self.kb.of_kind(Situation) if wanted & set(s.data.areas)]

    def tags(self) -> list[tuple[str, list[Link]]]:
        by_tag: dict[str, list[Link]] = defaultdict(list)
        for record in self.kb.records.values():
            for tag in getattr(record.data, "tags", []):
                by_tag[tag].append(Link(record))
        return sorted((tag, sorted(links, key=lambda link: link.title)) for tag, links in by_tag.items())
