"""What every benchmark needs: a median of repeated timings, and a scratch copy of the project."""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def copy_project(source: Path, target: Path) -> Path:
    """The project's inputs (content, data, templates, mkdocs.yml) without private data, in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "data", "templates"):
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("private"))
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    return target
