"""Item pages rendered in two processes are the pages one process renders; a failing child costs only time."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from generator import pipeline
from generator.knowledge.status_view import SITE_STATUSES, with_statuses
from generator.render import site
from generator.render.halves import can_fork, in_halves

pytestmark = pytest.mark.skipif(not can_fork(), reason="the split needs fork (Linux)")


def test_the_docs_of_a_split_render_are_the_docs_of_one_process(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb, _ = pipeline.check(repo, today=date(2026, 12, 1))
    kb = with_statuses(kb, SITE_STATUSES)
    alone = site.render_site_docs(kb, project=repo, today=date(2026, 12, 1), jobs=1)
    forks = _counted_forks(monkeypatch)
    monkeypatch.setattr(site, "SPLIT_FROM_PAGES", 2)  # the sample's hundred pages are split too
    split = site.render_site_docs(kb, project=repo, today=date(2026, 12, 1), jobs=2)
    assert len(forks) == 1, "the item pages were split"
    assert list(split) == list(alone), "the same files in the same order"
    assert split == alone


def test_a_child_that_fails_leaves_its_half_to_the_parent() -> None:
    parent = os.getpid()

    def work(part: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return [n * n for n in part]

    assert in_halves(work, [1, 2, 3, 4, 5]) == ([1, 4, 9], [16, 25])


def test_the_childs_half_comes_back_from_the_child() -> None:
    def work(part: Sequence[int]) -> list[int]:
        return [os.getpid() for _ in part]

    mine, theirs = in_halves(work, [1, 2, 3, 4])
    assert set(mine) == {os.getpid()}
    assert len(set(theirs)) == 1 and theirs[0] != os.getpid()


def test_an_error_in_the_parents_half_is_raised_and_the_child_is_reaped(monkeypatch: pytest.MonkeyPatch) -> None:
    forks = _counted_forks(monkeypatch)

    def work(part: Sequence[int]) -> list[int]:
        if 1 in part:
            raise ValueError("a template error")
        return list(part)

    with pytest.raises(ValueError, match="a template error"):
        in_halves(work, [1, 2, 3, 4])
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # reaped: no child left behind


def _counted_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """os.fork as before, each child's pid noted (in the parent)."""
    pids: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids
