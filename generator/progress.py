"""Progress bars and the closing summary for long commands (rich), on stderr so stdout stays plain."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich import filesize
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from generator.i18n import N_, _
from generator.outputs.bundle import BundleResult

console = Console(stderr=True, highlight=False)


class RichProgress:
    """One bar per stage; the previous stage is marked done when the next starts."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.current: TaskID | None = None

    def stage(self, description: str, total: int | None) -> Callable[[], None]:
        self.finish()
        self.current = self.progress.add_task(description, total=total)
        task_id = self.current
        return lambda: self.progress.advance(task_id)

    def finish(self) -> None:
        if self.current is not None:
            total = self.progress.tasks[self.current].total or 1
            self.progress.update(self.current, total=total, completed=total)


@contextmanager
def progress_bars() -> Iterator[RichProgress]:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        reporter = RichProgress(progress)
        yield reporter
        reporter.finish()


def bundle_summary(result: BundleResult) -> None:
    table = Table(title=_("Offline bundle ready"), show_header=False, title_justify="left")
    table.add_row(_("File"), str(result.archive))
    table.add_row(_("Size"), filesize.decimal(result.size))
    table.add_row(_("Opening page weight"), _("{weight} (HTML, styles, scripts, pictures)").format(
        weight=filesize.decimal(result.page_weight)))
    table.add_row(_("Contents"), _("{files} files, {pages} site pages").format(files=result.files, pages=result.pages))
    for kind, count in result.pdfs.items():
        table.add_row(_(PDF_KINDS.get(kind, kind)), str(count))
    if result.print_copies:
        table.add_row(_("To print"), _("{copies} copies, as cetak/00-daftar-cetak.pdf lists").format(
            copies=result.print_copies))
    table.add_row(_("How to use"), _("unzip it onto a USB stick or a phone, then open index.html (no internet needed)"))
    console.print(table)


PDF_KINDS = {"handbooks": N_("PDF forum handbooks"), "training": N_("PDF training materials")}
"""The bundle's kinds of PDF (BundleResult.pdfs), as the summary names them."""
