"""`--shard i/n`: a fixed share of a build's PDFs in a folder, named as the PDF cache names them; the merge reads
the shards' folders back into the cache, trusting a file only by its name and inputs key."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import _
from generator.outputs.pdf_cache import CacheEntry, PdfCache, looks_like_pdf, parse_cache_file_name

SHARDS_DIR = Path(".polmas/shards")
"""Where `polmas build --shard i/n` writes by default: one folder `<i>-of-<n>` per shard."""
SHARD_PATTERN = re.compile(r"(\d+)/(\d+)")
HANDBOOK_WEIGHT = 30
"""A handbook costs about as much as 30 training sheets (≈12 s against ≈0.4 s on the sample, 2 cores)."""


class ShardError(ValueError):
    """A wrong `--shard` value or shard folder: a usage mistake, said in one line."""


@dataclass(frozen=True)
class Shard:
    """Shard `index` of `count` (1 ≤ index ≤ count)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = SHARD_PATTERN.fullmatch(text.strip())
        if match is None or not 1 <= int(match[1]) <= int(match[2]):
            raise ShardError(_("'{value}' is not a shard: write i/n, this shard's number and how many shards "
                               "there are, with 1 ≤ i ≤ n (e.g. --shard 2/4)").format(value=text))
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def default_folder(self, project: Path, *, internal: bool = False) -> Path:
        """.polmas/shards/<i>-of-<n>/ (…-internal/ for the internal edition's PDFs)."""
        return project / SHARDS_DIR / f"{self.index}-of-{self.count}{'-internal' if internal else ''}"

    def share(self, handbooks: Iterable[CacheEntry], sheets: Iterable[CacheEntry]) -> list[CacheEntry]:
        """This shard's documents: the handbooks by forum id, then the sheets by docs path, each given to the
        shard with the least work so far (a handbook counts as HANDBOOK_WEIGHT sheets; ties go to the lowest).

        Every shard deals the same list, so shards 1..n hold every PDF exactly once; the handbooks come round
        in turn (no two shards' counts differ by more than one) and the sheets even out the rest.
        """
        ordered = [(HANDBOOK_WEIGHT, e) for e in sorted(handbooks, key=lambda e: e.name)]
        ordered += [(1, e) for e in sorted(sheets, key=lambda e: e.path)]
        loads = [0] * self.count
        mine: list[CacheEntry] = []
        for weight, entry in ordered:
            lightest = loads.index(min(loads))
            loads[lightest] += weight
            if lightest == self.index - 1:
                mine.append(entry)
        return mine


def tidy_shard_folder(folder: Path, keep: Collection[str]) -> None:
    """Remove the cache-named PDFs that are not this shard's (left by an earlier run); other files stay."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_file() and parse_cache_file_name(path.name) and path.name not in keep:
            path.unlink()


@dataclass(frozen=True)
class Skipped:
    """A file of a shard folder that was not used: not named as a shard PDF, or not a whole PDF."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Imported:
    found: int
    """Distinct PDFs of today's inputs found in the shard folders (now in the build's PDF cache)."""
    unused: int
    """Shard PDFs made from other inputs than today's: left out, they only cost time."""
    skipped: list[Skipped]


def check_shard_folders(folders: Sequence[Path]) -> None:
    for folder in folders:
        if not folder.is_dir():
            raise ShardError(_("{folder} is not a folder: give the folders that `polmas build --shard` wrote "
                               "(e.g. .polmas/shards/1-of-4)").format(folder=folder))


def import_shards(folders: Sequence[Path], wanted: Collection[CacheEntry], cache: PdfCache) -> Imported:
    """Put every shard PDF of today's inputs (`wanted`) into `cache`; report what could not be trusted."""
    check_shard_folders(folders)
    by_name = {(e.name, e.key) for e in wanted}
    found: set[tuple[str, str]] = set()
    unused, skipped = 0, []
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        parsed = parse_cache_file_name(path.name)
        if parsed is None:
            skipped.append(Skipped(path, _("not a shard's PDF: its name is not <name>.<key>.pdf, as "
                                           "`polmas build --shard` writes it")))
            continue
        if parsed not in by_name:
            unused += 1
            continue
        data = _read(path)
        if data is None or not looks_like_pdf(data):
            skipped.append(Skipped(path, _("not a whole PDF (cut off or damaged); it will be made again")))
            continue
        if not cache.has(*parsed):
            cache.put(*parsed, data)
        found.add(parsed)
    return Imported(len(found), unused, skipped)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
