"""Read a PDF back as a reader would: text (pdftotext), bookmarks (pypdf), fonts (pdffonts), QR codes (zbar)."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from pypdf import PdfReader

_TOC_LINE = re.compile(r"^\s*(?P<title>\S.*?)\s*\.+\s*(?P<page>\d+)\s*$")


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int
    """1-based, as printed in the footer."""
    level: int


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, in reading order (pdftotext -layout keeps the TOC's leaders on one line)."""
    result = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                            capture_output=True, check=True)
    pages = result.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def bookmarks(pdf: bytes) -> list[Bookmark]:
    reader = PdfReader(BytesIO(pdf))
    found: list[Bookmark] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append(Bookmark(item.title, (reader.get_destination_page_number(item) or 0) + 1, level))

    walk(reader.outline, 1)
    return found


def toc_entries(texts: list[str], heading: str = "Daftar isi") -> list[tuple[str, int]]:
    """(title, page number) for every line of the table of contents, wrapped titles joined."""
    start = next(i for i, text in enumerate(texts) if text.lstrip().startswith(heading))
    entries: list[tuple[str, int]] = []
    pending = ""
    for text in texts[start:]:
        lines = text.splitlines()
        if text is not texts[start] and not (lines and _TOC_LINE.match(lines[0] if lines[0].strip() else "")):
            break
        for line in lines:
            if not line.strip() or line.lstrip().startswith(heading) or re.fullmatch(r"\s*\d+ / \d+\s*", line):
                continue
            match = _TOC_LINE.match(line)
            if match is None:
                pending = f"{pending} {line.strip()}".strip()
                continue
            entries.append((f"{pending} {match['title']}".strip(), int(match["page"])))
            pending = ""
    return entries


def fonts(pdf: bytes) -> list[dict[str, str]]:
    """pdffonts' table as dicts (name, type, emb, sub)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        out = subprocess.run(["pdffonts", handle.name], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type words…, encoding, emb, sub, uni, object, id
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def qr_codes(pdf: bytes, pages: list[int], *, dpi: int = 200, strip_mm: float = 40) -> dict[int, list[str]]:
    """The QR codes zbar reads on each of `pages` (1-based), rendered like a printed page at `dpi`.

    Only the right-hand strip of `strip_mm` is rendered (the booklet puts every QR code there), and all pages
    in one pdftoppm run: five times faster than whole pages one by one.
    """
    reader = PdfReader(BytesIO(pdf))
    box = reader.pages[0].mediabox
    width, height = (round(float(side) / 72 * dpi) for side in (box.width, box.height))
    strip = round(strip_mm / 25.4 * dpi)
    found: dict[int, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(min(pages)), "-l", str(max(pages)),
                        "-x", str(width - strip), "-y", "0", "-W", str(strip), "-H", str(height),
                        str(source), str(Path(folder) / "p")], check=True)
        images = {int(p.stem.rsplit("-", 1)[1]): p for p in Path(folder).glob("p-*.png")}
        for page in pages:
            result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(images[page])],
                                    capture_output=True, text=True)
            found[page] = sorted(line for line in result.stdout.splitlines() if line)
    return found
