"""Area codes, GeoJSON and place locations are checked against each other."""

from __future__ import annotations

from collections.abc import Callable

from generator.geo import contains

SQUARE = {"type": "Polygon", "coordinates": [[[110.0, -7.0], [110.1, -7.0], [110.1, -6.9], [110.0, -6.9], [110.0, -7.0]]]}
KECAMATAN = """
id: sidomukti
code: "33.73.04"
level: kecamatan
name: Kecamatan Sidomukti
geometry: {type: Polygon, coordinates: [[[110.0, -7.0], [110.1, -7.0], [110.1, -6.9], [110.0, -6.9], [110.0, -7.0]]]}
"""


def test_contains_uses_lon_lat_and_holes() -> None:
    assert contains(SQUARE, 110.05, -6.95)
    assert not contains(SQUARE, -6.95, 110.05)
    holed = {"type": "Polygon", "coordinates": [*SQUARE["coordinates"],
             [[110.04, -6.96], [110.06, -6.96], [110.06, -6.94], [110.04, -6.94], [110.04, -6.96]]]}
    assert not contains(holed, 110.05, -6.95)


def test_code_must_extend_parent_and_kelurahan_starts_with_1(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    assert write_and_check({
        "data/areas/sidomukti.yaml": KECAMATAN,
        "data/areas/kecandran.yaml": "id: kecandran\ncode: 33.73.05.2001\nlevel: kelurahan\nname: K\nparent: sidomukti\n",
    }) == [
        "data/areas/kecandran.yaml:2:7: code: '33.73.05.2001' does not start with its parent's code '33.73.04' "
        "(data/areas/sidomukti.yaml); correct the code or the parent",
        "data/areas/kecandran.yaml:2:7: code: a kelurahan code's last part starts with 1 (e.g. '1001'), found '2001'",
    ]


def test_swapped_coordinates_and_place_outside(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    swapped = KECAMATAN.replace("id: sidomukti", "id: terbalik").replace(
        "[[[110.0, -7.0], [110.1, -7.0], [110.1, -6.9], [110.0, -6.9], [110.0, -7.0]]]",
        "[[[-7.0, 110.0], [-7.0, 110.1], [-6.9, 110.1], [-6.9, 110.0], [-7.0, 110.0]]]")
    assert write_and_check({
        "data/areas/sidomukti.yaml": KECAMATAN,
        "data/areas/terbalik.yaml": swapped,
        "data/places/pos.yaml": "id: pos\ntype: pospol\nname: Pospol\narea: sidomukti\nlocation: {lat: -7.2, lon: 110.05}\n",
    }) == [
        "data/areas/terbalik.yaml:5:11: geometry: not valid GeoJSON: a point lies outside Indonesia; "
        "GeoJSON order is [longitude, latitude]",
        "data/places/pos.yaml:5:11: warning: location: (-7.2, 110.05) lies outside its area 'sidomukti'; "
        "check the coordinates or the area",
    ]
