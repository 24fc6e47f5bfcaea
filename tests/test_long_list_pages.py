"""A larger library (the sample ×5): long lists are split onto pages of their own, and every entry stays reachable
from the page the list belongs to."""

from __future__ import annotations

import posixpath
import re

import pytest

from benchmarks.scale import TODAY, make_project
from generator import pipeline
from generator.knowledge import KnowledgeBase
from generator.model import Guideline
from generator.render.long_lists import LISTS_FOLDER
from generator.render.site import UNSEARCHED_PAGE, render_site_docs

pytestmark = pytest.mark.slow

LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


@pytest.fixture(scope="module")
def larger(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, dict[str, str]]:
    project = make_project(tmp_path_factory.mktemp("x5") / "p", items=5, forums=0, handbooks=False)
    kb, problems = pipeline.check(project, today=TODAY)
    assert problems.errors == []
    docs = render_site_docs(kb, project=project, today=TODAY)
    return kb, {rel: text for rel, text in docs.items() if rel.endswith(".md") and isinstance(text, str)}


def links_of(docs: dict[str, str], page: str) -> set[str]:
    """The docs paths a page links to."""
    folder = posixpath.dirname(page)
    return {posixpath.normpath(posixpath.join(folder, target)) for target in LINK.findall(docs[page])}


def reachable(docs: dict[str, str], page: str) -> set[str]:
    """What a page links to, directly or through the list pages it links to (and theirs)."""
    seen, todo, found = {page}, [page], set()
    while todo:
        for target in links_of(docs, todo.pop()):
            found.add(target)
            if target.startswith(f"{LISTS_FOLDER}/") and target not in seen:
                seen.add(target)
                todo.append(target)
    return found


def test_the_guidelines_index_shows_a_head_per_phase_and_reaches_every_guideline(
        larger: tuple[KnowledgeBase, dict[str, str]]) -> None:
    kb, docs = larger
    guidelines = {f"pedoman/{g.id}.md" for g in kb.of_kind(Guideline)}
    index = docs["pedoman/index.md"]
    assert "Lihat semua (" in index
    assert len(links_of(docs, "pedoman/index.md") & guidelines) < len(guidelines)  # not every one inline
    assert guidelines <= reachable(docs, "pedoman/index.md")


def test_a_law_cited_by_many_lists_them_on_pages_reachable_from_it(
        larger: tuple[KnowledgeBase, dict[str, str]]) -> None:
    kb, docs = larger
    citing = {f"{r.kind.section}/{r.id}.md" for articles in kb.citations().get("uu-2-2002", {}).values()
              for r in articles if r.kind.pages is not None}
    assert len(citing) > 60
    page = "hukum/uu-2-2002.md"
    assert "daftar/hukum/uu-2-2002/dirujuk-oleh-1.md" in docs
    assert citing <= reachable(docs, page)


def test_list_pages_sit_under_the_lists_folder_out_of_search_and_each_links_back(
        larger: tuple[KnowledgeBase, dict[str, str]]) -> None:
    _, docs = larger
    lists = [rel for rel in docs if rel.startswith(f"{LISTS_FOLDER}/")]
    assert lists
    for rel in lists:
        assert re.fullmatch(r"daftar(/[a-z0-9-]+)+-\d+\.md", rel), rel
        assert docs[rel].startswith(UNSEARCHED_PAGE)
        owner = rel.removeprefix(f"{LISTS_FOLDER}/").rsplit("/", 1)[0] + ".md"
        assert owner in docs and owner in links_of(docs, rel), rel
        assert rel in reachable(docs, owner), rel  # no list page that its page does not lead to


def test_no_page_grows_with_the_whole_library(larger: tuple[KnowledgeBase, dict[str, str]]) -> None:
    _, docs = larger
    largest = max(docs, key=lambda rel: len(docs[rel].encode()))
    assert len(docs[largest].encode()) < 40_000, largest
