"""Long lists: a short list stays whole on its page; a long one shows a head and has numbered pages of its own."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from generator.load.source import SourceFile
from generator.model import KINDS_BY_NAME
from generator.model.legal import Article
from generator.model.record import Record
from generator.model.reference import Reference
from generator.render.long_lists import HEAD, LISTS_FOLDER, PAGE_SIZE, SHOWN_WHOLE, ListOwner, LongList, long_lists
from generator.render.pages import _article_lists
from generator.render.site import list_pages, make_environment
from generator.render.views import Link

OWNER = ListOwner("hukum/uu-2-2002", "UU 2/2002")
TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "site"


def links(n: int) -> list[Link]:
    """n reference pages, r-1 … r-n."""
    kind = KINDS_BY_NAME["reference"]
    return [Link(Record(kind, Reference.model_validate({
        "id": f"r-{i}", "title": f"Bacaan {i}", "summary": f"Ringkasan {i}.", "type": "buku"}),
        SourceFile(f"content/references/r-{i}.yaml", {}))) for i in range(1, n + 1)]


def test_a_short_list_stays_whole_without_pages() -> None:
    entries = links(SHOWN_WHOLE)
    lst = LongList(OWNER, "dirujuk-oleh", "Dirujuk oleh", entries)
    assert not lst.split and lst.head == entries and lst.count == 0 and lst.pages() == []


def test_a_long_list_shows_its_head_and_has_pages_of_the_whole_list() -> None:
    entries = links(123)
    lst = LongList(OWNER, "dirujuk-oleh", "Dirujuk oleh", entries)
    assert lst.split and lst.head == entries[:HEAD] and lst.total == 123
    pages = lst.pages()
    assert len(pages) == lst.count == math.ceil(123 / PAGE_SIZE)
    shown = [link for page in pages for link in page.entries]
    assert shown == entries  # every entry once, in the list's own order
    assert [(p.first, p.last) for p in pages] == [(1, 50), (51, 100), (101, 123)]
    assert pages[0].previous is None and pages[0].next == pages[1].path
    assert pages[-1].next is None and pages[-1].previous == pages[-2].path


def test_list_pages_are_at_paths_of_slugs_under_the_lists_folder() -> None:
    lst = LongList(OWNER, "dirujuk-pasal-14", "Dirujuk oleh (Pasal 14)", links(61))
    paths = [page.path for page in lst.pages()]
    assert paths == [f"{LISTS_FOLDER}/hukum/uu-2-2002/dirujuk-pasal-14-{n}.md" for n in (1, 2)]
    assert all(re.fullmatch(r"[a-z0-9/-]+\.md", p) for p in paths)
    assert lst.pages()[0].base == "../../../"


@pytest.mark.parametrize("path", ["../etc", "a/../b", "hukum/", "/abs", "Hukum/x", "a b", "", "a//b", "x.md"])
def test_a_path_not_made_of_slugs_is_refused(path: str) -> None:
    with pytest.raises(ValueError):
        ListOwner(path, "x")
    with pytest.raises(ValueError):
        LongList(OWNER, path, "x", [])


def test_the_lists_of_a_page_context_are_found_nested() -> None:
    a, b = (LongList(OWNER, name, "x", links(2)) for name in ("a", "b"))
    assert list(long_lists({"phases": [("Pencegahan", a)], "other": {"x": b}, "n": 3})) == [a, b]


def test_list_pages_render_every_entry_with_links_back_and_between_pages() -> None:
    env = make_environment(TEMPLATES)
    lst = LongList(OWNER, "dirujuk-oleh", "Dirujuk oleh", links(75))
    files = list_pages(env, {"cited": lst})
    assert sorted(files) == [f"{LISTS_FOLDER}/hukum/uu-2-2002/dirujuk-oleh-{n}.md" for n in (1, 2)]
    first, second = (files[f"{LISTS_FOLDER}/hukum/uu-2-2002/dirujuk-oleh-{n}.md"] for n in (1, 2))
    assert first.startswith("---\nsearch:\n  exclude: true\n---\n")  # only a list: kept out of search results
    assert "# Dirujuk oleh — UU 2/2002" in first
    assert "(../../../hukum/uu-2-2002.md)" in first  # back to the page the list belongs to
    assert "[Berikutnya →](../../../daftar/hukum/uu-2-2002/dirujuk-oleh-2.md)" in first
    assert "[← Sebelumnya](../../../daftar/hukum/uu-2-2002/dirujuk-oleh-1.md)" in second
    assert [len(re.findall(r"^- \[Bacaan \d+\]", text, re.MULTILINE)) for text in (first, second)] == [50, 25]
    linked = re.findall(r"\(\.\./\.\./\.\./referensi/(r-\d+)\.md\)", first + second)
    assert sorted(linked) == sorted(f"r-{i}" for i in range(1, 76))


def test_two_lists_of_a_page_may_not_share_a_name() -> None:
    env = make_environment(TEMPLATES)
    a, b = LongList(OWNER, "dirujuk-oleh", "x", links(40)), LongList(OWNER, "dirujuk-oleh", "y", links(41))
    with pytest.raises(ValueError, match="dirujuk-oleh"):
        list_pages(env, {"a": a, "b": b})


def test_a_list_page_links_the_first_last_and_nearby_pages_only() -> None:
    pages = LongList(OWNER, "dirujuk-oleh", "Dirujuk oleh", links(20 * PAGE_SIZE)).pages()
    numbers = [(n[0] if n else None) for n in pages[9].numbers]
    assert numbers == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [n[0] for n in pages[0].numbers if n] == [1, 2, 3, 20]
    assert [n[0] for n in pages[2].numbers if n] == [1, 2, 3, 4, 5, 20]  # no gap between 1 and 2
    assert None not in pages[2].numbers[:5]


def test_articles_written_alike_get_lists_of_their_own() -> None:
    articles = [Article.model_validate({"number": n, "summary": "Isi."}) for n in ("Pasal 3", "Pasal 3.", "Pasal 4")]
    cited: dict[str | None, list[Record]] = {"Pasal 3": [link.record for link in links(40)],
                                             "Pasal 3.": [link.record for link in links(35)]}
    names = [lst.name for _, lst in _article_lists(OWNER, articles, cited)]
    assert names == ["dirujuk-pasal-3", "dirujuk-pasal-3-2", "dirujuk-pasal-4"]
    env = make_environment(TEMPLATES)
    assert len(list_pages(env, {"articles": _article_lists(OWNER, articles, cited)})) == 2
