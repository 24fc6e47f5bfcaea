"""Review warnings: items past their `review_by` date, and approved records that name a draft."""

from __future__ import annotations

from datetime import date

from generator.i18n import _, ngettext
from generator.load.source import _dotted
from generator.model.common import Item
from generator.model.record import Record, Records
from generator.model.references import iter_references
from generator.problems import Problem, Severity


def overdue_items(records: Records, *, today: date) -> list[Record[Item]]:
    """Items (not repealed) whose `review_by` is before `today`, oldest date first, then by id."""
    found = [r for r in records.values() if isinstance(r.data, Item) and r.data.status != "dicabut"
             and r.data.review_by is not None and r.data.review_by < today]
    return sorted(found, key=lambda r: (r.data.review_by, r.id))


def check_review_dates(records: Records, *, today: date) -> list[Problem]:
    """A warning per item whose review date has passed: its content may be out of date."""
    problems = []
    for record in overdue_items(records, today=today):
        review_by = record.data.review_by
        assert review_by is not None  # overdue_items keeps only dated items
        line, column = record.source.position(("review_by",))
        problems.append(Problem(
            record.source.src_path, line, column, "review_by",
            ngettext("the review date {date} has passed ({days} day ago); review the item with its owner, then set "
                     "a new review_by date",
                     "the review date {date} has passed ({days} days ago); review the item with its owner, then set "
                     "a new review_by date", (today - review_by).days).format(
                date=review_by.isoformat(), days=(today - review_by).days),
            Severity.WARNING,
        ))
    return problems


def check_draft_references(records: Records) -> list[Problem]:
    """A warning where an approved item (or a forum, area, place: always shown) names a draft.

    Drafts never leave the project, so the reference is silently left out of the site and the handbooks;
    the warning says so, where the reference is written.
    """
    problems = []
    for record in records.values():
        if isinstance(record.data, Item) and record.data.status != "disahkan":
            continue
        for ref in iter_references(record.data):
            target = records.get(ref.target)
            if target is None or not isinstance(target.data, Item) or target.data.status != "draf":
                continue
            line, column = record.source.position(ref.path)
            problems.append(Problem(
                record.source.src_path, line, column, _dotted(ref.path),
                _("'{target}' is a draf ({file}), so this reference is left out of the site and the handbooks "
                  "until that item is disahkan").format(target=ref.target, file=target.source.src_path),
                Severity.WARNING,
            ))
    return problems
