"""Live preview: on a change of YAML or templates the pages come first, the PDFs follow in the background."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from generator import pipeline
from generator.knowledge import KnowledgeBase
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.site_update import quiet_dirty_build
from generator.outputs.tree import write_tree
from generator.render.site import render_site_docs

WATCHED = ("content", "data", "templates")
POLL_SECONDS = 0.25
PENDING_NOTE = (
    '!!! info "Buku pegangan sedang diperbarui"\n'
    "    Berkas PDF di halaman ini masih versi sebelumnya; versi baru sedang dibuat dan muncul sendiri.\n\n"
)
"""Atop a page while a PDF it links to is being made again (the page itself already shows the change)."""


def _snapshot(project: Path) -> dict[Path, float]:
    return {
        path: path.stat().st_mtime
        for folder in WATCHED
        for path in (project / folder).rglob("*")
        if path.is_file()
    }


@dataclass(frozen=True)
class Pages:
    """One regeneration's pages and what its PDFs still need."""

    generation: int
    kb: KnowledgeBase
    docs: dict[str, str | bytes]
    pending: list[str]


class Preview:
    """The docs tree of a running preview: pages written at once, PDFs made by one background thread."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.docs_dir = pipeline.docs_folder(project)
        self.lock = threading.Lock()
        self.generation = 0
        self.wanted = threading.Condition(self.lock)
        self.next_pdfs: Pages | None = None

    def regenerate(self) -> None:
        """Check and write the pages; on problems keep the last good pages and print what is wrong."""
        today = pipeline.today_from_environment()
        kb, problems = pipeline.check(self.project, today=today)
        for problem in problems.sorted():
            print(problem.format(), file=sys.stderr)
        if problems.has_errors():
            return
        config = pipeline.site_config(self.project)
        docs: dict[str, str | bytes] = dict(render_site_docs(kb, project=self.project, today=today))
        pending = pipeline.pdf_files_to_make(self.project, kb, config=config)
        with self.lock:
            self.generation += 1
            previous = {rel: self.docs_dir / rel for rel in pending}
            if not all(path.is_file() for path in previous.values()):
                self._write_pdfs(Pages(self.generation, kb, docs, []))  # nothing to show meanwhile
                return
            write_tree({**docs, **_previous_pdfs(self.docs_dir), **_with_note(docs, pending)}, self.docs_dir)
            self.next_pdfs = Pages(self.generation, kb, docs, pending)
            self.wanted.notify()

    def make_pdfs(self, stop: threading.Event) -> None:
        """The background thread: make the newest generation's PDFs, then put them in, note gone."""
        while not stop.is_set():
            with self.lock:
                if self.next_pdfs is None:
                    self.wanted.wait(POLL_SECONDS)
                    continue
                pages, self.next_pdfs = self.next_pdfs, None
            files = self._pdfs(pages)
            with self.lock:
                if files is not None and pages.generation == self.generation:  # else newer pages came meanwhile
                    write_tree({**pages.docs, **files}, self.docs_dir)

    def _write_pdfs(self, pages: Pages) -> None:
        files = self._pdfs(pages)
        if files is not None:
            write_tree({**pages.docs, **files}, self.docs_dir)

    def _pdfs(self, pages: Pages) -> dict[str, str | bytes] | None:
        try:
            return pipeline.render_pdf_files(self.project, pages.kb, config=pipeline.site_config(self.project))
        except HandbookBuildError as exc:
            for problem in exc.problems.sorted():
                print(problem.format(), file=sys.stderr)
            return None


def _previous_pdfs(docs_dir: Path) -> dict[str, str | bytes]:
    """The PDFs and manifests already in the docs tree: shown until their new versions are made."""
    return {path.relative_to(docs_dir).as_posix(): path.read_bytes()
            for folder in ("handbooks", "materi") for path in (docs_dir / folder).rglob("*") if path.is_file()}


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
            return text[:end + 5] + "\n" + PENDING_NOTE + text[end + 5:]
    return PENDING_NOTE + text


def _watch(preview: Preview, stop: threading.Event) -> None:
    seen = _snapshot(preview.project)
    while not stop.wait(POLL_SECONDS):
        current = _snapshot(preview.project)
        if current != seen:
            seen = current
            preview.regenerate()


def serve(project: Path, *, addr: str) -> int:
    """Generate once (PDFs included), then serve with live reload until Ctrl-C; the engine rebuilds only the
    pages whose Markdown changed."""
    preview = Preview(project)
    preview.regenerate()  # PDFs missing from the docs tree are made before the first page is served
    stop = threading.Event()
    threads = [threading.Thread(target=_watch, args=(preview, stop), daemon=True),
               threading.Thread(target=preview.make_pdfs, args=(stop,), daemon=True)]
    for thread in threads:
        thread.start()
    try:
        with quiet_dirty_build():
            mkdocs_serve(str(project / "mkdocs.yml"), dev_addr=addr, livereload=True, build_type="dirty")
    finally:
        stop.set()
    return 0

