"""The sample project bundled once per run, and unzipped as a trainer would."""

from __future__ import annotations

import pickle
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import pipeline
from tests.conftest import copy_sample_project, run_lock

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
def bundled_with_stages(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.BundleOutcome, StageRecorder]:
    """`polmas bundle` on a copy of the sample project that also holds a private contacts file, and the
    progress it reported. In a parallel run the first worker bundles; the others read its result back."""
    with run_lock(tmp_path_factory, "bundle") as folder:
        saved = folder / "bundle-outcome.pickle"
        if saved.is_file():
            found: tuple[pipeline.BundleOutcome, StageRecorder] = pickle.loads(saved.read_bytes())
            return found
        project = copy_sample(folder / "bundle-project")
        (project / ".polmas/cache/stale").mkdir(parents=True)  # a build cache that must not travel
        stages = StageRecorder()
        made = (pipeline.bundle(project, progress=stages, lang="id"), stages)  # its stages are pinned in Indonesian
        saved.write_bytes(pickle.dumps(made))
        return made


@pytest.fixture(scope="session")
def stages(bundled_with_stages: tuple[pipeline.BundleOutcome, StageRecorder]) -> StageRecorder:
    return bundled_with_stages[1]


@pytest.fixture(scope="session")
def bundled(bundled_with_stages: tuple[pipeline.BundleOutcome, StageRecorder]) -> pipeline.BundleOutcome:
    return bundled_with_stages[0]


@pytest.fixture(scope="session")
def unzipped(bundled: pipeline.BundleOutcome, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(bundled.bundle.archive) as archive:
        archive.extractall(target)
    return target
