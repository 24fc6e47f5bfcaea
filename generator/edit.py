"""`polmas edit`: the browser editor (Decap CMS at /admin/) beside the live preview, decap-server on loopback."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator import pipeline
from generator.i18n import _
from generator.outputs.canonical_yaml import format_file, model_of
from generator.outputs.editor_app import write_editor_app, write_problems
from generator.serve import listening, serve

TOOL_ROOT = Path(__file__).resolve().parent.parent
"""This checkout of Pustaka Polmas: its node_modules and templates/editor serve any project."""
DECAP_SERVER = Path("node_modules/decap-server/dist/index.js")
STARTUP_SECONDS = 15.0
SAVE_POLL_SECONDS = 0.5


class EditorStartError(Exception):
    """decap-server or the editor's web server could not start; says why and what to do."""


def edit(project: Path, *, addr: str, editor_addr: str, decap_port: int) -> int:
    """Serve the editor, decap-server and the preview until Ctrl-C, then stop all three."""
    host, port = _split(editor_addr)
    preview_host, preview_port = _split(addr)
    config = pipeline.site_config(project)
    editor_dir = write_editor_app(project, tool_root=TOOL_ROOT, backend=config.editor,
                                  decap_url=f"http://{host}:{decap_port}/api/v1",
                                  preview_url=f"http://{preview_host}:{preview_port}/")
    decap = _start_decap_server(project, host, decap_port)
    try:
        httpd = _start_editor_server(editor_dir, host, port)
    except OSError as exc:
        _stop(decap)
        raise EditorStartError(_("the editor cannot listen on {addr}: {reason}; pass another --editor-addr").format(
            addr=editor_addr, reason=exc.strerror)) from exc
    print(_("Editor:    {url}  (decap-server on {decap})").format(
        url=f"http://{host}:{port}/admin/", decap=f"{host}:{decap_port}"), flush=True)
    print(_("Preview:   {url}").format(url=f"http://{preview_host}:{preview_port}/"), flush=True)
    print(_("Stop both with Ctrl-C."), flush=True)
    stop = threading.Event()
    threading.Thread(target=_watch_saves, args=(project, editor_dir, stop), daemon=True).start()
    try:
        return serve(project, addr=addr, editor_url=f"http://{host}:{port}")
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
        _stop(decap)
        print(_("Editor and preview stopped."), file=sys.stderr, flush=True)


def _watch_saves(project: Path, editor_dir: Path, stop: threading.Event) -> None:
    """Format what the editor saves and check the project again, within a second of each save.

    Apart from the preview's watcher, which also renders pages and PDFs: the problems panel must not wait
    for those. The preview then sees the formatted file as one more change and renders it.
    """
    seen: dict[Path, float] = {}
    while True:
        current = _record_files(project)
        if current != seen:
            changed = [path for path, mtime in current.items() if seen.get(path) != mtime]
            if seen:
                _format_saved(project, changed)
                current = _record_files(project)
            seen = current
            _, problems = pipeline.check(project, today=pipeline.today_from_environment())
            write_problems(editor_dir, problems)
        if stop.wait(SAVE_POLL_SECONDS):
            return


def _record_files(project: Path) -> dict[Path, float]:
    return {path: path.stat().st_mtime for folder in ("content", "data") for path in (project / folder).rglob("*.yaml")}


def _format_saved(project: Path, changed: list[Path]) -> None:
    """Bring every record file the editor (or anyone) saved into canonical form (`polmas fmt`)."""
    for path in changed:
        src_path = path.relative_to(project).as_posix()
        if model_of(src_path) is not None and path.is_file() and format_file(project, src_path):
            print(_("Formatted: {file}").format(file=src_path), file=sys.stderr, flush=True)


def _split(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    return host or "127.0.0.1", int(port)


def _start_decap_server(project: Path, host: str, port: int) -> subprocess.Popen[bytes]:
    """decap-server in file-system mode: it writes the files the editor saves, nothing else (no commits)."""
    node = shutil.which("node")
    script = TOOL_ROOT / DECAP_SERVER
    if node is None or not script.is_file():
        raise EditorStartError(_("decap-server is not installed: run `make build` (it installs Node.js packages "
                                 "with `npm ci`) in {folder}, then `polmas edit` again").format(folder=TOOL_ROOT))
    env = os.environ | {"PORT": str(port), "BIND_HOST": host, "MODE": "fs", "GIT_REPO_DIRECTORY": str(project),
                        "LOG_LEVEL": "warn"}
    process = subprocess.Popen([node, str(script)], cwd=project, env=env, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EditorStartError(_("decap-server stopped at once (exit {code}); is port {port} already in use? "
                                     "pass another --decap-port").format(code=process.returncode, port=port))
        if listening(f"{host}:{port}"):
            return process
        time.sleep(0.1)
    _stop(process)
    raise EditorStartError(_("decap-server did not answer on {addr} within {seconds} seconds").format(
        addr=f"{host}:{port}", seconds=round(STARTUP_SECONDS)))


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files of the editor; no log line per request (the preview's log is what the terminal shows)."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain attribute)
        **SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def _start_editor_server(folder: Path, host: str, port: int) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer((host, port), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd
