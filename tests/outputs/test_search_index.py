"""The search index: what officers search for, written once, loaded as a script over http and from file://."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.outputs.search_index import (
    INDEX_SCRIPT,
    SECTION_WORDS,
    SUMMARY_WORDS,
    SearchIndexError,
    compact_entries,
    load_index_as_script,
    read_search_index,
)

LONG = " ".join(f"kata{n}" for n in range(100))


def test_sections_keep_their_titles_and_opening_words_and_the_page_its_tags_once() -> None:
    docs: list[dict[str, Any]] = [
        {"location": "pedoman/a.html", "title": "Hentikan tawuran", "text": f"<p>{LONG}</p>", "tags": ["pedoman"]},
        {"location": "pedoman/a.html#langkah", "title": "Langkah", "text": f"<ol><li>{LONG}</li></ol>",
         "tags": ["pedoman"], "boost": 2},
        {"location": "pedoman/b.html", "title": "Sambang", "text": "<p>Singkat.</p>", "tags": ["sambang"]},
    ]
    first, section, other = compact_entries(docs)
    assert first == {"location": "pedoman/a.html", "title": "Hentikan tawuran", "tags": ["pedoman"],
                     "text": " ".join(LONG.split()[:SUMMARY_WORDS]) + " …"}
    assert section == {"location": "pedoman/a.html#langkah", "title": "Langkah", "boost": 2,
                       "text": " ".join(LONG.split()[:SECTION_WORDS]) + " …"}
    assert other["text"] == "Singkat." and other["tags"] == ["sambang"]


def test_a_theme_that_loads_its_index_otherwise_stops_the_build_with_the_reason(tmp_path: Path) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "bundle.0123.min.js").write_text('function ks(){return fetchIndex("search/index.json")}')
    with pytest.raises(SearchIndexError, match="no longer chooses its search index"):
        load_index_as_script(tmp_path)


def test_the_sample_site_has_one_small_index_that_the_theme_loads_as_a_script(sample_site: Path) -> None:
    written = sorted(p.name for p in (sample_site / "search").iterdir())
    assert written == ["search_index.js"]
    pages = sum(1 for _ in sample_site.rglob("*.html"))
    assert (sample_site / INDEX_SCRIPT).stat().st_size <= 2.5 * 1024 * pages
    index = read_search_index(sample_site)
    assert {"situasi/tawuran-pelajar.html", "pedoman/hentikan-tawuran.html"} <= {d["location"] for d in index["docs"]}
    bundle = next((sample_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert 'location.protocol==="file:"?' not in bundle
