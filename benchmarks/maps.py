"""Time the sample maps: our map script and SVG against folium's own plain render of the same map (ratios in a table).

    .venv/bin/python -m benchmarks.maps [--project .] [--repeat 5]

'ours' = the map view, folium with our layers, popups and labels, stable names, and only the map's script.
'bare' = `folium.Map` with the same boundaries and places as plain GeoJson layers and default markers,
rendered as folium's whole HTML page (`get_root().render()`), CDN links and all. 'svg' = the forum's static
SVG map, drawn without folium.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

import folium

from benchmarks.common import median_seconds
from generator import pipeline
from generator.knowledge import KnowledgeBase
from generator.render.maps import render_map_script
from generator.render.mapviews import MapView, forum_view, overview_view, situation_view
from generator.render.svgmap import render_forum_svg


def bare_folium(view: MapView) -> str:
    """The same data the plain folium way: what a map costs before we add anything."""
    south, west, north, east = view.bounds
    fmap = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=15)
    folium.GeoJson({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": a.geometry, "properties": {"name": a.record.data.name}} for a in view.areas
    ]}).add_to(fmap)
    for place in view.places:
        folium.Marker([place.lat, place.lon], tooltip=place.record.data.name).add_to(fmap)
    return str(fmap.get_root().render())


def views(kb: KnowledgeBase) -> list[tuple[MapView, str | None]]:
    """Every map the site shows, with its forum id where it has an SVG."""
    found: list[tuple[MapView, str | None]] = []
    overview = overview_view(kb)
    if overview:
        found.append((overview, None))
    found += [(v, f.id) for f in kb.of_kind("forum") if (v := forum_view(kb, f.id))]
    found += [(v, None) for s in kb.of_kind("situation") if (v := situation_view(kb, s.id))]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--project", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    kb, problems = pipeline.check(Path(args.project).resolve())
    if problems.has_errors():
        print(f"{len(problems.errors)} problem(s) in the input; run `polmas check`", file=sys.stderr)
        return 1
    rows = []
    for view, forum_id in views(kb):
        ours = median_seconds(partial(render_map_script, kb, view, base="../"), args.repeat)
        bare = median_seconds(partial(bare_folium, view), args.repeat)
        svg = median_seconds(partial(render_forum_svg, kb, forum_id), args.repeat) if forum_id else None
        rows.append((view.key, len(view.areas), len(view.places), ours, bare, svg))
    print(f"{'map':<40} {'areas':>5} {'places':>6} {'ours ms':>8} {'bare ms':>8} {'ratio':>6} {'svg ms':>7}")
    for key, areas, places, ours, bare, svg in rows:
        svg_text = f"{svg * 1000:>7.1f}" if svg is not None else f"{'':>7}"
        print(f"{key:<40} {areas:>5} {places:>6} {ours * 1000:>8.1f} {bare * 1000:>8.1f} {ours / bare:>6.2f} "
              f"{svg_text}")
    total_ours, total_bare = sum(r[3] for r in rows), sum(r[4] for r in rows)
    print(f"{'all':<40} {'':>5} {'':>6} {total_ours * 1000:>8.1f} {total_bare * 1000:>8.1f} "
          f"{total_ours / total_bare:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
