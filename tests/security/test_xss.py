"""Hostile text in every kind of content field never runs in the built pages (real Chromium)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from tests.conftest import Scratch

PAYLOADS = [line for line in (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]
pytestmark = pytest.mark.browser


def write(scratch: Scratch, rel: str, data: dict[str, Any]) -> None:
    """JSON is YAML: every payload lands as one exact string."""
    scratch.write(rel, json.dumps(data, ensure_ascii=False, indent=1))


def write_hostile_project(scratch: Scratch) -> None:
    body = "\n\n".join(PAYLOADS)
    write(scratch, "content/situations/tawuran-pelajar.yaml", {
        "id": "tawuran-pelajar", "title": "Tawuran <script>alert('judul')</script>", "summary": PAYLOADS[1],
        "type": "masalah", "class": "GN", "description": body, "impacts": PAYLOADS, "questions": PAYLOADS,
        "areas": ["kecandran"],
    })
    write(scratch, "content/guidelines/cegah-tawuran.yaml", {
        "id": "cegah-tawuran", "title": PAYLOADS[0], "summary": PAYLOADS[2], "phase": "pencegahan",
        "situations": ["tawuran-pelajar"], "standard": PAYLOADS[4], "how_it_works": PAYLOADS[5], "notes": body,
        "escalation": PAYLOADS[6], "steps": [{"text": p, "actor": p} for p in PAYLOADS],
        "contacts": [{"role": p, "channel": p} for p in PAYLOADS[:5]],
    })
    write(scratch, "data/areas/kecandran.yaml", {
        "id": "kecandran", "code": "33.73.04.1001", "level": "kelurahan", "name": PAYLOADS[1],
    })
    write(scratch, "data/forums/fkpm-kecandran.yaml", {
        "id": "fkpm-kecandran", "name": PAYLOADS[12], "summary": PAYLOADS[3], "model": "wilayah",
        "areas": ["kecandran"], "polsek": PAYLOADS[19], "polres": "Polres Salatiga",
        "members": [{"role": PAYLOADS[20], "element": "masyarakat"}], "vision": PAYLOADS[9], "mission": PAYLOADS,
        "meetings": PAYLOADS[7],
    })


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    scratch = Scratch(tmp_path_factory.mktemp("xss"))
    write_hostile_project(scratch)
    result = pipeline.build(scratch.root)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(result.site_dir))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_corpus_is_big_enough() -> None:
    assert len(PAYLOADS) >= 20


@pytest.mark.parametrize("path", [
    "index.html", "situasi/tawuran-pelajar.html", "situasi/index.html", "pedoman/cegah-tawuran.html",
    "pedoman/index.html", "forum/fkpm-kecandran.html", "wilayah/index.html", "tag/index.html",
])
def test_no_injected_script_runs(browser: Any, hostile_site: str, path: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_site}/{path}")
    page.wait_for_load_state("load")
    # Click every link and control a payload could have turned into a trigger.
    for link in page.locator("article a[href^='javascript'], article [onclick]").all():
        link.click(timeout=1000)
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.locator("article script, article iframe, article object, article embed, article form, "
                        "article [onerror], article [onload], article [onfocus], article [ontoggle]").count() == 0
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))]
    page.close()
