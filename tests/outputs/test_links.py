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
