"""A long handbook laid out in parts, so that an edit lays out again only the part that shows it.

A handbook whose guidelines chapter holds more than `PARTS_FROM` guidelines is cut where its template marks it
(`<!--polmas-part-->` between parts, `<!--polmas-part-point-->` where the chapter may be cut): the cover and
colophon (whose edition fingerprint changes with every edit), the contents, the changes since the last
edition, then each chapter (every chapter starts a page), the guidelines chapter in runs of at most
`GUIDELINES_PER_PART` guidelines (each starts on a new page anyway).
Each part is a WeasyPrint document of its own:

- it starts at its page number (`@page :first { counter-reset: page N }`); a footer shows the page number
  only, because the total is known only when every part has been laid out;
- a part after the first of the chapter starts with the chapter's running header;
- a link to an anchor another part holds points at `polmas-anchor:NAME`, and its "(hlm. N)" (or, in the
  table of contents, its page number) is written out from the other part's layout.

The parts are laid out in order, again until no part's page numbers change: the table of contents and the
references forward are written with 0 the first time, and once more with the pages found. Every part is kept
in `parts/` beside the PDF cache under the key of its whole HTML and the common print inputs, so the next build
lays out only the parts whose HTML changed. The parts are then joined (`pdf_parts.join_parts`). A build that
lays out every part and one that finds all but one in the cache go through the same steps: the same bytes.
"""

from __future__ import annotations

import contextvars
import hashlib
import html
import json
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.outputs.pdf import (
    FONTS_FOLDER,
    PdfJob,
    RenderedPart,
    RenderedPdf,
    in_a_worker,
    pdf_jobs,
    render_part_now,
    render_pdfs,
    start_pdf_workers,
)
from generator.outputs.pdf_cache import looks_like_pdf
from generator.outputs.pdf_parts import ANCHOR_SCHEME, Part, join_parts
from generator.outputs.tree import write_atomically

__all__ = ["GUIDELINES_PER_PART", "PARTS_FOLDER", "PARTS_FROM", "render_handbooks", "split_handbook"]

GUIDELINES_PER_PART = 5
"""Guidelines per part of a long guidelines chapter: an edit lays out about 15 pages again. A part costs about
0.15 s of its own (its styles, its fonts), so a chapter of 360 guidelines costs some 11 s more than whole."""
PARTS_FROM = 40
"""A guidelines chapter of more guidelines is cut; a shorter handbook (a forum's own, ~130 pages) is laid out
whole: it costs a few seconds, and its footers show the total."""
PARTS_FOLDER = "parts"
"""Beside the PDF cache: the parts of long handbooks, each PDF with its layout (JSON)."""
PART = "<!--polmas-part-->"
POINT = "<!--polmas-part-point-->"
MAX_PASSES = 4
"""Laying out the parts again until their page numbers hold; two passes settle a handbook, a third confirms."""

_LINK = re.compile(r'<a ([^>]*?)href="#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')
_CHAPTER = re.compile(r'<h1 class="chapter"[^>]*>(.*?)</h1>', re.S)
_ARTICLE = '<article class="entry guideline"'


@dataclass(frozen=True)
class _Part:
    body: str
    anchors: frozenset[str]
    running_header: str | None = None


def split_handbook(document: str) -> tuple[str, list[_Part]] | None:
    """The document's head and its parts, or None when it is to be laid out whole."""
    start, end = document.find("<body>"), document.rfind("</body>")
    pieces = [piece for piece in document[start + len("<body>"):end].split(PART) if piece.strip()]
    at = next((n for n, piece in enumerate(pieces) if POINT in piece), None)
    if start < 0 or end < 0 or at is None:
        return None
    chapter = pieces[at]
    points = chapter.split(POINT)
    if sum(point.count(_ARTICLE) for point in points) <= PARTS_FROM:
        return None
    opening = chapter[:chapter.index(">") + 1]  # <section class="chapter guidelines">
    title = _CHAPTER.search(points[0])
    header = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip() if title else None
    runs: list[list[str]] = [[points[0]]]
    count = 0
    for point in points[1:]:
        articles = point.count(_ARTICLE)
        if count and count + articles > GUIDELINES_PER_PART:
            runs.append([])
            count = 0
        runs[-1].append(point)
        count += articles
    parts = [_Part(piece, frozenset(_ID.findall(piece))) for piece in pieces[:at]]
    for number, run in enumerate(runs):
        body = (opening if number else "") + "".join(run) + ("</section>" if number < len(runs) - 1 else "")
        parts.append(_Part(body, frozenset(_ID.findall(body)), header if number else None))
    parts.extend(_Part(piece, frozenset(_ID.findall(piece))) for piece in pieces[at + 1:])
    return document[:start], parts


def render_handbooks(jobs: Sequence[PdfJob], *, common: str, cache: Path | None, fonts: Path, prune: bool = False,
                     advance: Callable[[], None] = lambda: None) -> list[RenderedPdf]:
    """Each handbook's PDF: laid out whole when it is short, in parts when it is long. One thread per handbook
    (as many as keep the PDF workers busy) makes its HTML, when `jobs` makes it on being read (see
    `PdfCache.get_or_render`), and drives its PDF or parts through the workers, so one handbook's HTML is
    made while another's pages are laid out. `common`: the digest of every print input but the HTML
    (templates, fonts, code, tools); `cache`: the PDF cache's folder, whose parts of a handbook that this
    build did not use are dropped when `prune` (a cache inside the project); `fonts`: the handbooks' fonts folder
    (the PDF workers start at once, while the first HTML is made)."""
    if not jobs:
        return []
    folder = cache / PARTS_FOLDER if cache else None
    start_pdf_workers(fonts)

    def one(i: int) -> RenderedPdf:
        job = jobs[i]
        split = split_handbook(job.html)
        if split is None:
            made = render_pdfs([job])[0]
        else:
            made = _Handbook(job, *split, common=common, folder=folder, prune=prune).render()
        advance()
        return made

    caller = contextvars.copy_context()  # each thread writes in the caller's language
    with ThreadPoolExecutor(max(1, min(len(jobs), pdf_jobs() + 1))) as threads:
        return list(threads.map(lambda i: caller.copy().run(one, i), range(len(jobs))))


