"""The preview's problems page: every problem with path:line:col, the message and a link to its editor entry."""

from __future__ import annotations

from pathlib import Path

from generator import pipeline
from generator.problems import Problem, ProblemList, Severity
from generator.render.problems_page import entry_address, render_problems_page


def test_each_problem_links_to_its_entry_in_the_editor(repo: Path) -> None:
    problems = ProblemList([
        Problem("content/guidelines/sambang-dds.yaml", 22, 5, "related[4]", "unknown guideline 'x'"),
        Problem("mkdocs.yml", 4, 11, "site_url", "a placeholder", Severity.WARNING),
    ])
    page = render_problems_page(repo / "templates/site", problems, editor_url="http://127.0.0.1:8001")
    assert '!!! failure "1 masalah, 1 peringatan"' in page
    assert ("- [content/guidelines/sambang\\-dds.yaml:22:5](http://127.0.0.1:8001/admin/#/collections/guideline/"
            "entries/sambang-dds): related\\[4\\]: unknown guideline &#39;x&#39;") in page
    assert "- mkdocs.yml:4:11: peringatan: site\\_url: a placeholder" in page


def test_without_the_editor_the_page_has_no_links(repo: Path) -> None:
    problems = ProblemList([Problem("data/places/x.yaml", 3, 1, "area", "unknown area 'y'")])
    page = render_problems_page(repo / "templates/site", problems, editor_url=None)
    assert "- data/places/x.yaml:3:1: area: unknown area &#39;y&#39;" in page and "](" not in page
    assert '!!! success "Tidak ada masalah"' in render_problems_page(repo / "templates/site", ProblemList(),
                                                                    editor_url=None)


def test_entry_addresses_follow_the_kind_registry() -> None:
    assert entry_address("data/places/pos-a.yaml") == "/admin/#/collections/place/entries/pos-a"
    assert entry_address("data/glossary.yaml") == "/admin/#/collections/glossary/entries/glossary"
    assert entry_address("data/events.yaml") is None
    assert entry_address("data/private/contacts.yaml") is None
    assert entry_address("mkdocs.yml") is None


def test_a_build_never_holds_the_page(sample_build: pipeline.BuildResult) -> None:
    assert not (sample_build.site_dir / "masalah.html").exists()
