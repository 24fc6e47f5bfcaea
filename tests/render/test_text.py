"""Content text is inert: plain fields escaped for Markdown, Markdown fields sanitised."""

from __future__ import annotations

import markdown

from generator.render.text import content_html, plain, safe_url


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=["tables", "attr_list", "md_in_html"])


def test_plain_text_cannot_make_links_html_or_attributes() -> None:
    hostile = '<img src=x onerror=alert(1)> [klik](javascript:alert(1)) {: onclick="x"} *tebal*'
    html = to_html(f"Teks: {plain(hostile)}")
    assert "<img" not in html and "<a" not in html and "<em>" not in html and "onclick=\"" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; [klik](javascript:alert(1)) {: onclick=&#34;x&#34;} *tebal*" in html


def test_plain_text_keeps_a_table_row_whole() -> None:
    two_lines = "baris\nkedua"
    html = to_html(f"| a | b |\n|---|---|\n| {plain('satu | dua')} | {plain(two_lines)} |")
    assert "<td>satu | dua</td>" in html and "<td>baris kedua</td>" in html


def test_markdown_fields_keep_formatting_and_lose_scripts() -> None:
    html = str(content_html(
        "**Penting**: lihat [situs](https://polri.go.id) dan [ini](javascript:alert(1))\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=x></iframe>\n\n# Judul besar"
    ))
    assert "<strong>Penting</strong>" in html
    assert '<a href="https://polri.go.id" rel="noopener noreferrer">situs</a>' in html
    assert "javascript:" not in html and "<script" not in html and "onerror" not in html and "<iframe" not in html
    assert "<h3>Judul besar</h3>" in html  # content headings never outrank the page's own


def test_safe_url_accepts_only_web_addresses() -> None:
    assert safe_url("https://a.example/x y(1)") == "https://a.example/x%20y%281%29"
    assert safe_url("javascript:alert(1)") == ""


def test_quotes_and_ampersands_survive_as_text() -> None:
    text = 'Tanda "kutip" & #1'
    assert to_html(f"Teks: {plain(text)}") == "<p>Teks: Tanda &#34;kutip&#34; &amp; #1</p>"
