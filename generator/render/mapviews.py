"""What each map shows (areas, places, labels, links, bounds), for the site's maps and the handbook's SVG."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.knowledge import KnowledgeBase, Record
from generator.model import Area, Place
from generator.model.geometry import polygons
from generator.model.labels import AREA_LEVEL_ORDER, AREA_LEVELS
from generator.render.symbols import SYMBOLS, symbol_key


@dataclass(frozen=True)
class AreaShape:
    """An area with a boundary, as one map draws it."""

    record: Record
    primary: bool
    """One of the areas the map is about (the forum's areas, the overview's top areas)."""
    labelled: bool
    """Named on the map itself; the others are named in their popup."""
    label: str
    """The name as the map writes it: without what the map already shows ('RW 01', not 'RW 01 Ngrandusari')."""

    @property
    def level(self) -> str:
        return str(self.record.data.level)

    @property
    def geometry(self) -> dict[str, Any]:
        return dict(self.record.data.geometry)


@dataclass(frozen=True)
class PlaceMark:
    """A place as a map marks it: its symbol, and the situation it is linked to, if any."""

    record: Record
    situation: Record | None

    @property
    def symbol(self) -> str:
        return symbol_key(self.record.data.type, self.record.data.class_)

    @property
    def lat(self) -> float:
        return float(self.record.data.location.lat)

    @property
    def lon(self) -> float:
        return float(self.record.data.location.lon)


@dataclass(frozen=True)
class MapView:
    """One map: the areas and places it shows, in a stable order, and the box that holds them."""

    key: str
    title: str
    areas: tuple[AreaShape, ...]
    places: tuple[PlaceMark, ...]
    bounds: tuple[float, float, float, float]
    """south, west, north, east in degrees."""

    @property
    def symbols(self) -> list[str]:
        """Symbol keys used on this map, in legend order."""
        used = {p.symbol for p in self.places}
        return [key for key in SYMBOLS if key in used]

    @property
    def levels(self) -> list[str]:
        used = {a.level for a in self.areas}
        return [level for level, _ in AREA_LEVELS if level in used]


def overview_view(kb: KnowledgeBase) -> MapView | None:
    """Every area and every place; the top areas are primary, their children labelled."""
    areas = [a for a in kb.of_kind(Area) if a.data.geometry]
    roots = {a.id for a in areas if not a.data.parent or a.data.parent not in kb.records}
    return _view(kb, "ikhtisar", "Peta wilayah dan tempat", areas, roots, kb.of_kind(Place))


def forum_view(kb: KnowledgeBase, forum_id: str) -> MapView | None:
    """The forum's areas and everything below them, its listed places and every place inside its areas."""
    forum = kb.get(forum_id)
    covered = kb.area_and_below(forum.data.areas)
    areas = [kb.get(i) for i in sorted(covered) if kb.get(i).data.geometry]
    listed = set(forum.data.places) | ({forum.data.bkpm} if forum.data.bkpm else set())
    places = [p for p in kb.of_kind(Place) if p.id in listed or p.data.area in covered]
    return _view(kb, f"forum-{forum.id}", f"Peta {forum.data.name}", areas, set(forum.data.areas), places)


def situation_view(kb: KnowledgeBase, situation_id: str) -> MapView | None:
    """Where a situation occurs: its places and their areas, with the situation's own areas; None without places.

    Only some areas are drawn here, so each is named.
    """
    situation = kb.get(situation_id)
    places = [p for p in kb.of_kind(Place) if p.data.situation == situation_id]
    if not places:
        return None
    wanted = set(situation.data.areas) | {p.data.area for p in places}
    areas = [kb.get(i) for i in sorted(wanted) if kb.get(i).data.geometry]
    primary = {a.id for a in areas if not (_ancestors(kb, a.id) & wanted)}
    return _view(kb, f"situasi-{situation.id}", f"Peta {situation.title}", areas, primary, places, label_all=True)


def _view(
    kb: KnowledgeBase, key: str, title: str, areas: list[Record], primary: set[str], places: list[Record],
    *, label_all: bool = False,
) -> MapView | None:
    if not areas and not places:
        return None
    drawn = {a.id for a in areas}
    parents_drawn = {a.data.parent for a in areas if a.data.parent in drawn}
    shapes = []
    for area in sorted(areas, key=lambda a: (AREA_LEVEL_ORDER[a.data.level], a.data.code)):
        is_primary = area.id in primary
        # Label the level just below the map's subject; a subject without drawn children names itself.
        labelled = label_all or (area.data.parent in primary and not is_primary) or (
            is_primary and area.id not in parents_drawn)
        shapes.append(AreaShape(area, is_primary, labelled, _short_label(kb, area, drawn)))
    marks = [PlaceMark(p, kb.records.get(p.data.situation) if p.data.situation else None)
             for p in sorted(places, key=lambda p: (list(SYMBOLS).index(symbol_key(p.data.type, p.data.class_)),
                                                    p.id))]
    return MapView(key, title, tuple(shapes), tuple(marks), _bounds(shapes, marks))


LEVEL_WORDS = ("Kecamatan ", "Kelurahan ", "Desa ", "Kabupaten ", "Kota ", "Provinsi ")


def _short_label(kb: KnowledgeBase, area: Record[Area], drawn: set[str]) -> str:
    """Drop the level word, then the names of drawn ancestors that end the name: 'RT 01 / RW 03 Ngrandusari'
    on a map of Ngrandusari with its RWs reads 'RT 01'."""
    label = _without_level_word(area.data.name)
    for ancestor_id in kb.areas_above(area.id):
        ancestor = kb.records[ancestor_id]
        if ancestor_id not in drawn:
            break
        for suffix in (ancestor.data.name, _without_level_word(ancestor.data.name)):
            if label.endswith(suffix) and len(label) > len(suffix):
                label = label[: -len(suffix)].rstrip(" /,-")
                break
    return label or area.data.name


def _without_level_word(name: str) -> str:
    for word in LEVEL_WORDS:
        if name.startswith(word) and len(name) > len(word):
            return name[len(word):]
    return name


def _bounds(areas: list[AreaShape], places: list[PlaceMark]) -> tuple[float, float, float, float]:
    lons = [x for a in areas for poly in polygons(a.geometry) for ring in poly for x, _ in ring]
    lats = [y for a in areas for poly in polygons(a.geometry) for ring in poly for _, y in ring]
    lons += [p.lon for p in places]
    lats += [p.lat for p in places]
    return min(lats), min(lons), max(lats), max(lons)


def _ancestors(kb: KnowledgeBase, area_id: str) -> set[str]:
    return set(kb.areas_above(area_id))
