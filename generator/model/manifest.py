"""An edition's manifest (data/editions/<forum>/<n>.json): what one handbook edition holds, hashed per item."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from pydantic import BaseModel, ConfigDict


class ManifestItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: str
    title: str
    sha256: str


class Manifest(BaseModel):
    """What one edition of one forum's handbook contains, and a hash of each item's content."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    forum: str
    edition: int
    date: date
    items: tuple[ManifestItem, ...]

    def to_json(self) -> str:
        # json.dumps, not model_dump_json: the committed files keep their exact layout (2-space indent, UTF-8).
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"

    @property
    def fingerprint(self) -> str:
        """One hash over every item: the source version of the edition's content."""
        joined = "\n".join(f"{i.kind}:{i.id}:{i.sha256}" for i in self.items)
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()
