"""The offline bundle: the whole site, handbooks and training sheets in one zip that works from `file://`."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.i18n import _
from generator.model import TrainingPack
from generator.problems import suggest
from generator.render.materials import MATERIALS_DIR
from generator.render.print_list import INDEX_NAME, PrintItem

SITE_FOLDER = "situs"
"""The site's folder inside the archive; `index.html` beside it opens it."""
PRINT_FOLDER = "cetak"
"""An audience pack's printable sheets, at the top of the archive for a trainer who only wants to print."""
EXCLUDED_PARTS = frozenset({"__pycache__", "private", "site-internal"})
"""Never packed, whatever a template or plugin leaves in the site: caches, private data, the internal edition."""
FILE_MODE = 0o644


class BundleError(Exception):
    """The bundle cannot be made as asked (an unknown audience); nothing was written."""


@dataclass(frozen=True)
class BundleResult:
    archive: Path
    size: int
    files: int
    pages: int
    pdfs: dict[str, int] = field(default_factory=dict)
    """kind of PDF ('buku pegangan', 'bahan pelatihan') → count"""
    page_weight: int = 0
    """bytes of the page the bundle opens at, with its styles, scripts and images"""
    print_copies: int = 0
    """copies to print from cetak/ for the participants asked for (0 without a pack)"""


def archive_name(printed: date | None, audience: str | None) -> str:
    """'pustaka-polmas-2026-03-01.zip', or with the audience: 'pustaka-polmas-pelajar-2026-03-01.zip'."""
    stamp = printed.isoformat() if printed else "tanpa-tanggal"
    return f"pustaka-polmas-{audience + '-' if audience else ''}{stamp}.zip"


def check_audience(audience: str | None, pack_ids: list[str]) -> None:
    """Refuse an audience without a pack before anything is built."""
    if audience is not None and audience not in pack_ids:
        raise BundleError(_("no training pack for '{audience}'{suggestion}; choose one of: {packs} "
                            "(the files of data/packs/)").format(
            audience=audience, suggestion=suggest(audience, pack_ids), packs=", ".join(sorted(pack_ids))))


def site_files(site_dir: Path) -> list[tuple[str, Path]]:
    """Every file of the built site as (path inside the archive, file), sorted, without excluded parts."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir)
        if not path.is_file() or any(part in EXCLUDED_PARTS or part.startswith(".") for part in rel.parts):
            continue
        files.append((f"{SITE_FOLDER}/{rel.as_posix()}", path))
    return files


def print_files(site_dir: Path, items: list[PrintItem], index_pdf: bytes) -> list[tuple[str, Path | bytes]]:
    """A pack's cetak/ folder: the index sheet, then every file in the order of the session plan."""
    return [(f"{PRINT_FOLDER}/{INDEX_NAME}", index_pdf)] + [
        (f"{PRINT_FOLDER}/{item.name}", site_dir / item.source) for item in items]


def page_weight(site_dir: Path, page: str) -> int:
    """Bytes a browser loads to show `page` of the site: its HTML and the local styles, scripts and images it
    names (what opening the bundle costs a phone)."""
    html_path = site_dir / page
    finder = _AssetFinder()
    finder.feed(html_path.read_text(encoding="utf-8"))
    assets = {(html_path.parent / unquote(urlsplit(ref).path)).resolve() for ref in finder.refs
              if ref and not urlsplit(ref).scheme and not ref.startswith(("#", "//"))}
    return html_path.stat().st_size + sum(a.stat().st_size for a in assets if a.is_file())


class _AssetFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "img") and found.get("src"):
            self.refs.append(str(found["src"]))
        elif tag == "link" and found.get("href") and "stylesheet" in (found.get("rel") or ""):
            self.refs.append(str(found["href"]))


def landing_page(target: str, title: str, *, templates: Path, notice: str = "") -> str:
    """The archive's index.html (templates/bundle/): opens the site at once (no script needed), with a link;
    `notice` is the sample notice ('' when the content is not a sample)."""
    env = Environment(loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    return env.get_template("index.html.j2").render(target=target, title=title, notice=notice)


def readme_text(title: str, pack: TrainingPack | None, notice: str = "") -> str:
    lines = [
        title, *([notice] if notice else []), "",
        "Cara membuka: salin folder ini ke flashdisk atau ponsel, lalu buka index.html dengan peramban",
        "(Chrome, Firefox). Tidak perlu internet: pencarian, peta dan unduhan PDF bekerja dari berkas.",
        "",
        f"{SITE_FOLDER}/            situs lengkap",
        f"{SITE_FOLDER}/handbooks/  buku pegangan setiap forum (PDF)",
        f"{SITE_FOLDER}/{MATERIALS_DIR}/      bahan peserta, lembar kegiatan, tes, slide, catatan pelatih, paket "
        "pelatihan (PDF)",
    ]
    if pack:
        lines.append(f"{PRINT_FOLDER}/            bahan cetak paket {pack.title}, menurut urutan sesi; mulai dari "
                     f"{INDEX_NAME} (apa dicetak berapa kali)")
    lines += ["", "Keadaan darurat: hubungi 110 (Polri), bebas pulsa, 24 jam.", ""]
    return "\n".join(lines)


def write_archive(target: Path, entries: list[tuple[str, Path | bytes]], *, stamp: date | None,
                  advance: Callable[[], None] = lambda: None) -> int:
    """Write the zip next to `target` and move it into place only when whole; returns its size.

    Entries keep their given order; every entry carries the same time (the content's date) and mode, so the
    same input gives the same bytes.
    """
    when = (stamp.year, stamp.month, stamp.day, 0, 0, 0) if stamp else (1980, 1, 1, 0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name, content in entries:
                info = zipfile.ZipInfo(name, date_time=when)
                info.external_attr = (0o100000 | FILE_MODE) << 16
                info.create_system = 3
                data = content.read_bytes() if isinstance(content, Path) else content
                archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
                advance()
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target.stat().st_size


def entries_for(site_dir: Path, *, title: str, pack: TrainingPack | None, printing: list[tuple[str, Path | bytes]],
                templates: Path, notice: str = "") -> Iterator[tuple[str, Path | bytes]]:
    """Everything in the archive, in order: index.html, BACA-SAYA.txt, cetak/ (a pack only), situs/."""
    start = f"{SITE_FOLDER}/paket/{pack.id}.html" if pack else f"{SITE_FOLDER}/index.html"
    yield "index.html", landing_page(start, title, templates=templates, notice=notice).encode("utf-8")
    yield "BACA-SAYA.txt", readme_text(title, pack, notice).encode("utf-8")
    if pack:
        yield from printing
    yield from site_files(site_dir)
