"""Fixture ladder: the repository → a scratch project (written inline) → the sample site built once."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import signal
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from generator import pipeline
from generator.i18n import LANGUAGES, Language, use_language
from generator.outputs.tree import write_atomically

REPO = Path(__file__).resolve().parent.parent
SAMPLE_TODAY = date(2026, 12, 1)
"""The session build's 'today': the risk calendar and the overdue follow-ups do not move with the clock."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the sample content")
    parser.addoption("--update-guide-pictures", action="store_true",
                     help="write the editor test's pictures into docs/panduan/ (the coordinators' guide)")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temp folder of the whole run: under pytest-xdist, the one its worker processes share."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def run_lock(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """One worker at a time inside; yields the run's folder for `name` (made by whoever comes first)."""
    folder = run_folder(tmp_path_factory) / name
    with open(run_folder(tmp_path_factory) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        folder.mkdir(exist_ok=True)
        yield folder


@pytest.fixture(scope="session", autouse=True)
def ctrl_c_reaches_children() -> None:
    """A suite started in the background (`make test &`, nohup) inherits Ctrl-C ignored, and so would every
    `polmas` a test starts and then stops with Ctrl-C: give this process a handler, so its children start with
    the default one."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session", autouse=True)
def shared_pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Copies of the sample project render the same handbooks: one PDF cache for the run saves minutes.

    The cache writes each PDF atomically, so the workers of a parallel run can share it.
    """
    with run_lock(tmp_path_factory, "pdf-cache") as folder:
        _start_with_the_builds_pdfs(folder)
    patch = pytest.MonkeyPatch()
    patch.setenv(pipeline.PDF_CACHE_ENV, str(folder))
    yield folder
    patch.undo()


def _start_with_the_builds_pdfs(folder: Path) -> None:
    """`make build` has just made the sample's PDFs, kept under the key of their inputs (code included): a test
    building the sample finds them instead of making them again. Only time is saved: a PDF not found is made."""
    built = REPO / pipeline.PDF_CACHE_DIR
    for path in sorted(built.glob("*.pdf")) if built.is_dir() else []:
        target = folder / path.name
        if not target.exists():
            write_atomically(target, path.read_bytes())


class Scratch:
    """A throwaway project: the real mkdocs.yml and templates, and only the files a test writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "templates", root / "templates")
        for folder in ("content", "data"):
            (root / folder).mkdir()

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    return Scratch(tmp_path)


def copy_sample_project(target: Path) -> Path:
    """The sample project's inputs (content, data, templates, mkdocs.yml) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "data", "templates"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A full copy of the sample project to break on purpose."""
    return copy_sample_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> pipeline.BuildResult:
    """The bundled sample content built once per test run, into a temp folder that no test changes.

    In a parallel run the first worker builds it; the others wait, then read its result back.
    """
    with run_lock(tmp_path_factory, "sample") as folder:
        saved = folder / "build-result.pickle"
        if saved.is_file():
            result: pipeline.BuildResult = pickle.loads(saved.read_bytes())
            return result
        # In the default language, Indonesian, whichever test happens to ask for it first.
        result = pipeline.build(copy_sample_project(folder / "project"), today=SAMPLE_TODAY, lang="id")
        saved.write_bytes(pickle.dumps(result))
        return result


@pytest.fixture(scope="session", autouse=True)
def sample_first_in_a_parallel_run(request: pytest.FixtureRequest, shared_pdf_cache: Path) -> None:
    """In a parallel run every worker starts with the sample built, so the PDFs of the many copies of it are in
    the shared cache before any copy is built: otherwise a second worker makes the same PDFs beside the first,
    whose PDF stage already keeps both cores busy. One worker builds; the others wait on its lock."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        request.getfixturevalue("sample_build")


@pytest.fixture(scope="session")
def sample_site(sample_build: pipeline.BuildResult) -> Path:
    return sample_build.site_dir


def read_case(path: Path) -> tuple[str, dict[Language, list[str]]]:
    """A case file's YAML and its expected messages by language: its `# expect[id]:` and `# expect[en]:` lines."""
    text = path.read_text(encoding="utf-8")
    assert not any(line.startswith("# expect: ") for line in text.splitlines()), (
        f"{path}: write each expected message twice, as '# expect[id]: …' (Indonesian) and '# expect[en]: …'")
    expected: dict[Language, list[str]] = {
        lang: [line[len(f"# expect[{lang}]: "):] for line in text.splitlines()
               if line.startswith(f"# expect[{lang}]: ")]
        for lang in LANGUAGES
    }
    return text, expected


@pytest.fixture
def english() -> Iterator[None]:
    """Run a test in English, for tests that pin English messages (the CLI reads LANG, the library the context)."""
    with pytest.MonkeyPatch.context() as env, use_language("en"):
        env.delenv("LANGUAGE", raising=False)
        env.setenv("LANG", "en_US.UTF-8")
        yield


@pytest.fixture
def write_and_check(scratch: Scratch) -> Callable[[dict[str, str]], list[str]]:
    def run(files: dict[str, str]) -> list[str]:
        for rel, text in files.items():
            scratch.write(rel, text)
        _, problems = pipeline.check(scratch.root)
        return [p.format() for p in problems.sorted()]
    return run


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is needed for the browser tests: run `make test` (it installs it) "
                    "or `sudo apt-get install chromium`")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()
