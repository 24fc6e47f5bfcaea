"""Write a rendered tree of files: unchanged files are left alone, stale ones removed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_tree(files: dict[str, str | bytes], target: Path, *, keep: tuple[str, ...] = ()) -> None:
    """Make `target` hold exactly `files` (relative posix path → content), besides what it already holds under
    the `keep` prefixes (e.g. 'handbooks/'), which is left as it is unless `files` replaces it."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {target / rel for rel in files}
    for rel, content in sorted(files.items()):
        path = target / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            continue
        write_atomically(path, data)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted and not path.relative_to(target).as_posix().startswith(keep):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside `target`, then rename over it: a reader never sees half a file.

    The file is world-readable (0644) like any file of a published site; mkstemp alone would make it 0600.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
