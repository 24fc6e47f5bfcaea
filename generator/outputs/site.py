"""Docs tree → static site with MkDocs, built beside the target and swapped in when whole."""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator.i18n import _, ngettext
from generator.knowledge import KnowledgeBase, newest_content_date
from generator.outputs.links import find_broken_links
from generator.outputs.offline import holds_back_search_index, write_offline_app
from generator.outputs.search_index import SearchIndexError, compact_search_index
from generator.outputs.site_update import (
    NotUpdatable,
    can_update,
    copy_previous_site,
    layout_digest,
    merge_search_index,
    quiet_dirty_build,
    rewritten_pages,
)
from generator.outputs.stamps import folder_listing_digest, forget_stamp, read_stamp, write_stamp


class SiteBuildError(Exception):
    """The site engine failed; the previous site is untouched."""


INTERNAL_SITE_NAME = "Pustaka Polmas · edisi internal"
"""Every page of the internal edition says so in its header."""
LINKS_CACHE_DIR = Path(".polmas/cache/links")
"""Each stamped site's pages, parsed for the link check, by the hash of their bytes."""
ICONS_CACHE_DIR = Path(".polmas/cache/icons")
"""The app's icons, rasterised once per SVG (`write_offline_app`)."""
SAMPLE_NOTICE_KEY = "polmas_sample_notice"
"""The theme's `config.extra` key for the sample banner's text ('' when the content is not a sample)."""


def build_site(project: Path, *, docs_dir: Path, site_dir: Path, kb: KnowledgeBase, internal: bool = False,
               sample_notice: str = "", whole_search_index: bool = False, stamp: str | None = None) -> int:
    """Build `site_dir` from `docs_dir`; returns the number of HTML pages. `sample_notice` (the sample
    setting's phrase, '' when off) is the banner on every page. `whole_search_index` keeps the engine's own
    index (every word, twice) instead of the compact one: the search benchmark compares the two.

    With `stamp` (a stage name), the previous site is updated when it can be: copied beside, only the pages
    whose Markdown changed rebuilt by the engine, the search index merged; the bytes are a full build's."""
    with _source_date(kb):
        layout = layout_digest(project, docs_dir=docs_dir, options={
            "internal": internal, "sample_notice": sample_notice, "date": os.environ.get("SOURCE_DATE_EPOCH", ""),
            "whole_search_index": whole_search_index})
        previous = read_stamp(project, stamp) if stamp else None
        links_cache = project / LINKS_CACHE_DIR / f"{stamp}.json" if stamp else None
        update = can_update(previous, layout=layout, site_dir=site_dir)
        if stamp:
            forget_stamp(project, stamp)  # until the new site is whole
        try:
            held_back = _build_into(project, docs_dir=docs_dir, site_dir=site_dir, internal=internal,
                                    sample_notice=sample_notice, whole_search_index=whole_search_index,
                                    update=previous if update and not whole_search_index else None,
                                    links_cache=links_cache)
        except NotUpdatable:
            held_back = _build_into(project, docs_dir=docs_dir, site_dir=site_dir, internal=internal,
                                    sample_notice=sample_notice, whole_search_index=whole_search_index,
                                    update=None, links_cache=links_cache)
    if stamp:
        write_stamp(project, stamp, {"layout": layout, "site": folder_listing_digest(site_dir),
                                     "held_back": held_back})
    return sum(1 for _ in site_dir.rglob("*.html"))


def _build_into(project: Path, *, docs_dir: Path, site_dir: Path, internal: bool, sample_notice: str,
                whole_search_index: bool, update: dict[str, Any] | None, links_cache: Path | None) -> bool:
    """One build beside `site_dir`, swapped in when whole; `update` (the previous stamp) makes it an update of
    the previous site. Returns whether the search index is held back from first page loads."""
    with _captured_engine_warnings() as warnings, replace_dir_atomically(site_dir) as temp:
        overrides = {"site_name": INTERNAL_SITE_NAME} if internal else {}
        config = load_config(
            str(project / "mkdocs.yml"), docs_dir=str(docs_dir), site_dir=str(temp), strict=True, **overrides,
        )
        # The theme (templates/theme/main.html) prints the banner when given its text; Python decides.
        config.extra[SAMPLE_NOTICE_KEY] = sample_notice
        before = copy_previous_site(site_dir, temp) if update is not None else {}
        try:
            with quiet_dirty_build():
                mkdocs_build(config, dirty=update is not None)
        except (Abort, MkDocsException, OSError) as exc:
            details = "; ".join(warnings) or str(exc)
            raise SiteBuildError(_("the site engine (MkDocs) failed: {details}").format(details=details)) from exc
        pages = None
        try:
            if update is not None:
                merge_search_index(site_dir, temp)
                pages = rewritten_pages(temp, before)
            elif not whole_search_index:
                compact_search_index(temp)
        except (SearchIndexError, OSError, ValueError) as exc:
            raise SiteBuildError(_("the search index could not be made: {reason}").format(reason=exc)) from exc
        held_back = holds_back_search_index(temp)
        if update is not None and held_back != update.get("held_back"):
            raise NotUpdatable("the search index crossed the first-load budget: every page changes")
        # After the engine, over its plain output: the offline app does not depend on the engine.
        write_offline_app(temp, name=config.site_name, description=config.site_description or "",
                          templates=project / "templates" / "site", pages=pages, held_back=held_back,
                          icons_cache=project / ICONS_CACHE_DIR)
        broken = find_broken_links(temp, cache=links_cache)
        if broken:
            listed = "; ".join(b.format() for b in broken[:20])
            raise SiteBuildError(ngettext("{count} broken link in the built site: {listed}",
                                          "{count} broken links in the built site: {listed}",
                                          len(broken)).format(count=len(broken), listed=listed))
        return held_back


@contextmanager
def replace_dir_atomically(target: Path) -> Iterator[Path]:
    """Yield a fresh temp folder beside `target`; on success it replaces `target`, else it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = _new_folder_beside(target)
    try:
        yield temp
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    temp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _new_folder_beside(target: Path) -> Path:
    """An empty folder with a fresh name next to `target`, made by a plain mkdir.

    Not tempfile.mkdtemp: its folder is 0700, and once swapped in, a web server running as its own user
    (nginx as www-data) could read nothing. A plain mkdir gets the user's umask, like every other folder.
    """
    while True:
        candidate = target.with_name(f".{target.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        return candidate


@contextmanager
def _source_date(kb: KnowledgeBase) -> Iterator[None]:
    """Pin the engine's build date to the newest content date, so rebuilds are byte-identical."""
    newest = newest_content_date(kb)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if previous is None and newest is not None:
        from datetime import datetime

        stamp = datetime(newest.year, newest.month, newest.day, tzinfo=UTC).timestamp()
        os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextmanager
def _captured_engine_warnings() -> Iterator[list[str]]:
    """Keep MkDocs' own log lines off the user's screen; its warnings become our error text."""
    sink: list[str] = []
    logger = logging.getLogger("mkdocs")
    handler = _ListHandler(sink)
    saved_level, saved_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield sink
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved_level)
        logger.propagate = saved_propagate
