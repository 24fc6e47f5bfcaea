"""Our own check of built HTML: internal links land on files and anchors."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from generator.outputs.links import LINKING, Parsed, _parse_bytes, find_broken_links


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


class ReferenceParser(HTMLParser):
    """Python's own HTML parser, collecting what the check reads: the reference the fast reader must match."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            elif (name, tag) in LINKING:
                self.links.append(value)


def reference(text: str) -> Parsed:
    parser = ReferenceParser()
    parser.feed(text)
    return Parsed(parser.links, parser.ids)


TRICKY = """<!doctype html><html><head><script src="a.js"></script>
<script>var s = '<a href="not-a-link.html">';</script><style>a[href="x.html"] {}</style></head>
<body><!-- <a href="commented.html"> --><a href="b.html#x" id="top">b</a><a href=c.html>c</a>
<a href='d e.html' title="1 > 0">d</a><img alt="" src="img/e.png"/><A HREF="F.html">F</A>
<a href="g.html?q=1&amp;r=2">g</a><a href="">here</a><a name="old-anchor"></a><div id='x&amp;y'></div>
<link rel="stylesheet" href="s.css"><area href="h.html"><iframe src="not-checked.html"></iframe></body></html>"""


def test_the_fast_reader_finds_what_pythons_html_parser_finds_on_tricky_markup() -> None:
    assert _parse_bytes(TRICKY.encode()) == reference(TRICKY)


def test_the_fast_reader_finds_what_pythons_html_parser_finds_on_every_sample_page(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        assert _parse_bytes(page.read_bytes()) == reference(page.read_text(encoding="utf-8")), page
