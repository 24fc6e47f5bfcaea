"""Our own check of built HTML: internal links land on files and anchors."""

from __future__ import annotations

from pathlib import Path

from generator.outputs.links import find_broken_links


def test_broken_files_anchors_and_schemes_are_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/b.html#ada">ok</a><a href="a/b.html#hilang">x</a><a href="c.html">x</a>'
        '<a href="https://contoh.example/">ext</a><a href="tel:110">110</a><a href="javascript:alert(1)">x</a>'
        '<a href="../../etc/passwd">x</a><img src="a/gambar.png">', encoding="utf-8")
    (tmp_path / "a" / "b.html").write_text('<h2 id="ada">Ada</h2><a href="../index.html">up</a>', encoding="utf-8")
    assert [b.format() for b in find_broken_links(tmp_path)] == [
        "index.html: link to 'a/b.html#hilang' points to '#hilang', which that page lacks",
        "index.html: link to 'c.html' points to a file that does not exist",
        "index.html: link to 'javascript:alert(1)' uses the scheme 'javascript:'",
        "index.html: link to '../../etc/passwd' points to a file that does not exist",
        "index.html: link to 'a/gambar.png' points to a file that does not exist",
    ]


def test_sample_site_has_no_broken_links(sample_site: Path) -> None:
    assert [b.format() for b in find_broken_links(sample_site)] == []


def test_a_page_seen_before_is_read_from_the_cache_and_a_changed_page_is_parsed_again(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "links.json"
    site.mkdir()
    (site / "index.html").write_text('<a href="b.html#ada">x</a>', encoding="utf-8")
    (site / "b.html").write_text('<h2 id="ada">Ada</h2>', encoding="utf-8")
    assert find_broken_links(site, cache=cache) == []
    assert find_broken_links(site, cache=cache) == [], "read back from the cache"
    (site / "b.html").write_text('<h2 id="lain">Lain</h2>', encoding="utf-8")
    assert [b.format() for b in find_broken_links(site, cache=cache)] == [
        "index.html: link to 'b.html#ada' points to '#ada', which that page lacks"]
    cache.write_text("{corrupt", encoding="utf-8")
    assert len(find_broken_links(site, cache=cache)) == 1, "a corrupt cache only costs parsing"
