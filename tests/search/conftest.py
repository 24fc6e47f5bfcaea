"""A blank Chromium page holding the real lunr (from mkdocs-material's search worker) and the generated lunr.id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import material
import pytest

from generator.model.glossary import Glossary, GlossaryTerm
from generator.render.search import LUNR_ID, render_search_assets

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"

TEST_GLOSSARY = Glossary(terms=[
    GlossaryTerm(term="curanmor", expansion="pencurian kendaraan bermotor", meaning="Pencurian motor atau mobil."),
    GlossaryTerm(term="KDRT", expansion="kekerasan dalam rumah tangga", meaning="Kekerasan di rumah."),
    GlossaryTerm(term="tawuran", meaning="Perkelahian massal.", synonyms=["perkelahian pelajar"]),
])


@pytest.fixture(scope="module")
def lunr_page(browser: Any, repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """window.lunr is the worker's own lunr.js; lunr.id is the file the site ships, with TEST_GLOSSARY."""
    script = render_search_assets(TEST_GLOSSARY, templates=repo / "templates" / "site")[LUNR_ID]
    path = tmp_path_factory.mktemp("lunr") / "lunr.id.min.js"
    path.write_text(script, encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(next(WORKERS.glob("search.*.min.js"))))
    page.add_script_tag(path=str(path))
    assert page.evaluate("typeof lunr.id.stems") == "function"
    yield page
    assert errors == []
    page.close()
