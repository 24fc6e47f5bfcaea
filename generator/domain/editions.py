"""Edition manifests (ids + content hashes), published editions under data/editions/, and what changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.domain.selection import EditionContents, forums_with_handbooks, select_edition_contents
from generator.domain.text_fields import text_fields
from generator.domain.word_diff import Segment, word_diff
from generator.i18n import _
from generator.knowledge import KnowledgeBase, Record
from generator.knowledge.status_view import HANDBOOK_STATUSES, with_statuses
from generator.load.editions import EDITIONS_DIR
from generator.model import ITEM_KINDS, Forum
from generator.model.manifest import Manifest, ManifestItem
from generator.problems import Problem, Severity

HANDBOOKS_DIR = "handbooks"
"""Folder in the docs tree (and so in site/) that holds the PDFs and their manifests."""
_KIND_RANK = {kind: rank for rank, kind in enumerate(("forum", *ITEM_KINDS))}


@dataclass(frozen=True)
class FieldDiff:
    """One text field of a changed item, word by word ('steps[2].text')."""

    field: str
    segments: list[Segment]


@dataclass(frozen=True)
class Changes:
    """What differs from the newest edition published before this one (None: there is none)."""

    previous: Manifest | None
    added: list[ManifestItem]
    changed: list[ManifestItem]
    removed: list[ManifestItem]
    diffs: dict[str, list[FieldDiff] | None] = field(default_factory=dict)
    """'kind:id' of each changed item → its changed text fields; None when the previous manifest kept no text."""


@dataclass(frozen=True)
class ItemDigest:
    """An item's content hash and text fields, as an edition's manifest keeps them (before any local note)."""

    sha256: str
    text: dict[str, str]


def item_digest(record: Record) -> ItemDigest:
    """The digest of an item that no forum's note adds to."""
    return ItemDigest(_hash(record.data.model_dump(mode="json", by_alias=True)), text_fields(record.data))


def build_manifest(contents: EditionContents, *,
                   digest: Callable[[Record], ItemDigest] = item_digest) -> Manifest:
    """The manifest of an edition: the forum's profile plus every item, each with its content hash. `digest`
    may remember an item's digest: the forums of a Polres hold the same few hundred items over and over."""
    forum = contents.forum
    profile = forum.data.model_dump(mode="json", by_alias=True, exclude={"handbook"})
    profile["notes"] = [n.model_dump(mode="json") for n in contents.handbook.notes]
    # The profile prints the term's decisions and the year calendar: a change to either is a change of the profile.
    # Only when there are any, so a project without meetings or a calendar keeps its published fingerprints.
    if contents.meetings:
        profile["meetings"] = [m.data.model_dump(mode="json") for m in contents.meetings]
    if contents.calendar:
        profile["calendar"] = [p.data.model_dump(mode="json") for p in contents.calendar]
    forum_text = {k: v for k, v in text_fields(forum.data).items() if not k.startswith("handbook")}
    items = [ManifestItem(id=forum.id, kind="forum", title=forum.title, sha256=_hash(profile), text=forum_text)]
    for record in contents.items:
        if record.id in contents.local_notes:  # the forum's own notes are part of its item
            data = record.data.model_dump(mode="json", by_alias=True)
            data["local_notes"] = contents.local_notes[record.id]
            notes = {f"local_notes[{n}]": note for n, note in enumerate(contents.local_notes[record.id])}
            found = ItemDigest(_hash(data), text_fields(record.data) | notes)
        else:
            found = digest(record)
        items.append(ManifestItem(id=record.id, kind=record.kind.name, title=record.title, sha256=found.sha256,
                                  text=found.text))
    items.sort(key=lambda i: (_KIND_RANK[i.kind], i.id))
    return Manifest(forum=forum.id, edition=contents.handbook.edition, date=contents.handbook.date, items=tuple(items))


