"""`polmas serve` keeps up with the coordinator: an edited guideline shows on its page before the PDFs are remade."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.serve_edit import preview, shows
from generator import pipeline
from tests.conftest import SAMPLE_TODAY

pytestmark = [pytest.mark.browser, pytest.mark.slow]
GUIDELINE = "content/guidelines/cegah-kebakaran-pasar.yaml"
PAGE = "pedoman/cegah-kebakaran-pasar.html"
NEW_TITLE = "Cegah Api di Pasar Tradisional"


@pytest.fixture
def served(sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """`polmas serve` running on a copy of the sample, in its own process (the benchmark's)."""
    monkeypatch.setenv(pipeline.TODAY_ENV, SAMPLE_TODAY.isoformat())
    with preview(sample_copy) as (url, _started):
        yield url


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
