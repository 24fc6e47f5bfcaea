"""Live preview: regenerate the docs tree when YAML or templates change; MkDocs reloads the browser."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from generator import pipeline
from generator.outputs.handbooks import HandbookBuildError
from generator.problems import ProblemList

WATCHED = ("content", "data", "templates")
POLL_SECONDS = 1.0

OnSaved = Callable[[list[Path]], None]
"""Called with the files that changed, before they are checked (`polmas edit` formats them)."""
OnChecked = Callable[[ProblemList], None]
"""Called with every check's problems (`polmas edit` shows them in the editor)."""


def _snapshot(project: Path) -> dict[Path, float]:
    return {
        path: path.stat().st_mtime
        for folder in WATCHED
        for path in (project / folder).rglob("*")
        if path.is_file()
    }


def _regenerate(project: Path, on_checked: OnChecked | None = None) -> None:
    """Check and regenerate; on problems keep the last good pages and print what is wrong."""
    today = pipeline.today_from_environment()
    kb, problems = pipeline.check(project, today=today)
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)
    if on_checked is not None:
        on_checked(problems)  # before the pages: the problems panel must not wait for the PDFs
    if not problems.has_errors():
        try:
            pipeline.generate_docs(project, kb, today=today)
        except HandbookBuildError as exc:
            for problem in exc.problems.sorted():
                print(problem.format(), file=sys.stderr)


def _watch(project: Path, stop: threading.Event, on_saved: OnSaved | None, on_checked: OnChecked | None) -> None:
    seen = _snapshot(project)
    while not stop.wait(POLL_SECONDS):
        current = _snapshot(project)
        if current != seen:
            if on_saved is not None:
                on_saved(sorted(path for path, mtime in current.items() if seen.get(path) != mtime))
                current = _snapshot(project)  # what formatting rewrote is not a change of its own
            seen = current
            _regenerate(project, on_checked)


def serve(project: Path, *, addr: str, on_saved: OnSaved | None = None, on_checked: OnChecked | None = None) -> int:
    """Generate once, then serve with live reload until Ctrl-C."""
    _regenerate(project, on_checked)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(project, stop, on_saved, on_checked), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(str(project / "mkdocs.yml"), dev_addr=addr, livereload=True)
    finally:
        stop.set()
    return 0
