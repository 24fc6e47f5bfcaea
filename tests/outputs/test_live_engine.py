"""The preview tells MkDocs' live-reload server to rebuild when it writes pages, instead of waiting for its poll,
and its builds share compiled templates."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.livereload import LiveReloadServer

from generator.outputs import live_engine


def test_the_server_given_by_the_hook_rebuilds_when_told_and_no_longer_polls_the_docs(tmp_path: Path) -> None:
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config.write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(docs))
    server.watch(str(config))
    try:
        # MkDocs loads the hooks file as a module of its own; its on_serve reaches this module.
        assert live_engine.on_serve(server, SimpleNamespace(docs_dir=str(docs)), builder=None) is server
        assert set(server._watched_paths) == {str(config)}, "mkdocs.yml is still watched, the docs are not"
        assert not server._want_rebuild
        live_engine.rebuild_now()
        assert server._want_rebuild
    finally:
        live_engine.detach()
        server.observer.stop()


def test_without_a_server_or_with_another_engine_nothing_is_told(tmp_path: Path) -> None:
    live_engine.rebuild_now()  # no preview running: nothing to tell
    other = SimpleNamespace(unwatch=lambda path: (_ for _ in ()).throw(AssertionError("keeps its own watcher")))
    assert live_engine.on_serve(other, SimpleNamespace(docs_dir=str(tmp_path)), builder=None) is other
    live_engine.rebuild_now()


def test_every_build_of_a_preview_reuses_the_templates_compiled_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """MkDocs makes a new Jinja environment for each build; the preview's builds share the compiled templates,
    and a template whose text changed is compiled again."""
    templates = {"main.html": "<p>{{ page }} {{ n }}</p>"}
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))

    def build_env() -> Environment:
        return live_engine.on_env(Environment(loader=DictLoader(templates)), config=config, files=None)

    assert build_env().get_template("main.html").render(page="a", n=1) == "<p>a 1</p>"
    again = build_env()
    monkeypatch.setattr(again, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert again.get_template("main.html").render(page="b", n=2) == "<p>b 2</p>"
    templates["main.html"] = "<div>{{ page }}</div>"
    assert build_env().get_template("main.html").render(page="c") == "<div>c</div>"
    assert any((tmp_path / live_engine.TEMPLATES_CACHE_DIR).iterdir()), "kept under the project's .polmas/"
