"""The built sample site: a map on the overview page, every forum and every situation with places, all offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator import pipeline

REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_REFERENCE = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+)""", re.IGNORECASE)


class _Resources(HTMLParser):
    """Scripts, stylesheets, fonts and inline styles a page asks the browser for."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.fonts: list[str] = []
        self.inline_css: list[str] = []
        self.map_ids: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script" and "src" in a:
            self.scripts.append(a["src"])
        elif tag == "link" and "stylesheet" in a.get("rel", "").split():
            self.styles.append(a["href"])
        elif tag == "link" and (a.get("as") == "font" or "font" in a.get("type", "")):
            self.fonts.append(a.get("href", ""))
        elif tag == "style":
            self._in_style = True
        if "polmas-map__canvas" in a.get("class", "").split():
            self.map_ids.append(a["id"])
        if "style" in a:
            self.inline_css.append(a["style"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_css.append(data)


def _resources(page: Path) -> _Resources:
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _local(page: Path, url: str, root: Path) -> Path:
    """The file a local URL names; root-absolute ones (the 404 page's) start at the site's root."""
    path = urlsplit(url).path
    return (root / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()


def _css_references(css: str) -> list[str]:
    return [a or b for a, b in CSS_REFERENCE.findall(css) if not (a or b).startswith(("data:", "#"))]


def test_no_page_loads_a_script_stylesheet_or_font_from_the_internet(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    map_pages = [p for p in pages if _resources(p).map_ids]
    assert len(map_pages) >= 5
    checked_css: set[Path] = set()
    for page in pages:
        found = _resources(page)
        rel = page.relative_to(sample_site)
        for url in (*found.scripts, *found.styles, *found.fonts):
            assert not REMOTE.match(url), f"{rel} loads {url}"
        for css in found.inline_css:
            for url in _css_references(css):
                assert not REMOTE.match(url), f"{rel} inline style loads {url}"
        for href in found.styles:
            target = _local(page, href, sample_site)
            assert target.is_file(), f"{rel}: {href} is missing"
            checked_css.add(target)
        for src in found.scripts:
            assert _local(page, src, sample_site).is_file(), f"{rel}: {src} is missing"
    for stylesheet in sorted(checked_css):
        for url in _css_references(stylesheet.read_text(encoding="utf-8")):
            assert not REMOTE.match(url), f"{stylesheet.name} loads {url}"
            assert _local(stylesheet, url, sample_site).is_file(), f"{stylesheet.name}: {url}"
    leaflet = sample_site / "assets/vendor/leaflet"
    assert (leaflet / "leaflet.js").is_file() and (leaflet / "LICENSE").is_file()


def test_overview_every_forum_and_every_situation_with_places_have_a_map(sample_build: pipeline.BuildResult) -> None:
    site, kb = sample_build.site_dir, sample_build.kb
    assert _resources(site / "peta/index.html").map_ids == ["map_ikhtisar"]
    for forum in kb.of_kind("forum"):
        page = site / f"forum/{forum.id}.html"
        found = _resources(page)
        assert found.map_ids == [f"map_forum_{forum.id.replace('-', '_')}"], forum.id
        assert f"../peta/data/forum-{forum.id}.js" in found.scripts
        assert f'href="../peta/{forum.id}.svg"' in page.read_text(encoding="utf-8")
        assert (site / f"peta/{forum.id}.svg").read_text(encoding="utf-8").startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    for situation in kb.of_kind("situation"):
        has_places = any(p.data.situation == situation.id for p in kb.of_kind("place"))
        found = _resources(site / f"situasi/{situation.id}.html")
        assert bool(found.map_ids) == has_places, situation.id
    assert "Peta" in (site / "index.html").read_text(encoding="utf-8"), "the map page is in the navigation"
