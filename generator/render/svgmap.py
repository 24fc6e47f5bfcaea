"""A forum's static map as SVG (boundaries, places by symbol, labels, legend, north arrow, scale bar)."""

from __future__ import annotations

import itertools
import math
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.knowledge import KnowledgeBase
from generator.model.geometry import contains, polygons
from generator.model.labels import AREA_LEVEL_LABELS
from generator.render.mapviews import AreaShape, MapView, forum_view
from generator.render.symbols import SVG_NS, SYMBOLS, symbol_group
from generator.render.symbols import svg_number as num

WIDTH = 800.0
MARGIN = 16.0
MAP_TOP = 64.0
MAX_MAP_HEIGHT = 820.0
LINE = 17.0
COLUMN_CHARS = 60
SYMBOL_RADIUS = 9.0
STROKES: dict[str, dict[str, str]] = {
    "kecamatan": {"stroke": "#37474f", "stroke-width": "3", "fill": "none"},
    "kelurahan": {"stroke": "#5d4037", "stroke-width": "2.5", "fill": "#efe7e1"},
    "desa": {"stroke": "#5d4037", "stroke-width": "2.5", "fill": "#efe7e1"},
    "rw": {"stroke": "#6d4c41", "stroke-width": "1.4", "stroke-dasharray": "7 4", "fill": "none"},
    "rt": {"stroke": "#8d6e63", "stroke-width": "1", "stroke-dasharray": "2 3", "fill": "none"},
}
NICE_METRES = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000)
FOOTNOTE = "Peta skematis dari data Pustaka Polmas, bukan peta resmi. Orang disebut menurut perannya."


def render_forum_svg(kb: KnowledgeBase, forum_id: str, *, font_family: str = "sans-serif") -> str:
    """The forum's map as one `<svg>` element: a file of its own, or markup inside a handbook's HTML.

    The same input always gives the same bytes; its ids start with the forum's id, so several maps can share
    a document. A handbook passes its own shipped font family so the PDF borrows no system font.
    """
    forum = kb.get(forum_id)
    view = forum_view(kb, forum_id)
    return render_map_svg(view, title=f"Peta wilayah {forum.data.name}", subtitle=_area_names(kb, forum.data.areas),
                          id_prefix=f"peta-{forum_id}", font_family=font_family)


def render_map_svg(view: MapView | None, *, title: str, subtitle: str = "", id_prefix: str = "peta",
                   font_family: str = "sans-serif") -> str:
    """Any MapView as SVG: a viewBox, generic font names, every text escaped by the XML writer."""
    svg = ET.Element("svg", {"xmlns": SVG_NS, "version": "1.1", "font-family": font_family, "role": "img",
                             "aria-labelledby": f"{id_prefix}-judul {id_prefix}-ket"})
    ET.SubElement(svg, "title", {"id": f"{id_prefix}-judul"}).text = title
    description = ET.SubElement(svg, "desc", {"id": f"{id_prefix}-ket"})
    _text(svg, MARGIN, 30, title, size=20, weight="bold")
    if subtitle:
        _text(svg, MARGIN, 50, subtitle, size=13, fill="#4e342e")
    if view is None:
        description.text = "Belum ada batas wilayah atau tempat untuk peta ini."
        _text(svg, MARGIN, MAP_TOP + 24, description.text, size=14)
        return _finish(svg, MAP_TOP + 48)
    projection = _Projection.fit(view.bounds)
    description.text = (f"{len(view.areas)} batas wilayah dan {len(view.places)} tempat. "
                        f"Nomor pada peta sesuai daftar tempat di bawahnya.")
    _draw_map(svg, view, projection, clip_id=f"{id_prefix}-bingkai")
    y = MAP_TOP + projection.height + 24
    y = _draw_legend(svg, view, y)
    y = _draw_place_list(svg, view, y)
    _text(svg, MARGIN, y + 8, FOOTNOTE, size=11, fill="#5d4037")
    return _finish(svg, y + 22)


