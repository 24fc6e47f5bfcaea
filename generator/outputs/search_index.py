"""The site's search index made small and written once: what officers search for, in one file for http and file://.

The theme's search plugin indexes every word of every section of every page, and its offline plugin writes the
index twice (search_index.json for http, search_index.js for file://). A phone on a weak signal carries it on its
first search, so the index keeps what officers look for (titles, headings, the opening of each section, a page's
summary and topic tags) and is written once, as the script both ways load.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from generator.i18n import _

ENGINE_INDEX = "search/search_index.json"
"""What the theme's search plugin writes; replaced by INDEX_SCRIPT."""
INDEX_SCRIPT = "search/search_index.js"
"""The one index: a script setting `__index`, as the theme loads it from file://, and now over http too."""
SUMMARY_WORDS = 60
"""A page's first section (its title and summary) keeps this many words."""
SECTION_WORDS = 16
"""Every other section keeps its heading and its opening words: with 16 instead of 24, the project's queries
(benchmarks/search.py) find the same pages at the same ranks (recall@5 0.993, MRR 0.880), and at ×20 the index
is 2.3 KB per searchable page instead of 2.6."""
THEME_SCRIPTS = "assets/javascripts"
_FILE_ONLY = 'location.protocol==="file:"?'
"""In the theme's bundle: the index comes as a script from file://, else as JSON (the file we no longer write)."""
_SCRIPT_START = "var __index = "
"""As the theme's offline plugin writes it: the theme reads the global `__index` once the script has run."""
_MARKUP = re.compile(r"<[^>]*>")


class SearchIndexError(Exception):
    """The theme no longer loads its index the way this module expects."""


def compact_search_index(site: Path) -> int:
    """Replace the engine's index in `site` by the compact script and make the theme load it; returns its size."""
    engine = site / ENGINE_INDEX
    data: dict[str, Any] = json.loads(engine.read_text(encoding="utf-8"))
    data["docs"] = compact_entries(data["docs"])
    size = write_search_index(site, data)
    engine.unlink()
    load_index_as_script(site)
    return size


def write_search_index(site: Path, data: dict[str, Any]) -> int:
    """Write the index (its config and entries) as the script; returns its size in bytes."""
    text = _SCRIPT_START + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (site / INDEX_SCRIPT).write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def read_search_index(site: Path) -> dict[str, Any]:
    """The index as data (its config and entries), read back from the script."""
    text = (site / INDEX_SCRIPT).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text.removeprefix(_SCRIPT_START))
    return data


def compact_entries(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every section keeps its address and title; its text is cut to its opening words, without markup; a
    page's topic tags stay on its first section only (the theme shows results grouped by page)."""
    pages: set[str] = set()
    compact = []
    for entry in docs:
        page = str(entry["location"]).split("#", 1)[0]
        first = page not in pages
        pages.add(page)
        kept = {key: value for key, value in entry.items() if key != "tags" or first}
        kept["text"] = _opening(str(entry.get("text", "")), SUMMARY_WORDS if first else SECTION_WORDS)
        compact.append(kept)
    return compact


def _opening(html: str, words: int) -> str:
    found = _MARKUP.sub(" ", html).split()
    return " ".join(found[:words]) + (" …" if len(found) > words else "")


def load_index_as_script(site: Path) -> None:
    """Make the theme load INDEX_SCRIPT over http as it does from file:// (one index, cached like any script)."""
    bundles = sorted((site / THEME_SCRIPTS).glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise SearchIndexError(_("expected one theme bundle in {folder}/, found {count}").format(
            folder=THEME_SCRIPTS, count=len(bundles)))
    script = bundles[0].read_text(encoding="utf-8")
    if script.count(_FILE_ONLY) != 1:
        raise SearchIndexError(_(
            "the theme's {bundle} no longer chooses its search index by '{test}'; "
            "check generator/outputs/search_index.py against the installed mkdocs-material",
        ).format(bundle=bundles[0].name, test=_FILE_ONLY))
    bundles[0].write_text(script.replace(_FILE_ONLY, "!0?"), encoding="utf-8")
