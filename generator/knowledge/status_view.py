"""The knowledge base as an audience sees it: items of some statuses only, every reference to the others dropped."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from generator.knowledge.base import KnowledgeBase
from generator.knowledge.build import link_view
from generator.model.common import Item, Ref, Status
from generator.model.record import Record

SITE_STATUSES: frozenset[Status] = frozenset({"ditinjau", "disahkan", "dicabut"})
"""What the site (public and internal) shows: everything but drafts; `ditinjau` pages carry a notice."""
HANDBOOK_STATUSES: frozenset[Status] = frozenset({"disahkan", "dicabut"})
"""What a public handbook prints: approved items (a repealed one keeps its 'Dicabut' mark)."""
INTERNAL_HANDBOOK_STATUSES = SITE_STATUSES
"""The internal build's handbooks also print the items under review, each with its badge."""


class _Dropped:
    """Marker: the model named a left-out item in a field it cannot do without."""


_DROPPED = _Dropped()


def with_statuses(kb: KnowledgeBase, shown: frozenset[Status]) -> KnowledgeBase:
    """A new KnowledgeBase without the items whose status is not in `shown`.

    References to a left-out item disappear: ids leave their lists, an optional reference becomes empty, and
    an entry that cannot do without it (a legal citation, a local note) leaves its list. A record that itself
    cannot do without one is left out too, so nothing rendered from the view links to a missing page.
    """
    if kb.seen_as is not None and shown <= kb.seen_as[1]:
        # Narrowing a view leaves out what the whole's view of `shown` leaves out, and strips the same
        # references: that view, made once, serves both (the build's handbooks and `check`'s edition checks).
        return with_statuses(kb.seen_as[0], shown)
    hidden = {r.id for r in kb.records.values() if isinstance(r.data, Item) and r.data.status not in shown}
    if not hidden:
        return kb
    if shown not in kb.views:  # a build asks for the same view several times; the knowledge base is complete
        kb.views[shown] = _view(kb, shown, hidden)
        kb.views[shown].seen_as = (kb, frozenset(shown))
    return kb.views[shown]


def _view(kb: KnowledgeBase, shown: frozenset[Status], hidden: set[str]) -> KnowledgeBase:
    while True:  # a record left out for naming a hidden item may itself be named: repeat until none is added
        count = len(hidden)
        records: dict[str, Record] = {}
        for record_id, record in kb.records.items():
            data = record.data if record_id in hidden else _without(record.data, hidden)
            if isinstance(data, _Dropped):
                hidden.add(record_id)
            elif record_id not in hidden:
                records[record_id] = record if data is record.data else replace(record, data=data)
        if len(hidden) == count:
            break
    view = replace(kb, records=records, backlinks=defaultdict(list), named={})
    link_view(view, kb)
    return view


def _without(model: BaseModel, hidden: set[str]) -> BaseModel | _Dropped:
    """`model` with every reference to a hidden id removed (the same object when it names none)."""
    update: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        ref = any(isinstance(meta, Ref) for meta in info.metadata)
        if ref and isinstance(value, str) and value in hidden:
            if not info.is_required() and info.default is None:
                update[name] = None
                continue
            return _DROPPED
        if ref and isinstance(value, list) and any(v in hidden for v in value):
            update[name] = [v for v in value if v not in hidden]
        elif isinstance(value, BaseModel):
            nested = _without(value, hidden)
            if isinstance(nested, _Dropped):
                if info.is_required():
                    return _DROPPED
                update[name] = None
            elif nested is not value:
                update[name] = nested
        elif isinstance(value, list) and any(isinstance(v, BaseModel) for v in value):
            items = [_without(v, hidden) if isinstance(v, BaseModel) else v for v in value]
            if any(a is not b for a, b in zip(items, value, strict=True)):
                update[name] = [v for v in items if not isinstance(v, _Dropped)]
    return model.model_copy(update=update) if update else model