@dataclass(frozen=True)
class _Projection:
    """Equirectangular, scaled by cos(latitude): true enough at the size of a kecamatan."""

    west: float
    north: float
    kx: float
    ky: float
    height: float

    @classmethod
    def fit(cls, bounds: tuple[float, float, float, float]) -> _Projection:
        south, west, north, east = bounds
        pad_lat, pad_lon = max((north - south) * 0.06, 0.001), max((east - west) * 0.06, 0.001)
        south, north, west, east = south - pad_lat, north + pad_lat, west - pad_lon, east + pad_lon
        squash = math.cos(math.radians((south + north) / 2))
        width = WIDTH - 2 * MARGIN
        scale = width / ((east - west) * squash)
        height = (north - south) * scale
        if height > MAX_MAP_HEIGHT:
            scale *= MAX_MAP_HEIGHT / height
            height = MAX_MAP_HEIGHT
        # Centre the box horizontally when the height limited the scale.
        west -= (width / (scale * squash) - (east - west)) / 2
        return cls(west, north, scale * squash, scale, height)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return MARGIN + (lon - self.west) * self.kx, MAP_TOP + (self.north - lat) * self.ky

    def metres_per_unit(self) -> float:
        return 111_320.0 / self.ky


def _draw_map(svg: ET.Element, view: MapView, projection: _Projection, *, clip_id: str) -> None:
    width = WIDTH - 2 * MARGIN
    defs = ET.SubElement(svg, "defs")
    clip = ET.SubElement(defs, "clipPath", {"id": clip_id})
    frame = {"x": num(MARGIN), "y": num(MAP_TOP), "width": num(width), "height": num(projection.height)}
    ET.SubElement(clip, "rect", frame)
    ET.SubElement(svg, "rect", {**frame, "fill": "#f7f4ee"})
    layer = ET.SubElement(svg, "g", {"clip-path": f"url(#{clip_id})"})
    for shape in view.areas:
        _draw_area(layer, shape, projection)
    labels = ET.SubElement(layer, "g", {"class": "area-labels"})
    marks = ET.SubElement(layer, "g", {"class": "places"})
    taken: list[_Box] = []
    for number, mark in enumerate(view.places, 1):
        x, y = projection.point(mark.lon, mark.lat)
        marks.append(symbol_group(mark.symbol, x, y, SYMBOL_RADIUS, font_family=None))
        _text(marks, x + SYMBOL_RADIUS + 2, y - 5, str(number), size=10, weight="bold", halo=True)
        taken.append(_Box(x - SYMBOL_RADIUS, y - SYMBOL_RADIUS, x + SYMBOL_RADIUS, y + SYMBOL_RADIUS))
        taken.append(_text_box(x + SYMBOL_RADIUS + 2, y - 5, str(number), 10, "start"))
    for shape in view.areas:
        if not shape.primary:
            _place_area_label(labels, shape, projection, taken)
    ET.SubElement(svg, "rect", {**frame, "fill": "none", "stroke": "#3e2723", "stroke-width": "1"})
    _north_arrow(svg, MARGIN + width - 26, MAP_TOP + 14)
    _scale_bar(svg, projection, MARGIN + 12, MAP_TOP + projection.height - 14)


@dataclass(frozen=True)
class _Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: _Box) -> bool:
        return not (self.right < other.left or self.left > other.right
                    or self.bottom < other.top or self.top > other.bottom)


def _text_box(x: float, y: float, text: str, size: float, anchor: str) -> _Box:
    """Roughly the box a line of bold sans-serif text covers (no font metrics needed)."""
    width = 0.58 * size * len(text)
    left = x - width / 2 if anchor == "middle" else x
    return _Box(left, y - size, left + width, y + size * 0.25)


