"""Lists that grow with the library, kept short on their page: a head inline, the whole list on numbered pages.

A list of up to SHOWN_WHOLE entries stays on its page, whole (the sample's lists do). A longer one shows its first
HEAD entries, its count and a link 'Lihat semua (N)' to pages of PAGE_SIZE entries each, at
daftar/<owner page>/<list>-<n>.md: paths made of slugs only, so no page lands outside the docs folder.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.views import Link

SHOWN_WHOLE = 30
"""A list this long or shorter is shown whole where it belongs."""
HEAD = 10
"""How many entries a longer list shows where it belongs, before 'Lihat semua (N)'."""
INDEX_WHOLE = 60
"""A page that is itself a list (a section's index, a tag) lists up to this many whole; a longer one its first
INDEX_HEAD."""
INDEX_HEAD = 50
PAGE_SIZE = 50
"""Entries per page of a list's own pages."""
NEAR = 2
"""A list page links the pages this close to it by number (and the first and last)."""
LISTS_FOLDER = "daftar"
"""The folder of the list pages; a folder per page the lists belong to, mirroring its path."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _slug_path(path: str) -> str:
    """`path` unchanged when every part of it is a slug; anything else (dots, slashes at the ends) is refused."""
    if not path or not all(_SLUG.fullmatch(part) for part in path.split("/")):
        raise ValueError(f"not a path of slugs: {path!r}")
    return path


@dataclass(frozen=True)
class ListOwner:
    """The page a list belongs to: its docs path without '.md' (slugs only) and its title."""

    path: str
    title: str

    def __post_init__(self) -> None:
        _slug_path(self.path)

    @classmethod
    def of(cls, link: Link) -> ListOwner:
        """An item's page as the owner of its lists."""
        return cls(str(link.url).removesuffix(".md"), link.title)

    @property
    def url(self) -> Markup:
        """Root-relative, like Link.url."""
        return Markup(f"{self.path}.md")


@dataclass(frozen=True)
class LongList:
    """A list of links as a page shows it: `head` inline, and `pages()` of the whole list when it is long."""

    owner: ListOwner
    name: str
    """The list's slug, unique on its page: the stem of its pages' file names."""
    title: str
    """The list pages' heading, e.g. 'Dirujuk oleh'; they add the owner's title."""
    entries: list[Link]
    note: str = "summary"
    """What the list pages show after each link: 'summary', or a field of the record (e.g. 'standard')."""
    whole: int = SHOWN_WHOLE
    head_size: int = HEAD
    size: int = PAGE_SIZE

    def __post_init__(self) -> None:
        _slug_path(self.name)
        if not 0 < self.head_size <= self.whole or self.size < 1:
            raise ValueError("a list needs 0 < head_size <= whole and a page size of at least 1")

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def split(self) -> bool:
        """True when the list is too long for its page: the page shows the head and links the list pages."""
        return self.total > self.whole

    @property
    def head(self) -> list[Link]:
        """What its page shows: the whole list, or its first entries when split."""
        return self.entries[: self.head_size] if self.split else self.entries

    @property
    def url(self) -> Markup:
        """The first list page, root-relative (only meaningful when split)."""
        return self.page_url(1)

    @property
    def count(self) -> int:
        """How many list pages: none when the list stays whole on its page."""
        return math.ceil(self.total / self.size) if self.split else 0

    def page_url(self, number: int) -> Markup:
        return Markup(f"{LISTS_FOLDER}/{self.owner.path}/{self.name}-{number}.md")

    def pages(self) -> list[ListPage]:
        """The list's own pages, in order; empty when the list stays whole on its page."""
        return [ListPage(self, n, self.entries[(n - 1) * self.size: n * self.size]) for n in range(1, self.count + 1)]


@dataclass(frozen=True)
class ListPage:
    """One numbered page of a long list."""

    long_list: LongList
    number: int
    entries: list[Link]

    @property
    def path(self) -> str:
        return str(self.long_list.page_url(self.number))

    @property
    def base(self) -> str:
        """From this page up to the docs root."""
        return "../" * self.path.count("/")

    @property
    def first(self) -> int:
        """The number of its first entry in the whole list (1-based)."""
        return (self.number - 1) * self.long_list.size + 1

    @property
    def last(self) -> int:
        """The number of its last entry in the whole list."""
        return self.first + len(self.entries) - 1

    @property
    def previous(self) -> Markup | None:
        return self.long_list.page_url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> Markup | None:
        return self.long_list.page_url(self.number + 1) if self.number < self.long_list.count else None

    @property
    def numbers(self) -> list[tuple[int, Markup] | None]:
        """(number, url) of the pages to link: the first, the last and those near this one; None for a gap ('…'),
        so the links stay few however long the list."""
        count = self.long_list.count
        shown = sorted({1, count} | set(range(max(1, self.number - NEAR), min(count, self.number + NEAR) + 1)))
        links: list[tuple[int, Markup] | None] = []
        for n in shown:
            if links and links[-1] is not None and links[-1][0] != n - 1:
                links.append(None)
            links.append((n, self.long_list.page_url(n)))
        return links


def long_lists(value: object) -> Iterator[LongList]:
    """Every LongList in a page's context value, looking into lists, tuples and dicts."""
    if isinstance(value, LongList):
        yield value
    elif isinstance(value, list | tuple):
        for part in value:
            yield from long_lists(part)
    elif isinstance(value, dict):
        for part in value.values():
            yield from long_lists(part)
