"""Installable and offline after one visit: web app manifest, icons and service worker over a built site."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.outputs.search_index import INDEX_SCRIPT
from generator.outputs.tree import write_atomically
from generator.render.search import LUNR_ID

SERVICE_WORKER = "sw.js"
"""At the site's root: a worker controls only the pages at or below its own folder."""
MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
ICON_DIR = "assets/icons"
THEME_COLOUR = "#795548"
"""mkdocs-material's 'brown' primary colour (mkdocs.yml theme.palette): the phone's status bar matches the header."""
SHORT_NAME = "Polmas"
"""Under the icon on a phone's home screen, where about 12 characters fit."""

SEARCH_LANGUAGE_FILES = frozenset({"assets/javascripts/lunr/min/lunr.stemmer.support.min.js", LUNR_ID})
"""Of the theme's lunr languages, the search worker loads only these (the site searches in Indonesian)."""
NEVER_CACHED = frozenset({SERVICE_WORKER, "sitemap.xml", "sitemap.xml.gz"})
"""The worker itself (the browser checks it for updates) and the sitemap (for crawlers)."""
SEARCH_INDEX = INDEX_SCRIPT
INDEX_BUDGET = 500 * 1024
"""Compressed, the most search index a first page load may carry; past it, the index waits until search opens."""
LATER_SUFFIXES = (".pdf",)
"""Large and opened now and then: cached the first time they are opened, not on install."""


@dataclass(frozen=True)
class CachePlan:
    """What the service worker keeps: path → revision (a hash of the file's bytes)."""

    precache: dict[str, str]
    later: dict[str, str]

    @property
    def version(self) -> str:
        """A hash of the build's content; it names the build's cache."""
        digest = hashlib.sha256()
        for group, files in (("precache", self.precache), ("later", self.later)):
            for path, revision in sorted(files.items()):
                digest.update(f"{group}\0{path}\0{revision}\n".encode())
        return digest.hexdigest()[:16]


def write_offline_app(site: Path, *, name: str, description: str, templates: Path,
                      index_budget: int = INDEX_BUDGET, pages: list[Path] | None = None,
                      held_back: bool | None = None, icons_cache: Path | None = None) -> CachePlan:
    """Add icons, the manifest and the head tags to `site`, then the service worker that caches it all.

    `pages` (default: every page) are the pages that still lack the head tags: after an update of the previous
    site, the ones the engine rewrote. `held_back`: whether the search index is too big for first page loads,
    when the caller has measured it already. `icons_cache`: a folder where the icons rasterised from an SVG are
    kept by its hash, so an unchanged icon is not rasterised again."""
    offline = templates / "offline"
    for size, png in cached_icons((offline / "icon.svg").read_bytes(), icons_cache).items():
        _write(site / icon_path(size), png)
    _write(site / MANIFEST, render_manifest(name=name, description=description).encode("utf-8"))
    chosen = sorted(site.rglob("*.html")) if pages is None else pages
    add_head_tags(site, offline, chosen)
    if holds_back_search_index(site, index_budget) if held_back is None else held_back:
        hold_back_search_index(site, offline, chosen)
    plan = plan_cache(site)
    _write(site / SERVICE_WORKER, render_service_worker(plan, offline / "sw.js").encode("utf-8"))
    return plan


def icon_path(size: int) -> str:
    return f"{ICON_DIR}/icon-{size}.png"


def cached_icons(svg: bytes, cache: Path | None) -> dict[int, bytes]:
    """`render_icons(svg)`, read from `cache` when it holds them whole (a damaged file is made again)."""
    if cache is None:
        return render_icons(svg)
    key = hashlib.sha256(svg + repr((ICON_SIZES, version("cairosvg"))).encode()).hexdigest()[:32]
    paths = {size: cache / f"{key}-{size}.png" for size in ICON_SIZES}
    try:
        kept = {size: path.read_bytes() for size, path in paths.items()}
        if all(png.startswith(PNG_START) and png.endswith(PNG_END) for png in kept.values()):
            return kept
    except OSError:
        pass
    icons = render_icons(svg)
    for size, png in icons.items():
        write_atomically(paths[size], png)
    return icons


