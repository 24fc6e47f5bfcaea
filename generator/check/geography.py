"""Geography checks: codes that match their parent, GeoJSON that parses, places inside their area."""

from __future__ import annotations

from generator.i18n import _
from generator.model import Area, Place
from generator.model.geometry import contains, polygons
from generator.model.record import Record, Records, of_kind
from generator.problems import Problem, Severity


def check_geography(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for area in of_kind(records, Area):
        problems.extend(_check_area(area, records))
    for place in of_kind(records, Place):
        problems.extend(_check_place(place, records))
    return problems


def _check_area(area: Record[Area], records: Records) -> list[Problem]:
    problems: list[Problem] = []
    data = area.data
    parent = records.get(data.parent) if data.parent else None
    if parent is not None and parent.kind.name == "area" and not data.code.startswith(parent.data.code + "."):
        line, column = area.source.position(("code",))
        problems.append(Problem(
            area.source.src_path, line, column, "code",
            _("'{code}' does not start with its parent's code '{parent_code}' ({parent_file}); correct the code or "
              "the parent").format(code=data.code, parent_code=parent.data.code, parent_file=parent.source.src_path),
        ))
    village = data.code.split(".")[3] if data.code.count(".") >= 3 else ""
    if data.level in ("kelurahan", "desa") and village[:1] != ("1" if data.level == "kelurahan" else "2"):
        line, column = area.source.position(("code",))
        first = "1" if data.level == "kelurahan" else "2"
        problems.append(Problem(
            area.source.src_path, line, column, "code",
            _("a {level} code's last part starts with {first} (e.g. '{first}001'), found '{found}'").format(
                level=data.level, first=first, found=village or data.code),
        ))
    try:
        for polygon in polygons(data.geometry):
            for ring in polygon:
                if len(ring) < 4 or ring[0] != ring[-1]:
                    raise ValueError(_("each ring needs at least 4 points and must end where it starts"))
                if not all(94.5 <= x <= 141.5 and -11.5 <= y <= 6.5 for x, y in ring):
                    raise ValueError(_("a point lies outside Indonesia; GeoJSON order is [longitude, latitude]"))
    except (ValueError, TypeError, AttributeError) as exc:
        line, column = area.source.position(("geometry",))
        problems.append(Problem(area.source.src_path, line, column, "geometry",
                                _("not valid GeoJSON: {reason}").format(reason=exc)))
    return problems


def _check_place(place: Record[Place], records: Records) -> list[Problem]:
    area = records.get(place.data.area)
    if area is None or area.kind.name != "area" or not area.data.geometry:
        return []
    location = place.data.location
    try:
        inside = contains(area.data.geometry, location.lon, location.lat)
    except (ValueError, TypeError, AttributeError):
        return []  # the area's own problem is reported already
    if inside:
        return []
    line, column = place.source.position(("location",))
    return [Problem(
        place.source.src_path, line, column, "location",
        _("({lat}, {lon}) lies outside its area '{area}'; check the coordinates or the area").format(
            lat=location.lat, lon=location.lon, area=area.id),
        Severity.WARNING,
    )]
