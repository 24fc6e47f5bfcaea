"""`polmas serve` keeps up with the coordinator: an edited guideline shows on its page before the PDFs are remade."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from tests.conftest import SAMPLE_TODAY

pytestmark = [pytest.mark.browser, pytest.mark.slow]
GUIDELINE = "content/guidelines/cegah-kebakaran-pasar.yaml"
PAGE = "pedoman/cegah-kebakaran-pasar.html"
NEW_TITLE = "Cegah Api di Pasar Tradisional"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_served(url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "polmas serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} was not served within {seconds:.0f} s")


def shows(page: Any, text: str) -> bool:
    """Whether the page holds `text` now (False while live reload is swapping it)."""
    from playwright.sync_api import Error

    try:
        return text in page.content()
    except Error:
        return False


@pytest.fixture
def served(sample_copy: Path) -> Iterator[str]:
    """`polmas serve` running on a copy of the sample; its own process, stopped by its id."""
    port = free_port()
    env = {**os.environ, pipeline.TODAY_ENV: SAMPLE_TODAY.isoformat()}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(sample_copy), "serve", "--addr", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_served(f"{url}/{PAGE}", process, seconds=600)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_an_edited_title_shows_on_the_served_page(served: str, sample_copy: Path, browser: Any) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{served}/{PAGE}")
        assert NEW_TITLE not in page.content()
        guideline = sample_copy / GUIDELINE
        text = guideline.read_text(encoding="utf-8")
        started = time.monotonic()
        guideline.write_text(text.replace("title: Pencegahan Kebakaran di Pasar Tradisional",
                                          f"title: {NEW_TITLE}", 1), encoding="utf-8")
        last_reload = started
        while not shows(page, NEW_TITLE):
            assert time.monotonic() - started < 300, "the edit never showed"
            page.wait_for_timeout(50)
            if time.monotonic() - last_reload > 5:  # live reload does it; a reload now and then is a safety net
                page.reload()
                last_reload = time.monotonic()
        print(f"\nedit visible in the served page after {time.monotonic() - started:.2f} s")
    finally:
        page.close()
