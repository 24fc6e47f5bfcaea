"""The preview's shortcut: one record edited alone gets its page at once, as the whole regeneration makes it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from generator import pipeline
from generator.knowledge.status_view import SITE_STATUSES, with_statuses
from generator.load.source import read_yaml_file
from generator.render.site import render_site_docs
from generator.serve import Preview, _file_events
from tests.conftest import SAMPLE_TODAY

pytestmark = pytest.mark.slow
GUIDELINE = "content/guidelines/cegah-kebakaran-pasar.yaml"
PAGE = "pedoman/cegah-kebakaran-pasar.md"
TITLE = "title: Pencegahan Kebakaran di Pasar Tradisional"


@pytest.fixture
def preview(sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Preview:
    monkeypatch.setenv(pipeline.TODAY_ENV, SAMPLE_TODAY.isoformat())
    shown = Preview(sample_copy)
    shown.regenerate()
    return shown


@pytest.fixture
def unstarted(sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Preview:
    """A preview that has not regenerated yet (nothing written, no PDF made)."""
    monkeypatch.setenv(pipeline.TODAY_ENV, SAMPLE_TODAY.isoformat())
    return Preview(sample_copy)


def docs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(project: Path, old: str, new: str, rel: str = GUIDELINE) -> Path:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_edited_title_is_written_alone_as_the_whole_regeneration_writes_it(
    preview: Preview, sample_copy: Path,
) -> None:
    before = docs(preview.docs_dir)
    path = edit(sample_copy, TITLE, "title: Cegah Api di Pasar")
    assert preview.page_first([path])
    after = docs(preview.docs_dir)
    assert {rel for rel in after if after[rel] != before.get(rel)} == {PAGE}, "only the edited record's page"
    assert b"Cegah Api di Pasar" in after[PAGE]
    kb, problems = pipeline.check(sample_copy, today=SAMPLE_TODAY)
    assert not problems.has_errors()
    whole = render_site_docs(with_statuses(kb, SITE_STATUSES), project=sample_copy, today=SAMPLE_TODAY)
    assert after[PAGE].decode("utf-8") == whole[PAGE]


@pytest.mark.parametrize(("old", "new"), [
    (TITLE, "title: [tidak ditutup"),  # YAML that does not parse
    ("status: disahkan", "status: draf"),  # the site does not show a draft
    ("situations: [kebakaran-pasar]", "situations: [tidak-ada-situasi-ini]"),  # names a record that does not exist
])
def test_what_the_shortcut_cannot_show_waits_for_the_whole_regeneration(
    preview: Preview, sample_copy: Path, old: str, new: str,
) -> None:
    before = docs(preview.docs_dir)
    assert not preview.page_first([edit(sample_copy, old, new)])
    assert docs(preview.docs_dir) == before


def test_two_files_or_a_file_without_a_page_wait_too(preview: Preview, sample_copy: Path) -> None:
    first = edit(sample_copy, TITLE, "title: Cegah Api di Pasar")
    assert not preview.page_first([first, sample_copy / "content/guidelines/hentikan-tawuran.yaml"])
    assert not preview.page_first([sample_copy / "data/glossary.yaml"])
    assert not preview.page_first([sample_copy / "templates/site/guideline.md.j2"])


def test_a_regeneration_overtaken_during_its_check_stops_there_and_writes_nothing(
    preview: Preview, sample_copy: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A change saved while the regeneration checks the project: the rest of that regeneration would be thrown
    away, so it is not done (the page-first render and the engine get the interpreter to themselves)."""
    before = docs(preview.docs_dir)
    edit(sample_copy, TITLE, TITLE + " Baru")
    real_check = pipeline.check

    def check_then_overtaken(*args: object, **kwargs: object) -> object:
        found = real_check(*args, **kwargs)  # type: ignore[arg-type]
        preview.changes += 1  # what the watcher does when the coordinator saves again
        return found

    def not_rendered(*args: object, **kwargs: object) -> None:
        raise AssertionError("an overtaken regeneration renders no page")

    monkeypatch.setattr(pipeline, "check", check_then_overtaken)
    monkeypatch.setattr("generator.serve.render_site_docs", not_rendered)
    preview.regenerate()
    assert docs(preview.docs_dir) == before


def test_a_regeneration_overtaken_in_the_middle_of_its_check_stops_at_the_next_file(
    unstarted: Preview, sample_copy: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not at the end of the check: at ×20 the check alone took 3 s beside the engine's rebuild of the page."""
    read: list[str] = []

    def read_then_overtaken(path: Path, src_path: str) -> object:
        read.append(src_path)
        if len(read) == 3:
            unstarted.changes += 1  # what the watcher does when the coordinator saves again
        return read_yaml_file(path, src_path)

    monkeypatch.setattr("generator.knowledge.build.read_yaml_file", read_then_overtaken)
    unstarted.regenerate()
    assert len(read) == 3, "the files after the change are not read"
    assert not unstarted.docs_dir.exists(), "nothing written"


def test_the_regeneration_waits_while_the_watcher_looks(
    unstarted: Preview, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The watcher's walk over the project is not slowed by a regeneration beside it: that pauses at a step."""
    read: list[str] = []

    def counted(path: Path, src_path: str) -> object:
        read.append(src_path)
        return read_yaml_file(path, src_path)

    monkeypatch.setattr("generator.knowledge.build.read_yaml_file", counted)
    regeneration = threading.Thread(target=unstarted.regenerate)
    with unstarted.watcher_looks():
        regeneration.start()
        regeneration.join(0.5)
        assert regeneration.is_alive() and read == [], "paused at its first step"
        unstarted.changes += 1  # the watcher saw a change: once let go, the regeneration stops at that step
    regeneration.join(60)
    assert not regeneration.is_alive() and read == []


def test_a_saved_file_wakes_the_watcher_at_once(tmp_path: Path) -> None:
    """Beside the polling: the system's file events (inotify) wake the watcher as soon as a file is saved."""
    (tmp_path / "content" / "guidelines").mkdir(parents=True)
    woken = threading.Event()
    with _file_events(tmp_path, woken):
        assert not woken.wait(0.3), "nothing saved yet"
        (tmp_path / "content" / "guidelines" / "baru.yaml").write_text("id: baru\n", encoding="utf-8")
        assert woken.wait(5.0)
