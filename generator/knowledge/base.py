"""The KnowledgeBase: records by id, backlinks, and the one home of the area tree, phases and citations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, TypeVar, overload

from pydantic import BaseModel

from generator.check.manifests import PublishedEditions
from generator.load.source import SourceFile
from generator.model import Area, Guideline, Network
from generator.model.calendar import EventTable
from generator.model.common import LegalCitation
from generator.model.glossary import Glossary
from generator.model.labels import NETWORK_ROLE_LABELS, PHASES
from generator.model.record import M, Record, as_kind, of_kind
from generator.model.references import iter_models

T = TypeVar("T")


@dataclass(frozen=True)
class Backlink:
    """`source` names the target in its field `field` (e.g. 'legal_basis', 'steps')."""

    source: Record
    field: str


@dataclass
class KnowledgeBase:
    records: dict[str, Record] = field(default_factory=dict)
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))
    named: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False, compare=False)
    """Each record's resolved references as (target id, field), in order: the backlinks turned round."""
    glossary: Glossary = field(default_factory=Glossary)
    unreadable: set[str] = field(default_factory=set)
    """Ids (file names) of records that could not be read or validated; their problems are reported already."""
    published: dict[str, PublishedEditions] = field(default_factory=dict)
    """Each forum's published handbook editions (data/editions/), read once."""
    events: EventTable | None = None
    """The dates of moving events (data/events.yaml) that calendar rules name; None: the project has none."""
    events_source: SourceFile | None = None
    """Where the table was read from, for warnings about the years it covers."""
    views: dict[frozenset[str], KnowledgeBase] = field(default_factory=dict, init=False, repr=False, compare=False)
    """The views of this knowledge base by the statuses they show (`with_statuses`), each made once."""
    seen_as: tuple[KnowledgeBase, frozenset[str]] | None = field(default=None, init=False, repr=False,
                                                                 compare=False)
    """For a view (`with_statuses`): the knowledge base it was made from and the statuses it shows."""
    derived: dict[tuple[object, ...], Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """What is worked out from the records once and asked for again (the records of a kind, an edition's
    contents by forum): the records do not change once the knowledge base is built."""

    @overload
    def of_kind(self, kind: type[M]) -> list[Record[M]]: ...
    @overload
    def of_kind(self, kind: str) -> list[Record]: ...

    def of_kind(self, kind: type[BaseModel] | str) -> list[Record[Any]]:
        """Records of one kind in a stable order (by id); given the model, their data is typed."""
        key = ("of kind", kind)
        if key not in self.derived:
            self.derived[key] = of_kind(self.records, kind)
        return list(self.derived[key])

    def once(self, name: str, record: Record, make: Callable[[], T]) -> T:
        """`make()`, the fact `name` about one of this knowledge base's records, worked out once; a record from
        elsewhere (another view's) has it worked out each time."""
        if self.records.get(record.id) is not record:
            return make()
        key = (name, record.id)
        if key not in self.derived:
            self.derived[key] = make()
        return self.derived[key]  # type: ignore[no-any-return]

    @overload
    def get(self, record_id: str) -> Record: ...
    @overload
    def get(self, record_id: str, kind: type[M]) -> Record[M]: ...

    def get(self, record_id: str, kind: type[BaseModel] | None = None) -> Record[Any]:
        """The record of that id; given its model, typed (another kind raises TypeError)."""
        record = self.records[record_id]
        return as_kind(record, kind) if kind is not None else record

    @cached_property
    def _area_children(self) -> dict[str, list[Record[Area]]]:
        children: dict[str, list[Record[Area]]] = defaultdict(list)
        for area in self.of_kind(Area):
            if area.data.parent:
                children[area.data.parent].append(area)
        return dict(children)

    def area_children(self, area_id: str) -> list[Record[Area]]:
        """The areas right under `area_id`, by id."""
        return self._area_children.get(area_id, [])

    def area_and_below(self, area_ids: Iterable[str]) -> set[str]:
        """The areas and every area under them, however deep."""
        found: set[str] = set()
        stack = list(area_ids)
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(child.id for child in self.area_children(current))
        return found

    def areas_above(self, area_id: str) -> list[str]:
        """Parent first, then grandparent, …; stops at a missing or repeated id."""
        chain: list[str] = []
        current = self.records.get(area_id)
        while current is not None and current.data.parent and current.data.parent not in chain:
            chain.append(current.data.parent)
            current = self.records.get(current.data.parent)
        return chain

    def guidelines_by_phase(self, situation_id: str | None = None) -> list[tuple[str, str, list[Record[Guideline]]]]:
        """Every phase (phase, label, its guidelines by id), those for one situation when given; none left out."""
        guidelines = [g for g in self.of_kind(Guideline) if situation_id is None or situation_id in g.data.situations]
        return group_by_phase(guidelines, lambda g: g.data.phase)

    def citations(self, records: Iterable[Record] | None = None) -> dict[str, dict[str | None, list[Record]]]:
        """legal id → article (None: the whole law) → the records citing it, once each, in the order given."""
        found: dict[str, dict[str | None, dict[str, Record]]] = defaultdict(lambda: defaultdict(dict))
        for record in self.records.values() if records is None else records:
            for _, model in iter_models(record.data):
                if isinstance(model, LegalCitation):
                    found[model.ref][model.article][record.id] = record
        return {legal: {article: list(by_id.values()) for article, by_id in articles.items()}
                for legal, articles in found.items()}

    def networks_of(self, record_id: str) -> list[Record[Network]]:
        """The networks that name a forum (or a situation they help with), by role in the model's order, then id."""
        roles = list(NETWORK_ROLE_LABELS)
        networks = [as_kind(r, Network) for r in self.referrers(record_id, "network")]
        return sorted(networks, key=lambda n: (roles.index(n.data.role), n.id))

    def referrers(self, record_id: str, kind: str | None = None) -> list[Record]:
        """Records that name `record_id`, once each, by id."""
        found = {b.source.id: b.source for b in self.backlinks.get(record_id, [])
                 if kind is None or b.source.kind.name == kind}
        return [found[key] for key in sorted(found)]


def group_by_phase(items: Iterable[T], phase_of: Callable[[T], str]) -> list[tuple[str, str, list[T]]]:
    """(phase, label, items of that phase in the order given) for every phase, in the order of an incident."""
    chosen = list(items)
    return [(phase, label, [item for item in chosen if phase_of(item) == phase]) for phase, label in PHASES]


def newest_content_date(kb: KnowledgeBase) -> date | None:
    """The newest `updated` or `published` date of any record: the content's edition date, never the clock."""
    dates = [d for r in kb.records.values()
             for d in (getattr(r.data, "updated", None), getattr(r.data, "published", None)) if d is not None]
    return max(dates, default=None)
