"""Every stage at a larger size: the sample's items multiplied by k, its forums by F, with bare tools beside.

    .venv/bin/python -m benchmarks.scale [--items 5] [--forums 30] [--no-handbooks] [--shards 4] [--keep DIR]

A synthetic project is made from the sample: every content item copied k-1 times (new id, numbered title, the
same references) and every forum with a handbook copied until there are F (without their handbook block when
--no-handbooks). Each stage is then run once, cold (empty PDF cache), and a table prints its wall time, CPU time
(this process and its PDF workers) and the process's peak memory so far; then the bare tools on the same input:
`mkdocs build` of the generated docs and `weasyprint.HTML(...).write_pdf()` of the same handbook HTML, as ratios.
Then what the phone carries: the search index per page and the largest HTML page. Last, `polmas build` run
again as a coordinator would: with no change, with its stamps deleted (a full build with warm caches, three
times, each beside bare `mkdocs build`: the difference of their medians is the generation overhead), after one
word changed in a guideline that handbooks hold, after that word is taken back (its handbooks from before are
cached: the site's share alone), and after one word changed in an item no handbook holds, each against the cold
build and against bare mkdocs.
With --shards N, each of N shards' PDF stage (`polmas build --shard i/N`, cold) and the merge build from them
are timed too: the cost per PDF on one runner, and what the merge adds to the slowest shard.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from weasyprint import HTML

from benchmarks.common import copy_project
from generator import pipeline
from generator.domain.editions import prepare_edition
from generator.domain.selection import forums_with_handbooks
from generator.knowledge import KnowledgeBase, newest_content_date
from generator.knowledge.status_view import HANDBOOK_STATUSES, SITE_STATUSES, with_statuses
from generator.model import Guideline, Legal, Reference
from generator.outputs.bundle import entries_for, write_archive
from generator.outputs.handbooks import build_handbooks, handbook_files
from generator.outputs.links import find_broken_links
from generator.outputs.materials import build_materials
from generator.outputs.pdf import JOBS_ENV, pdf_jobs, stop_pdf_workers
from generator.outputs.shards import Shard
from generator.outputs.site import build_site
from generator.outputs.stamps import STAMPS_DIR
from generator.outputs.tree import write_tree
from generator.render.handbook import TEMPLATES, render_handbook_html
from generator.render.qr import SiteAddress
from generator.render.site import render_site_docs

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 1)
CONTENT_KINDS = ("situations", "guidelines", "education", "legal", "references")
T = TypeVar("T")
WARM_FULL_BUILD = "full build, caches warm (stamps deleted)"
WARM_PAIRS = 3
"""Warm full builds, each followed by bare `mkdocs build` (a command) of the docs it wrote: the generation
overhead is the difference of their medians, measured side by side, so a slow minute of the machine hits both."""
PDF_CACHE = "pdf-cache"
"""Under the outputs folder: the cold stages fill it, the rebuilds (as `polmas build`) read it."""
BARE_COMMAND = "bare mkdocs: `mkdocs build` command vs in-process"
"""The ratio row of the cold stages: bare `mkdocs build` as a command (start and imports included) against
mkdocs called in-process; the rebuilds are compared with the command, run again beside the warm full builds."""
COLD_STAGES = ("load + check", "docs (Markdown)", "handbooks", "training sheets", "site engine")
"""The rows that make up what `polmas build` does from nothing."""


@dataclass(frozen=True)
class Row:
    stage: str
    wall: float
    cpu: float
    peak_mb: float


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mb() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return max(own.ru_maxrss, children.ru_maxrss) / 1024


class Stages:
    """Runs and times each stage; the rows are the table."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def run(self, name: str, work: Callable[[], T]) -> T:
        wall, cpu = time.perf_counter(), _cpu()
        result = work()
        stop_pdf_workers()  # the long-lived workers' CPU time counts once they have exited
        self.rows.append(Row(name, time.perf_counter() - wall, _cpu() - cpu, _peak_mb()))
        print(f"  {name}: {self.rows[-1].wall:.1f} s", file=sys.stderr)
        return result


def make_project(target: Path, *, items: int, forums: int, handbooks: bool) -> Path:
    """The sample with every content item `items` times over and `forums` forums with a handbook block."""
    project = copy_project(REPO, target)
    for kind in CONTENT_KINDS:
        for source in sorted((project / "content" / kind).glob("*.yaml")):
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            for copy in range(2, items + 1):
                _write_copy(source.parent, data, copy, title_key="title")
    forum_files = [p for p in sorted((project / "data" / "forums").glob("*.yaml"))
                   if "handbook" in yaml.safe_load(p.read_text(encoding="utf-8"))]
    for number in range(len(forum_files), forums):
        source = forum_files[number % len(forum_files)]
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        if not handbooks:
            data.pop("handbook", None)
        _write_copy(source.parent, data, number + 1, title_key="name")
    return project


