"""The sample is set in a fictional kecamatan: no real place it once named returns, its codes and map stay invented."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.knowledge import load_knowledge
from generator.model.geometry import polygons

REAL_NAMES = [
    # Kecamatan Sidomukti, Kota Salatiga, its kelurahan and the streets and spots the old sample pinned
    # invented drug, tawuran and begal spots on. None of them may come back.
    "Sidomukti", "Salatiga", "Kecandran", "Dukuh", "Mangunsari", "Kalicacing",
    "Lingkar Kidul", "Kebon Sari", "Sindoro", "Kenanga", "Kenari Timur", "Sedayu", "Watu Gilang",
]
OLD_CODE = "33.73."
"""Kota Salatiga's Kemendagri code; the sample's codes start with 99, a province code that does not exist."""
CHECKED = ["content", "data", "templates", "docs", "schemas", "generator", "benchmarks", "mkdocs.yml", "README.md",
           "tests/golden", "tests/search"]
OLD_BOX = (110.3, 110.7, -7.5, -7.2)
"""Kota Salatiga's surroundings (lon min, lon max, lat min, lat max)."""


def tracked_text_files(repo: Path) -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z", "--", *CHECKED], cwd=repo, capture_output=True, check=True)
    files = [repo / name for name in listed.stdout.decode().split("\0") if name]
    return [f for f in files if f.is_file() and b"\0" not in f.read_bytes()[:4096]]


def test_no_real_place_of_the_old_sample_returns(repo: Path) -> None:
    pattern = re.compile(r"\b(" + "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in REAL_NAMES) + r")\b",
                         re.IGNORECASE)
    found = []
    for path in tracked_text_files(repo):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(repo)}: {m[0]}" for m in pattern.finditer(text)]
        found += [f"{path.relative_to(repo)}: {OLD_CODE}" for _ in range(text.count(OLD_CODE))]
    found += [f"{p.relative_to(repo)}: file name" for p in tracked_text_files(repo) if pattern.search(p.name)]
    assert found == []


def test_sample_codes_and_geometry_are_invented(repo: Path) -> None:
    kb, _ = load_knowledge(repo)
    areas = kb.of_kind("area")
    assert areas and all(a.data.code.startswith("99.") for a in areas)
    lon_min, lon_max, lat_min, lat_max = OLD_BOX
    points = [(x, y) for a in areas if a.data.geometry for poly in polygons(a.data.geometry) for ring in poly
              for x, y in ring]
    points += [(p.data.location.lon, p.data.location.lat) for p in kb.of_kind("place")]
    assert points and not [pt for pt in points if lon_min <= pt[0] <= lon_max and lat_min <= pt[1] <= lat_max]


def test_sample_decrees_are_marked_as_fictional(repo: Path) -> None:
    kb, _ = load_knowledge(repo)
    numbers = [f.data.decree.number for f in kb.of_kind("forum") if f.data.decree]
    assert numbers and all(n.startswith("CONTOH/") and n.endswith("(fiktif)") for n in numbers)
