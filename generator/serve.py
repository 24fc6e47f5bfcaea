"""Live preview: regenerate the docs tree when YAML or templates change; MkDocs reloads the browser.

Pages first, PDFs after: a change is checked and its pages written at once (the engine serves dirty builds, so
only the changed pages are rebuilt); the handbooks and sheets whose inputs changed are made by a background
thread, and the pages linking them carry a note until they arrive.
"""

from __future__ import annotations

import contextvars
import socket
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import pipeline
from generator.check.validate import validate_record
from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.knowledge.status_view import SITE_STATUSES, with_statuses
from generator.load.source import read_yaml_file
from generator.model.common import Item
from generator.model.record import Record
from generator.model.references import iter_references
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.live_engine import HOOKS_FILE, detach, rebuild_now
from generator.outputs.pdf import stop_pdf_workers
from generator.outputs.site_update import quiet_dirty_build
from generator.outputs.tree import write_atomically, write_tree
from generator.problems import ProblemList
from generator.progress_protocol import step, watched
from generator.render.problems_page import PROBLEMS_PAGE, render_problems_page
from generator.render.site import ItemPages, item_page_path, render_site_docs

WATCHED = ("content", "data", "templates")
PROBLEMS_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
"""The problems page is the tool's, not the project's: a project made before it has no template for it."""
POLL_SECONDS = 0.25
SETTLE_SECONDS = 0.02
"""After a file event, before looking: an editor's save may be more than one write."""
PDF_FOLDERS = ("handbooks/", "materi/")
"""Where the docs tree holds PDFs (and manifests): the last ones stay there until their new versions are made."""
HEAD_START_SECONDS = 1.5
"""After one page is written alone, the engine gets this long to rebuild it before the whole regeneration
(which also runs in this process) competes with it for the processor."""


def pending_note() -> str:
    """Atop a page while a PDF it links to is being made again (the page itself already shows the change)."""
    return '!!! info "{title}"\n    {body}\n\n'.format(
        title=_("Handbook being updated"),
        body=_("The PDF files on this page are still the previous version; the new one is being made and will "
               "appear by itself."))


def _snapshot(project: Path) -> dict[Path, float]:
    return {
        path: path.stat().st_mtime
        for folder in WATCHED
        for path in (project / folder).rglob("*")
        if path.is_file()
    }


@dataclass(frozen=True)
class Pages:
    """One regeneration's pages, what its PDFs still need, and its check's problems."""

    generation: int
    kb: KnowledgeBase
    docs: dict[str, str | bytes]
    pending: list[str]
    problems: ProblemList


class _Overtaken(Exception):
    """A newer change came while a regeneration ran: it stops at its next step."""


