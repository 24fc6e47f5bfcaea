"""Python-Markdown extension: every phone number in the text becomes a call link (tel:), wherever it is written."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.render.first_steps import PHONE_NUMBER

_SKIP = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "title"}
_STASHED = re.compile(r"\x02wzxhzdk:\d+\x03")
"""Python-Markdown's placeholder for stashed raw HTML (e.g. a <span> inside a `markdown` div): its index is
not a phone number, even when it reads 110."""


def tel_href(number: str) -> str:
    """'(0298) 321-654' → 'tel:0298321654'; '+62 812 …' keeps its plus."""
    digits = re.sub(r"\D", "", number)
    return f"tel:+{digits}" if number.startswith("+") else f"tel:{digits}"


class TelLinkTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _SKIP:
            return
        for child in list(element):
            self._walk(child)
            if child.tail:
                _link_tail(element, child)
        if element.text:
            _link_text(element)


def _split(text: str) -> list[str | etree.Element]:
    parts: list[str | etree.Element] = []
    last = 0
    stashed = [m.span() for m in _STASHED.finditer(text)]
    for match in PHONE_NUMBER.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in stashed):
            continue
        parts.append(text[last:match.start()])
        link = etree.Element("a", {"href": tel_href(match.group(0))})
        link.text = match.group(0)
        parts.append(link)
        last = match.end()
    parts.append(text[last:])
    return parts


def _link_text(element: etree.Element) -> None:
    parts = _split(element.text or "")
    if len(parts) == 1:
        return
    element.text = str(parts[0])
    _insert_after(element, -1, parts[1:])


def _link_tail(parent: etree.Element, child: etree.Element) -> None:
    parts = _split(child.tail or "")
    if len(parts) == 1:
        return
    child.tail = str(parts[0])
    _insert_after(parent, list(parent).index(child), parts[1:])


def _insert_after(parent: etree.Element, index: int, parts: list[str | etree.Element]) -> None:
    """`parts` alternate link, text, link, text …: each link goes in, with the text after it as its tail."""
    position = index + 1
    for link, tail in zip(parts[0::2], parts[1::2], strict=True):
        assert isinstance(link, etree.Element) and isinstance(tail, str)
        link.tail = tail
        parent.insert(position, link)
        position += 1


class TelLinkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20) and the abbreviations (7, 6): only plain text is left to scan.
        md.treeprocessors.register(TelLinkTreeprocessor(md), "tel_links", 4)


def makeExtension(**kwargs: object) -> TelLinkExtension:
    return TelLinkExtension(**kwargs)
