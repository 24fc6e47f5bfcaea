"""Search benchmark: recall@5 and MRR of officers' queries, typed into the built site in headless Chromium.

    .venv/bin/python -m benchmarks.search            # or: make search-benchmark

Builds the sample content three times into a temp folder (site/ is not touched) and types every query
of tests/search/queries.yaml into the search box of each build, as a phone user would (see run_queries):

- default: mkdocs-material's own search as the theme sets it up for Indonesian (theme.language: id, the
  search plugin without options) on pages without search tags: no stemmer, stop words or synonyms;
- weights: plus each page's search tags (kind, phase, topics) and this site's field weights;
- stemmer: plus lunr.id's stemmer and stop words, without the glossary;
- whole-index: plus the glossary's synonyms, with the engine's index of every word of every page;
- full: the same with the compact index (titles, headings, each section's opening words, a page's summary and
  tags), the site as `make build` makes it.

Every build holds the same pages; only what search sees of them differs.

The first line of the report compares the full search with the default.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from benchmarks.common import copy_project

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "tests" / "search" / "queries.yaml"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TOP = 5


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: tuple[str, ...]
    """Page ids of the results, best first (up to TOP)."""

    @property
    def recall(self) -> float:
        return sum(e in self.found for e in self.query.expect) / len(self.query.expect)

    @property
    def reciprocal_rank(self) -> float:
        ranks = [self.found.index(e) + 1 for e in self.query.expect if e in self.found]
        return 1 / min(ranks) if ranks else 0.0


@dataclass(frozen=True)
class Score:
    variant: str
    outcomes: tuple[Outcome, ...]

    @property
    def recall(self) -> float:
        return sum(o.recall for o in self.outcomes) / len(self.outcomes)

    @property
    def mrr(self) -> float:
        return sum(o.reciprocal_rank for o in self.outcomes) / len(self.outcomes)


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["query"]), tuple(q["expect"])) for q in data["queries"]]


VARIANTS = ("default", "weights", "stemmer", "whole-index", "full")


def build_variant(variant: str, target: Path, *, project: Path = REPO) -> Path:
    """A copy of the project set up as `variant`, built; returns its site folder."""
    from generator import pipeline
    from generator.outputs.site import build_site

    copy_project(project, target)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    if variant in ("default", "weights"):
        assert config["theme"]["language"] == "id-polmas", "mkdocs.yml no longer sets theme.language: id-polmas"
        config["theme"]["language"] = "id"
    if variant == "default":
        config["plugins"] = ["search" if _is_search(p) else p for p in config["plugins"]]
    if variant == "stemmer":
        (target / "data" / "glossary.yaml").unlink()
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kb, problems = pipeline.check(target)
    assert not problems.has_errors(), [p.format() for p in problems.errors]
    os.environ.setdefault(pipeline.PDF_CACHE_ENV, str(target.parent / "pdf-cache"))  # the variants share PDFs
    docs_dir = pipeline.generate_docs(target, kb)  # pages, handbooks and training sheets, as `polmas build`
    if variant == "default":
        for page in sorted(docs_dir.rglob("*.md")):
            page.write_text(_without_tags(page.read_text(encoding="utf-8")), encoding="utf-8")
    build_site(target, docs_dir=docs_dir, site_dir=target / "site", kb=kb,
               whole_search_index=variant != "full")
    return target / "site"


def _without_tags(page: str) -> str:
    """The page as it was before this site had search tags (kind, phase, topics) in its front matter."""
    if not page.startswith("---\n"):
        return page
    end = page.index("\n---\n", 4)
    meta = yaml.safe_load(page[4:end])
    meta.pop("tags", None)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + page[end + 1:]


def _is_search(plugin: Any) -> bool:
    return plugin == "search" or (isinstance(plugin, dict) and "search" in plugin)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site on a loopback port for as long as the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def page_id(href: str) -> str:
    """'…/pedoman/cegah-tawuran-pelajar.html?h=x#langkah' → 'cegah-tawuran-pelajar'."""
    return Path(urlsplit(href).path).stem


def run_queries(browser: Any, base_url: str, queries: list[Query]) -> tuple[Outcome, ...]:
    """Put each query into the search box of one phone-sized page and read the first TOP result pages.

    The theme searches on every key released; typing key by key only adds intermediate searches for
    prefixes, whose answers a person never reads. So the box gets the whole query and one key release,
    and the worker answers once: the result is the one a person sees when they stop typing.
    """
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}/index.html")
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    # The index is built in the worker when search opens; wait until it says it is ready for typing.
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== "
                           "'Mempersiapkan pencarian'", timeout=20_000)
    empty = (meta.text_content() or "").strip()  # what the box says before anything is typed
    outcomes = []
    for query in queries:
        _type(page, box, "", until_meta=f"=== {json.dumps(empty)}")
        _type(page, box, query.text, until_meta=f"!== {json.dumps(empty)}")
        outcomes.append(Outcome(query, _settled_results(page, meta)))
    context.close()
    return tuple(outcomes)


def _type(page: Any, box: Any, text: str, *, until_meta: str) -> None:
    """Set the box to `text`, release a key so the theme searches, and wait for the worker's answer."""
    box.fill(text)
    box.press("End")
    page.wait_for_function(
        f"document.querySelector('.md-search-result__meta').textContent.trim() {until_meta}", timeout=20_000)


