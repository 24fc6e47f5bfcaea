"""The preview's engine (MkDocs' live-reload server), told at once when `polmas serve` writes pages, and
spared compiling its templates again for every rebuild.

MkDocs finds changed files by polling its docs folder: a walk of every file each half second, then a tenth of a
second's wait. At ×20 (1,849 pages) that is 0.4–0.7 s between a page written and its rebuild starting, more
while a regeneration runs beside it. The preview knows when it writes, so it says so instead: this file is also
the MkDocs hooks module of `polmas serve` (`HOOKS_FILE`), whose `on_serve` hands us the server and stops its
polling of the docs folder (mkdocs.yml stays watched).

MkDocs also makes a new Jinja environment for every build, so the theme's templates were compiled again for
each one-page rebuild: over a third of it at ×20 (0.40 s, 0.25 s without). `on_env` gives each build's
environment one cache of compiled templates for the whole preview; a template whose text changed is compiled
again (Jinja checks its checksum).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

HOOKS_FILE = Path(__file__).resolve()
"""Given to `mkdocs serve` as `hooks=[…]`: MkDocs loads it as a module of its own, whose `on_serve` passes the
server to this module as Python imported it."""

_engine: list[Any] = []
_lock = threading.Lock()


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by template name and text, for every build of one preview."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code


_COMPILED = _CompiledTemplates()


def on_env(env: Environment, config: Any, files: Any, **_kwargs: Any) -> Environment:
    """MkDocs event, each build: the preview's compiled templates, instead of compiling them again."""
    from generator.outputs.live_engine import compiled_templates  # as the preview imported this module

    env.bytecode_cache = compiled_templates()
    return env


def compiled_templates() -> BytecodeCache:
    return _COMPILED


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
    with _lock:
        _engine[:] = [server]
    return True


def detach() -> None:
    """Forget the server (the preview is closing)."""
    with _lock:
        _engine.clear()


def rebuild_now() -> None:
    """Have the engine rebuild the pages written since its last build, as its own watcher would on a change."""
    with _lock:
        server = _engine[0] if _engine else None
    if server is None:
        return
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
