"""One tagged PDF from PDFs rendered part by part: pages, one structure tree, the outline, destinations, links.

A long handbook is laid out in parts so that an edit lays out again only the part that shows it. Each part is a
whole WeasyPrint PDF/UA document of its own; joining them keeps what a reader and a screen reader use:

- the structure tree: the parts' top elements become children of the first part's `Document` element, and
  each page's `/StructParents` and each annotation's `/StructParent` move past the keys of the parts before;
- the outline, from every part's bookmarks at their true levels (a part that starts inside a chapter has
  bookmarks of level 2 or 3 first, which its own outline puts at the top);
- the named destinations of every part, and the links between parts: a part links to an anchor in another
  part as `polmas-anchor:NAME`, which becomes a link to the destination NAME here.

The document's catalog, information and XMP metadata are the first part's. The same parts give the same bytes.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, OutlineItem, PageLocation, String

__all__ = ["ANCHOR_SCHEME", "Part", "join_parts"]

ANCHOR_SCHEME = "polmas-anchor:"
"""A part's link to an anchor that another part holds: `<a href="polmas-anchor:NAME">`."""


@dataclass(frozen=True)
class Part:
    """A part's PDF and the level of each entry of its outline, walked depth first (1 = chapter)."""

    pdf: bytes
    levels: tuple[int, ...]


def join_parts(parts: Sequence[Part]) -> bytes:
    """The parts, in order, as one tagged PDF (see the module's docstring)."""
    if not parts:
        raise ValueError("no part to join")
    joined = pikepdf.open(io.BytesIO(parts[0].pdf))
    sources = [joined, *(pikepdf.open(io.BytesIO(part.pdf)) for part in parts[1:])]
    tree = joined.Root.StructTreeRoot
    document = tree.K[0]
    numbers: list[int | pikepdf.Object] = list(tree.ParentTree.Nums)
    offset = _next_key(numbers)
    firsts = [0]
    for source in sources[1:]:
        firsts.append(len(joined.pages))
        offset = _append(joined, source, document, numbers, offset)
    tree.ParentTree = joined.make_indirect(Dictionary(Nums=Array(numbers)))
    tree.ParentTreeNextKey = offset
    destinations = _destinations(joined, sources, firsts)
    _point_links_at_destinations(joined, destinations)
    _outline(joined, sources, firsts, parts)
    out = io.BytesIO()
    joined.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, deterministic_id=True)
    return out.getvalue()


def _next_key(numbers: Sequence[int | pikepdf.Object]) -> int:
    keys = [int(numbers[i]) for i in range(0, len(numbers), 2)]
    return max(keys, default=-1) + 1


def _append(joined: pikepdf.Pdf, source: pikepdf.Pdf, document: pikepdf.Object, numbers: list[int | pikepdf.Object],
            offset: int) -> int:
    """The source's pages and structure after the joined document's; returns the next free parent-tree key."""
    tree = source.Root.StructTreeRoot
    kids = list(tree.K[0].K)
    for kid in kids:  # copied without its parent, so the part's Document and tree root stay behind
        del kid.P
    first = len(joined.pages)
    with warnings.catch_warnings():
        # pikepdf warns that named destinations are not carried along: `_destinations` carries them.
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        joined.pages.extend(source.pages)
    for page in joined.pages[first:]:
        if Name.StructParents in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get(Name.Annots, Array()):
            if Name.StructParent in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    # Everything the part's structure holds, copied in one go (its pages are already here, so its elements
    # point at the joined pages): the top elements, and the parent tree's values.
    carried = joined.copy_foreign(source.make_indirect(Array([Array(kids), Array(tree.ParentTree.Nums)])))
    for kid in carried[0]:
        kid.P = document
        document.K.append(kid)
    part_numbers = carried[1]
    for i in range(0, len(part_numbers), 2):
        numbers.extend([int(part_numbers[i]) + offset, part_numbers[i + 1]])
    return offset + _next_key(list(part_numbers))


def _page_index(source: pikepdf.Pdf, page: pikepdf.Object) -> int:
    return int(source.pages.index(pikepdf.Page(page)))


def _destinations(joined: pikepdf.Pdf, sources: list[pikepdf.Pdf], firsts: list[int]) -> dict[str, Array]:
    """Every part's named destinations on the joined pages; written as the joined document's name tree."""
    found: dict[str, Array] = {}
    for source, first in zip(sources, firsts, strict=True):
        names = source.Root.get(Name.Names)
        if names is None or Name.Dests not in names:
            continue
        for name, target in NameTree(names.Dests).items():
            page = joined.pages[first + _page_index(source, target[0])].obj
            found[str(name)] = Array([page, *list(target)[1:]])
    tree = NameTree.new(joined)
    for name in sorted(found):
        tree[name] = found[name]
    joined.Root.Names = Dictionary(Dests=tree.obj)
    return found


def _point_links_at_destinations(joined: pikepdf.Pdf, destinations: dict[str, Array]) -> None:
    for page in joined.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            action = annotation.get(Name.A)
            uri = str(action.get(Name.URI, "")) if action is not None else ""
            if uri.startswith(ANCHOR_SCHEME):
                name = uri.removeprefix(ANCHOR_SCHEME)
                if name not in destinations:
                    raise ValueError(f"a link points at {name!r}, which no part holds")
                del annotation.A
                annotation.Dest = String(name)
                annotation.Contents = String(name)


def _flat(items: Sequence[OutlineItem]) -> Iterator[OutlineItem]:
    for item in items:
        yield item
        yield from _flat(item.children)


def _outline(joined: pikepdf.Pdf, sources: list[pikepdf.Pdf], firsts: list[int], parts: Sequence[Part]) -> None:
    """The outline from every part's bookmarks, nested by their levels."""
    entries: list[tuple[int, OutlineItem]] = []
    for source, first, part in zip(sources, firsts, parts, strict=True):
        with source.open_outline() as outline:
            items = list(_flat(outline.root))
        if len(items) != len(part.levels):
            raise ValueError(f"a part has {len(items)} outline entries and {len(part.levels)} bookmark levels")
        for item, level in zip(items, part.levels, strict=True):
            target = item.destination
            assert isinstance(target, Array), "WeasyPrint's outline entries point at a page"
            page = first + _page_index(source, target[0])
            entries.append((level, OutlineItem(
                item.title, page, PageLocation.XYZ, left=float(target[2]), top=float(target[3]), zoom=0)))
    with joined.open_outline() as outline:
        outline.root.clear()
        stack: list[tuple[int, list[OutlineItem]]] = [(0, outline.root)]
        for level, item in entries:
            while stack[-1][0] >= level:
                stack.pop()
            stack[-1][1].append(item)
            stack.append((level, item.children))
