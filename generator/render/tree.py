"""Write a rendered tree of files: unchanged files are left alone, stale ones removed."""

from __future__ import annotations

from pathlib import Path


def write_tree(files: dict[str, str | bytes], target: Path) -> None:
    """Make `target` hold exactly `files` (relative posix path → content)."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {target / rel for rel in files}
    for rel, content in sorted(files.items()):
        path = target / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_bytes(data)
        temp.replace(path)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