class Preview:
    """The docs tree of a running preview: pages written at once, PDFs made by one background thread.

    masalah.html lists the problems of the last check (and of the last PDFs made)."""

    def __init__(self, project: Path, *, editor_url: str | None = None) -> None:
        self.project = project
        self.editor_url = editor_url
        self.docs_dir = pipeline.docs_folder(project)
        self.lock = threading.RLock()
        self.generation = 0
        self.wanted = threading.Condition(self.lock)
        self.next_pdfs: Pages | None = None
        self.item_pages: ItemPages | None = None
        """The last whole regeneration's templates and index: a record edited alone gets its page from them."""
        self.changes = 0
        """How many changes the watcher has seen: a regeneration that started before the latest writes nothing."""
        self.regeneration_wanted = threading.Event()
        self.quiet_until = 0.0
        """The engine's head start after a page written alone: no whole regeneration before this moment."""
        self.regeneration_may_run = threading.Event()
        """Cleared while the watcher looks for changes: the regeneration waits at its next step meanwhile.
        Beside it, the watcher's walk (a stat per file, each letting go of the interpreter and waiting to have
        it back) took over a second at ×20; alone, it takes a few hundredths."""
        self.regeneration_may_run.set()

    def saw(self, changed: list[Path]) -> None:
        """The watcher's call: the page first when it can be, and a whole regeneration asked for, in any case.
        The regeneration runs in a thread of its own, so a change saved during a long one still shows at once."""
        with self.lock:
            self.changes += 1
        if self.page_first(changed):
            self.quiet_until = time.monotonic() + HEAD_START_SECONDS
        self.regeneration_wanted.set()

    def regenerate_when_wanted(self, stop: threading.Event) -> None:
        """The regeneration thread: one whole regeneration for however many changes came since the last."""
        while not stop.is_set():
            if not self.regeneration_wanted.wait(POLL_SECONDS):
                continue
            self.regeneration_wanted.clear()
            stop.wait(max(0.0, self.quiet_until - time.monotonic()))
            if not stop.is_set():
                self.regenerate()

    def regenerate(self) -> None:
        """Check and write the pages; on problems keep the last good pages, print what is wrong and show it.

        A newer change stops it at its next step (a file read, a page rendered): what it would write is thrown
        away, and the interpreter is left to the page written first and the engine."""
        started_after = self.changes

        def stop_if_overtaken() -> None:
            self.regeneration_may_run.wait()
            if self._overtaken(started_after):
                raise _Overtaken

        try:
            with watched(stop_if_overtaken):
                self._regenerate(started_after)
        except _Overtaken:
            pass

    def _regenerate(self, started_after: int) -> None:
        today = pipeline.today_from_environment()
        kb, problems = pipeline.check(self.project, today=today)
        for problem in problems.sorted():
            print(problem.format(), file=sys.stderr)
        if problems.has_errors():
            self._write_problems(problems)
            return
        step()
        kb = with_statuses(kb, SITE_STATUSES)  # the preview shows what a build publishes
        config = pipeline.site_config(self.project)
        item_pages = ItemPages.of(kb, project=self.project, today=today)
        docs: dict[str, str | bytes] = dict(render_site_docs(kb, project=self.project, today=today,
                                                             pages=item_pages))
        self.item_pages = item_pages
        step()
        pending = pipeline.pdf_files_to_make(self.project, kb, config=config)
        with self.lock:
            if self._overtaken(started_after):
                return
            self.generation += 1
            pages = Pages(self.generation, kb, docs, pending, problems)
            previous = [self.docs_dir / rel for rel in pending]
            if not all(path.is_file() for path in previous):
                self._write_with_pdfs(pages)  # nothing to show meanwhile
                return
            self._write({**docs, **_with_note(docs, pending)}, problems, keep=PDF_FOLDERS)
            self.next_pdfs = pages
            self.wanted.notify()

    @contextmanager
    def watcher_looks(self) -> Iterator[None]:
        """The watcher's turn: the regeneration pauses at its next step until the block ends."""
        self.regeneration_may_run.clear()
        try:
            yield
        finally:
            self.regeneration_may_run.set()

    def _overtaken(self, started_after: int) -> bool:
        """A newer change came since the regeneration started: its own regeneration writes, this one need not go
        on (what it would write is thrown away)."""
        return self.changes != started_after

    def page_first(self, changed: list[Path]) -> bool:
        """When the one file changed is a record with a page, valid, and naming only records the site shows:
        write its page at once from the last whole regeneration's index, and say so. Its links and the lists
        around it (indexes, backlinks, handbooks) follow with the whole regeneration that comes next."""
        if len(changed) != 1 or self.item_pages is None or not changed[0].is_file():
            return False
        path, shown = changed[0], self.item_pages.kb.records
        rel = path.relative_to(self.project).as_posix()
        old = next((r for r in shown.values() if r.source.src_path == rel), None)
        if old is None or old.kind.pages is None:
            return False
        loaded = read_yaml_file(path, rel)
        if isinstance(loaded, list):
            return False
        data, problems = validate_record(loaded, old.kind)
        if data is None or problems:
            return False
        record = Record(old.kind, data, loaded)
        if record.id != old.id or (isinstance(data, Item) and data.status not in SITE_STATUSES):
            return False
        if any(ref.target not in shown for ref in iter_references(data)):
            return False
        try:
            text = self.item_pages.render_alone(record)
        except Exception:  # a shortcut only: the whole regeneration that follows reports what went wrong
            return False
        with self.lock:
            write_atomically(self.docs_dir / item_page_path(record), text.encode("utf-8"))
        rebuild_now()
        return True

    def make_pdfs(self, stop: threading.Event) -> None:
        """The background thread: make the newest generation's PDFs, then put them in, note gone."""
        while not stop.is_set():
            with self.lock:
                if self.next_pdfs is None:
                    self.wanted.wait(POLL_SECONDS)
                    continue
                pages, self.next_pdfs = self.next_pdfs, None
            try:
                files, problems = self._pdfs(pages)
            except BrokenProcessPool:
                if stop.is_set():  # the preview is closing: its workers were ended mid-PDF
                    return
                raise
            with self.lock:
                if pages.generation == self.generation:  # else newer pages came meanwhile
                    if files is None:  # the last PDFs stay until a change mends what stopped these
                        self._write(pages.docs, problems, keep=PDF_FOLDERS)
                    else:
                        self._write({**pages.docs, **files}, problems)

    def _write_with_pdfs(self, pages: Pages) -> None:
        files, problems = self._pdfs(pages)
        if files is not None:
            self._write({**pages.docs, **files}, problems)
        else:
            self._write_problems(problems)

    def _pdfs(self, pages: Pages) -> tuple[dict[str, str | bytes] | None, ProblemList]:
        try:
            return pipeline.render_pdf_files(self.project, pages.kb, config=pipeline.site_config(self.project)), \
                pages.problems
        except HandbookBuildError as exc:
            for problem in exc.problems.sorted():
                print(problem.format(), file=sys.stderr)
            return None, ProblemList([*pages.problems, *exc.problems])

    def _problems_page(self, problems: ProblemList) -> str:
        return render_problems_page(PROBLEMS_TEMPLATES, problems, editor_url=self.editor_url)

    def _write(self, files: dict[str, str | bytes], problems: ProblemList, *, keep: tuple[str, ...] = ()) -> None:
        write_tree({**files, PROBLEMS_PAGE: self._problems_page(problems)}, self.docs_dir, keep=keep)
        rebuild_now()

    def _write_problems(self, problems: ProblemList) -> None:
        """Only the problems page changes: the last good pages stay."""
        with self.lock:
            write_atomically(self.docs_dir / PROBLEMS_PAGE, self._problems_page(problems).encode("utf-8"))
        rebuild_now()


