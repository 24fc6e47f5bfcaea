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
        "areas": ["ngrandusari"],
    })
    write(scratch, "content/guidelines/cegah-tawuran.yaml", {
        "id": "cegah-tawuran", "title": PAYLOADS[0], "summary": PAYLOADS[2], "phase": "pencegahan",
        "situations": ["tawuran-pelajar"], "standard": PAYLOADS[4], "how_it_works": PAYLOADS[5], "notes": body,
        "escalation": PAYLOADS[6], "steps": [{"text": p, "actor": p} for p in PAYLOADS],
        "contacts": [{"role": p, "channel": p} for p in PAYLOADS[:5]],
    })
    write(scratch, "data/areas/ngrandusari.yaml", {
        "id": "ngrandusari", "code": "99.71.04.1001", "level": "kelurahan", "name": PAYLOADS[1],
        "geometry": {"type": "Polygon", "coordinates": [[[111.64, -5.37], [111.62, -5.37], [111.62, -5.39],
                                                         [111.64, -5.39], [111.64, -5.37]]]},
    })
    write(scratch, "data/places/titik-rawan.yaml", {
        "id": "titik-rawan", "type": "masalah", "name": PAYLOADS[0], "area": "ngrandusari",
        "situation": "tawuran-pelajar", "class": "GN", "period": PAYLOADS[2], "location": {"lat": -5.38, "lon": 111.63},
    })
    write(scratch, "content/education/modul-aman.yaml", {
        "id": "modul-aman", "title": PAYLOADS[0], "summary": PAYLOADS[1], "audience": ["warga"],
        "objectives": PAYLOADS, "duration_minutes": 60, "body": body, "takeaways": PAYLOADS, "exercises": PAYLOADS,
        "activities": [{"title": p, "minutes": 5, "description": p} for p in PAYLOADS[:5]],
        "worksheets": [{"title": PAYLOADS[3], "instructions": PAYLOADS[4], "fields": PAYLOADS}],
    })
    write(scratch, "data/forums/fkpm-ngrandusari.yaml", {
        "id": "fkpm-ngrandusari", "name": PAYLOADS[12], "summary": PAYLOADS[3], "model": "wilayah",
        "areas": ["ngrandusari"], "polsek": PAYLOADS[19], "polres": "Polres Wanalaras",
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
    "pedoman/index.html", "forum/fkpm-ngrandusari.html", "wilayah/index.html", "tags.html", "tag/tawuran.html",
    "peta/index.html", "edukasi/modul-aman.html", "paket/warga.html",
])
def test_no_injected_script_runs(browser: Any, hostile_site: str, path: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []

    def record(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.goto(f"{hostile_site}/{path}")
    page.wait_for_load_state("load")
    # Click every link and control a payload could have turned into a trigger.
    for link in page.locator("article a[href^='javascript'], article [onclick]").all():
        link.click(timeout=1000)
    for marker in page.locator(".leaflet-marker-icon").all():  # a popup shows the place's name and period
        marker.click(timeout=1000)
        page.wait_for_selector(".leaflet-popup-content")
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    # Our own map scripts (vendored Leaflet, each map's generated data file) are the only scripts allowed.
    own = ":not([src^='../assets/']):not([src^='assets/']):not([src^='../peta/data/']):not([src^='data/'])"
    assert page.locator(f"article script{own}, article iframe, article object, article embed, article form, "
                        "article [onerror], article [onload], article [onfocus], article [ontoggle]").count() == 0
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))]
    page.close()


def test_hostile_text_in_a_module_prints_as_text_in_its_sheets(hostile_site: str, tmp_path: Path) -> None:
    """The training sheets escape it too: the PDF shows the payload's characters, nothing is interpreted."""
    import urllib.request
    from io import BytesIO

    from pypdf import PdfReader

    with urllib.request.urlopen(f"{hostile_site}/materi/modul-aman/handout.pdf") as response:
        text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.read())).pages)
    assert "<script>window.__xss=1;alert(1)</script>" in text.replace("\n", "")
