"""Edition manifests (ids + content hashes), published editions under data/editions/, and what changed."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.domain.selection import EditionContents, forums_with_handbooks, select_edition_contents
from generator.knowledge import KnowledgeBase, Record
from generator.model import ITEM_KINDS
from generator.outputs.tree import write_atomically
from generator.problems import Problem, Severity

HANDBOOKS_DIR = "handbooks"
"""Folder in the docs tree (and so in site/) that holds the PDFs and their manifests."""
EDITIONS_DIR = "data/editions"
"""Published manifests live in the repository: site/ is rebuilt from scratch, the history must not be."""
_MANIFEST_NAME = re.compile(r"^([1-9][0-9]{0,5})\.json$")
_KIND_RANK = {kind: rank for rank, kind in enumerate(("forum", *ITEM_KINDS))}


@dataclass(frozen=True)
class ManifestItem:
    id: str
    kind: str
    title: str
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What one edition of one forum's handbook contains, and a hash of each item's content."""

    forum: str
    edition: int
    date: date
    items: tuple[ManifestItem, ...]

    def to_json(self) -> str:
        data = {"forum": self.forum, "edition": self.edition, "date": self.date.isoformat(),
                "items": [vars(item) for item in self.items]}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Parse a manifest; raises ValueError (with a plain reason) when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise ValueError("expected an object with 'forum', 'edition', 'date' and 'items'")
        try:
            items = tuple(ManifestItem(str(i["id"]), str(i["kind"]), str(i["title"]), str(i["sha256"]))
                          for i in data["items"])
            return cls(str(data["forum"]), int(data["edition"]), date.fromisoformat(data["date"]), items)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"an entry lacks {exc}") from exc

    @property
    def fingerprint(self) -> str:
        """One hash over every item: the source version of the edition's content."""
        joined = "\n".join(f"{i.kind}:{i.id}:{i.sha256}" for i in self.items)
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()


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
    items = [ManifestItem(forum.id, "forum", forum.title, _hash(profile))]
    for record in contents.items:
        data = record.data.model_dump(mode="json", by_alias=True)
        if record.id in contents.local_notes:
            data["local_notes"] = contents.local_notes[record.id]
        items.append(ManifestItem(record.id, record.kind.name, record.title, _hash(data)))
    items.sort(key=lambda i: (_KIND_RANK[i.kind], i.id))
    return Manifest(forum.id, contents.handbook.edition, contents.handbook.date, tuple(items))


