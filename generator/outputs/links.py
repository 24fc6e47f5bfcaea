"""Check a built HTML tree: every internal link lands on a file, and every #fragment on an id."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SKIPPED_SCHEMES = ("http", "https", "mailto", "tel", "data", "blob")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: link to '{self.target}' {self.reason}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link", "area")) or (name == "src" and tag in ("img", "script")):
                self.links.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def find_broken_links(root: Path) -> list[BrokenLink]:
    """Every internal link in every HTML file under `root` that does not resolve."""
    root = root.resolve()
    pages = {path: _parse(path) for path in sorted(root.rglob("*.html"))}
    broken: list[BrokenLink] = []
    for page, parsed in pages.items():
        rel_page = page.relative_to(root).as_posix()
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme in SKIPPED_SCHEMES or parts.netloc or link.startswith("//"):
                continue
            if parts.scheme:
                broken.append(BrokenLink(rel_page, link, f"uses the scheme '{parts.scheme}:'"))
                continue
            if parts.path.startswith("/"):  # root-absolute, as on the 404 page (site_url's path is '/')
                target = (root / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root.resolve()) or not target.is_file():
                broken.append(BrokenLink(rel_page, link, "points to a file that does not exist"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    broken.append(BrokenLink(rel_page, link, f"points to '#{fragment}', which that page lacks"))
    return broken
