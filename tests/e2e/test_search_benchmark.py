"""The search benchmark's query set, and recall@5 of the sample site's search on it (benchmarks/search.py)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from benchmarks.search import QUERIES as QUERIES_FILE
from benchmarks.search import TOP, Score, load_queries, run_queries
from generator.pipeline import BuildResult

QUERIES = load_queries()


def test_the_query_set_is_large_and_names_real_pages(sample_build: BuildResult) -> None:
    assert len(QUERIES) >= 100
    assert len({q.text.casefold() for q in QUERIES}) == len(QUERIES), "a query is listed twice"
    unknown = {e for q in QUERIES for e in q.expect if e not in sample_build.kb.records}
    assert unknown == set()
    assert all(0 < len(q.expect) <= TOP for q in QUERIES)


def test_a_third_have_typos_and_a_third_are_colloquial_or_questions() -> None:
    entries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))["queries"]
    kinds = [entry.get("kind") for entry in entries]
    assert kinds.count("typo") * 3 >= len(entries)
    assert kinds.count("colloquial") * 3 >= len(entries)


def test_each_typo_is_one_slip_of_the_thumb_in_one_word() -> None:
    """Dropped, doubled, swapped or mistyped: one edit from the word the officer meant, which is a real word."""
    entries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))["queries"]
    for entry in (e for e in entries if e.get("kind") == "typo"):
        typed, meant = str(entry["query"]).split(), str(entry["intended"]).split()
        assert len(typed) == len(meant), entry
        slips = [(t, m) for t, m in zip(typed, meant, strict=True) if t != m]
        assert len(slips) == 1 and edit_distance(*slips[0]) == 1, entry


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent swaps counted as one edit (optimal string alignment)."""
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert [edit_distance("tawuran", t) for t in ("tawran", "tawruan", "tawurran", "tawuram", "tawuran")] == [
        1, 1, 1, 1, 0]
    assert edit_distance("narkoba", "narkbo") == 2


@pytest.mark.browser
@pytest.mark.slow
def test_recall_at_5_is_at_least_0_95_and_mrr_at_least_0_85(browser: Any, site_url: str) -> None:
    score = Score("full", run_queries(browser, site_url, QUERIES))
    misses = [f"{o.query.text!r}: {o.found}" for o in score.outcomes if o.recall < 1]
    assert score.recall >= 0.95, misses
    assert score.mrr >= 0.85, [f"{o.query.text!r}: {o.found}" for o in score.outcomes if o.reciprocal_rank < 1]