def _write_copy(folder: Path, data: dict[str, Any], number: int, *, title_key: str) -> None:
    copy = dict(data)
    copy["id"] = f"{data['id']}-s{number}"
    copy[title_key] = f"{data[title_key]} ({number})"
    text = yaml.safe_dump(copy, allow_unicode=True, sort_keys=False, width=120)
    (folder / f"{copy['id']}.yaml").write_text(text, encoding="utf-8")


@contextmanager
def _scratch(parent: Path, name: str) -> Iterator[Path]:
    folder = parent / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    yield folder


def measure(project: Path, work: Path, *, bare_pdf: bool = True,
            ) -> tuple[list[Row], list[tuple[str, float, float, float]], list[str]]:
    """Each stage once, cold; then the bare tools; returns the stage rows, the ratio rows and the size lines."""
    stages = Stages()
    checked = stages.run("load + check", lambda: pipeline.check_project(project, today=TODAY))
    if checked.problems.has_errors():
        sys.exit(f"the synthetic project has problems:\n{checked.problems.errors[0].format()}")
    kb, printed = _views(checked.kb)  # as `polmas build` has them: the PDFs' cache keys are the build's
    config = pipeline.site_config(project)
    site = SiteAddress.from_config(config)
    docs = stages.run("docs (Markdown)", lambda: render_site_docs(kb, project=project, private=None, today=TODAY,
                                                                            jobs=pdf_jobs()))
    forums = forums_with_handbooks(printed)
    map_svgs = pipeline.forum_map_svgs(kb, forums)
    with _scratch(work, PDF_CACHE) as cache:
        built = stages.run(f"handbooks ({len(forums)})", lambda: build_handbooks(
            project, printed, site=site, forums=forums, map_svgs=map_svgs, cache_dir=cache, sample=config.sample))
        sheets = stages.run("training sheets", lambda: build_materials(
            project, kb, site=site, printed=newest_content_date(kb), cache_dir=cache))
    docs_dir = work / "docs"
    docs.update(handbook_files(built))
    docs.update(sheets)
    write_tree(docs, docs_dir)
    site_dir = work / "site"
    stages.run("site engine + offline + links", lambda: build_site(
        project, docs_dir=docs_dir, site_dir=site_dir, kb=kb, sample_notice=""))
    stages.run("links (again, alone)", lambda: find_broken_links(site_dir))
    entries = list(entries_for(site_dir, title="Pustaka Polmas", pack=None, printing=[],
                               templates=project / pipeline.BUNDLE_TEMPLATES))
    stages.run("bundle (zip)", lambda: write_archive(work / "bundle.zip", entries, stamp=newest_content_date(kb)))
    bare_site = _time(lambda: _bare_mkdocs(project, docs_dir, work / "bare-site"))
    bare_cli = _time(lambda: _bare_mkdocs_command(project, docs_dir, work / "bare-site-command"))
    generation = sum(r.wall for r in stages.rows if r.stage in ("load + check", "docs (Markdown)"))
    ours_site = next(r for r in stages.rows if r.stage.startswith("site engine"))
    ratios = [("site engine + offline + links vs bare mkdocs", ours_site.wall, bare_site, ours_site.wall / bare_site),
              ("generation (check + docs) vs bare mkdocs", generation, bare_site, generation / bare_site),
              (BARE_COMMAND, bare_cli, bare_site, bare_cli / bare_site)]
    if built and bare_pdf:
        base_url = (project / TEMPLATES).as_uri() + "/"
        htmls = [render_handbook_html(printed, prepare_edition(printed, forum), project=project, site=site,
                                      map_svg=map_svgs.get(forum.id), sample=config.sample) for forum in forums]
        bare_cpu = _cpu()
        for html in htmls:
            HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
        bare_pdf_cpu = _cpu() - bare_cpu
        ours_pdf = next(r for r in stages.rows if r.stage.startswith("handbooks"))
        ratios.append(("handbooks, CPU s vs bare WeasyPrint (pdf/ua-1)", ours_pdf.cpu, bare_pdf_cpu,
                       ours_pdf.cpu / bare_pdf_cpu))
    return stages.rows, ratios, _sizes(site_dir)


