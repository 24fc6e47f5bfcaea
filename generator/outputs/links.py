"""Check a built HTML tree: every internal link lands on a file, and every #fragment on an id."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.outputs.tree import write_atomically

SKIPPED_SCHEMES = ("http", "https", "mailto", "tel", "data", "blob")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: link to '{self.target}' {self.reason}"


@dataclass(frozen=True)
class Parsed:
    """What the check needs of a page: its links and its ids."""

    links: list[str]
    ids: set[str]


_HIDDEN = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?(</\2\s*>)", re.S | re.I)
"""Comments, and the bodies of scripts and style sheets (raw text: a '<a href' there is not a link)."""
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s=/>]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")
LINKING = {("href", "a"), ("href", "link"), ("href", "area"), ("src", "img"), ("src", "script")}
"""(attribute, tag) pairs that load or lead to another file."""
_KEYS = ("id", "name", "href", "src")


def _parse_bytes(data: bytes) -> Parsed:
    """The page's links and ids, read from its start tags: what Python's HTML parser finds (a test holds it
    to that on every page of the sample site), at a fraction of its cost."""
    text = _HIDDEN.sub(lambda m: (m[1] or "") + (m[3] or ""), data.decode("utf-8", errors="replace"))
    links: list[str] = []
    ids: set[str] = set()
    for tag in _TAG.finditer(text):
        attributes = tag[2].lower()
        if not any(key in attributes for key in _KEYS):  # most tags carry a class only
            continue
        name = tag[1].lower()
        for attribute in _ATTRIBUTE.finditer(tag[2]):
            key = attribute[1].lower()
            value = next((v for v in attribute.groups()[1:] if v is not None), None)
            if value is None:  # an attribute without a value
                continue
            value = html.unescape(value)
            if key in ("id", "name"):
                ids.add(value)
            elif (key, name) in LINKING:
                links.append(value)
    return Parsed(links, ids)


def _parse_all(root: Path, cache: Path | None) -> dict[Path, Parsed]:
    """Every page parsed, or read back from `cache` under the hash of its bytes (an unchanged page is not parsed
    again: sound, since what is kept is a function of the bytes alone). The cache then holds this site's pages."""
    kept = _read_cache(cache) if cache else {}
    pages: dict[Path, Parsed] = {}
    now: dict[str, list[Any]] = {}
    for path in sorted(root.rglob("*.html")):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        entry = kept.get(digest)
        parsed = Parsed(list(entry[0]), set(entry[1])) if entry else _parse_bytes(data)
        pages[path] = parsed
        now[digest] = [parsed.links, sorted(parsed.ids)]
    if cache:
        write_atomically(cache, json.dumps(now, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return pages


def _read_cache(cache: Path) -> dict[str, list[Any]]:
    """The kept pages, or nothing when the file is missing or unreadable (that only costs parsing)."""
    try:
        value = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, list) and len(v) == 2
            and all(isinstance(part, list) for part in v)}


def find_broken_links(root: Path, *, cache: Path | None = None) -> list[BrokenLink]:
    """Every internal link in every HTML file under `root` that does not resolve. With `cache` (a JSON file),
    pages whose bytes were seen before are not parsed again."""
    root = root.resolve()
    pages = _parse_all(root, cache)
    # The site is ours, without symbolic links: paths are normalised as text and looked up in one listing.
    files: set[str] = set()
    folders = {str(root)}
    for path in root.rglob("*"):
        (folders if path.is_dir() else files).add(str(path))
    ids = {str(path): parsed.ids for path, parsed in pages.items()}
    # Every page of a folder has the same navigation links: each (folder, link) is resolved once.
    resolved: dict[tuple[str, str], tuple[str, str] | str] = {}
    broken: list[BrokenLink] = []
    for page, parsed in pages.items():
        rel_page = page.relative_to(root).as_posix()
        here = str(page)
        folder = os.path.dirname(here)
        for link in parsed.links:
            found = resolved.get((folder, link))
            if found is None:
                found = resolved[(folder, link)] = _resolve(link, root=str(root), folder=folder, files=files,
                                                            folders=folders)
            if isinstance(found, str):
                if found:
                    broken.append(BrokenLink(rel_page, link, found))
                continue
            target, fragment = found
            target = target or here
            if fragment and target.endswith(".html") and fragment not in ids[target]:
                broken.append(BrokenLink(rel_page, link, f"points to '#{fragment}', which that page lacks"))
    return broken


def _resolve(link: str, *, root: str, folder: str, files: set[str], folders: set[str]) -> tuple[str, str] | str:
    """Where a link from a page in `folder` lands: (the file, '' for the page itself; the fragment), or why it
    does not ('' when it is not ours to check)."""
    parts = urlsplit(link)
    if parts.scheme in SKIPPED_SCHEMES or parts.netloc or link.startswith("//"):
        return ""
    if parts.scheme:
        return f"uses the scheme '{parts.scheme}:'"
    if parts.path.startswith("/"):  # root-absolute, as on the 404 page (site_url's path is '/')
        target = os.path.normpath(os.path.join(root, unquote(parts.path).lstrip("/")))
    elif parts.path:
        target = os.path.normpath(os.path.join(folder, unquote(parts.path)))
    else:
        return "", unquote(parts.fragment)
    if target in folders:
        target = os.path.join(target, "index.html")
    if target not in files:
        return "points to a file that does not exist"
    return target, unquote(parts.fragment)
