"""Python-Markdown extension for the site build: an abbreviation shows its meaning on its first use in a page."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class FirstUseTreeprocessor(Treeprocessor):
    """After `abbr` has marked every use, keep the mark on the first one only: the page stays calm to read."""

    def run(self, root: etree.Element) -> None:
        self._seen: set[str] = set()
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        for child in list(parent):
            if child.tag == "abbr":
                # By meaning: 'Curanmor' opening a sentence and 'curanmor' later are one abbreviation.
                meaning = child.get("title", "")
                if meaning in self._seen:
                    _unwrap(parent, child)
                    continue
                self._seen.add(meaning)
            self._walk(child)


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace <abbr>X</abbr> by the plain text X, keeping the text that followed it."""
    text = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class FirstAbbrExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # `abbr` runs at priority 7; this must come after it.
        md.treeprocessors.register(FirstUseTreeprocessor(md), "first_abbr", 6)


def makeExtension(**kwargs: object) -> FirstAbbrExtension:
    return FirstAbbrExtension(**kwargs)