def compare_jobs(project: Path, work: Path) -> list[tuple[str, float, float, float]]:
    """The PDF stages (handbooks, then sheets) cold with one worker and with one per core: the speed-up."""
    checked = pipeline.check_project(project, today=TODAY)
    (kb, printed), config = _views(checked.kb), pipeline.site_config(project)
    site, forums = SiteAddress.from_config(config), forums_with_handbooks(printed)

    def make_pdfs(cache: Path) -> None:
        build_handbooks(project, printed, site=site, forums=forums, cache_dir=cache, sample=config.sample,
                        map_svgs=pipeline.forum_map_svgs(kb, forums))
        build_materials(project, kb, site=site, printed=newest_content_date(kb), cache_dir=cache / "sheets")

    walls: dict[int, float] = {}
    for jobs in (1, os.cpu_count() or 1):
        os.environ[JOBS_ENV] = str(jobs)
        with _scratch(work, f"pdf-cache-{jobs}") as cache:
            walls[jobs] = _time(functools.partial(make_pdfs, cache))
    os.environ.pop(JOBS_ENV, None)
    cores = max(walls)
    return [(f"PDF stages: --jobs 1 vs --jobs {cores}, wall s", walls[1], walls[cores], walls[1] / walls[cores])]

def _views(checked: KnowledgeBase) -> tuple[KnowledgeBase, KnowledgeBase]:
    """What the site shows (drafts left out) and what the public handbooks print (approved items only)."""
    kb = with_statuses(checked, SITE_STATUSES)
    return kb, with_statuses(kb, HANDBOOK_STATUSES)


@dataclass(frozen=True)
class ShardRow:
    run: str
    wall: float
    cpu: float
    pdfs: int


def measure_shards(project: Path, work: Path, count: int) -> list[ShardRow]:
    """Each shard's PDF stage as its runner does it (an empty PDF cache), then the merge build from the shards,
    again with an empty cache: the shards are its only PDFs."""
    saved = os.environ.get(pipeline.PDF_CACHE_ENV)
    rows, folders = [], []
    try:
        for index in range(1, count + 1):
            with _scratch(work, f"shard-cache-{index}") as cache:
                os.environ[pipeline.PDF_CACHE_ENV] = str(cache)
                wall, cpu = time.perf_counter(), _cpu()
                made = pipeline.build_shard(project, Shard(index, count), folder=work / "shards" / str(index),
                                            today=TODAY)
                stop_pdf_workers()  # a runner's workers exit with it; their CPU time counts once they have
                rows.append(ShardRow(f"shard {index}/{count}: {made.handbooks} handbooks, {made.sheets} sheets",
                                     time.perf_counter() - wall, _cpu() - cpu, made.handbooks + made.sheets))
                folders.append(made.folder)
            print(f"  {rows[-1].run}: {rows[-1].wall:.1f} s", file=sys.stderr)
        with _scratch(work, "merge-cache") as cache, _scratch(work, "merged-site") as site:
            os.environ[pipeline.PDF_CACHE_ENV] = str(cache)
            wall, cpu = time.perf_counter(), _cpu()
            built = pipeline.build(project, site_dir=site / "site", today=TODAY, publish_adopted=False,
                                   shards=folders)
            merged = built.merged.imported.found if built.merged else 0
            rows.append(ShardRow(f"merge build ({merged} PDFs from the shards)", time.perf_counter() - wall,
                                 _cpu() - cpu, built.merged.to_make if built.merged else 0))
    finally:
        if saved is None:
            os.environ.pop(pipeline.PDF_CACHE_ENV, None)
        else:
            os.environ[pipeline.PDF_CACHE_ENV] = saved
    return rows


def print_shards(rows: list[ShardRow], *, cold: float) -> None:
    shards, merge = rows[:-1], rows[-1]
    print(f"\nshards (each as its runner makes it, cold; cold build on one machine: {cold:.1f} s)")
    print(f"{'run':<48} {'wall s':>8} {'CPU s':>8} {'s / PDF':>8}")
    for row in shards:
        print(f"{row.run:<48} {row.wall:>8.2f} {row.cpu:>8.2f} {row.wall / max(row.pdfs, 1):>8.2f}")
    print(f"{merge.run:<48} {merge.wall:>8.2f} {merge.cpu:>8.2f} {'made ' + str(merge.pdfs):>8}")
    slowest = max(row.wall for row in shards)
    print(f"{'slowest shard + merge (the wall time with runners)':<48} {slowest + merge.wall:>8.2f} "
          f"{'':>8} {(slowest + merge.wall) / cold:>8.1%}")


