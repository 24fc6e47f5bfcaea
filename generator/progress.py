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
    table = Table(title="Bundel luring siap", show_header=False, title_justify="left")
    table.add_row("Berkas", str(result.archive))
    table.add_row("Ukuran bundel", filesize.decimal(result.size))
    table.add_row("Bobot halaman pembuka", f"{filesize.decimal(result.page_weight)} (HTML, gaya, skrip, gambar)")
    table.add_row("Isi", f"{result.files} berkas, {result.pages} halaman situs")
    for kind, count in result.pdfs.items():
        table.add_row(f"PDF {kind}", str(count))
    if result.print_copies:
        table.add_row("Cetak", f"{result.print_copies} salinan menurut cetak/00-daftar-cetak.pdf")
    table.add_row("Cara pakai", "ekstrak ke flashdisk atau ponsel, lalu buka index.html (tanpa internet)")
    console.print(table)
