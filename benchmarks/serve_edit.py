"""How long a coordinator waits in `polmas serve` to see an edit: a guideline's title changed, its page watched.

    .venv/bin/python -m benchmarks.serve_edit [--project DIR] [--repeat 3]

`--project` is a project already built once (e.g. the one `benchmarks.scale --items 20 --keep DIR` leaves in
DIR/project, its PDFs cached), so the preview starts without making PDFs; without it, a copy of the sample is
used. The preview runs in its own process; Debian's Chromium (Playwright, no browser download) opens the first
guideline that a handbook holds, then its YAML's title is changed and the time until the served page shows the
new title is printed. The title is put back after each round. With `--under-load`, each timed edit is saved
while the preview is regenerating after another guideline's edit (0.5, 1.5 and 3 s into it, in turn), as when a
coordinator fixes two things in a row. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from benchmarks.common import copy_project
from generator import pipeline
from generator.domain.editions import prepare_edition
from generator.domain.selection import forums_with_handbooks
from generator.model import Guideline
from generator.serve import HEAD_START_SECONDS, POLL_SECONDS

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
START_SECONDS = 1800.0
EDIT_SECONDS = 300.0
SETTLE_SECONDS = 20.0
"""With --under-load, after a round: the regenerations that put both guidelines back, so the next round starts calm."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_served(url: str, process: subprocess.Popen[bytes], seconds: float) -> float:
    """Seconds until `url` answers 200; exits when the preview stops or the time is up."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if process.poll() is not None:
            sys.exit("polmas serve stopped before it served the page")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    sys.exit(f"{url} was not served within {seconds:.0f} s")


@contextmanager
def preview(project: Path) -> Iterator[tuple[str, float]]:
    """`polmas serve` on `project` in its own process: its address and the seconds it took to serve."""
    port = free_port()
    env = {**os.environ, pipeline.TODAY_ENV: os.environ.get(pipeline.TODAY_ENV, "2026-12-01")}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(project), "serve", "--addr", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        started = wait_until_served(f"{url}/", process, START_SECONDS)
        time.sleep(2.0)  # the watcher starts once MkDocs serves
        yield url, started
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def shows(page: Any, text: str) -> bool:
    """Whether the page holds `text` now (False while live reload is swapping it)."""
    from playwright.sync_api import Error

    try:
        return text in page.content()
    except Error:
        return False


def edit_visible(page: Any, source: Path, old: str, new: str) -> float:
    """Seconds from writing `new` over `old` in `source` until the open page shows it."""
    text = source.read_text(encoding="utf-8")
    started = time.monotonic()
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    last_reload = started
    while not shows(page, new.removeprefix("title: ")):
        if time.monotonic() - started > EDIT_SECONDS:
            sys.exit(f"the edit never showed within {EDIT_SECONDS:.0f} s")
        page.wait_for_timeout(20)
        if time.monotonic() - last_reload > 5:  # live reload does it; a reload now and then is a safety net
            reload(page)
            last_reload = time.monotonic()
    return time.monotonic() - started


def settled(page: Any, edited: str) -> None:
    """Until the page no longer shows the edit (the preview is back on the original), and a second more."""
    started = time.monotonic()
    while shows(page, edited) and time.monotonic() - started < EDIT_SECONDS:
        page.wait_for_timeout(200)
        reload(page)
    time.sleep(1.0)


def reload(page: Any) -> None:
    """Reload the page, unless live reload is doing it at the same moment (then that reload is the one)."""
    from playwright.sync_api import Error

    with suppress(Error):
        page.reload()


def held_guidelines(project: Path) -> tuple[tuple[Path, str, str], Path]:
    """The first guideline a handbook holds (its file, its page and its title line), and another's file."""
    kb, _problems = pipeline.check(project)
    held = {i for forum in forums_with_handbooks(kb) for i in prepare_edition(kb, forum).contents.ids}
    guideline, other = [g for g in kb.of_kind(Guideline) if g.id in held][:2]
    source = project / guideline.source.src_path
    line = next(li for li in source.read_text(encoding="utf-8").splitlines() if li.startswith("title:"))
    return (source, f"pedoman/{guideline.id}.html", line), project / other.source.src_path


LOAD_OFFSETS = (0.5, 1.5, 3.0)
"""With --under-load: how far into the regeneration the timed edit is saved, round after round."""


def start_regeneration(other: Path, round_: int) -> None:
    """Save a word in another guideline, then wait until the preview is regenerating after it, some way in."""
    text = other.read_text(encoding="utf-8")
    other.write_text(text.replace("\ntitle: ", f"\ntitle: (muat {round_}) ", 1), encoding="utf-8")
    time.sleep(POLL_SECONDS + HEAD_START_SECONDS + LOAD_OFFSETS[(round_ - 1) % len(LOAD_OFFSETS)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", help="a project built once (default: a copy of the sample)")
    parser.add_argument("--repeat", type=int, default=3, help="edits to time")
    parser.add_argument("--under-load", action="store_true",
                        help="save each timed edit while a regeneration after another edit is running")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="polmas-serve-") as scratch:
        project = Path(args.project).resolve() if args.project else copy_project(REPO, Path(scratch) / "project")
        (source, page_path, title), other = held_guidelines(project)
        original, other_original = source.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")
        pages = sum(1 for _ in (project / "content").rglob("*.yaml"))
        times: list[float] = []
        try:
            with preview(project) as (url, start), sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 390, "height": 844})
                for round_ in range(1, args.repeat + 1):
                    page.goto(f"{url}/{page_path}")
                    if args.under_load:
                        start_regeneration(other, round_)
                    times.append(edit_visible(page, source, title, f"{title} (sunting {round_})"))
                    print(f"  edit {round_}: {times[-1]:.2f} s", file=sys.stderr)
                    source.write_text(original, encoding="utf-8")
                    other.write_text(other_original, encoding="utf-8")
                    settled(page, f"(sunting {round_})")
                    if args.under_load:
                        time.sleep(SETTLE_SECONDS)  # the regenerations after putting both back, and their PDFs
                browser.close()
        finally:
            source.write_text(original, encoding="utf-8")
            other.write_text(other_original, encoding="utf-8")
    print(f"\npolmas serve, {pages} content files: first page served after {start:.1f} s")
    print(f"{'edit':<62} {'visible after s':>16}")
    for round_, seconds in enumerate(times, 1):
        during = (f", {LOAD_OFFSETS[(round_ - 1) % len(LOAD_OFFSETS)]:g} s into a regeneration"
                  if args.under_load else "")
        print(f"{f'title of {source.stem} ({round_}){during}':<62} {seconds:>16.2f}")
    print(f"{'median':<62} {statistics.median(times):>16.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
