"""`polmas build --shard i/n` and `--merge`: the shards hold every PDF once, and their merge equals a full build."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.cli import EXIT_OK, EXIT_USAGE, main
from generator.knowledge import KnowledgeBase
from generator.knowledge.status_view import SITE_STATUSES, with_statuses
from generator.outputs.pdf import PdfJob, RenderedPdf, render_pdfs
from generator.outputs.pdf_cache import CacheEntry, parse_cache_file_name
from generator.outputs.shards import HANDBOOK_WEIGHT, Shard, ShardError
from tests.conftest import SAMPLE_TODAY


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(count: int, prefix: str) -> list[CacheEntry]:
    return [CacheEntry(f"{prefix}{i:03}", "0" * 64, f"{prefix}/{i:03}.pdf") for i in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3, 7])
@pytest.mark.parametrize(("forums", "sheets"), [(0, 0), (1, 0), (3, 56), (50, 400)])
def test_the_shares_cover_every_document_once_and_are_balanced(count: int, forums: int, sheets: int) -> None:
    books, pages = entries(forums, "forum"), entries(sheets, "materi")
    shares = [Shard(i, count).share(reversed(books), reversed(pages)) for i in range(1, count + 1)]
    assert sorted(e.name for share in shares for e in share) == sorted(e.name for e in [*books, *pages])
    held = [sum(e.name.startswith("forum") for e in share) for share in shares]
    loads = [HANDBOOK_WEIGHT * h + len(share) - h for h, share in zip(held, shares, strict=True)]
    assert max(held) - min(held) <= 1, "the handbooks come round in turn"
    # The sheets even out the work: to within one sheet when there are enough of them to fill the gaps.
    assert max(loads) - min(loads) <= (1 if sheets >= count * HANDBOOK_WEIGHT else HANDBOOK_WEIGHT)
    assert shares == [Shard(i, count).share(books, pages) for i in range(1, count + 1)], "any input order"


@pytest.mark.parametrize("value", ["0/2", "3/2", "x", "1/0", "-1/2", "2", "1/2/3"])
def test_a_shard_is_i_of_n(value: str) -> None:
    with pytest.raises(ShardError, match=r" i/n, .*--shard 2/4"):
        Shard.parse(value)
    assert Shard.parse(" 2/4") == Shard(2, 4)
    assert Shard(2, 4).default_folder(Path("p")) == Path("p/.polmas/shards/2-of-4")
    assert Shard(2, 4).default_folder(Path("p"), internal=True) == Path("p/.polmas/shards/2-of-4-internal")


class TestUsage:
    pytestmark = pytest.mark.usefixtures("english")

    @pytest.mark.parametrize("value", ["0/2", "3/2", "x"])
    def test_a_bad_shard_is_refused_with_the_expected_form(
        self, repo: Path, capsys: pytest.CaptureFixture[str], value: str,
    ) -> None:
        with pytest.raises(SystemExit) as stopped:
            main(["--project", str(repo), "build", "--shard", value])
        assert stopped.value.code == EXIT_USAGE
        err = capsys.readouterr().err
        assert f"'{value}' is not a shard: write i/n" in err and "--shard 2/4" in err

    def test_shard_dir_needs_shard_and_merge_needs_folders(
        self, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    ) -> None:
        assert main(["--project", str(repo), "build", "--shard-dir", str(tmp_path)]) == EXIT_USAGE
        assert "--shard-dir goes with --shard i/n" in capsys.readouterr().err
        missing = tmp_path / "nowhere"
        assert main(["--project", str(repo), "build", "--merge", str(missing)]) == EXIT_USAGE
        assert f"{missing} is not a folder: give the folders that `polmas build --shard` wrote" in (
            capsys.readouterr().err)
        with pytest.raises(SystemExit) as stopped:
            main(["--project", str(repo), "build", "--shard", "1/2", "--merge", str(tmp_path)])
        assert stopped.value.code == EXIT_USAGE


def shard(project: Path, value: str, *extra: str) -> None:
    assert main(["--project", str(project), "build", "--shard", value, "--jobs", "2", *extra]) == EXIT_OK


def shard_files(folder: Path) -> dict[str, str]:
    """Cache name → file name of every PDF in a shard folder."""
    files = {}
    for path in folder.iterdir():
        parsed = parse_cache_file_name(path.name)
        assert parsed, path
        files[parsed[0]] = path.name
    return files


def site_kb(project: Path) -> KnowledgeBase:
    return with_statuses(pipeline.check_project(project, today=SAMPLE_TODAY).kb, SITE_STATUSES)


def expected_files(project: Path) -> tuple[set[str], set[str]]:
    """The file names of every handbook and every training sheet of today's inputs."""
    books, sheets = pipeline.pdf_entries(project, site_kb(project), config=pipeline.site_config(project))
    return {e.file_name for e in books}, {e.file_name for e in sheets}


