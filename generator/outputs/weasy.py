"""WeasyPrint, imported only by the processes that make PDFs, and the one way it may fetch files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.i18n import _

__all__ = ["HTML", "ProjectFilesOnly", "remember_page_references"]

EMBEDDED_IMAGES = ("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,")


class ProjectFilesOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """Fetch only files inside the handbook's template folder: no network, no file outside the project.

    The one exception is a picture carried in the HTML itself (a data: URI of a PNG, JPEG or WebP): the
    handbooks' evidence photos, read from data/evidence/ when the HTML is made.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file", "data"))
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith(EMBEDDED_IMAGES):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(_("only files shipped with the project are used, not {scheme}: addresses").format(
                scheme=parts.scheme))
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(_("{path} lies outside {root}").format(path=path, root=self.root))
        return super().fetch(url, headers)


_PYDYF_PAGE_REFERENCES: Callable[[pydyf.PDF], tuple[bytes, ...]] | None = getattr(
    pydyf.PDF.__dict__.get("page_references"), "fget", None)
"""pydyf's own way to list the page references (walks every page), kept to be called only when pages change."""


def _remembered_page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    pages = len(pdf.pages["Kids"])
    known = pdf.__dict__.get("_page_references")
    if known is None or known[0] != pages:
        assert _PYDYF_PAGE_REFERENCES is not None
        known = pdf.__dict__["_page_references"] = (pages, _PYDYF_PAGE_REFERENCES(pdf))
    return known[1]  # type: ignore[no-any-return]


def remember_page_references() -> bool:
    """Make pydyf's `PDF.page_references` one look-up instead of a walk over every page; False if not possible.

    pydyf 0.13 builds the tuple of all page references each time it is read, and WeasyPrint's tagging reads it
    once per tagged element to name that element's page: a handbook of 1,080 pages read it 120,341 times,
    47 s of its 80 s in `write_pdf`, growing with pages × elements. The tuple is the same until a page is
    added, so it is kept with the number of pages it was made for, and every PDF's bytes stay the same.
    Nothing changes when pydyf no longer has the property this replaces.
    """
    if _PYDYF_PAGE_REFERENCES is None:
        return False
    pydyf.PDF.page_references = property(_remembered_page_references)
    return True


remember_page_references()
