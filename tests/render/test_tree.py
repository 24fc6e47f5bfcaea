"""Writing output files: whole or not at all, and readable by whoever serves the site."""

from __future__ import annotations

import stat
from pathlib import Path

from generator import pipeline
from generator.outputs.tree import write_atomically, write_tree


def test_atomic_write_leaves_no_temp_file_and_a_world_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.pdf"
    write_atomically(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["b.pdf"]


def test_write_tree_removes_stale_files(tmp_path: Path) -> None:
    write_tree({"x/a.md": "a", "b.md": "b"}, tmp_path)
    write_tree({"b.md": "B"}, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["b.md"]
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "B"


def test_polmas_handbook_writes_files_a_web_server_can_read(sample_copy: Path) -> None:
    """`polmas handbook` writes straight into site/handbooks/, without the site engine copying them."""
    result = pipeline.handbooks(sample_copy, forum_ids=["fkpm-sendangrawit"], publish=False)
    assert result.written
    assert [p for p in result.written if not stat.S_IMODE(p.stat().st_mode) & stat.S_IROTH] == []


def test_write_tree_leaves_what_it_is_told_to_keep(tmp_path: Path) -> None:
    write_tree({"a.md": "a", "handbooks/x.pdf": b"old", "materi/y.pdf": b"y"}, tmp_path)
    write_tree({"a.md": "b", "materi/y.pdf": b"new"}, tmp_path, keep=("handbooks/",))
    assert (tmp_path / "handbooks/x.pdf").read_bytes() == b"old", "kept, though not in the files"
    assert (tmp_path / "materi/y.pdf").read_bytes() == b"new", "what the files name is written over"
    write_tree({"a.md": "b"}, tmp_path, keep=("handbooks/",))
    assert not (tmp_path / "materi").exists(), "everything else is made exactly as the files say"
