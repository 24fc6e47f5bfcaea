"""An edition's manifest (data/editions/<forum>/<n>.json): what one handbook edition holds, hashed per item."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cached_property

from pydantic import BaseModel, ConfigDict


class ManifestItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: str
    title: str
    sha256: str
    text: dict[str, str] | None = None
    """The item's text fields by path ('steps[2].text'), for the word diff of the next edition's changes page.
    None in manifests written before they were kept: such an edition lists what changed, without the words."""

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the item is, without its kept text: equal keys mean the same content."""
        return self.kind, self.id, self.title, self.sha256


class Manifest(BaseModel):
    """What one edition of one forum's handbook contains, and a hash of each item's content."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    forum: str
    edition: int
    date: date
    items: tuple[ManifestItem, ...]

    def to_json(self) -> str:
        return self.json_text

    @cached_property
    def json_text(self) -> str:
        """The manifest as its file holds it, made once (a build needs it for the PDF's key and for the file)."""
        # json.dumps, not model_dump_json: the committed files keep their exact layout (2-space indent, UTF-8).
        return json.dumps(self.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False) + "\n"

    def same_contents(self, other: Manifest) -> bool:
        """The same edition with the same items (the kept text is the items' own, so it is not compared)."""
        return ((self.forum, self.edition, self.date) == (other.forum, other.edition, other.date)
                and [i.key for i in self.items] == [i.key for i in other.items])

    @property
    def fingerprint(self) -> str:
        """One hash over every item: the source version of the edition's content."""
        joined = "\n".join(f"{i.kind}:{i.id}:{i.sha256}" for i in self.items)
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()
