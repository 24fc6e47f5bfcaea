"""A site made from the previous one: the engine rebuilds only the pages whose Markdown changed, search stays whole."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.outputs.search_index import ENGINE_INDEX, compact_entries, read_search_index, write_search_index
from generator.outputs.stamps import InputDigest, folder_listing_digest

DIRTY_WARNING = "A 'dirty' build is being performed"
"""What MkDocs logs on every dirty build; in strict mode it would count as a failure."""


class NotUpdatable(Exception):
    """The previous site cannot be updated in place of a full build (the caller builds from scratch)."""


def layout_digest(project: Path, *, docs_dir: Path, options: dict[str, Any]) -> str:
    """What every page depends on besides its own Markdown: mkdocs.yml, the theme and site templates, the tools,
    the build's options (edition, sample banner, build date), and which files the docs tree holds (the nav,
    every page's links). When it changes, every page is rebuilt."""
    listing = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
    return (InputDigest("site-layout").json("options", options).file("mkdocs.yml", project / "mkdocs.yml")
            .tree("theme", project / "templates" / "theme").tree("site", project / "templates" / "site")
            .json("docs", listing).hexdigest())


def can_update(previous: dict[str, Any] | None, *, layout: str, site_dir: Path) -> bool:
    """The previous build had the same layout and its site folder is as that build left it."""
    return (previous is not None and previous.get("layout") == layout
            and previous.get("site") == folder_listing_digest(site_dir) and site_dir.is_dir())


def copy_previous_site(site_dir: Path, target: Path) -> dict[str, int]:
    """Copy the live site into the new folder, keeping modification times (the engine compares them with the
    Markdown's); returns each page's time, to tell afterwards which pages the engine wrote.

    Copies, not hard links: the engine and the offline app write files in place, and the live site must not
    change before the swap."""
    shutil.copytree(site_dir, target, dirs_exist_ok=True, copy_function=shutil.copy2)
    return page_times(target)


def page_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def rewritten_pages(site: Path, before: dict[str, int]) -> list[Path]:
    """The pages the engine wrote since `before` (new ones included)."""
    return [site / rel for rel, mtime in sorted(page_times(site).items()) if before.get(rel) != mtime]


def merge_search_index(previous_site: Path, site: Path) -> None:
    """Put the rebuilt pages' entries in place of their old ones, in the order a full build writes them.

    A dirty build indexes only the pages it rebuilt; their entries are made compact as a full build's are, and
    every other page keeps its entries from the previous site's index. Entries come grouped by page in the
    engine's page order, so replacing groups keeps that order. The theme's bundle, copied from the previous
    site, already loads the index as a script."""
    try:
        old = read_search_index(previous_site)
        new = json.loads((site / ENGINE_INDEX).read_text(encoding="utf-8"))
        rebuilt = _by_page(compact_entries(new["docs"]))
        kept = _by_page(old["docs"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NotUpdatable(f"the previous search index cannot be read: {exc}") from exc
    if not rebuilt.keys() <= kept.keys() or old["config"] != new["config"]:
        raise NotUpdatable("the rebuilt pages are not all in the previous search index")
    docs = [entry for page, entries in kept.items() for entry in rebuilt.get(page, entries)]
    write_search_index(site, {"config": new["config"], "docs": docs})
    (site / ENGINE_INDEX).unlink()


def _by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    pages: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        pages.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
    return pages


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@contextmanager
def quiet_dirty_build() -> Iterator[None]:
    """A dirty build is what we mean to do: its warning must not fail the strict build."""
    logger = logging.getLogger("mkdocs.commands.build")
    dropped = _DropDirtyWarning()
    logger.addFilter(dropped)
    try:
        yield
    finally:
        logger.removeFilter(dropped)

