"""Map symbols per place type, as SVG: the same drawing marks the site's maps and the handbook's SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Symbol:
    """How one kind of place is drawn: a shape (so it reads in black and white), a colour and a letter."""

    key: str
    label: str
    shape: str
    fill: str
    glyph: str
    place_type: str


SYMBOLS: dict[str, Symbol] = {s.key: s for s in (
    Symbol("polsek", "Polsek", "square", "#1a3a8f", "S", "polsek"),
    Symbol("pospol", "Pospol", "circle", "#1a3a8f", "P", "pospol"),
    Symbol("bkpm", "BKPM (balai kemitraan)", "house", "#6d4c41", "B", "bkpm"),
    Symbol("poskamling", "Pos kamling", "triangle", "#e65100", "K", "poskamling"),
    Symbol("masalah-GN", "Masalah GN · gangguan nyata", "diamond", "#b71c1c", "!", "masalah"),
    Symbol("masalah-AG", "Masalah AG · ambang gangguan", "diamond", "#e65100", "!", "masalah"),
    Symbol("masalah-PG", "Masalah PG · potensi gangguan", "diamond", "#f9a825", "!", "masalah"),
    Symbol("potensi", "Potensi (aset warga)", "circle", "#2e7d32", "+", "potensi"),
)}
"""In legend order. Problem spots are coloured by class; everything else by type."""



def symbol_key(place_type: str, disturbance_class: str | None) -> str:
    return f"masalah-{disturbance_class}" if place_type == "masalah" else place_type


def _shape(symbol: Symbol, r: float) -> ET.Element:
    style = {"fill": symbol.fill, "stroke": "#ffffff", "stroke-width": svg_number(r * 0.16)}
    if symbol.shape == "circle":
        return ET.Element("circle", {"cx": "0", "cy": "0", "r": svg_number(r), **style})
    if symbol.shape == "square":
        side = r * 1.7
        return ET.Element("rect", {"x": svg_number(-side / 2), "y": svg_number(-side / 2), "width": svg_number(side),
                                   "height": svg_number(side), "rx": svg_number(r * 0.2), **style})
    points = {
        "diamond": [(0, -r * 1.15), (r * 1.15, 0), (0, r * 1.15), (-r * 1.15, 0)],
        "triangle": [(0, -r * 1.1), (r * 1.05, r * 0.8), (-r * 1.05, r * 0.8)],
        "house": [(0, -r * 1.1), (r, -r * 0.2), (r * 0.85, r * 0.9), (-r * 0.85, r * 0.9), (-r, -r * 0.2)],
    }[symbol.shape]
    return ET.Element("polygon", {"points": " ".join(f"{svg_number(x)},{svg_number(y)}" for x, y in points), **style})


def symbol_group(key: str, x: float, y: float, r: float, *, font_family: str | None = "sans-serif") -> ET.Element:
    """A `<g>` that draws the symbol centred on (x, y) with radius `r`; `font_family=None` inherits the SVG's."""
    symbol = SYMBOLS[key]
    group = ET.Element("g", {"class": f"polmas-symbol polmas-symbol--{key}",
                             "transform": f"translate({svg_number(x)} {svg_number(y)})"})
    group.append(_shape(symbol, r))
    glyph_y = r * 0.38 if symbol.shape != "triangle" else r * 0.55
    text = ET.SubElement(group, "text", {
        "x": "0", "y": svg_number(glyph_y), "text-anchor": "middle",
        **({"font-family": font_family} if font_family else {}),
        "font-weight": "bold", "font-size": svg_number(r * (1.0 if symbol.shape != "triangle" else 0.85)),
        "fill": "#111111" if symbol.fill == "#f9a825" else "#ffffff",
    })
    text.text = symbol.glyph
    return group


def symbol_svg(key: str, size: int = 26) -> str:
    """An inline `<svg>` (for HTML, so without a namespace) of one symbol, for map markers and legends."""
    half = size / 2
    svg = ET.Element("svg", {"width": str(size), "height": str(size),
                             "viewBox": f"{svg_number(-half)} {svg_number(-half)} {size} {size}", "aria-hidden": "true",
                             "focusable": "false"})
    svg.append(symbol_group(key, 0, 0, half * 0.78))
    return ET.tostring(svg, encoding="unicode")


def svg_number(value: float) -> str:
    """Fixed precision keeps the SVG small and byte-identical between runs."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
