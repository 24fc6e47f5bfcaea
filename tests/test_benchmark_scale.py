"""benchmarks/scale.py's synthetic project: k times the items and F forums, and still a valid project."""

from __future__ import annotations

from pathlib import Path

from benchmarks.scale import TODAY, make_project
from generator import pipeline
from generator.domain.selection import forums_with_handbooks
from generator.model import Forum, Guideline


def test_the_synthetic_project_multiplies_items_and_forums_and_checks_clean(tmp_path: Path, repo: Path) -> None:
    sample, _ = pipeline.check(repo, today=TODAY)
    project = make_project(tmp_path / "p", items=3, forums=5, handbooks=False)
    kb, problems = pipeline.check(project, today=TODAY)
    assert problems.errors == []
    assert len(kb.of_kind(Guideline)) == 3 * len(sample.of_kind(Guideline))
    sample_forums = len(sample.of_kind(Forum))
    with_handbook = len(forums_with_handbooks(sample))
    assert len(kb.of_kind(Forum)) == sample_forums + 5 - with_handbook
    assert len(forums_with_handbooks(kb)) == with_handbook  # the copies have no handbook block
