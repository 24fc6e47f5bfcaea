"""The archive's index.html, rendered from templates/bundle/: opens the site, escapes the title."""

from __future__ import annotations

from pathlib import Path

from generator.outputs.bundle import landing_page


def test_landing_page_redirects_and_links_to_the_start_page(repo: Path) -> None:
    html = landing_page("situs/paket/warga.html", "Pustaka Polmas", templates=repo / "templates/bundle")
    assert '<meta http-equiv="refresh" content="0; url=situs/paket/warga.html">' in html
    assert '<p><a href="situs/paket/warga.html">Buka Pustaka Polmas</a></p>' in html
    assert html.endswith("</html>\n")


def test_landing_page_escapes_the_title(repo: Path) -> None:
    html = landing_page("situs/index.html", 'Paket "A" <b>', templates=repo / "templates/bundle")
    assert "<title>Paket &#34;A&#34; &lt;b&gt;</title>" in html and "<b>" not in html
