"""The sample project bundled once per run, and unzipped as a trainer would."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import pipeline
from tests.conftest import copy_sample_project

PRIVATE_NAME = "Sutrisno Wibowo Hadiprojo"
PRIVATE_PHONE = "0812-7777-4321"


def copy_sample(target: Path) -> Path:
    """The sample project plus a private contacts file, whose names and numbers must never travel."""
    copy_sample_project(target)
    private = target / "data/private/contacts.yaml"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text(
        "contacts:\n  - forum: fkpm-ngrandusari\n    role: Ketua\n"
        f"    name: {PRIVATE_NAME}\n    phone: \"{PRIVATE_PHONE}\"\n", encoding="utf-8")
    return target


class StageRecorder:
    """A progress reporter that remembers each stage, its total and how many steps were reported."""

    def __init__(self) -> None:
        self.stages: list[list[object]] = []

    def stage(self, description: str, total: int | None) -> Callable[[], None]:
        entry: list[object] = [description, total, 0]
        self.stages.append(entry)

        def advance() -> None:
            entry[2] = int(str(entry[2])) + 1
        return advance


@pytest.fixture(scope="session")
def stages() -> StageRecorder:
    return StageRecorder()


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory, stages: StageRecorder) -> pipeline.BundleOutcome:
    """`polmas bundle` on a copy of the sample project that also holds a private contacts file."""
    project = copy_sample(tmp_path_factory.mktemp("bundle-project"))
    (project / ".polmas/cache/stale").mkdir(parents=True)  # a build cache that must not travel
    return pipeline.bundle(project, progress=stages)


@pytest.fixture(scope="session")
def unzipped(bundled: pipeline.BundleOutcome, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(bundled.bundle.archive) as archive:
        archive.extractall(target)
    return target
