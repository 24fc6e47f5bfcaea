"""Edition manifests (ids + content hashes), published editions under data/editions/, and what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.domain.selection import EditionContents, forums_with_handbooks, select_edition_contents
from generator.i18n import _
from generator.knowledge import KnowledgeBase, Record
from generator.load.editions import EDITIONS_DIR
from generator.model import ITEM_KINDS, Forum
from generator.model.manifest import Manifest, ManifestItem
from generator.problems import Problem, Severity

HANDBOOKS_DIR = "handbooks"
"""Folder in the docs tree (and so in site/) that holds the PDFs and their manifests."""
_KIND_RANK = {kind: rank for rank, kind in enumerate(("forum", *ITEM_KINDS))}


@dataclass(frozen=True)
class Changes:
    """What differs from the newest edition published before this one (None: there is none)."""

    previous: Manifest | None
    added: list[ManifestItem]
    changed: list[ManifestItem]
    removed: list[ManifestItem]


def build_manifest(contents: EditionContents) -> Manifest:
    """The manifest of an edition: the forum's profile plus every item, each with its content hash."""
    forum = contents.forum
    profile = forum.data.model_dump(mode="json", by_alias=True, exclude={"handbook"})
    profile["notes"] = [n.model_dump(mode="json") for n in contents.handbook.notes]
    # The profile prints the term's decisions and the year calendar: a change to either is a change of the profile.
    # Only when there are any, so a project without meetings or a calendar keeps its published fingerprints.
    if contents.meetings:
        profile["meetings"] = [m.data.model_dump(mode="json") for m in contents.meetings]
    if contents.calendar:
        profile["calendar"] = [p.data.model_dump(mode="json") for p in contents.calendar]
    items = [ManifestItem(id=forum.id, kind="forum", title=forum.title, sha256=_hash(profile))]
    for record in contents.items:
        data = record.data.model_dump(mode="json", by_alias=True)
        if record.id in contents.local_notes:
            data["local_notes"] = contents.local_notes[record.id]
        items.append(ManifestItem(id=record.id, kind=record.kind.name, title=record.title, sha256=_hash(data)))
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
    return Changes(
        previous,
        added=[i for key, i in now.items() if key not in before],
        changed=[i for key, i in now.items() if key in before and before[key].sha256 != i.sha256],
        removed=[i for key, i in before.items() if key not in now],
    )


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
    manifest = build_manifest(contents)
    published = published_editions(kb, forum.id)
    return HandbookEdition(contents, manifest, changes_since_previous(manifest, published))


class PublishError(Exception):
    """The edition cannot be published as it stands; the message says what to change."""


def check_publishable(kb: KnowledgeBase, manifests: list[Manifest]) -> None:
    """Raise PublishError if any edition was already published with other contents (checked before any write)."""
    for manifest in manifests:
        published = published_editions(kb, manifest.forum).get(manifest.edition)
        if published is not None and published != manifest:
            rel = manifest_path(manifest.forum, manifest.edition)
            raise PublishError(
                _("edition {edition} of '{forum}' was already published ({file}) with other contents; raise "
                  "handbook.edition to {next} and publish that edition").format(
                    edition=manifest.edition, forum=manifest.forum, file=rel, next=manifest.edition + 1),
            )


def check_edition_number(forum: Record[Forum], manifest: Manifest, published: dict[int, Manifest]) -> list[Problem]:
    """An edition number never goes back; rebuilding a published number with new content deserves a warning."""
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
    if manifest.edition == newest and published[newest].items != manifest.items:
        return [Problem(path, line, column, field,
                        _("edition {newest} was published ({file}) and its contents have changed since; raise the "
                          "edition to {next} before publishing again").format(
                            newest=newest, file=manifest_path(forum.id, newest), next=newest + 1),
                        Severity.WARNING)]
    return []


def check_editions(kb: KnowledgeBase) -> list[Problem]:
    """Handbook problems `polmas check` reports: edition numbers, broken manifests, notes on absent guidelines."""
    problems: list[Problem] = []
    for forum in forums_with_handbooks(kb):
        contents = select_edition_contents(kb, forum)
        published = published_editions(kb, forum.id)
        problems += kb.published[forum.id].problems if forum.id in kb.published else []
        problems += check_edition_number(forum, build_manifest(contents), published)
        problems += _notes_on_absent_guidelines(forum, contents)
    return problems


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
