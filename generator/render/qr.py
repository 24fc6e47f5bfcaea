"""QR codes as inline SVG (vector, so they print sharp at any size) that lead to a page of the site."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import segno
from markupsafe import Markup

from generator.knowledge import Record
from generator.load.site import SiteConfig
from generator.render.views import Link


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
    def from_config(cls, config: SiteConfig) -> SiteAddress:
        base = config.site_url
        return cls(base if base.endswith("/") else base + "/", config.use_directory_urls)

    def page(self, docs_path: str) -> str:
        """'pedoman/x.md' → 'https://…/pedoman/x.html' (or '…/pedoman/x/' with directory URLs)."""
        stem = docs_path.removesuffix(".md")
        if not self.directory_urls:
            return f"{self.base}{stem}.html"
        return self.base + (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/")

    def record(self, record: Record) -> str:
        return self.page(str(Link(record).url))


def qr_code(url: str, *, about: str) -> QrCode:
    """A QR code for `url`, error correction M (survives a fold or a stain), 2-module quiet zone.

    Its SVG title, 'Kode QR ke halaman <about>', is the alternative text a screen reader gives the tagged PDF.
    """
    return QrCode(url, Markup(_svg(url, about)))


_MASKS: dict[str, int] = {}
"""URL → the mask segno chose for its code. Choosing it (eight masks tried and scored, in Python) is four fifths
of a code's time, and most of a long handbook's HTML: `known_masks` and `remember_masks` keep the choices
between builds (outputs/qr_masks.py). Given its mask, segno makes the same code."""


def known_masks() -> dict[str, int]:
    """The masks chosen or remembered in this process so far."""
    return dict(_MASKS)


def remember_masks(masks: dict[str, int]) -> None:
    """Masks chosen before (kept in a cache): only valid masks of QR codes (0–7) are taken."""
    _MASKS.update({url: mask for url, mask in masks.items() if isinstance(mask, int) and 0 <= mask <= 7})


@functools.lru_cache(maxsize=4096)
def _svg(url: str, about: str) -> str:
    """Made once per page and process: handbooks that hold the same item print the same code."""
    code = segno.make(url, error="m", micro=False, boost_error=False, mask=_MASKS.get(url))
    _MASKS.setdefault(url, code.mask)
    return str(code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr-code", lineclass=None, dark="#000",
                               title=f"Kode QR ke halaman {about}"))
