"""QR codes as inline SVG (vector, so they print sharp at any size) that lead to a page of the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import segno
import yaml
from markupsafe import Markup

from generator.knowledge import Record
from generator.problems import Problem, Severity
from generator.render.views import Link

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class QrCode:
    """A URL and its QR code; `svg` is safe markup built by segno from the URL alone."""

    url: str
    svg: Markup


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published (mkdocs.yml `site_url`) and how it spells page paths."""

    base: str
    directory_urls: bool

    @classmethod
    def from_mkdocs(cls, project: Path) -> SiteAddress:
        config: dict[str, Any] = yaml.load((project / CONFIG_FILE).read_text(encoding="utf-8"), _ConfigLoader) or {}
        base = str(config.get("site_url") or "")
        return cls(base if base.endswith("/") else base + "/", bool(config.get("use_directory_urls", True)))

    def page(self, docs_path: str) -> str:
        """'pedoman/x.md' → 'https://…/pedoman/x.html' (or '…/pedoman/x/' with directory URLs)."""
        stem = docs_path.removesuffix(".md")
        if not self.directory_urls:
            return f"{self.base}{stem}.html"
        return self.base + (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/")

    def record(self, record: Record) -> str:
        return self.page(str(Link(record).url))


RESERVED_DOMAINS = ("example", "example.com", "example.net", "example.org", "test", "invalid", "localhost")
"""Names that can never be a published site (RFC 2606, RFC 6761): the sample's site_url is one of them."""


def site_url_problem(project: Path, *, severity: Severity) -> Problem | None:
    """A problem at mkdocs.yml's site_url while it is missing or still a placeholder address; else None."""
    site = SiteAddress.from_mkdocs(project)
    host = (urlsplit(site.base).hostname or "").lower()
    if host and not any(host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS):
        return None
    lines = (project / CONFIG_FILE).read_text(encoding="utf-8").splitlines()
    line, column = next(((n, len("site_url: ") + 1) for n, text in enumerate(lines, 1)
                         if text.startswith("site_url:")), (1, 1))
    shown = f"'{site.base.rstrip('/')}/' is a placeholder" if host else "is not set"
    return Problem(
        CONFIG_FILE, line, column, "site_url",
        f"{shown}, and it is printed in every QR code, the sitemap and the handbooks' colophon; "
        "write the address where the site is published (e.g. site_url: https://polmas.<your-domain>/) "
        f"in {CONFIG_FILE}",
        severity,
    )


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may carry tags such as !ENV or !!python/name; we read only plain keys, so ignore them."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def qr_code(url: str, *, about: str) -> QrCode:
    """A QR code for `url`, error correction M (survives a fold or a stain), 2-module quiet zone.

    Its SVG title, 'Kode QR ke halaman <about>', is the alternative text a screen reader gives the tagged PDF.
    """
    code = segno.make(url, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr-code", lineclass=None, dark="#000",
                          title=f"Kode QR ke halaman {about}")
    return QrCode(url, Markup(svg))
