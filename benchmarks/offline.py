"""Download budget on a phone: what the first visit loads, and what the service worker's precache adds.

    .venv/bin/python -m benchmarks.offline [--items 1000]

Builds the sample content, and a copy grown to --items items by copies of its situations and guidelines
(kept out of the forums' handbooks, so no PDF grows), into a temp folder; site/ is not touched. Each copy
has the words of its longer texts shuffled: exact copies would compress far better than real writing. Each site
is served on loopback and its home page opened in headless Chromium at a phone's size, with service
workers blocked, so only what the page itself asks for is counted. Every file is counted gzip-compressed
(level 6, as a web server would send it). The precache is the service worker's list (sw.js); "adds" is
what it holds beyond the files the first page already loaded.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import random
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from benchmarks.common import copy_project
from generator import pipeline
from generator.knowledge import load_knowledge
from generator.outputs.offline import INDEX_BUDGET, SEARCH_INDEX, SERVICE_WORKER, compressed_size

REPO = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ITEM_KINDS = ("situation", "guideline", "education", "legal", "reference", "forum")


def grow(project: Path, items: int) -> int:
    """Add copies of the sample's situations and guidelines until the project holds `items` items."""
    kb, _ = load_knowledge(project)
    have = sum(len(kb.of_kind(kind)) for kind in ITEM_KINDS)
    situations = sorted((project / "content/situations").glob("*.yaml"))
    guidelines = sorted((project / "content/guidelines").glob("*.yaml"))
    copy = 0
    while have < items:
        copy += 1
        for source in [*situations, *guidelines]:
            if have >= items:
                break
            _write_copy(source, copy)
            have += 1
    return have


def _write_copy(source: Path, copy: int) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data = _shuffled(data, random.Random(f"{data['id']}-{copy}"))
    data["id"] = f"{data['id']}-salinan-{copy}"
    data["title"] = f"{data['title']} (salinan {copy})"
    data.pop("tags", None)  # a forum's handbook may choose items by tag
    if "areas" in data:
        data["areas"] = []  # nor by area: the copies stay out of every handbook
    if "situations" in data:
        data["situations"] = [f"{s}-salinan-{copy}" for s in data["situations"]]
    target = source.with_name(f"{data['id']}.yaml")
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _shuffled(value: Any, rng: random.Random) -> Any:
    """Texts of six words or more with their words in another order; ids, dates and short labels kept."""
    if isinstance(value, dict):
        return {key: _shuffled(item, rng) for key, item in value.items()}
    if isinstance(value, list):
        return [_shuffled(item, rng) for item in value]
    if isinstance(value, str) and len(value.split()) >= 6:
        words = value.split()
        rng.shuffle(words)
        return " ".join(words)
    return value


class _Recorder(http.server.SimpleHTTPRequestHandler):
    served: list[str]

    def do_GET(self) -> None:
        self.served.append(unquote(urlsplit(self.path).path).lstrip("/") or "index.html")
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def recording_server(site: Path) -> Iterator[tuple[str, list[str]]]:
    served: list[str] = []
    handler = type("Handler", (_Recorder,), {"served": served})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", served
    finally:
        server.shutdown()


def first_page_load(browser: Any, site: Path) -> list[str]:
    """The site's files the home page asks for until the network is quiet (the search worker's included)."""
    with recording_server(site) as (url, served):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                      service_workers="block")
        page = context.new_page()
        page.goto(f"{url}/index.html", wait_until="networkidle")
        page.wait_for_timeout(1000)  # the search worker loads its language files after the index
        context.close()
    return sorted(set(served))


@dataclass(frozen=True)
class Budget:
    label: str
    items: int
    pages: int
    first_load: dict[str, int]
    """Kind of file → bytes, gzip-compressed."""
    index_in_first_load: bool
    index_gz: int
    index_raw: int
    precache_files: int
    precache_gz: int
    precache_adds_gz: int


def kind_of(path: str) -> str:
    if path.startswith("search/search_index"):
        return "search index"
    suffix = Path(path).suffix
    return {".html": "HTML", ".css": "CSS", ".js": "JS"}.get(suffix, "other")


def measure(browser: Any, label: str, site: Path, items: int) -> Budget:
    loaded = first_page_load(browser, site)
    first: dict[str, int] = {"HTML": 0, "CSS": 0, "JS": 0, "search index": 0, "other": 0}
    for path in loaded:
        if (site / path).is_file():
            first[kind_of(path)] += compressed_size(site / path)
    build = json.loads((site / SERVICE_WORKER).read_text(encoding="utf-8").split("\n", 1)[0]
                       .removeprefix("self.POLMAS_BUILD = "))
    precache = [site / p for p in build["precache"]]
    adds = [site / p for p in build["precache"] if p not in loaded]
    return Budget(label, items, sum(1 for _ in site.rglob("*.html")), first,
                  SEARCH_INDEX in loaded, compressed_size(site / SEARCH_INDEX), (site / SEARCH_INDEX).stat().st_size,
                  len(precache), sum(map(compressed_size, precache)), sum(map(compressed_size, adds)))


def kb_text(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def report(budgets: list[Budget]) -> list[str]:
    kinds = ["HTML", "CSS", "JS", "search index", "other"]
    lines = [
        "| site | items | pages | " + " | ".join(f"first load: {k}" for k in kinds)
        + " | first load total | precache (files) | precache adds |",
        "|---|---:|---:|" + "---:|" * len(kinds) + "---:|---:|---:|",
    ]
    for b in budgets:
        cells = [kb_text(b.first_load[k]) for k in kinds]
        lines.append(f"| {b.label} | {b.items} | {b.pages} | " + " | ".join(cells)
                     + f" | {kb_text(sum(b.first_load.values()))} | {kb_text(b.precache_gz)} ({b.precache_files})"
                     + f" | {kb_text(b.precache_adds_gz)} |")
    lines.append("")
    for b in budgets:
        where = "in the first page load" if b.index_in_first_load else "not in the first page load"
        verdict = "over" if b.index_gz > INDEX_BUDGET else "within"
        lines.append(f"{b.label}: search index {kb_text(b.index_gz)} compressed ({kb_text(b.index_raw)} raw), "
                     f"{verdict} the {kb_text(INDEX_BUDGET)} budget, {where}.")
    return lines


def build_at(project: Path, items: int | None) -> tuple[Path, int]:
    count = grow(project, items) if items else 0
    built = pipeline.build(project)
    if not count:
        count = sum(len(built.kb.of_kind(kind)) for kind in ITEM_KINDS)
    return built.site_dir, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000, help="size of the grown copy (default 1000)")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("python -m benchmarks.offline needs Debian's chromium: sudo apt-get install chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    budgets = []
    with tempfile.TemporaryDirectory(prefix="polmas-offline-") as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for label, items in (("sample", None), (f"N = {args.items}", args.items)):
            project = copy_project(REPO, Path(temp) / label.replace(" ", ""))
            site, count = build_at(project, items)
            budgets.append(measure(browser, label, site, count))
        browser.close()
    print("\n".join(report(budgets)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
