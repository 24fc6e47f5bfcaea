"""Ready-made view data for templates: links, citations, phases, area trees. Python decides here."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.knowledge import KnowledgeBase, Record
from generator.model import Legal, Situation
from generator.model.common import LegalCitation
from generator.model.private import PrivateContacts


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
    label: str
    """'Perpol 1/2021 Pasal 3', or the framework's title when no article is named (Legal.citation_label)."""

    @property
    def url(self) -> Markup:
        return self.legal.url + (Markup("#") + anchor(self.article) if self.article else "")


@dataclass
class SiteIndex:
    """Everything computed once over the knowledge base that several pages need."""

    kb: KnowledgeBase
    cited_by: dict[str, dict[str | None, list[Record]]] = field(default_factory=dict)
    """legal id → article (None: the whole law) → the records citing it, by id."""
    private: PrivateContacts | None = None
    """Names and numbers per role: set only for an internal edition."""
    today: date = field(default_factory=date.today)
    """The day the risk calendar and overdue follow-ups count from (injected: same input and day, same bytes)."""

    @classmethod
    def build(cls, kb: KnowledgeBase) -> SiteIndex:
        cited_by = {legal: {article: sorted(records, key=lambda r: r.id) for article, records in articles.items()}
                    for legal, articles in kb.citations().items()}
        return cls(kb, cited_by)

    def links(self, ids: list[str]) -> list[Link]:
        return [Link(self.kb.get(i)) for i in ids]

    def citations(self, citations: list[LegalCitation]) -> list[Citation]:
        legals = [self.kb.get(c.ref, Legal) for c in citations]
        return [Citation(Link(legal), c.article, legal.data.citation_label(c.article))
                for c, legal in zip(citations, legals, strict=True)]

    def guidelines_by_phase(self, situation_id: str | None = None) -> list[tuple[str, list[Link]]]:
        """(label, links) for every phase, empty ones too: the pages say 'none yet' for a phase."""
        return [(label, [Link(g) for g in guidelines])
                for _, label, guidelines in self.kb.guidelines_by_phase(situation_id)]

    def situations_in(self, area_ids: list[str]) -> list[Link]:
        wanted = self.kb.area_and_below(area_ids)
        return [Link(s) for s in self.kb.of_kind(Situation) if wanted & set(s.data.areas)]

    def tags(self) -> list[tuple[str, list[Link]]]:
        by_tag: dict[str, list[Link]] = defaultdict(list)
        for record in self.kb.records.values():
            for tag in getattr(record.data, "tags", []):
                by_tag[tag].append(Link(record))
        return sorted((tag, sorted(links, key=lambda link: link.title)) for tag, links in by_tag.items())
