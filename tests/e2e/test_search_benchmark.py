"""The search benchmark's query set, and recall@5 of the sample site's search on it (benchmarks/search.py)."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.search import TOP, Score, load_queries, run_queries
from generator.pipeline import BuildResult

QUERIES = load_queries()


def test_the_query_set_is_large_and_names_real_pages(sample_build: BuildResult) -> None:
    assert len(QUERIES) >= 40
    assert len({q.text.casefold() for q in QUERIES}) == len(QUERIES), "a query is listed twice"
    unknown = {e for q in QUERIES for e in q.expect if e not in sample_build.kb.records}
    assert unknown == set()
    assert all(0 < len(q.expect) <= TOP for q in QUERIES)


@pytest.mark.browser
@pytest.mark.slow
def test_recall_at_5_is_at_least_0_9(browser: Any, site_url: str) -> None:
    score = Score("full", run_queries(browser, site_url, QUERIES))
    misses = [f"{o.query.text!r}: {o.found}" for o in score.outcomes if o.recall < 1]
    assert score.recall >= 0.9, misses