def _place_area_label(layer: ET.Element, shape: AreaShape, projection: _Projection, taken: list[_Box]) -> None:
    """Name the area where the name fits inside it and covers no symbol or other name; else leave it out."""
    name = shape.label
    size = 12.0 if shape.level in ("kelurahan", "desa") else 10.5 if shape.level == "rw" else 9.5
    x, y = projection.point(*label_point(shape))
    corners = [projection.point(lon, lat) for poly in polygons(shape.geometry) for lon, lat in poly[0]]
    area_box = _Box(min(c[0] for c in corners), min(c[1] for c in corners),
                    max(c[0] for c in corners), max(c[1] for c in corners))
    for dy in (0.0, 16.0, -16.0, 32.0, -32.0):
        box = _text_box(x, y + dy, name, size, "middle")
        inside = area_box.left < box.left and box.right < area_box.right and area_box.top < box.top \
            and box.bottom < area_box.bottom
        if inside and not any(box.overlaps(other) for other in taken):
            taken.append(box)
            _text(layer, x, y + dy, name, size=size, weight="bold", anchor="middle", fill="#3e2723", halo=True)
            return


def _draw_area(layer: ET.Element, shape: AreaShape, projection: _Projection) -> None:
    commands = []
    for polygon in polygons(shape.geometry):
        for ring in polygon:
            points = [projection.point(x, y) for x, y in ring]
            commands.append("M" + " L".join(f"{num(px)},{num(py)}" for px, py in points) + " Z")
    style = dict(STROKES.get(shape.level, STROKES["kecamatan"]))
    if shape.primary and shape.level not in ("kecamatan",):
        style["fill"] = "#fbe9d0"
    ET.SubElement(layer, "path", {"d": " ".join(commands), "fill-rule": "evenodd", **style,
                                  "class": f"area area--{shape.level}", "data-id": shape.record.id})


def label_point(shape: AreaShape) -> tuple[float, float]:
    """A point inside the area for its label: the centroid when it lies inside, else the middle of the
    widest stretch across the area's middle."""
    rings = [poly[0] for poly in polygons(shape.geometry)]
    outer = max(rings, key=lambda ring: abs(_area(ring)))
    cx, cy = _centroid(outer)
    if contains(shape.geometry, cx, cy):
        return cx, cy
    ys = [y for _, y in outer]
    mid = (min(ys) + max(ys)) / 2
    crossings = sorted(x1 + (mid - y1) * (x2 - x1) / (y2 - y1)
                       for (x1, y1), (x2, y2) in itertools.pairwise(outer) if (y1 > mid) != (y2 > mid))
    pairs = list(zip(crossings[::2], crossings[1::2], strict=False)) or [(cx, cx)]
    left, right = max(pairs, key=lambda pair: pair[1] - pair[0])
    return (left + right) / 2, mid