def _with_note(docs: dict[str, str | bytes], pending: list[str]) -> dict[str, str | bytes]:
    """The pages that link to a PDF being made, with the note after their front matter."""
    noted: dict[str, str | bytes] = {}
    for rel, text in docs.items():
        if isinstance(text, str) and rel.endswith(".md") and any(p in text for p in pending if p.endswith(".pdf")):
            noted[rel] = _insert_note(text)
    return noted


def _insert_note(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[:end + 5] + "\n" + pending_note() + text[end + 5:]
    return pending_note() + text


def _watch(preview: Preview, stop: threading.Event, seen: dict[Path, float], addr: str) -> None:
    """Look for changed files every POLL_SECONDS, and at once when the system reports a file event."""
    _wait_for_engine(addr, stop)
    woken = threading.Event()
    with _file_events(preview.project, woken):
        while not stop.is_set():
            if woken.wait(POLL_SECONDS):
                stop.wait(SETTLE_SECONDS)  # the rest of the save (an editor may write, then rename)
                woken.clear()
            with preview.watcher_looks():
                current = _snapshot(preview.project)
            if current != seen:
                changed = sorted(path for path in current.keys() | seen.keys()
                                 if current.get(path) != seen.get(path))
                seen = current
                preview.saw(changed)


class _WakeUp(FileSystemEventHandler):
    """Sets `woken` on any file event."""

    def __init__(self, woken: threading.Event) -> None:
        super().__init__()
        self.woken = woken

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.woken.set()


@contextmanager
def _file_events(project: Path, woken: threading.Event) -> Iterator[None]:
    """`woken` is set on any file event under the watched folders, while the block runs (inotify on Linux).

    Only a wake-up call: the snapshot still decides what changed, and the polling goes on beside it, since some
    folders never report events (a Windows drive seen from WSL, some network and container mounts)."""
    handler, observer = _WakeUp(woken), Observer()
    try:
        for folder in WATCHED:
            if (project / folder).is_dir():
                observer.schedule(handler, str(project / folder), recursive=True)
        observer.start()
        started = True
    except OSError:  # no events to be had (e.g. the system's limit of watches): polling alone
        started = False
    try:
        yield
    finally:
        if started:
            observer.stop()
            observer.join()


def listening(addr: str) -> bool:
    """Whether something accepts connections at 'host:port' (host '' is this machine)."""
    host, _sep, port = addr.rpartition(":")
    with socket.socket() as probe:
        return probe.connect_ex((host or "127.0.0.1", int(port))) == 0


def _wait_for_engine(addr: str, stop: threading.Event) -> None:
    """Until MkDocs serves (its first build done, its own watcher started): a page regenerated before that
    would never reach the preview."""
    while not stop.wait(POLL_SECONDS):
        if listening(addr):
            stop.wait(1.0)  # MkDocs starts watching just after it starts listening
            return


def serve(project: Path, *, addr: str, editor_url: str | None = None) -> int:
    """Generate once (PDFs included), then serve with live reload until Ctrl-C; the engine rebuilds only the
    pages whose Markdown changed."""
    seen = _snapshot(project)  # before the first build: a file saved while it runs is rebuilt after it
    preview = Preview(project, editor_url=editor_url)
    preview.regenerate()  # PDFs missing from the docs tree are made before the first page is served
    stop = threading.Event()
    # The threads run in copies of this context, so they speak the run's language.
    threads = [threading.Thread(target=contextvars.copy_context().run, args=(_watch, preview, stop, seen, addr),
                                daemon=True),
               threading.Thread(target=contextvars.copy_context().run, args=(preview.regenerate_when_wanted, stop),
                                daemon=True),
               threading.Thread(target=contextvars.copy_context().run, args=(preview.make_pdfs, stop), daemon=True)]
    for thread in threads:
        thread.start()
    try:
        # Not strict: a warning (a page mid-rewrite) must not stop the preview, nor the editor beside it;
        # `polmas build` stays strict.
        with quiet_dirty_build():
            mkdocs_serve(str(project / "mkdocs.yml"), dev_addr=addr, livereload=True, build_type="dirty",
                         strict=False, hooks=[str(HOOKS_FILE)])
    finally:
        stop.set()
        detach()
        stop_pdf_workers(now=True)  # PDFs still being made for the preview are not waited for
    return 0
