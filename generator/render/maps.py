"""MapView → the map's JavaScript, built with folium; the page loads Leaflet and its plugins from local files."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import FeatureGroupSubGroup, MarkerCluster
from folium.template import Template
from folium.utilities import JsCode
from markupsafe import Markup

from generator.knowledge import KnowledgeBase, Record
from generator.model import Forum
from generator.model.labels import AREA_LEVEL_LABELS, PLACE_TYPE_LABELS
from generator.render.mapviews import AreaShape, MapView, PlaceMark
from generator.render.symbols import SYMBOLS, symbol_svg
from generator.render.views import Link

VENDOR_SCRIPTS = (
    "assets/vendor/leaflet/leaflet.js",
    "assets/vendor/leaflet.markercluster/leaflet.markercluster.js",
    "assets/vendor/leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js",
    "assets/polmas-maps.js",
)
"""Loaded by the page, in this order, before the map's own script (folium's CDN links are never used)."""
VENDOR_STYLES = (
    "assets/vendor/leaflet/leaflet.css",
    "assets/vendor/leaflet.markercluster/MarkerCluster.css",
    "assets/vendor/leaflet.markercluster/MarkerCluster.Default.css",
    "assets/polmas-maps.css",
)

AREA_STYLES: dict[str, dict[str, Any]] = {
    "kecamatan": {"color": "#37474f", "weight": 3, "fillOpacity": 0},
    "kelurahan": {"color": "#5d4037", "weight": 2.5, "fillColor": "#d7ccc8", "fillOpacity": 0.12},
    "desa": {"color": "#5d4037", "weight": 2.5, "fillColor": "#d7ccc8", "fillOpacity": 0.12},
    "rw": {"color": "#6d4c41", "weight": 1.5, "dashArray": "6 4", "fillColor": "#efebe9", "fillOpacity": 0.1},
    "rt": {"color": "#8d6e63", "weight": 1, "dashArray": "2 4", "fillColor": "#efebe9", "fillOpacity": 0.1},
}
"""Boundaries by level; anything else (provinsi, kota) is drawn like a kecamatan."""
CLUSTER_OPTIONS = {"maxClusterRadius": 30, "disableClusteringAtZoom": 17, "showCoverageOnHover": False,
                   "spiderfyOnMaxZoom": True}


@dataclass(frozen=True)
class MapEmbed:
    """What a page needs to show one map: its element, its script file and its legend."""

    view: MapView
    element_id: str
    script_path: str
    """Docs-root-relative path of the map's generated script."""

    @property
    def legend(self) -> list[tuple[Markup, str, int]]:
        """(symbol markup, label, count) per symbol on the map; the markup is ours, not the data's."""
        counts = {key: sum(1 for p in self.view.places if p.symbol == key) for key in self.view.symbols}
        return [(Markup(symbol_svg(key, 22)), SYMBOLS[key].label, counts[key]) for key in self.view.symbols]

    @property
    def aspect_ratio(self) -> str:
        """Width / height of the mapped box, so the map's frame fits its content (clamped for phones)."""
        south, west, north, east = self.view.bounds
        width = (east - west) * math.cos(math.radians((south + north) / 2))
        ratio = width / max(north - south, 1e-6)
        return f"{min(max(ratio, 0.75), 1.6):.2f}"

    @property
    def boundaries(self) -> list[tuple[str, str]]:
        """(level, label) per boundary level drawn."""
        return [(level, f"Batas {AREA_LEVEL_LABELS[level]}") for level in self.view.levels]


def map_embed(view: MapView) -> MapEmbed:
    return MapEmbed(view, element_id(view), f"peta/data/{view.key}.js")


def element_id(view: MapView) -> str:
    """The map's element id and JavaScript variable: 'map_' + the view key, a slug, as an identifier."""
    return "map_" + view.key.replace("-", "_")


class MapSetup(MacroElement):
    """Right after the map: a pane for area labels, a metric scale, and street tiles only when the page came
    over http(s) and the device is online (never from file://)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            polmasMaps.setup({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "MapSetup"


class MapReady(MacroElement):
    """Last in the script: fit the labels to the zoom and mark the map as drawn."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            polmasMaps.ready({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "MapReady"


