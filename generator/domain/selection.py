"""What one forum's handbook edition contains: the selection rules of its `handbook:` block applied."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.domain.meetings import term_meetings
from generator.knowledge import KnowledgeBase, Record
from generator.model import ITEM_KINDS, CalendarPeriod, Education, Guideline, Legal, Meeting, Reference, Situation
from generator.model.common import Item, LegalCitation
from generator.model.forum import Forum, Handbook
from generator.model.labels import PHASE_ORDER
from generator.model.references import iter_models


@dataclass(frozen=True)
class EditionContents:
    """The records one edition prints, each list in the order the handbook shows it."""

    forum: Record[Forum]
    handbook: Handbook
    situations: list[Record[Situation]]
    guidelines: list[Record[Guideline]]
    education: list[Record[Education]]
    legal: list[Record[Legal]]
    references: list[Record[Reference]]
    local_notes: dict[str, list[str]]
    """guideline id → the forum's notes on it (Markdown), in the order written."""
    meetings: list[Record[Meeting]] = field(default_factory=list)
    """The meetings of the forum's current term up to the edition's date, oldest first (their decisions)."""
    calendar: list[Record[CalendarPeriod]] = field(default_factory=list)
    """Every period of the risk calendar: the year calendar page."""

    @property
    def items(self) -> list[Record[Item]]:
        return [*self.situations, *self.guidelines, *self.education, *self.legal, *self.references]

    @property
    def ids(self) -> set[str]:
        return {record.id for record in self.items}

    def is_local(self, guideline_id: str) -> bool:
        return guideline_id in self.forum.data.local_guidelines


def forums_with_handbooks(kb: KnowledgeBase) -> list[Record[Forum]]:
    """Forums whose YAML has a `handbook:` block: each gets an edition."""
    return [forum for forum in kb.of_kind(Forum) if forum.data.handbook is not None]


def select_edition_contents(kb: KnowledgeBase, forum: Record[Forum]) -> EditionContents:
    """The edition's contents (`_select`), worked out once per knowledge base and forum."""
    return kb.once("edition contents", forum, lambda: _select(kb, forum))


def _select(kb: KnowledgeBase, forum: Record[Forum]) -> EditionContents:
    """Apply the forum's selection rules; call only on a knowledge base whose references resolve.

    Situations: those named in `include.situations`, else those recorded for the forum's areas (their
    sub-areas and the areas above them) and its programs; plus those tagged with `include.tags`.
    Guidelines: those for a chosen situation or with a chosen tag, in `include.phases` (all when empty),
    plus the forum's own guidelines (another forum's own come in only by id). Modules: those supporting a
    chosen guideline or tagged. Legal frameworks and references: those the chosen items cite.
    `include.ids` adds items outright and `exclude` removes them, whatever else selected them.
    """
    data: Forum = forum.data
    handbook = data.handbook
    if handbook is None:
        raise ValueError(f"forum '{forum.id}' has no handbook: block")
    rules = handbook.include
    tags = set(rules.tags)
    excluded = set(handbook.exclude)
    explicit = _by_kind(kb, rules.ids)

    situations = set(rules.situations) if rules.situations else _situations_of_forum(kb, data)
    situations |= _tagged(kb, "situation", tags) | explicit["situation"]
    situations -= excluded

    phases: set[str] = set(rules.phases) or set(PHASE_ORDER)
    # Another forum's own guidelines are written for its area: they come in only when named in include.ids.
    others_local = {g for f in kb.of_kind(Forum) if f.id != forum.id for g in f.data.local_guidelines}
    guidelines = {
        g.id for g in kb.of_kind(Guideline)
        if g.data.phase in phases and g.id not in others_local
        and (situations & set(g.data.situations) or tags & set(g.data.tags))
    }
    guidelines |= set(data.local_guidelines) | explicit["guideline"]
    guidelines -= excluded

    education = {e.id for e in kb.of_kind(Education) if guidelines & set(e.data.supports)}
    education |= _tagged(kb, "education", tags) | explicit["education"]
    education -= excluded

    chosen = [kb.get(i) for i in sorted(situations | guidelines | education)]
    legal = (_cited_legal(chosen) | explicit["legal"]) - excluded
    references = (_cited_references(chosen) | explicit["reference"]) - excluded

    notes: dict[str, list[str]] = defaultdict(list)
    for note in handbook.local_notes:
        notes[note.guideline].append(note.note)
    return EditionContents(
        forum=forum,
        handbook=handbook,
        situations=_sorted(kb, situations, lambda r: (r.title.casefold(), r.id)),
        guidelines=_sorted(kb, guidelines, lambda r: (PHASE_ORDER[r.data.phase], r.title.casefold(), r.id)),
        education=_sorted(kb, education, lambda r: (r.title.casefold(), r.id)),
        legal=_sorted(kb, legal, lambda r: (-r.data.year, r.title.casefold(), r.id)),
        references=_sorted(kb, references, lambda r: (r.title.casefold(), r.id)),
        local_notes=dict(notes),
        meetings=term_meetings(kb, forum, until=handbook.date),
        calendar=kb.of_kind(CalendarPeriod),
    )


def _situations_of_forum(kb: KnowledgeBase, forum: Forum) -> set[str]:
    areas: set[str] = set()
    for area_id in forum.areas:
        areas |= kb.area_and_below([area_id]) | set(kb.areas_above(area_id))
    found = {s.id for s in kb.of_kind(Situation) if areas & set(s.data.areas)}
    return found | {s for program in forum.programs for s in program.situations}


def _tagged(kb: KnowledgeBase, kind: str, tags: set[str]) -> set[str]:
    return {r.id for r in kb.of_kind(kind) if tags & set(r.data.tags)} if tags else set()


def _by_kind(kb: KnowledgeBase, ids: list[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {kind: set() for kind in ITEM_KINDS}
    for record_id in ids:
        found[kb.get(record_id).kind.name].add(record_id)
    return found


def _cited_legal(records: list[Record[Item]]) -> set[str]:
    return {model.ref for record in records for _, model in iter_models(record.data)
            if isinstance(model, LegalCitation)}


def _cited_references(records: list[Record[Item]]) -> set[str]:
    found = {ref for record in records for ref in record.data.sources}
    return found | {ref for record in records if isinstance(record.data, Education) for ref in record.data.attachments}


def _sorted(kb: KnowledgeBase, ids: set[str], key: Callable[[Record], tuple[Any, ...]]) -> list[Record]:
    return sorted((kb.get(i) for i in ids), key=key)

