"""Golden Markdown: our generated pages for a small fixed project. Refresh with `make golden`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.render.site import render_site_docs
from tests.conftest import SAMPLE_TODAY

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> dict[str, str | bytes]:
    project = tmp_path_factory.mktemp("golden")
    shutil.copytree(GOLDEN / "project", project, dirs_exist_ok=True)
    shutil.copytree(repo / "templates", project / "templates")
    shutil.copy(repo / "mkdocs.yml", project / "mkdocs.yml")
    kb, problems = pipeline.check(project)
    assert not problems.has_errors(), [p.format() for p in problems]
    return render_site_docs(kb, project=project, today=SAMPLE_TODAY)


def test_generated_markdown_matches_golden(rendered: dict[str, str | bytes], request: pytest.FixtureRequest) -> None:
    pages = {rel: text for rel, text in rendered.items() if rel.endswith(".md")}
    expected_dir = GOLDEN / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, text in pages.items():
            target = expected_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(str(text), encoding="utf-8")
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(expected_dir.rglob("*.md"))}
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make golden` and review the diff"
    for rel, text in pages.items():
        assert text == expected[rel], f"{rel} changed: run `make golden` and review the diff"