def files_to_make(project: Path) -> list[str]:
    return pipeline.pdf_files_to_make(project, site_kb(project), config=pipeline.site_config(project))


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The identifiers of the PDFs the engine makes from now on (handbooks and sheets)."""
    made: list[str] = []

    def render(jobs: list[PdfJob], **kwargs: Any) -> list[RenderedPdf]:
        made.extend(job.identifier for job in jobs)
        return render_pdfs(jobs, **kwargs)

    monkeypatch.setattr("generator.outputs.pdf_cache.render_pdfs", render)  # where the sheets render
    monkeypatch.setattr("generator.outputs.handbook_parts.render_pdfs", render)  # and the handbooks
    return made


@pytest.mark.slow
def test_merged_shards_equal_a_full_build_byte_for_byte_and_the_merge_makes_no_pdf(
    sample_copy: Path, sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], rendered: list[str],
) -> None:
    # The shards copy what the run's shared PDF cache holds (the session build filled it): no PDF is made twice.
    monkeypatch.setenv(pipeline.TODAY_ENV, SAMPLE_TODAY.isoformat())
    books, sheets = expected_files(sample_copy)
    for count in (2, 3):
        folders = [sample_copy / ".polmas/shards" / f"{i}-of-{count}" for i in range(1, count + 1)]
        for i in range(1, count + 1):
            shard(sample_copy, f"{i}/{count}")
        assert not (sample_copy / "site").exists(), "a shard builds no site"
        shares = [set(shard_files(folder).values()) for folder in folders]
        assert sum(len(share) for share in shares) == len(books | sheets), "each PDF in one shard only"
        assert set().union(*shares) == books | sheets
        loads = [len(share) + (HANDBOOK_WEIGHT - 1) * len(share & books) for share in shares]
        assert max(loads) - min(loads) <= 1, "the sheets even out the handbooks' work"
    capsys.readouterr()
    # The merge's only source is the shards: an empty PDF cache, a junk file, a PDF of other inputs.
    monkeypatch.setenv(pipeline.PDF_CACHE_ENV, str(tmp_path / "empty-cache"))
    assert len(files_to_make(sample_copy)) == 2 * len(books) + len(sheets), "each handbook with its manifest"
    first, second = sample_copy / ".polmas/shards/1-of-2", sample_copy / ".polmas/shards/2-of-2"
    (second / "notes.txt").write_text("not a PDF", encoding="utf-8")
    stale = second / f"fkpm-sendangrawit.{'0' * 64}.pdf"
    shutil.copy(next(first.glob("fkpm-sendangrawit.*.pdf")), stale)
    damaged = tmp_path / "damaged"  # a cut-off copy of a good PDF: never trusted, the good copy is used
    damaged.mkdir()
    cut = next(first.glob("materi--*.pdf"))
    (damaged / cut.name).write_bytes(cut.read_bytes()[:2000])
    merge = ["--merge", str(first), str(second), str(damaged)]
    assert main(["--project", str(sample_copy), "--lang", "id", "build", *merge]) == EXIT_OK
    out = capsys.readouterr()
    assert f"Dari pecahan: {len(books | sheets)} PDF; dibuat oleh build ini: 0; bukan dari masukan hari ini " \
           "(tidak dipakai): 1." in out.out
    assert f"{second / 'notes.txt'}: dilewati: bukan PDF pecahan" in out.err
    assert f"{damaged / cut.name}: dilewati: bukan PDF yang utuh" in out.err
    assert rendered == [], "the merge build found every PDF in the shards"
    assert files_to_make(sample_copy) == []
    merged, full = digest(sample_copy / "site"), digest(sample_site)
    assert sorted(merged) == sorted(full)
    assert [rel for rel in merged if merged[rel] != full[rel]] == []


@pytest.mark.slow
def test_a_shard_makes_its_share_itself_and_leaves_the_site_alone(
    sample_copy: Path, sample_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    shared_pdf_cache: Path, rendered: list[str],
) -> None:
    monkeypatch.setenv(pipeline.PDF_CACHE_ENV, str(tmp_path / "empty-cache"))
    (sample_copy / "site").mkdir()
    (sample_copy / "site" / "index.html").write_text("the published site", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"forum-lama.{'1' * 64}.pdf").write_bytes(b"%PDF-1.7 left by an earlier run")
    shard(sample_copy, "1/40", "--shard-dir", str(folder))  # the first handbook: the sheets go to lighter shards
    made = shard_files(folder)
    assert len(rendered) == len(made) == 1 and "forum-lama" not in made
    for file_name in made.values():
        assert (folder / file_name).read_bytes() == (shared_pdf_cache / file_name).read_bytes(), (
            "a shard's PDF is the very file a full build makes")
    assert [p.name for p in (sample_copy / "site").iterdir()] == ["index.html"]
    assert (sample_copy / "site" / "index.html").read_text(encoding="utf-8") == "the published site"
    assert not (tmp_path / "empty-cache").exists(), "a shard writes nothing but its folder"
