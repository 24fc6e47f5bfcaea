"""GeoJSON polygons as rings of (lon, lat), and whether a point lies inside them."""

from __future__ import annotations

from typing import Any

from generator.i18n import _

Ring = list[tuple[float, float]]


def polygons(geometry: dict[str, Any] | None) -> list[list[Ring]]:
    """GeoJSON Polygon/MultiPolygon → list of polygons, each a list of (lon, lat) rings."""
    if not geometry:
        return []
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return [[[(float(x), float(y)) for x, y, *_rest in ring] for ring in coords]]  # type: ignore[union-attr]
    if kind == "MultiPolygon":
        return [[[(float(x), float(y)) for x, y, *_rest in ring] for ring in poly] for poly in coords]  # type: ignore[union-attr]
    raise ValueError(_("geometry type '{kind}' is not Polygon or MultiPolygon").format(kind=kind))


def contains(geometry: dict[str, Any] | None, lon: float, lat: float) -> bool:
    """Even-odd rule over every ring: holes count as outside."""
    inside = False
    for polygon in polygons(geometry):
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                    inside = not inside
    return inside
