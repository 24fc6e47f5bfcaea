"""The maps' files in the docs tree: the overview page, each map's script, and each forum's SVG."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from generator.knowledge import KnowledgeBase
from generator.model import Forum, Situation
from generator.render.maps import VENDOR_SCRIPTS, VENDOR_STYLES, MapEmbed, map_embed, render_map_script
from generator.render.mapviews import forum_view, overview_view, situation_view
from generator.render.svgmap import render_forum_svg
from generator.render.views import Link

MAP_BASE = "../"
"""Every page that shows a map sits one folder below the docs root."""


def forum_map(kb: KnowledgeBase, forum_id: str) -> MapEmbed | None:
    view = forum_view(kb, forum_id)
    return map_embed(view) if view else None


def situation_map(kb: KnowledgeBase, situation_id: str) -> MapEmbed | None:
    view = situation_view(kb, situation_id)
    return map_embed(view) if view else None


def forum_svg_path(forum_id: str) -> Markup:
    """Docs-root-relative path of the forum's downloadable static map; built from a slug, so safe as is."""
    return Markup(f"peta/{forum_id}.svg")


def render_map_files(kb: KnowledgeBase, env: Environment) -> dict[str, str | bytes]:
    """peta/index.md, peta/data/<map>.js for every map, and peta/<forum>.svg for every forum."""
    files: dict[str, str | bytes] = {}
    overview = overview_view(kb)
    embeds = [map_embed(overview)] if overview else []
    forums = kb.of_kind(Forum)
    embeds += [m for m in (forum_map(kb, f.id) for f in forums) if m]
    situations = [(s, situation_map(kb, s.id)) for s in kb.of_kind(Situation)]
    embeds += [m for _, m in situations if m]
    for embed in embeds:
        files[embed.script_path] = render_map_script(kb, embed.view, base=MAP_BASE)
    for forum in forums:
        files[str(forum_svg_path(forum.id))] = render_forum_svg(kb, forum.id)
    files["peta/index.md"] = env.get_template("maps.md.j2").render(
        base=MAP_BASE,
        map=embeds[0] if overview else None,
        forums=[(Link(f), forum_svg_path(f.id), forum_map(kb, f.id) is not None) for f in forums],
        situations=[Link(s) for s, m in situations if m],
    )
    return files


def map_assets() -> dict[str, tuple[str, ...]]:
    """The local stylesheets and scripts a map page loads, for the templates."""
    return {"styles": VENDOR_STYLES, "scripts": VENDOR_SCRIPTS}
