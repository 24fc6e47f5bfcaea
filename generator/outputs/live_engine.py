"""The preview's engine (MkDocs' live-reload server), told at once when `polmas serve` writes pages, and
spared compiling its templates again for every rebuild.

MkDocs finds changed files by polling its docs folder: a walk of every file each half second, then a tenth of a
second's wait. At ×20 (1,849 pages) that is 0.4–0.7 s between a page written and its rebuild starting, more
while a regeneration runs beside it. The preview knows when it writes, so it says so instead: this file is also
the MkDocs hooks module of `polmas serve` (`HOOKS_FILE`), whose `on_serve` hands us the server and stops its
polling of the docs folder (mkdocs.yml stays watched).

MkDocs also makes a new Jinja environment for every build, so the theme's templates were compiled again for
each one-page rebuild: over a third of it at ×20 (0.43 s, 0.28 s without). `on_env` gives each build's
environment Jinja's own file cache of compiled templates; a template whose text changed is compiled again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache

HOOKS_FILE = Path(__file__).resolve()
"""Given to `mkdocs serve` as `hooks=[…]`: MkDocs loads it as a module of its own, whose `on_serve` passes the
server to this module as Python imported it."""
TEMPLATES_CACHE_DIR = Path(".polmas/cache/engine-templates")
"""Under the project: the engine's compiled templates (Jinja's own file cache, checked against each template's
text); deleting it only costs compiling them again."""

_engine: list[Any] = []


def on_env(env: Environment, config: Any, files: Any, **_kwargs: Any) -> Environment:
    """MkDocs event, each build: the templates compiled by an earlier build, instead of compiling them again."""
    folder = Path(config.config_file_path).parent / TEMPLATES_CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_serve(server: Any, config: Any, builder: Any, **_kwargs: Any) -> Any:
    """MkDocs event: keep the server, and leave the docs folder to `rebuild_now` instead of polling it."""
    from generator.outputs.live_engine import attach  # this module as the preview imported it, not MkDocs' copy

    if attach(server):
        server.unwatch(config.docs_dir)
    return server


def attach(server: Any) -> bool:
    """Keep `server` for `rebuild_now`, when it can be told to rebuild (MkDocs 1.x's live-reload server)."""
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")):
        return False  # another engine: its own watcher finds the pages
    _engine[:] = [server]
    return True


def detach() -> None:
    """Forget the server (the preview is closing)."""
    _engine.clear()


def rebuild_now() -> None:
    """Have the engine rebuild the pages written since its last build, as its own watcher would on a change."""
    server = _engine[0] if _engine else None
    if server is None:
        return
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
