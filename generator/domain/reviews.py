"""Items past their review date, by the forums whose handbooks hold them and by the role that owns them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.check.review import overdue_items
from generator.domain.selection import forums_with_handbooks, select_edition_contents
from generator.knowledge import KnowledgeBase, Record
from generator.model.common import Item
from generator.model.forum import Forum

NO_OWNER = "Belum ada penanggung jawab"
"""Shown when an item names no approving role and no history: someone must take it on."""


@dataclass(frozen=True)
class OverdueReview:
    record: Record[Item]
    review_by: date
    days_late: int


@dataclass(frozen=True)
class OwnerReviews:
    """One owner role's overdue items, oldest review date first."""

    owner: str
    items: list[OverdueReview]


@dataclass(frozen=True)
class ForumReviews:
    """The overdue items one forum's handbook holds (forum None: items no forum's handbook holds)."""

    forum: Record[Forum] | None
    owners: list[OwnerReviews]


def owner_role(item: Item) -> str:
    """Who answers for the item: the approving role, else whoever changed it last, else nobody yet."""
    if item.approved_by:
        return item.approved_by
    newest = max(item.history, key=lambda h: h.date, default=None)
    return newest.by if newest else NO_OWNER


def overdue_reviews(kb: KnowledgeBase, *, today: date) -> list[ForumReviews]:
    """Per forum with a handbook (by name), then the items no handbook holds; within, by owner role.

    Owner groups come oldest first (by their oldest item), items oldest first; an item in several forums'
    handbooks is listed under each, so every forum sees its own backlog.
    """
    overdue = [OverdueReview(r, r.data.review_by, (today - r.data.review_by).days)
               for r in overdue_items(kb.records, today=today) if r.data.review_by is not None]
    if not overdue:
        return []
    held_by: dict[str, list[Record[Forum]]] = defaultdict(list)
    for forum in sorted(forums_with_handbooks(kb), key=lambda f: (f.title.casefold(), f.id)):
        for item_id in select_edition_contents(kb, forum).ids:
            held_by[item_id].append(forum)
    groups: dict[str | None, list[OverdueReview]] = defaultdict(list)
    for review in overdue:
        holders: list[str | None] = [f.id for f in held_by.get(review.record.id, [])]
        for forum_id in holders or [None]:
            groups[forum_id].append(review)
    forums = [f for f in sorted(forums_with_handbooks(kb), key=lambda f: (f.title.casefold(), f.id)) if f.id in groups]
    ordered: list[Record[Forum] | None] = [*forums, *([None] if None in groups else [])]
    return [ForumReviews(f, _by_owner(groups[f.id if f else None])) for f in ordered]


def _by_owner(reviews: list[OverdueReview]) -> list[OwnerReviews]:
    owners: dict[str, list[OverdueReview]] = defaultdict(list)
    for review in reviews:  # already oldest first
        owners[owner_role(review.record.data)].append(review)
    return [OwnerReviews(owner, items) for owner, items in
            sorted(owners.items(), key=lambda pair: (pair[1][0].review_by, pair[0].casefold()))]
