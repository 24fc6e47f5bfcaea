"""The site as an app on a phone: after one visit over http it works with the server gone, and offers an update."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from benchmarks.search import served
from generator import pipeline
from generator.outputs.offline import SEARCH_INDEX, hold_back_search_index
from tests.conftest import REPO, copy_sample_project
from tests.e2e.conftest import PHONE

UPDATE_PROMPT = "Versi baru tersedia — muat ulang"
CHANGED_GUIDELINE = "content/guidelines/sambang-dds.yaml"
PAGES = {  # five pages besides the home page, of five kinds, with a word of their heading
    "pedoman/cegah-tawuran-pelajar.html": "Tawuran",
    "situasi/kebakaran-pasar.html": "Kebakaran",
    "hukum/uu-2-2002.html": "2002",
    "forum/fkpm-ngrandusari.html": "Ngrandusari",
    "glosarium.html": "Glosarium",
}


@dataclass
class Server:
    """The built site on loopback; `down` makes it answer every request with 503, as if the signal were gone."""

    site: Path
    down: bool = False
    asked_while_down: list[str] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def served_project(tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    project = copy_sample_project(tmp_path / "project")
    pipeline.build(project)
    server = Server(project / "site")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(server.site), **kwargs)  # the folder a rebuild swaps in

        def do_GET(self) -> None:
            if server.down:
                server.asked_while_down.append(urlsplit(self.path).path)
                self.send_error(503)
                return
            super().do_GET()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{httpd.server_port}"
    yield project, server
    httpd.shutdown()


@pytest.mark.browser
@pytest.mark.slow
def test_after_one_visit_the_site_works_offline_and_offers_the_next_build(
        browser: Any, served_project: tuple[Path, Server]) -> None:
    project, server = served_project
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, service_workers="allow")
    page = context.new_page()
    page.goto(f"{server.url}/index.html")
    # Polled until the worker has claimed the page (a promise returned here would count as true at once).
    controller = page.wait_for_function("navigator.serviceWorker.controller?.scriptURL", timeout=60_000)
    assert controller.json_value() == f"{server.url}/sw.js"

    server.down = True
    context.set_offline(True)
    for path, heading in PAGES.items():
        page.goto(f"{server.url}/{path}")
        assert heading in page.locator("h1").first.inner_text(), path
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("tawuran", delay=40)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=20_000)
    result.click()
    page.wait_for_url("**/situasi/tawuran-pelajar.html*")
    assert "Tawuran" in page.locator("h1").first.inner_text()
    # Only the browser's own update checks of the worker may have reached the (broken) server.
    assert {p for p in server.asked_while_down} <= {"/sw.js"}, server.asked_while_down

    server.down = False
    context.set_offline(False)
    guideline = project / CHANGED_GUIDELINE
    text = guideline.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    guideline.write_text(text.replace(title, f"{title} (edisi baru)"), encoding="utf-8")
    pipeline.build(project)

    page.goto(f"{server.url}/pedoman/sambang-dds.html")
    assert "edisi baru" not in page.locator("h1").first.inner_text(), "the page comes from the old build's cache"
    prompt = page.get_by_role("button", name=UPDATE_PROMPT)
    prompt.wait_for(timeout=60_000)
    prompt.click()
    # The page reloads under the new worker; while it does, there may be no heading yet.
    page.wait_for_function("(document.querySelector('h1')?.textContent ?? '').includes('edisi baru')",
                           timeout=30_000)
    names = page.evaluate("caches.keys()")
    assert len([n for n in names if n.startswith("polmas-site-")]) == 1, names
    context.close()


@pytest.mark.browser
def test_a_search_index_over_budget_waits_until_search_is_opened(browser: Any, sample_site: Path,
                                                                 tmp_path: Path) -> None:
    site = shutil.copytree(sample_site, tmp_path / "site")
    hold_back_search_index(site, REPO / "templates/site/offline", sorted(site.rglob("*.html")))
    with served(site) as url:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, service_workers="block")
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(f"{url}/index.html", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not [u for u in asked if u.endswith(SEARCH_INDEX)], "the index came with the first page"
        assert any("/assets/javascripts/bundle." in u for u in asked), "the theme's script did run"
        with page.expect_request(lambda request: request.url.endswith(SEARCH_INDEX)):
            page.locator("label.md-header__button[for='__search']").click()
        page.locator("input.md-search__input").press_sequentially("tawuran", delay=40)
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=20_000)
        assert (first.get_attribute("href") or "").split("?")[0].endswith("situasi/tawuran-pelajar.html")
        context.close()
