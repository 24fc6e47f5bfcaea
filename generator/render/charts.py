"""Small bar charts of an indicator's measurements, drawn as SVG at build time: no script, same input same bytes."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import date

from markupsafe import Markup

from generator.render.calendar import MONTH_INITIALS
from generator.render.symbols import SVG_NS
from generator.render.symbols import svg_number as num

WIDTH, HEIGHT = 320, 176
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 30, 34
BAR_COLOUR, AXIS_COLOUR, TEXT_COLOUR = "#6d4c41", "#8d6e63", "#1b1b1b"


def value_text(value: float) -> str:
    """12.0 → '12', 2.5 → '2,5': whole numbers without decimals, a decimal comma as Indonesian writes it."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def month_text(day: date) -> str:
    """2025-09-30 → 'Sep 25' (short enough for a bar's width on a phone)."""
    return f"{MONTH_INITIALS[day.month - 1]} {day.year % 100:02d}"


def indicator_chart(title: str, unit: str | None, points: list[tuple[date, float]], *, chart_id: str,
                    font_family: str = "sans-serif") -> Markup:
    """A bar per measurement, oldest first, its value above it and its month below; one line of markup."""
    points = sorted(points)
    label = f"Grafik {title}: " + "; ".join(f"{month_text(d)} {value_text(v)}" for d, v in points) + \
        (f" ({unit})" if unit else "")
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "version": "1.1", "viewBox": f"0 0 {WIDTH} {HEIGHT}", "width": str(WIDTH),
        "height": str(HEIGHT), "font-family": font_family, "role": "img", "aria-labelledby": f"{chart_id}-judul",
        "class": "polmas-chart__svg",
    })
    ET.SubElement(svg, "title", {"id": f"{chart_id}-judul"}).text = label
    ET.SubElement(svg, "rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    _text(svg, LEFT, 14, f"Satuan: {unit}" if unit else "Nilai", size=10, fill=AXIS_COLOUR)
    top = _nice_ceiling(max((v for _, v in points), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base_y = TOP + plot_h
    for tick in (0, top / 2, top):
        y = base_y - plot_h * tick / top
        ET.SubElement(svg, "line", {"x1": num(LEFT), "y1": num(y), "x2": num(WIDTH - RIGHT), "y2": num(y),
                                    "stroke": AXIS_COLOUR if tick == 0 else "#d7ccc8", "stroke-width": "1"})
        _text(svg, LEFT - 4, y + 3.5, value_text(tick), size=10, anchor="end", fill=AXIS_COLOUR)
    slot = plot_w / max(len(points), 1)
    bar = min(34.0, slot * 0.62)
    for n, (day, value) in enumerate(points):
        centre = LEFT + slot * (n + 0.5)
        height = plot_h * value / top
        ET.SubElement(svg, "rect", {"x": num(centre - bar / 2), "y": num(base_y - height), "width": num(bar),
                                    "height": num(height), "fill": BAR_COLOUR})
        _text(svg, centre, base_y - height - 4, value_text(value), size=11, anchor="middle", weight="bold")
        _text(svg, centre, base_y + 14, month_text(day), size=10, anchor="middle")
    return Markup(ET.tostring(svg, encoding="unicode"))


def _nice_ceiling(value: float) -> float:
    """The axis top: 1, 2, 4 or 5 times a power of ten, at or above the largest value (1 when all are 0); its half,
    the middle line, is then a round number too."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(float(step * power) for step in (1, 2, 4, 5, 10) if step * power >= value)


def _text(parent: ET.Element, x: float, y: float, text: str, *, size: float, anchor: str = "start",
          weight: str = "normal", fill: str = TEXT_COLOUR) -> None:
    attributes = {"x": num(x), "y": num(y), "font-size": num(size), "fill": fill}
    if anchor != "start":
        attributes["text-anchor"] = anchor
    if weight != "normal":
        attributes["font-weight"] = weight
    ET.SubElement(parent, "text", attributes).text = text