def _time(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _bare_mkdocs(project: Path, docs_dir: Path, site_dir: Path) -> None:
    """`mkdocs build` of the same docs with the same mkdocs.yml: the site engine alone."""
    mkdocs_build(load_config(str(project / "mkdocs.yml"), docs_dir=str(docs_dir), site_dir=str(site_dir)))


def _bare_mkdocs_command(project: Path, docs_dir: Path, site_dir: Path) -> None:
    """`mkdocs build` as a command, in its own process (start and imports included), as `polmas build` is timed:
    the same mkdocs.yml, inherited by a file beside it that only names the docs folder."""
    config = project / ".bare-mkdocs.yml"
    config.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {json.dumps(str(docs_dir))}\n", encoding="utf-8")
    try:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                       check=True, capture_output=True)
    finally:
        config.unlink()


def _sizes(site_dir: Path) -> list[str]:
    pages = sorted(site_dir.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    written = [p for p in (site_dir / "search").glob("search_index.*") if p.is_file()]
    total = sum(p.stat().st_size for p in written)
    lines = [f"HTML pages: {len(pages)}; site: {_folder_mb(site_dir):.1f} MB",
             f"search index: {total / 1024:.0f} KB in {len(written)} file(s), "
             f"{total / max(len(pages), 1) / 1024:.2f} KB per page (uncompressed)"]
    lines += [f"largest page: {p.relative_to(site_dir)} {p.stat().st_size / 1024:.0f} KB" for p in pages[:3]]
    return lines


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


def print_tables(title: str, rows: list[Row], ratios: list[tuple[str, float, float, float]], sizes: list[str]) -> None:
    print(f"\n{title}")
    print(f"{'stage':<32} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
    for row in rows:
        print(f"{row.stage:<32} {row.wall:>8.2f} {row.cpu:>8.2f} {row.peak_mb:>8.0f}")
    print(f"{'all stages':<32} {sum(r.wall for r in rows):>8.2f} {sum(r.cpu for r in rows):>8.2f}")
    print(f"\n{'compared':<48} {'ours s':>8} {'bare s':>8} {'ratio':>6}")
    for name, ours, bare, ratio in ratios:
        print(f"{name:<48} {ours:>8.2f} {bare:>8.2f} {ratio:>6.2f}")
    print()
    for line in sizes:
        print(line)


@dataclass(frozen=True)
class Rebuild:
    run: str
    wall: float
    cpu: float
    pages: int
    """HTML pages the engine wrote again (404 included)"""


def measure_rebuilds(project: Path, pdf_cache: Path) -> tuple[list[Rebuild], list[float]]:
    """`polmas build` as a coordinator runs it, each in its own process: a first build (PDFs already in the
    cache the cold stages filled), no change, warm full builds (each followed by bare `mkdocs build` of the docs
    it wrote, whose times are returned too), one word changed in a guideline that handbooks hold, that word taken
    back (the handbooks from before are in the cache, so only the site's work is left), and one word changed in
    an item that no handbook holds."""
    env = {**os.environ, pipeline.TODAY_ENV: TODAY.isoformat(), pipeline.PDF_CACHE_ENV: str(pdf_cache)}
    kb, _ = pipeline.check(project, today=TODAY)
    in_handbooks = {i for forum in forums_with_handbooks(kb) for i in prepare_edition(kb, forum).contents.ids}
    held = next(g for g in kb.of_kind(Guideline) if g.id in in_handbooks)
    loose = next(r for kind in (Reference, Legal, Guideline) for r in kb.of_kind(kind) if r.id not in in_handbooks)
    runs: list[Rebuild] = [_polmas_build(project, env, "first build (PDFs cached)")]
    runs.append(_polmas_build(project, env, "no change"))
    warm: list[Rebuild] = []
    bare: list[float] = []
    for _ in range(WARM_PAIRS):
        shutil.rmtree(project / STAMPS_DIR)  # every page generated and built again; the PDF and link caches stay
        warm.append(_polmas_build(project, env, WARM_FULL_BUILD))
        with tempfile.TemporaryDirectory(prefix="polmas-bare-") as scratch:
            bare.append(_time(lambda: _bare_mkdocs_command(project, pipeline.docs_folder(project),
                                                           Path(scratch) / "site")))
        print(f"  bare mkdocs (command) after it: {bare[-1]:.1f} s", file=sys.stderr)
    runs.append(sorted(warm, key=lambda row: row.wall)[len(warm) // 2])
    held_file = project / held.source.src_path
    original = held_file.read_bytes()
    _change_one_word(held_file)
    runs.append(_polmas_build(project, env, f"one word, guideline in handbooks ({held.id})"))
    # Its handbooks as they were are still in the PDF cache: the site's share of such an edit, on its own.
    held_file.write_bytes(original)
    runs.append(_polmas_build(project, env, "the word taken back (its handbooks cached)"))
    _change_one_word(project / loose.source.src_path)
    runs.append(_polmas_build(project, env, f"one word, {loose.kind.name} in no handbook"))
    return runs, bare


def _polmas_build(project: Path, env: dict[str, str], run: str) -> Rebuild:
    site = project / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} if site.is_dir() else {}
    wall, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project), "build"],
                          env=env, capture_output=True, text=True, check=False)
    row = Rebuild(run, time.perf_counter() - wall, _cpu() - cpu,
                  sum(1 for p in site.rglob("*.html") if before.get(p) != p.stat().st_mtime_ns))
    if done.returncode != 0:
        sys.exit(f"polmas build failed ({run}):\n{done.stdout}{done.stderr}")
    print(f"  {run}: {row.wall:.1f} s", file=sys.stderr)
    return row


