"""Area codes, GeoJSON and place locations are checked against each other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import EXIT_INPUT, main
from generator.model.geometry import contains

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[110.0, -7.0], [110.1, -7.0], [110.1, -6.9], [110.0, -6.9], [110.0, -7.0]]],
}
KECAMATAN = """
id: tirtasekar
code: "99.71.04"
level: kecamatan
name: Kecamatan Tirtasekar
geometry: {type: Polygon, coordinates: [[[110.0, -7.0], [110.1, -7.0], [110.1, -6.9], [110.0, -6.9], [110.0, -7.0]]]}
"""


def test_contains_uses_lon_lat_and_holes() -> None:
    assert contains(SQUARE, 110.05, -6.95)
    assert not contains(SQUARE, -6.95, 110.05)
    holed = {"type": "Polygon", "coordinates": [*SQUARE["coordinates"],
             [[110.04, -6.96], [110.06, -6.96], [110.06, -6.94], [110.04, -6.94], [110.04, -6.96]]]}
    assert not contains(holed, 110.05, -6.95)


def test_code_must_extend_parent_and_kelurahan_starts_with_1(
    write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    assert write_and_check({
        "data/areas/tirtasekar.yaml": KECAMATAN,
        "data/areas/ngrandusari.yaml":
            "id: ngrandusari\ncode: 99.71.05.2001\nlevel: kelurahan\nname: K\nparent: tirtasekar\n",
    }) == [
        "data/areas/ngrandusari.yaml:2:7: code: '99.71.05.2001' does not start with its parent's code '99.71.04' "
        "(data/areas/tirtasekar.yaml); correct the code or the parent",
        "data/areas/ngrandusari.yaml:2:7: code: a kelurahan code's last part starts with 1 (e.g. '1001'), found '2001'",
    ]


def test_swapped_coordinates_and_place_outside(write_and_check: Callable[[dict[str, str]], list[str]]) -> None:
    swapped = KECAMATAN.replace("id: tirtasekar", "id: terbalik").replace(
        "[[[110.0, -7.0], [110.1, -7.0], [110.1, -6.9], [110.0, -6.9], [110.0, -7.0]]]",
        "[[[-7.0, 110.0], [-7.0, 110.1], [-6.9, 110.1], [-6.9, 110.0], [-7.0, 110.0]]]")
    assert write_and_check({
        "data/areas/tirtasekar.yaml": KECAMATAN,
        "data/areas/terbalik.yaml": swapped,
        "data/places/pos.yaml":
            "id: pos\ntype: pospol\nname: Pospol\narea: tirtasekar\nlocation: {lat: -7.2, lon: 110.05}\n",
    }) == [
        "data/areas/terbalik.yaml:5:11: geometry: not valid GeoJSON: a point lies outside Indonesia; "
        "GeoJSON order is [longitude, latitude]",
        "data/places/pos.yaml:5:11: warning: location: (-7.2, 110.05) lies outside its area 'tirtasekar'; "
        "check the coordinates or the area",
    ]


def test_polmas_check_reports_a_bad_coordinate_and_an_unknown_area_with_file_and_line(
    sample_copy: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    places = sorted((sample_copy / "data/places").glob("*.yaml"))
    bad_lat, bad_area = places[0], places[1]
    _replace_line(bad_lat, "  lat:", "  lat: 110.51")
    _replace_line(bad_area, "area:", "area: ngrandusair")

    assert main(["--project", str(sample_copy), "check"]) == EXIT_INPUT
    out = capsys.readouterr().out.splitlines()
    lat_line = _line_of(bad_lat, "  lat: 110.51")
    area_line = _line_of(bad_area, "area: ngrandusair")
    # A place that fails validation is left out, so forums that list it report it too; ours come first per file.
    assert f"data/places/{bad_lat.name}:{lat_line}:8: location.lat: 110.51 is out of range " \
           "(input should be less than or equal to 6.5)" in out
    assert f"data/places/{bad_area.name}:{area_line}:7: area: unknown area 'ngrandusair' " \
           "(did you mean 'ngrandusari'?); no such id in data/areas/" in out


def _replace_line(path: Path, start: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(n for n, line in enumerate(lines) if line.startswith(start))
    path.write_text("\n".join([*lines[:index], new, *lines[index + 1:]]) + "\n", encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == text)
