"""Content text → safe Markdown: plain fields escaped, Markdown fields rendered and sanitised."""

from __future__ import annotations

import functools
import re
import threading
from pathlib import Path
from urllib.parse import quote

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.render.tel_links import TelLinkExtension

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~^-])")
_ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sub", "sup",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}

SHARED_TEMPLATES = "shared"
"""templates/shared/: the phrases (phrases.j2) that the site and the handbook both say, said once."""


def shared_phrase(templates: Path, name: str) -> str:
    """One phrase of templates/shared/phrases.j2, for text no template of ours renders (the theme's banner,
    the bundle's read-me); `templates` is the project's templates/ folder."""
    env = Environment(loader=FileSystemLoader(templates / SHARED_TEMPLATES), undefined=StrictUndefined)
    return str(getattr(env.get_template("phrases.j2").module, name))


def plain(value: object) -> Markup:
    """A plain text field as inert Markdown: no HTML, no links, no emphasis, one line."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return _plain(str(value))


@functools.lru_cache(maxsize=65536)
def _plain(value: str) -> Markup:
    """A site names the same titles and summaries on many pages: each is escaped once."""
    text = " ".join(value.split())
    # Markdown-escape first: HTML entities made afterwards (&#34;) must keep their '#'.
    return escape(_MARKDOWN_SPECIALS.sub(r"\\\1", text))


def sanitize_html(html: str) -> str:
    """Keep only the tags, attributes and link schemes that content needs."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


def content_html(value: object) -> Markup:
    """A Markdown field as a sanitised HTML block that the site's Markdown passes through."""
    if value is None:
        return Markup("")
    return _content_html(str(value))


@functools.lru_cache(maxsize=8192)
def _content_html(value: str) -> Markup:
    """Once per text and process: the site's page and every handbook holding an item show the same fields."""
    html = _markdown().reset().convert(value)
    # Headings inside content must not outrank the page's own sections.
    html = re.sub(r"<(/?)h[12]>", r"<\1h3>", html)
    return Markup('<div class="polmas-text" markdown="0">\n{}\n</div>').format(Markup(sanitize_html(html)))


_CONVERTERS = threading.local()


def _markdown() -> markdown.Markdown:
    """One converter per thread, reset before each use: building one per field cost more than converting."""
    converter: markdown.Markdown | None = getattr(_CONVERTERS, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["sane_lists", "tables", TelLinkExtension()], output_format="html")
        _CONVERTERS.markdown = converter
    return converter


def html_text(value: object) -> Markup:
    """A plain text field inside a raw HTML block: HTML-escaped only."""
    return Markup(escape(" ".join(str(value).split())))


def safe_url(value: object) -> Markup:
    """A validated http(s) URL made safe for Markdown links: spaces and brackets encoded."""
    text = str(value)
    if not text.startswith(("http://", "https://")):
        return Markup("")
    return Markup(escape(quote(text, safe=":/?#@!$&'*+,;=%-._~")))
