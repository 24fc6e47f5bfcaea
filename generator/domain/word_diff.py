"""Two versions of a text → the words kept, added and removed, for the changes page of a handbook."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

CONTEXT_WORDS = 6
"""Unchanged words kept on each side of a change; longer unchanged runs are shortened with '…'."""
_TOKENS = re.compile(r"\S+")


@dataclass(frozen=True)
class Segment:
    """A run of words: kept as it was, added (`ins`) or removed (`del`)."""

    op: Literal["same", "ins", "del"]
    text: str


def word_diff(before: str, after: str) -> list[Segment]:
    """The word-level difference; whitespace is normalised to single spaces, so a re-wrapped line is no change."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            segments.append(Segment("same", _shortened(old[i1:i2], first=index == 0, last=index == len(opcodes) - 1)))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("del", " ".join(old[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment("ins", " ".join(new[j1:j2])))
    return segments


def _shortened(words: list[str], *, first: bool, last: bool) -> str:
    """Unchanged words around a change: only the few next to it, so a long paragraph does not fill the page."""
    if len(words) <= 2 * CONTEXT_WORDS + 1:
        return " ".join(words)
    head = [] if first else words[:CONTEXT_WORDS]
    tail = [] if last else words[-CONTEXT_WORDS:]
    return " ".join([*head, "…", *tail])
