"""Live preview: regenerate the docs tree when YAML or templates change; MkDocs reloads the browser."""

from __future__ import annotations

import contextvars
import socket
import sys
import threading
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from generator import pipeline
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.tree import write_atomically
from generator.render.problems_page import PROBLEMS_PAGE, render_problems_page

WATCHED = ("content", "data", "templates")
PROBLEMS_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
"""The problems page is the tool's, not the project's: a project made before it has no template for it."""
POLL_SECONDS = 1.0


def _snapshot(project: Path) -> dict[Path, float]:
    return {
        path: path.stat().st_mtime
        for folder in WATCHED
        for path in (project / folder).rglob("*")
        if path.is_file()
    }


def _regenerate(project: Path, editor_url: str | None) -> None:
    """Check and regenerate; on problems keep the last good pages, print what is wrong and show it on a page."""
    today = pipeline.today_from_environment()
    kb, problems = pipeline.check(project, today=today)
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)
    if not problems.has_errors():
        try:
            pipeline.generate_docs(project, kb, today=today)
        except HandbookBuildError as exc:
            problems.extend(exc.problems)
            for problem in exc.problems.sorted():
                print(problem.format(), file=sys.stderr)
    page = render_problems_page(PROBLEMS_TEMPLATES, problems, editor_url=editor_url)
    write_atomically(project / pipeline.DOCS_DIR / PROBLEMS_PAGE, page.encode("utf-8"))


def _watch(project: Path, stop: threading.Event, editor_url: str | None, seen: dict[Path, float],
           addr: str) -> None:
    _wait_for_engine(addr, stop)
    while not stop.wait(POLL_SECONDS):
        current = _snapshot(project)
        if current != seen:
            seen = current
            _regenerate(project, editor_url)


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
    """Generate once, then serve with live reload until Ctrl-C; masalah.html lists the problems of the last check."""
    seen = _snapshot(project)  # before the first build: a file saved while it runs is rebuilt after it
    _regenerate(project, editor_url)
    stop = threading.Event()
    # The watcher rebuilds in its own thread: run it in a copy of this context, so it speaks the run's language.
    watcher = threading.Thread(target=contextvars.copy_context().run,
                               args=(_watch, project, stop, editor_url, seen, addr), daemon=True)
    watcher.start()
    try:
        # Not strict: a warning (a page mid-rewrite) must not stop the preview, nor the editor beside it;
        # `polmas build` stays strict.
        mkdocs_serve(str(project / "mkdocs.yml"), dev_addr=addr, livereload=True, strict=False)
    finally:
        stop.set()
    return 0