def _change_one_word(path: Path) -> None:
    """Add one word to the record's summary (every kind with a page has one): on its line, or on the first line
    of a folded block."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    at += 1 if lines[at].rstrip().endswith((">-", ">", "|")) else 0
    lines[at] += " baru"
    path.write_text("\n".join(lines), encoding="utf-8")


def print_rebuilds(runs: list[Rebuild], *, cold: float, bare: list[float], in_process: float) -> None:
    """Each rebuild against the cold build and against bare `mkdocs build` as a command (each in its own
    process, the median of those run beside the warm full builds); the generation overhead against that and
    against mkdocs called in-process (no start, no imports)."""
    bare_mkdocs = statistics.median(bare)
    print(f"\nrebuilds (`polmas build` in its own process; cold build = the stages above: {cold:.1f} s; "
          f"bare `mkdocs build` of the same pages, in its own process: {bare_mkdocs:.1f} s, the median of "
          f"{', '.join(f'{b:.1f}' for b in bare)}; the warm full build's row is the median of {len(bare)})")
    print(f"{'run':<48} {'wall s':>8} {'CPU s':>8} {'pages':>6} {'/ cold':>7} {'/ mkdocs':>8}")
    for row in runs:
        print(f"{row.run:<48} {row.wall:>8.2f} {row.cpu:>8.2f} {row.pages:>6} {row.wall / cold:>7.1%} "
              f"{row.wall / bare_mkdocs:>8.2f}")
    full = next(row for row in runs if row.run == WARM_FULL_BUILD).wall
    print(f"generation overhead of a warm full build (its wall time − bare mkdocs): {full - bare_mkdocs:.1f} s, "
          f"{(full - bare_mkdocs) / bare_mkdocs:.0%} of bare `mkdocs build` "
          f"({(full - in_process) / in_process:.0%} of mkdocs called in-process: {in_process:.1f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1, help="copies of every content item (1: the sample's)")
    parser.add_argument("--forums", type=int, default=0, help="forums with a handbook (0: the sample's)")
    parser.add_argument("--no-handbooks", action="store_true", help="the added forums have no handbook block")
    parser.add_argument("--jobs", action="store_true", help="also time the PDF stages with one worker and all cores")
    parser.add_argument("--no-bare-pdf", action="store_true",
                        help="skip bare WeasyPrint on the handbooks' HTML (minutes with ×20 handbooks)")
    parser.add_argument("--shards", type=int, default=0, metavar="N",
                        help="also time N shards' PDF stages and the merge build from them")
    parser.add_argument("--keep", help="make the project and outputs in this folder and leave them there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="polmas-scale-") as scratch:
        work = Path(args.keep).resolve() if args.keep else Path(scratch)
        project = make_project(work / "project", items=args.items, forums=args.forums,
                               handbooks=not args.no_handbooks)
        files = sum(1 for _ in (project / "content").rglob("*.yaml")) + sum(
            1 for _ in (project / "data").rglob("*.yaml"))
        rows, ratios, sizes = measure(project, work / "out", bare_pdf=not args.no_bare_pdf)
        if args.jobs:
            ratios += compare_jobs(project, work / "out")
        handbooks = "without" if args.no_handbooks else "with"
        print_tables(f"×{args.items} items, {args.forums or 'sample'} forums ({handbooks} handbooks), "
                     f"{files} YAML files", rows, ratios, sizes)
        cold = sum(r.wall for r in rows if r.stage.startswith(COLD_STAGES))
        bare = next(bare for name, _, bare, _ in ratios if name.startswith("site engine"))
        if args.shards:
            print_shards(measure_shards(project, work / "out", args.shards), cold=cold)
        runs, beside = measure_rebuilds(project, work / "out" / PDF_CACHE)
        print_rebuilds(runs, cold=cold, bare=beside, in_process=bare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
