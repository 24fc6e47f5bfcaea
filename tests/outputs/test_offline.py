"""The offline app over the built sample site: manifest, icons, head tags and the service worker's cache plan."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from generator.outputs.offline import (
    INDEX_BUDGET,
    MANIFEST,
    SEARCH_INDEX,
    SERVICE_WORKER,
    THEME_COLOUR,
    CachePlan,
    cached_icons,
    compressed_size,
    plan_cache,
    render_icons,
    render_service_worker,
)
from tests.conftest import REPO

WORKBOX_WINDOW = "assets/vendor/workbox-window/workbox-window.prod.umd.js"


def _build_data(site: Path) -> dict[str, object]:
    first_line = (site / SERVICE_WORKER).read_text(encoding="utf-8").split("\n", 1)[0]
    prefix = "self.POLMAS_BUILD = "
    assert first_line.startswith(prefix)
    data: dict[str, object] = json.loads(first_line[len(prefix):])
    return data


def test_the_manifest_makes_the_site_installable(sample_site: Path) -> None:
    manifest = json.loads((sample_site / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["short_name"]) == ("Pustaka Polmas", "Polmas")
    assert (manifest["start_url"], manifest["display"], manifest["theme_color"]) == (
        "index.html", "standalone", THEME_COLOUR)
    sizes = set()
    for icon in manifest["icons"]:
        with Image.open(io.BytesIO((sample_site / icon["src"]).read_bytes())) as image:
            assert image.format == "PNG"
            assert icon["sizes"] == f"{image.width}x{image.height}"
            sizes.add(image.width)
    assert sizes == {192, 512}


def test_every_page_links_the_manifest_and_the_registration_from_its_own_depth(sample_site: Path) -> None:
    for page, root in (("index.html", ""), ("pedoman/sambang-dds.html", "../")):
        html = (sample_site / page).read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        assert f'<link rel="manifest" href="{root}manifest.webmanifest">' in head
        assert f'<script src="{root}assets/polmas-offline.js" defer></script>' in head
        assert f'<script src="{root}{WORKBOX_WINDOW}" defer></script>' in head


def test_the_worker_precaches_pages_assets_index_and_maps_and_leaves_pdfs_for_later(sample_site: Path) -> None:
    data = _build_data(sample_site)
    precache, later = data["precache"], data["later"]
    assert isinstance(precache, dict) and isinstance(later, dict)
    pages = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html")}
    assert pages <= set(precache)
    assert {"search/search_index.js", "assets/javascripts/lunr/min/lunr.id.min.js", "peta/data/ikhtisar.js",
            "manifest.webmanifest", "assets/icons/icon-512.png"} <= set(precache)
    pdfs = {p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.pdf")}
    assert pdfs and set(later) == pdfs
    assert not [p for p in precache if p.endswith((".pdf", ".map")) or p == SERVICE_WORKER]
    assert not [p for p in precache if p.startswith("assets/javascripts/lunr/min/lunr.de")], "only our language"


def test_the_cache_is_named_by_a_hash_of_the_content(sample_site: Path) -> None:
    plan = plan_cache(sample_site)
    assert _build_data(sample_site)["version"] == plan.version
    path = "pedoman/sambang-dds.html"
    changed = CachePlan({**plan.precache, path: "0" * 16}, plan.later)
    assert changed.version != plan.version
    moved_pdf = CachePlan(plan.precache, {f"x-{k}": v for k, v in plan.later.items()})
    assert moved_pdf.version != plan.version
    worker = render_service_worker(plan, REPO / "templates/site/offline/sw.js")
    assert f'"version": "{plan.version}"' in worker.split("\n", 1)[0]


def test_workbox_window_is_the_npm_package_unchanged() -> None:
    vendored = REPO / "templates/site" / WORKBOX_WINDOW
    installed = REPO / "node_modules/workbox-window/build/workbox-window.prod.umd.js"
    assert installed.is_file(), "run `make` (npm ci installs the front-end packages)"
    assert vendored.read_bytes() == installed.read_bytes()
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert package["devDependencies"]["workbox-window"] in (vendored.parent / "SOURCE.txt").read_text(encoding="utf-8")


def test_a_search_index_within_budget_comes_with_the_first_page(sample_site: Path) -> None:
    assert 0 < compressed_size(sample_site / SEARCH_INDEX) <= INDEX_BUDGET
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "search_index" not in html[:html.index("</head>")]


def test_icons_are_rasterised_once_per_svg_and_a_damaged_one_is_made_again(tmp_path: Path) -> None:
    svg = (REPO / "templates" / "site" / "offline" / "icon.svg").read_bytes()
    fresh = render_icons(svg)
    assert cached_icons(svg, tmp_path) == fresh
    kept = sorted(tmp_path.iterdir())
    assert len(kept) == len(fresh), "one file per size"
    stamps = {path: path.stat().st_mtime_ns for path in kept}
    assert cached_icons(svg, tmp_path) == fresh
    assert {path: path.stat().st_mtime_ns for path in kept} == stamps, "read back, not rasterised and written again"
    kept[0].write_bytes(kept[0].read_bytes()[:100])  # cut short, as by a full disk
    assert cached_icons(svg, tmp_path) == fresh, "the damaged icon is never used"
    assert kept[0].read_bytes() in fresh.values(), "and it is made whole again"
    other = svg.replace(b"</svg>", b"<!-- changed --></svg>")
    assert cached_icons(other, tmp_path) == render_icons(other)
    assert len(list(tmp_path.iterdir())) == 2 * len(fresh), "another SVG is kept under its own hash"