class _Handbook:
    """One long handbook's parts, laid out in order until their page numbers hold, then joined."""

    def __init__(self, job: PdfJob, head: str, parts: list[_Part], *, common: str, folder: Path | None,
                 prune: bool) -> None:
        self.job, self.head, self.parts, self.common, self.folder, self.prune = job, head, parts, common, folder, prune
        self.made: dict[str, RenderedPart] = {}
        self.used: set[str] = set()

    def render(self) -> RenderedPdf:
        pages: dict[str, int] = {}
        inputs: list[str] = []
        laid_out: list[RenderedPart] = []
        for _ in range(MAX_PASSES):
            previous, inputs, laid_out, start = inputs, [], [], 1
            for part in self.parts:
                document = self._document(part, start, pages)
                inputs.append(document)
                result = self._layout(document)
                laid_out.append(result)
                pages.update({anchor: start + page for anchor, page in result.anchors.items()})
                start += result.pages
            if inputs == previous:
                break
        warnings = [w for result in laid_out for w in result.warnings]
        data = in_a_worker(self.job.base_dir / FONTS_FOLDER, join_parts,
                           [Part(r.data, r.levels) for r in laid_out])
        self._prune()
        return RenderedPdf(data, warnings)

    def _document(self, part: _Part, start: int, pages: dict[str, int]) -> str:
        """The part as a document: the handbook's head, its first page number, its links to other parts."""
        style = ["@page { @bottom-center { content: counter(page); } }",
                 "a.ref.at::after { content: \" (hlm. \" attr(data-page) \")\"; }",
                 "nav.toc a.at::after { content: leader(\".\") attr(data-page); }"]
        if start > 1:
            style.append(f"@page :first {{ counter-reset: page {start}; }}")
        if part.running_header:
            style.append(f"html {{ string-set: chapter {json.dumps(part.running_header)}; }}")

        def link(match: re.Match[str]) -> str:
            """A link to another part's anchor; the ones that print its page number (a reference, and the
            table of contents, whose links have no class) get that number written out."""
            attributes, anchor = match.group(1), match.group(2)
            if anchor in part.anchors:
                return match.group(0)
            if 'class="ref"' in attributes or "class=" not in attributes:
                attributes = (attributes.replace('class="ref"', 'class="ref at"') if "class=" in attributes
                              else f'{attributes}class="at" ') + f'data-page="{pages.get(anchor, 0)}" '
            return f'<a {attributes}href="{ANCHOR_SCHEME}{html.escape(anchor)}"'

        body = _LINK.sub(link, part.body)
        head = self.head.replace("</head>", f"<style>{' '.join(style)}</style>\n</head>")
        return f"{head}<body>{body}</body>\n</html>\n"

    def _layout(self, document: str) -> RenderedPart:
        key = hashlib.sha256(f"{self.common}\0{self.job.base_dir.name}\0{document}".encode()).hexdigest()
        self.used.add(key)
        if key in self.made:
            return self.made[key]
        made = self._cached(key)
        if made is None:
            made = render_part_now(PdfJob(document, self.job.base_dir, f"{self.job.identifier}:{key}"))
            if not made.warnings:
                self._keep(key, made)
        self.made[key] = made
        return made

    def _files(self, key: str) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        stem = f"{_name(self.job)}.{key}"
        return self.folder / f"{stem}.pdf", self.folder / f"{stem}.json"

    def _cached(self, key: str) -> RenderedPart | None:
        files = self._files(key)
        if files is None:
            return None
        try:
            layout = json.loads(files[1].read_text(encoding="utf-8"))
            data = files[0].read_bytes()
            if not looks_like_pdf(data):
                return None
            return RenderedPart(data, [], int(layout["pages"]), {str(k): int(v) for k, v in layout["anchors"].items()},
                                tuple(int(level) for level in layout["levels"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a missing or damaged part only costs its layout

    def _keep(self, key: str, made: RenderedPart) -> None:
        files = self._files(key)
        if files is None:
            return
        files[0].parent.mkdir(parents=True, exist_ok=True)
        write_atomically(files[0], made.data)
        layout = {"pages": made.pages, "anchors": made.anchors, "levels": made.levels}
        write_atomically(files[1], json.dumps(layout, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def _prune(self) -> None:
        """Parts of this handbook that this build did not use are dropped (their PDF and layout)."""
        if not self.prune or self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob(f"{_name(self.job)}.*"):
            key = path.name.removeprefix(f"{_name(self.job)}.").split(".")[0]
            if key not in self.used:
                path.unlink(missing_ok=True)


def _name(job: PdfJob) -> str:
    """The handbook's PDF file name without its folder and suffix: its parts' names start with it."""
    return job.identifier.split(":")[0].rsplit("/", 1)[-1].removesuffix(".pdf")