def _hash(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_path(forum_id: str, edition: int) -> str:
    """Project-relative path of a published manifest (forum ids are slugs, editions numbers)."""
    return f"{EDITIONS_DIR}/{forum_id}/{edition}.json"


def published_editions(project: Path, forum_id: str) -> tuple[dict[int, Manifest], list[Problem]]:
    """Every manifest published for a forum, by edition number; unreadable ones are problems."""
    folder = project / EDITIONS_DIR / forum_id
    found: dict[int, Manifest] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        rel = path.relative_to(project).as_posix()
        match = _MANIFEST_NAME.match(path.name)
        if match is None:
            problems.append(Problem(rel, 1, 1, "", "a published manifest is named after its edition, e.g. '2.json'"))
            continue
        restore = f"restore it from git: git checkout -- {rel}"
        try:
            manifest = Manifest.from_json(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(Problem(rel, exc.lineno, exc.colno, "", f"not valid JSON ({exc.msg}); {restore}"))
            continue
        except (ValueError, OSError) as exc:
            problems.append(Problem(rel, 1, 1, "", f"not an edition manifest ({exc}); {restore}"))
            continue
        if manifest.forum != forum_id or manifest.edition != int(match[1]):
            problems.append(Problem(rel, 1, 1, "", f"holds edition {manifest.edition} of '{manifest.forum}', "
                                    f"which does not match its place; {restore}"))
            continue
        found[manifest.edition] = manifest
    return dict(sorted(found.items())), problems


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
    """'handbooks/fkpm-kecandran/fkpm-kecandran-edisi-2.pdf' (ids are slugs: the path stays in its folder)."""
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


def forum_editions(project: Path, forum: Record) -> ForumEditions | None:
    handbook = forum.data.handbook
    if handbook is None:
        return None
    published, _ = published_editions(project, forum.id)
    earlier = [m for n, m in sorted(published.items(), reverse=True) if n < handbook.edition]
    return ForumEditions(handbook.edition, handbook.date, handbook.paper,
                         Markup(edition_pdf_path(forum.id, handbook.edition)), earlier)


def prepare_edition(project: Path, kb: KnowledgeBase, forum: Record) -> HandbookEdition:
    """Select the edition's contents, hash them, and compare with the newest edition published before it."""
    contents = select_edition_contents(kb, forum)
    manifest = build_manifest(contents)
    published, _ = published_editions(project, forum.id)
    return HandbookEdition(contents, manifest, changes_since_previous(manifest, published))


class PublishError(Exception):
    """The edition cannot be published as it stands; the message says what to change."""


def check_publishable(project: Path, manifests: list[Manifest]) -> None:
    """Raise PublishError if any edition was already published with other contents (checked before any write)."""
    for manifest in manifests:
        rel = manifest_path(manifest.forum, manifest.edition)
        target = project / rel
        if target.is_file() and Manifest.from_json(target.read_text(encoding="utf-8")) != manifest:
            raise PublishError(
                f"edition {manifest.edition} of '{manifest.forum}' was already published ({rel}) with other "
                f"contents; raise handbook.edition to {manifest.edition + 1} and publish that edition",
            )


def publish_manifest(project: Path, manifest: Manifest) -> tuple[Path, bool]:
    """Record the manifest under data/editions/; returns its path and whether it was newly written."""
    check_publishable(project, [manifest])
    target = project / manifest_path(manifest.forum, manifest.edition)
    if target.is_file():
        return target, False
    write_atomically(target, manifest.to_json().encode("utf-8"))
    return target, True


def check_edition_number(forum: Record, manifest: Manifest, published: dict[int, Manifest]) -> list[Problem]:
    """An edition number never goes back; rebuilding a published number with new content deserves a warning."""
    if not published:
        return []
    newest = max(published)
    line, column = forum.source.position(("handbook", "edition"))
    path, field = forum.source.src_path, "handbook.edition"
    if manifest.edition < newest:
        return [Problem(path, line, column, field,
                        f"edition {manifest.edition} is older than edition {newest}, already published "
                        f"({manifest_path(forum.id, newest)}); an edition number never goes back: "
                        f"use {newest} to rebuild that edition or {newest + 1} for a new one")]
    if manifest.edition == newest and published[newest].items != manifest.items:
        return [Problem(path, line, column, field,
                        f"edition {newest} was published ({manifest_path(forum.id, newest)}) and its contents "
                        f"have changed since; raise the edition to {newest + 1} before publishing again",
                        Severity.WARNING)]
    return []


def check_editions(project: Path, kb: KnowledgeBase) -> list[Problem]:
    """Handbook problems `polmas check` reports: edition numbers, broken manifests, notes on absent guidelines."""
    problems: list[Problem] = []
    for forum in forums_with_handbooks(kb):
        contents = select_edition_contents(kb, forum)
        published, found = published_editions(project, forum.id)
        problems += found
        problems += check_edition_number(forum, build_manifest(contents), published)
        problems += _notes_on_absent_guidelines(forum, contents)
    return problems


def _notes_on_absent_guidelines(forum: Record, contents: EditionContents) -> list[Problem]:
    problems = []
    present = {g.id for g in contents.guidelines}
    for index, note in enumerate(contents.handbook.local_notes):
        if note.guideline in present:
            continue
        path = ("handbook", "local_notes", index, "guideline")
        line, column = forum.source.position(path)
        problems.append(Problem(
            forum.source.src_path, line, column, f"handbook.local_notes[{index}].guideline",
            f"'{note.guideline}' is not in this edition, so its note would not be printed; "
            "add it to handbook.include.ids (or take it out of handbook.exclude), or remove the note",
        ))
    return problems