def _hash(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_path(forum_id: str, edition: int) -> str:
    """Project-relative path of a published manifest (forum ids are slugs, editions numbers)."""
    return f"{EDITIONS_DIR}/{forum_id}/{edition}.json"


def published_editions(kb: KnowledgeBase, forum_id: str) -> dict[int, Manifest]:
    """Every manifest published for a forum, by edition number (read and checked once, in the load stage)."""
    found = kb.published.get(forum_id)
    return found.manifests if found else {}


def changes_since_previous(current: Manifest, published: dict[int, Manifest]) -> Changes:
    """Compare with the newest edition published before `current` (a rebuilt edition n compares with n-1)."""
    older = [n for n in published if n < current.edition]
    if not older:
        return Changes(None, [], [], [])
    previous = published[max(older)]
    before = {(i.kind, i.id): i for i in previous.items}
    now = {(i.kind, i.id): i for i in current.items}
    changed = [i for key, i in now.items() if key in before and before[key].sha256 != i.sha256]
    return Changes(
        previous,
        added=[i for key, i in now.items() if key not in before],
        changed=changed,
        removed=[i for key, i in before.items() if key not in now],
        diffs={f"{i.kind}:{i.id}": text_diffs(before[(i.kind, i.id)], i) for i in changed},
    )


def text_diffs(before: ManifestItem, after: ManifestItem) -> list[FieldDiff] | None:
    """Every text field that differs, in the new item's field order, then the fields it no longer has."""
    if before.text is None or after.text is None:
        return None
    old, new = before.text, after.text
    names = [*new, *(name for name in old if name not in new)]
    return [FieldDiff(name, word_diff(old.get(name, ""), new.get(name, "")))
            for name in names if old.get(name, "") != new.get(name, "")]


@dataclass(frozen=True)
class HandbookEdition:
    """Everything one PDF is made from: the edition's contents, its manifest and what changed."""

    contents: EditionContents
    manifest: Manifest
    changes: Changes

    @property
    def forum_id(self) -> str:
        return self.contents.forum.id

    @property
    def pdf_path(self) -> str:
        return edition_pdf_path(self.forum_id, self.manifest.edition)


def edition_pdf_path(forum_id: str, edition: int) -> str:
    """'handbooks/fkpm-ngrandusari/fkpm-ngrandusari-edisi-2.pdf' (ids are slugs: the path stays in its folder)."""
    return f"{HANDBOOKS_DIR}/{forum_id}/{forum_id}-edisi-{edition}.pdf"


@dataclass(frozen=True)
class ForumEditions:
    """What a forum's web page says of its handbook: the current PDF and the editions published before."""

    edition: int
    date: date
    paper: str
    pdf: Markup
    """Docs-root-relative; built from slugs and a number, so safe in Markdown and HTML as is."""
    earlier: list[Manifest]


def forum_editions(kb: KnowledgeBase, forum: Record[Forum]) -> ForumEditions | None:
    handbook = forum.data.handbook
    if handbook is None:
        return None
    published = published_editions(kb, forum.id)
    earlier = [m for n, m in sorted(published.items(), reverse=True) if n < handbook.edition]
    return ForumEditions(handbook.edition, handbook.date, handbook.paper,
                         Markup(edition_pdf_path(forum.id, handbook.edition)), earlier)


def prepare_edition(kb: KnowledgeBase, forum: Record[Forum]) -> HandbookEdition:
    """Select the edition's contents, hash them, and compare with the newest edition published before it."""
    contents = select_edition_contents(kb, forum)
    manifest = edition_manifest(kb, forum)
    published = published_editions(kb, forum.id)
    return HandbookEdition(contents, manifest, changes_since_previous(manifest, published))


def edition_manifest(kb: KnowledgeBase, forum: Record[Forum]) -> Manifest:
    """The manifest of the forum's edition in `kb`, built once per knowledge base and forum (`check` and the
    build's PDF keys both need it)."""
    def digest(record: Record) -> ItemDigest:
        return kb.once("manifest digest", record, lambda: item_digest(record))

    return kb.once("edition manifest", forum,
                   lambda: build_manifest(select_edition_contents(kb, forum), digest=digest))


class PublishError(Exception):
    """The edition cannot be published as it stands; the message says what to change."""


def unapproved_items(contents: EditionContents) -> list[Record]:
    """The records of an edition (its items and calendar periods) whose status is not `disahkan`, by file."""
    found = [r for r in (*contents.items, *contents.calendar) if r.data.status != "disahkan"]
    return sorted(found, key=lambda r: r.source.src_path)


def unapproved_list(records: list[Record], separator: str = "\n  ") -> str:
    """'content/x.yaml: id (ditinjau)' per record, for the messages that refuse to publish."""
    return separator.join(f"{r.source.src_path}: {r.id} ({r.data.status})" for r in records)


def check_approved(kb: KnowledgeBase, forums: list[Record[Forum]]) -> None:
    """Raise PublishError if an edition would hold an item that is not `disahkan` (drafts included).

    Asked of the whole knowledge base: the public handbook leaves such items out, but a published edition
    is a record of what the forum adopted, so it must hold exactly what the forum's rules select.
    """
    blocked = [(forum, unapproved_items(select_edition_contents(kb, forum))) for forum in forums]
    lines = [_("edition {edition} of '{forum}' holds items that are not disahkan:").format(
        edition=forum.data.handbook.edition if forum.data.handbook else "?", forum=forum.id)
        + "\n  " + unapproved_list(records) for forum, records in blocked if records]
    if lines:
        raise PublishError(_("an edition cannot be published while it holds items that are not disahkan; "
                             "approve them (status: disahkan) or leave them out (handbook.exclude):")
                           + "\n" + "\n".join(lines))


def check_publishable(kb: KnowledgeBase, manifests: list[Manifest]) -> None:
    """Raise PublishError if any edition was already published with other contents (checked before any write)."""
    for manifest in manifests:
        published = published_editions(kb, manifest.forum).get(manifest.edition)
        if published is not None and not published.same_contents(manifest):
            rel = manifest_path(manifest.forum, manifest.edition)
            raise PublishError(
                _("edition {edition} of '{forum}' was already published ({file}) with other contents; raise "
                  "handbook.edition to {next} and publish that edition").format(
                    edition=manifest.edition, forum=manifest.forum, file=rel, next=manifest.edition + 1),
            )


def check_edition_number(forum: Record[Forum], manifest: Manifest, published: dict[int, Manifest]) -> list[Problem]:
    """An edition number never goes back; rebuilding a published number with new content deserves a warning,
    and is refused while the edition is marked adopted (its number did not go up)."""
    if not published:
        return []
    newest = max(published)
    line, column = forum.source.position(("handbook", "edition"))
    path, field = forum.source.src_path, "handbook.edition"
    if manifest.edition < newest:
        return [Problem(path, line, column, field,
                        _("edition {edition} is older than edition {newest}, already published ({file}); an edition "
                          "number never goes back: use {newest} to rebuild that edition or {next} for a new "
                          "one").format(edition=manifest.edition, newest=newest,
                                        file=manifest_path(forum.id, newest), next=newest + 1))]
    if manifest.edition == newest and not published[newest].same_contents(manifest) and _adopted(forum):
        return [Problem(path, line, column, field,
                        _("edition {newest} is marked diadopsi and was published ({file}), but its contents have "
                          "changed since, so the adopted edition would no longer be what was published; raise the "
                          "edition to {next} to publish the new contents, or set handbook.state to disiapkan while "
                          "you prepare them").format(newest=newest, file=manifest_path(forum.id, newest),
                                                     next=newest + 1))]
    if manifest.edition == newest and not published[newest].same_contents(manifest):
        return [Problem(path, line, column, field,
                        _("edition {newest} was published ({file}) and its contents have changed since; raise the "
                          "edition to {next} before publishing again").format(
                            newest=newest, file=manifest_path(forum.id, newest), next=newest + 1),
                        Severity.WARNING)]
    return []


def check_editions(kb: KnowledgeBase) -> list[Problem]:
    """Handbook problems `polmas check` reports: edition numbers, broken manifests, notes on absent guidelines,
    and an adopted edition that holds items not yet approved."""
    problems: list[Problem] = []
    printed = with_statuses(kb, HANDBOOK_STATUSES)  # what the public handbooks hold
    for forum in forums_with_handbooks(kb):
        contents = select_edition_contents(kb, forum)
        published = published_editions(kb, forum.id)
        problems += kb.published[forum.id].problems if forum.id in kb.published else []
        problems += check_edition_number(forum, edition_manifest(printed, printed.get(forum.id, Forum)), published)
        problems += _notes_on_absent_guidelines(forum, contents)
        problems += check_adoption(forum, contents, published)
    return problems


def _adopted(forum: Record[Forum]) -> bool:
    return forum.data.handbook is not None and forum.data.handbook.state == "diadopsi"


def adoption_due(forum: Record[Forum], published: dict[int, Manifest]) -> bool:
    """The coordinator marked the edition adopted (`handbook.state: diadopsi`) and it has no manifest yet."""
    handbook = forum.data.handbook
    return handbook is not None and handbook.state == "diadopsi" and handbook.edition not in published


def check_adoption(forum: Record[Forum], contents: EditionContents,
                   published: dict[int, Manifest]) -> list[Problem]:
    """An adopted edition is published by the next build: everything in it must be `disahkan` by then."""
    records = unapproved_items(contents) if adoption_due(forum, published) else []
    if not records:
        return []
    line, column = forum.source.position(("handbook", "state"))
    return [Problem(forum.source.src_path, line, column, "handbook.state",
                    _("edition {edition} is marked diadopsi, but it holds items that are not disahkan, so it cannot "
                      "be published ({items}); approve them (status: disahkan), leave them out (handbook.exclude), "
                      "or set the state back to disiapkan").format(
                        edition=contents.handbook.edition, items=unapproved_list(records, "; ")))]


def _notes_on_absent_guidelines(forum: Record[Forum], contents: EditionContents) -> list[Problem]:
    problems = []
    present = {g.id for g in contents.guidelines}
    for index, note in enumerate(contents.handbook.local_notes):
        if note.guideline in present:
            continue
        path = ("handbook", "local_notes", index, "guideline")
        line, column = forum.source.position(path)
        problems.append(Problem(
            forum.source.src_path, line, column, f"handbook.local_notes[{index}].guideline",
            _("'{guideline}' is not in this edition, so its note would not be printed; add it to "
              "handbook.include.ids (or take it out of handbook.exclude), or remove the note").format(
                guideline=note.guideline),
        ))
    return problems