def _settled_results(page: Any, meta: Any, *, quiet: float = 0.1, timeout: float = 8.0) -> tuple[str, ...]:
    """The result pages once the list has stopped changing (the theme adds them in batches)."""
    read = (f"() => [...document.querySelectorAll('.md-search-result__item')].slice(0, {TOP})"
            ".map(li => li.querySelector('a').getAttribute('href'))")
    last: tuple[Any, ...] = ()
    since = time.monotonic()
    deadline = since + timeout
    while time.monotonic() < deadline:
        current = (meta.text_content(), tuple(page.evaluate(read)))
        if current != last:
            last, since = current, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
        page.wait_for_timeout(25)
    return tuple(page_id(href) for href in last[1]) if last else ()


def measure(browser: Any, variant: str, workdir: Path, queries: list[Query], *, project: Path = REPO) -> Score:
    site = build_variant(variant, workdir / variant, project=project)
    with served(site) as url:
        return Score(variant, run_queries(browser, url, queries))


def report(scores: dict[str, Score]) -> list[str]:
    """Plain-text report; the first line compares the full search with mkdocs-material's default."""
    full, default = scores["full"], scores["default"]
    lines = [
        f"Search on {len(full.outcomes)} queries: recall@{TOP} {full.recall:.2f} "
        f"(mkdocs-material default {default.recall:.2f}), MRR {full.mrr:.2f} (default {default.mrr:.2f})",
        "",
        f"| search | recall@{TOP} | MRR | recall ÷ default | MRR ÷ default |",
        "|---|---:|---:|---:|---:|",
    ]
    for score in scores.values():
        recall_ratio = score.recall / default.recall if default.recall else float("inf")
        mrr_ratio = score.mrr / default.mrr if default.mrr else float("inf")
        lines.append(f"| {score.variant} | {score.recall:.3f} | {score.mrr:.3f} "
                     f"| {recall_ratio:.2f} | {mrr_ratio:.2f} |")
    misses = [o for o in full.outcomes if o.recall < 1]
    if misses:
        lines += ["", f"Queries where the full search misses an expected page in the top {TOP}:"]
        lines += [f"- {o.query.text!r}: expected {', '.join(o.query.expect)}; got {', '.join(o.found) or 'nothing'}"
                  for o in misses]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--verbose", action="store_true", help="list every query's results")
    parser.add_argument("--project", type=Path, default=REPO, help="project to build (default: this repository)")
    args = parser.parse_args(argv)
    if "full" not in args.variants or "default" not in args.variants:
        parser.error("the report compares 'full' with 'default': keep both")
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("python -m benchmarks.search needs Debian's chromium: sudo apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="polmas-search-") as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        scores = {v: measure(browser, v, Path(temp), queries, project=args.project)
                  for v in VARIANTS if v in args.variants}
        browser.close()
    print("\n".join(report(scores)))
    if args.verbose:
        for variant, score in scores.items():
            print(f"\n{variant}:")
            for o in score.outcomes:
                mark = "ok " if o.recall == 1 else "MISS"
                print(f"  {mark} {o.query.text!r} → {', '.join(o.found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