def render_map_script(kb: KnowledgeBase, view: MapView, *, base: str) -> str:
    """The map's JavaScript; `base` leads from the page that shows the map to the docs root."""
    south, west, north, east = view.bounds
    centre = [round((south + north) / 2, 6), round((west + east) / 2, 6)]
    fmap = folium.Map(location=centre, zoom_start=15, tiles=None)
    # Without tiles folium sets no zoom limits, and marker clustering needs the map's maxZoom.
    fmap.options.update(min_zoom=11, max_zoom=19, zoom_snap=0.25)
    fmap.fit_bounds([[south, west], [north, east]], padding=(8, 8))
    MapSetup().add_to(fmap)
    for level in view.levels:
        shapes = [a for a in view.areas if a.level == level]
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [_area_feature(kb, a, base) for a in shapes]},
            name=f"Batas {AREA_LEVEL_LABELS[level]}",
            style_function=_feature_style,
            on_each_feature=JsCode("polmasMaps.bindArea"),
        ).add_to(fmap)
    if view.places:
        _add_places(fmap, view, base)
    folium.LayerControl(collapsed=True).add_to(fmap)
    MapReady().add_to(fmap)
    _name_elements(fmap, element_id(view))
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure.render()
    script = str(figure.script.render())
    # '</' only occurs inside the data's strings; '<\/' reads the same there and can never close a <script>.
    script = script.replace("</", "<\\/")
    return "\n".join(line.rstrip() for line in script.splitlines() if line.strip()) + "\n"


def _add_places(fmap: folium.Map, view: MapView, base: str) -> None:
    cluster = MarkerCluster(control=False, options=CLUSTER_OPTIONS).add_to(fmap)  # type: ignore[no-untyped-call]
    for place_type, label in PLACE_TYPE_LABELS.items():
        marks = [p for p in view.places if p.record.data.type == place_type]
        if not marks:
            continue
        group = FeatureGroupSubGroup(cluster, name=f"{label} ({len(marks)})").add_to(fmap)  # type: ignore[no-untyped-call]
        for key in [k for k in view.symbols if SYMBOLS[k].place_type == place_type]:
            icon = folium.DivIcon(html=symbol_svg(key), icon_size=(26, 26), icon_anchor=(13, 13),
                                  class_name=f"polmas-marker polmas-marker--{key}")
            folium.GeoJson(
                {"type": "FeatureCollection",
                 "features": [_place_feature(p, base) for p in marks if p.symbol == key]},
                marker=folium.Marker(icon=icon),
                on_each_feature=JsCode("polmasMaps.bindPlace"),
                control=False,
            ).add_to(group)


def _feature_style(feature: dict[str, Any]) -> dict[str, Any]:
    return dict(feature["properties"]["style"])


def _area_feature(kb: KnowledgeBase, shape: AreaShape, base: str) -> dict[str, Any]:
    data = shape.record.data
    style = dict(AREA_STYLES.get(shape.level, AREA_STYLES["kecamatan"]))
    style["className"] = f"polmas-area polmas-area--{shape.level}"
    if shape.primary and shape.level != "kecamatan":
        style.update(weight=float(style["weight"]) + 1, fillColor="#ffcc80", fillOpacity=0.18)
    forums = [f for f in kb.of_kind(Forum) if shape.record.id in f.data.areas]
    return {
        "type": "Feature",
        "geometry": shape.geometry,
        "properties": {
            "id": shape.record.id, "name": data.name, "level": shape.level,
            "levelLabel": AREA_LEVEL_LABELS[shape.level],
            "code": data.code, "url": _page_url(shape.record, base), "labelled": shape.labelled,
            "label": shape.label,
            "forums": [{"title": f.title, "url": _page_url(f, base)} for f in forums],
            "style": style,
        },
    }


def _place_feature(mark: PlaceMark, base: str) -> dict[str, Any]:
    data = mark.record.data
    situation = mark.situation
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [mark.lon, mark.lat]},
        "properties": {
            "id": mark.record.id, "name": data.name, "symbol": mark.symbol,
            "typeLabel": SYMBOLS[mark.symbol].label,
            "url": _page_url(mark.record, base),
            "situation": {"title": situation.title, "url": _page_url(situation, base)} if situation else None,
            "period": data.period, "description": data.description,
        },
    }


def _page_url(record: Record, base: str) -> str:
    """The record's page as the built site names it (.md → .html), relative to the page showing the map."""
    return base + re.sub(r"\.md(?=#|$)", ".html", str(Link(record).url))


def _name_elements(root: Element, map_name: str) -> None:
    """Replace folium's random element ids with sequence numbers, so the same map gives the same bytes."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        children = list(element._children.values())
        for child in children:
            counter += 1
            child._id = str(counter)
            visit(child)
        element._children.clear()
        for child in children:
            element._children[child.get_name()] = child

    visit(root)
    root._id = map_name.removeprefix("map_")