def _area(ring: list[tuple[float, float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    area = _area(ring)
    if abs(area) < 1e-12:
        return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    return cx, cy


def _north_arrow(svg: ET.Element, x: float, y: float) -> None:
    group = ET.SubElement(svg, "g", {"class": "north-arrow", "transform": f"translate({num(x)} {num(y)})"})
    ET.SubElement(group, "circle", {"cx": "0", "cy": "14", "r": "14", "fill": "#ffffff", "fill-opacity": "0.85"})
    ET.SubElement(group, "polygon", {"points": "0,2 7,22 0,17 -7,22", "fill": "#3e2723"})
    _text(group, 0, 0, "U", size=11, weight="bold", anchor="middle")


def _scale_bar(svg: ET.Element, projection: _Projection, x: float, y: float) -> None:
    metres_per_unit = projection.metres_per_unit()
    limit = (WIDTH - 2 * MARGIN) * 0.3 * metres_per_unit
    metres = max((m for m in NICE_METRES if m <= limit), default=NICE_METRES[0])
    length = metres / metres_per_unit
    group = ET.SubElement(svg, "g", {"class": "scale-bar"})
    ET.SubElement(group, "rect", {"x": num(x - 4), "y": num(y - 16), "width": num(length + 8), "height": "22",
                                  "fill": "#ffffff", "fill-opacity": "0.85"})
    for n, shade in enumerate(("#3e2723", "#ffffff")):
        ET.SubElement(group, "rect", {"x": num(x + n * length / 2), "y": num(y), "width": num(length / 2),
                                      "height": "4", "fill": shade, "stroke": "#3e2723", "stroke-width": "0.8"})
    label = f"{metres // 1000:g} km" if metres >= 1000 and metres % 1000 == 0 else f"{metres:g} m"
    _text(group, x, y - 4, "0", size=9)
    _text(group, x + length, y - 4, label, size=9, anchor="end")


def _draw_legend(svg: ET.Element, view: MapView, y: float) -> float:
    _text(svg, MARGIN, y, "Keterangan", size=13, weight="bold")
    entries: list[tuple[str, str]] = [(key, SYMBOLS[key].label) for key in view.symbols]
    entries += [(f"line:{level}", f"Batas {AREA_LEVEL_LABELS[level]}") for level in view.levels]
    column_width = (WIDTH - 2 * MARGIN) / 2
    for n, (key, label) in enumerate(entries):
        x = MARGIN + (n % 2) * column_width
        row_y = y + 8 + (n // 2 + 1) * LINE
        if key.startswith("line:"):
            level = key.removeprefix("line:")
            style = {k: v for k, v in STROKES.get(level, STROKES["kecamatan"]).items() if k != "fill"}
            ET.SubElement(svg, "line", {"x1": num(x), "y1": num(row_y - 4), "x2": num(x + 22),
                                        "y2": num(row_y - 4), **style})
        else:
            svg.append(symbol_group(key, x + 11, row_y - 4, 6.5, font_family=None))
        _text(svg, x + 30, row_y, label, size=11)
    return y + 8 + (math.ceil(len(entries) / 2) + 1) * LINE + 4


def _draw_place_list(svg: ET.Element, view: MapView, y: float) -> float:
    if not view.places:
        return y
    _text(svg, MARGIN, y, "Daftar tempat", size=13, weight="bold")
    y += 6
    column_width = (WIDTH - 2 * MARGIN) / 2
    half = math.ceil(len(view.places) / 2)
    bottoms = []
    for column, marks in enumerate((view.places[:half], view.places[half:])):
        row_y = y
        for number, mark in enumerate(marks, 1 + column * half):
            lines = textwrap.wrap(f"{number}. {mark.record.data.name}", COLUMN_CHARS, subsequent_indent="    ")
            for n, line in enumerate(lines):
                row_y += LINE - 2
                _text(svg, MARGIN + column * column_width, row_y, line, size=11,
                      data_place=None if n else mark.record.id)
        bottoms.append(row_y)
    return max(bottoms) + LINE


def _text(
    parent: ET.Element, x: float, y: float, text: str, *, size: float, weight: str = "normal", anchor: str = "start",
    fill: str = "#1b1b1b", halo: bool = False, data_place: str | None = None,
) -> ET.Element:
    attributes = {"x": num(x), "y": num(y), "font-size": num(size), "fill": fill}
    if weight != "normal":
        attributes["font-weight"] = weight
    if anchor != "start":
        attributes["text-anchor"] = anchor
    if halo:
        attributes.update({"stroke": "#ffffff", "stroke-width": "3", "stroke-linejoin": "round",
                           "paint-order": "stroke"})
    if data_place:
        attributes["data-place"] = data_place
    element = ET.SubElement(parent, "text", attributes)
    element.text = text
    return element


def _finish(svg: ET.Element, height: float) -> str:
    svg.set("viewBox", f"0 0 {num(WIDTH)} {num(math.ceil(height))}")
    svg.set("width", num(WIDTH))
    svg.set("height", num(math.ceil(height)))
    svg.insert(2, ET.Element("rect", {"width": "100%", "height": "100%", "fill": "#ffffff"}))
    ET.indent(svg, space=" ")
    # No XML declaration: a UTF-8 .svg file needs none, and HTML that embeds the markup must not get one.
    return ET.tostring(svg, encoding="unicode") + "\n"


def _area_names(kb: KnowledgeBase, area_ids: list[str]) -> str:
    return ", ".join(f"{kb.get(i).data.name} ({kb.get(i).data.code})" for i in area_ids)
