"""WeasyPrint, imported only by the processes that make PDFs, and the one way it may fetch files."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.i18n import _

__all__ = ["HTML", "ProjectFilesOnly"]

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