PNG_START = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"
"""A PNG's signature and its closing chunk: a cached icon cut short lacks the latter."""


def render_icons(svg: bytes) -> dict[int, bytes]:
    """The app icon at each size the manifest lists, rasterised from the SVG we ship."""
    import cairosvg  # here, not at the top: 0.15 s of every command's start

    return {size: cairosvg.svg2png(bytestring=svg, output_width=size, output_height=size) for size in ICON_SIZES}


def render_manifest(*, name: str, description: str) -> str:
    """The web app manifest; its addresses are relative to itself, so the site may live in any folder."""
    icons = [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
             for size in ICON_SIZES for purpose in ("any", "maskable")]  # the icon keeps to the maskable safe zone
    manifest = {
        "name": name, "short_name": SHORT_NAME, "description": description, "lang": "id",
        "start_url": "index.html", "scope": "./", "display": "standalone",
        "background_color": "#ffffff", "theme_color": THEME_COLOUR, "icons": icons,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def holds_back_search_index(site: Path, index_budget: int = INDEX_BUDGET) -> bool:
    """Whether the search index is too big to come with every first page load."""
    return compressed_size(site / SEARCH_INDEX) > index_budget


def add_head_tags(site: Path, offline: Path, pages: list[Path]) -> None:
    """Link the manifest and the worker's registration from the pages, with addresses relative to each page."""
    template = _environment(offline).get_template("head.html.j2")
    _add_to_heads(site, pages, lambda root: template.render(root=root, manifest=MANIFEST, theme_colour=THEME_COLOUR,
                                                     touch_icon=icon_path(ICON_SIZES[0])))


def hold_back_search_index(site: Path, offline: Path, pages: list[Path]) -> None:
    """Keep the search index out of every first page load: it is fetched when the reader opens search."""
    script = _environment(offline).get_template("search-later.html.j2").render()
    _add_to_heads(site, pages, lambda root: script)


def compressed_size(path: Path) -> int:
    """The file's size as a web server sends it, gzip-compressed."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)) if path.is_file() else 0


def _environment(offline: Path) -> Environment:
    return Environment(loader=FileSystemLoader(offline), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def _add_to_heads(site: Path, pages: list[Path], render: Callable[[str], str]) -> None:
    """Insert `render(root)` before </head> of each page; `root` leads from the page to the site's root."""
    added: dict[str, bytes] = {}  # by depth: every page at one depth gets the same tags
    for page in pages:
        html = page.read_bytes()  # as bytes: the page is UTF-8 either way, and decoding it costs time
        head_end = html.find(b"</head>")
        if head_end == -1:
            continue  # not a page of the theme (a fragment): nothing to add
        root = "../" * (len(page.relative_to(site).parts) - 1)
        if root not in added:
            added[root] = render(root).encode("utf-8")
        page.write_bytes(html[:head_end] + added[root] + html[head_end:])


def plan_cache(site: Path) -> CachePlan:
    """Every file of the site sorted into precached, cached when opened, or left to the network."""
    precache: dict[str, str] = {}
    later: dict[str, str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if _never_cached(rel):
            continue
        revision = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        (later if rel.endswith(LATER_SUFFIXES) else precache)[rel] = revision
    return CachePlan(precache, later)


def _never_cached(rel: str) -> bool:
    parts = PurePosixPath(rel).parts
    if rel in NEVER_CACHED or rel.endswith(".map") or any(part.startswith(".") for part in parts):
        return True
    # The theme ships the stemmers of thirty languages; the worker loads only ours.
    return rel.startswith("assets/javascripts/lunr/") and rel not in SEARCH_LANGUAGE_FILES


def render_service_worker(plan: CachePlan, source: Path) -> str:
    """The worker: this build's cache plan as data, then the worker's code (templates/site/offline/sw.js)."""
    build = {"version": plan.version, "precache": plan.precache, "later": plan.later}
    # ASCII-only JSON is a valid JavaScript literal whatever the file names hold.
    return f"self.POLMAS_BUILD = {json.dumps(build, ensure_ascii=True, sort_keys=True)}\n" + source.read_text(
        encoding="utf-8")


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
