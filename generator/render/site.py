"""KnowledgeBase → Markdown docs tree for the site engine, through templates/site/."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.domain.editions import forum_editions
from generator.domain.packs import BREAK_MINUTES, DAY_TEACHING_MINUTES, PACKS, pack_modules, session_plan
from generator.knowledge import KnowledgeBase, Record
from generator.model import KINDS, PAGE_KINDS, Area, Education, Forum, Guideline, Legal, Place, Reference, Situation
from generator.model.common import Item
from generator.model.labels import (
    CLASS_LABELS,
    MODEL_LABELS,
    PHASE_LABELS,
    PHASES,
    SITUATION_TYPE_LABELS,
    STATUS_LABELS,
    STEP_LEVEL_LABELS,
)
from generator.model.private import PrivateContacts
from generator.render.glossary import GLOSSARY_PAGE, render_glossary_page, with_abbreviations
from generator.render.mappages import forum_map, forum_svg_path, map_assets, render_map_files, situation_map
from generator.render.search import render_search_assets, result_tags
from generator.render.text import content_html, html_text, plain, safe_url
from generator.render.views import Link, SiteIndex, anchor

ITEM_BASE = "../"
"""Item and index pages sit one folder deep; their links climb to the docs root first."""


def make_environment(templates: Path) -> Environment:
    """Jinja for Markdown output: every value is escaped as inert text unless marked safe."""
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        finalize=plain,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown uses `{#id}` for heading anchors; move Jinja comments out of its way.
        comment_start_string="{%#",
        comment_end_string="#%}",
    )
    env.filters["md"] = content_html
    env.filters["html"] = html_text
    env.filters["url"] = safe_url
    env.filters["heading"] = lambda level: Markup("#" * min(int(level), 6))
    env.filters["anchor"] = anchor
    env.globals.update(
        PHASES=PHASES, PHASE_LABELS=PHASE_LABELS, SITUATION_TYPE_LABELS=SITUATION_TYPE_LABELS,
        CLASS_LABELS=CLASS_LABELS, STATUS_LABELS=STATUS_LABELS, STEP_LEVEL_LABELS=STEP_LEVEL_LABELS,
        MODEL_LABELS=MODEL_LABELS,
        MAP_ASSETS=map_assets(),
    )
    return env


def render_site_docs(
    kb: KnowledgeBase, *, project: Path, private: PrivateContacts | None = None,
) -> dict[str, str | bytes]:
    """Every page of the site as Markdown, plus the site's own assets; `private` only for an internal edition."""
    templates = project / "templates" / "site"
    env = make_environment(templates)
    index = SiteIndex.build(kb)
    index.private = private
    files: dict[str, str | bytes] = {}
    files["index.md"] = env.get_template("home.md.j2").render(base="", **_home(index))
    for kind in KINDS:
        if kind.pages is None:
            continue
        records = kb.of_kind(kind.name)
        context = _CONTEXTS[kind.name]
        files[f"{kind.section}/index.md"] = UNSEARCHED_PAGE + env.get_template(kind.pages.index_template).render(
            base=ITEM_BASE, items=[Link(r) for r in records], **_section_extras(kind.name, index),
        )
        for record in records:
            body = env.get_template(kind.pages.item_template).render(
                base=ITEM_BASE, item=record.data, page=Link(record), **context(record, index),
                **({"editions": forum_editions(kb, record)} if kind.name == "forum" else {}),
            )
            files[f"{kind.section}/{record.id}.md"] = front_matter(Link(record)) + body
    files["wilayah/index.md"] = env.get_template("areas.md.j2").render(base=ITEM_BASE, **_areas(index))
    files.update(render_map_files(kb, env))
    files["tag/index.md"] = UNSEARCHED_PAGE + env.get_template("tags.md.j2").render(base=ITEM_BASE, tags=index.tags())
    files[GLOSSARY_PAGE] = render_glossary_page(env, kb.glossary)
    files.update(_pack_pages(env, kb))
    for rel, text in files.items():
        if rel.endswith(".md") and isinstance(text, str):
            files[rel] = with_abbreviations(kb.glossary, text)
    files.update(render_search_assets(kb.glossary, templates=templates))
    for asset in sorted((templates / "assets").rglob("*")):
        if asset.is_file():
            files[f"assets/{asset.relative_to(templates / 'assets').as_posix()}"] = asset.read_bytes()
    return files


UNSEARCHED_PAGE = "---\nsearch:\n  exclude: true\n---\n\n"
"""Index and tag pages only repeat the items' summaries; in results they would crowd out the items."""


def front_matter(page: Link) -> str:
    """YAML front matter for the engine. Its templates do not autoescape, so values are HTML-escaped here."""
    meta = {
        "title": str(escape(page.title)),
        "description": str(escape(page.summary)),
        "search": {"boost": _search_boost(page)},
        # The search result shows these under the title: kind and phase at a glance.
        "tags": [str(escape(tag)) for tag in result_tags(page.record)],
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _search_boost(page: Link) -> float:
    pages = page.record.kind.pages
    assert pages is not None, "only kinds with pages get front matter"
    return pages.search_boost


def _common(record: Record[Item], index: SiteIndex) -> dict[str, Any]:
    data = record.data
    return {
        "related": index.links(data.related),
        "legal": index.citations(data.legal_basis),
        "sources": index.links(data.sources),
        "referrers": [Link(r) for r in index.kb.referrers(record.id) if r.kind.pages is not None],
    }


def _situation(record: Record[Situation], index: SiteIndex) -> dict[str, Any]:
    by_phase = index.guidelines_by_phase(record.id)
    return {
        **_common(record, index),
        "phases": by_phase,
        "responses": [g for _, links in by_phase for g in links if g.data.how_it_works],
        "areas": index.links(record.data.areas),
        "places": [Link(p) for p in index.kb.referrers(record.id, "place")],
        "education": [Link(r) for r in index.kb.referrers(record.id, "education")],
        "map": situation_map(index.kb, record.id),
    }


def _guideline(record: Record[Guideline], index: SiteIndex) -> dict[str, Any]:
    steps = [(step, index.citations(step.legal_basis)) for step in record.data.steps]
    local_notes = [
        (Link(forum), note.note)
        for forum in index.kb.of_kind(Forum) if forum.data.handbook
        for note in forum.data.handbook.local_notes if note.guideline == record.id
    ]
    owners = [Link(f) for f in index.kb.of_kind(Forum) if record.id in f.data.local_guidelines]
    return {
        **_common(record, index),
        "situations": index.links(record.data.situations),
        "steps": steps,
        "education": [Link(r) for r in index.kb.referrers(record.id, "education")],
        "local_notes": local_notes,
        "owners": owners,
    }


def _education(record: Record[Education], index: SiteIndex) -> dict[str, Any]:
    return {**_common(record, index), "supports": index.links(record.data.supports),
            "attachments": index.links(record.data.attachments)}


def _legal(record: Record[Legal], index: SiteIndex) -> dict[str, Any]:
    cited = index.cited_by.get(record.id, {})
    replaced_by = [Link(r) for r in index.kb.of_kind(Legal) if record.id in r.data.replaces]
    if record.data.replaced_by and all(link.record.id != record.data.replaced_by for link in replaced_by):
        replaced_by.append(Link(index.kb.get(record.data.replaced_by)))
    return {
        **_common(record, index),
        "replaces": index.links(record.data.replaces),
        "replaced_by": replaced_by,
        "articles": [(a, [Link(r) for r in cited.get(a.number, [])]) for a in record.data.articles],
        "cited_whole": [Link(r) for r in cited.get(None, [])],
        "cited_any": sorted({r.id: Link(r) for rs in cited.values() for r in rs}.values(), key=lambda link: link.title),
    }


def _reference(record: Record[Reference], index: SiteIndex) -> dict[str, Any]:
    return _common(record, index)


def _forum(record: Record[Forum], index: SiteIndex) -> dict[str, Any]:
    data = record.data
    members: dict[str, list[Any]] = defaultdict(list)
    for member in data.members:
        members[member.element].append(member)
    return {
        "areas": index.links(data.areas),
        "places": index.links(data.places),
        "bkpm": Link(index.kb.get(data.bkpm)) if data.bkpm else None,
        "members": sorted(members.items()),
        "situations": index.situations_in(data.areas),
        "local_guidelines": index.links(data.local_guidelines),
        "program_situations": [index.links(p.situations) for p in data.programs],
        "map": forum_map(index.kb, record.id),
        "map_svg": forum_svg_path(record.id),
        "private_contacts": index.private.for_forum(record.id) if index.private else [],
    }


def _home(index: SiteIndex) -> dict[str, Any]:
    return {
        "situations": [Link(r) for r in index.kb.of_kind(Situation)],
        "phases": index.guidelines_by_phase(),
        "forums": [Link(r) for r in index.kb.of_kind(Forum)],
        "counts": {kind: len(index.kb.of_kind(kind)) for kind in PAGE_KINDS},
    }


def _section_extras(kind: str, index: SiteIndex) -> dict[str, Any]:
    if kind == "guideline":
        return {"phases": index.guidelines_by_phase()}
    return {}


def _areas(index: SiteIndex) -> dict[str, Any]:
    roots = [a for a in index.kb.of_kind(Area) if not a.data.parent]
    rows: list[tuple[int, Link, list[Link], list[Link]]] = []

    def walk(area: Record[Area], depth: int) -> None:
        places = [Link(p) for p in index.kb.of_kind(Place) if p.data.area == area.id]
        forums = [Link(f) for f in index.kb.of_kind(Forum) if area.id in f.data.areas]
        rows.append((depth, Link(area), places, forums))
        for child in sorted(index.kb.area_children(area.id), key=lambda r: r.data.code):
            walk(child, depth + 1)

    for root in sorted(roots, key=lambda r: r.data.code):
        walk(root, 0)
    return {"rows": rows}


def _pack_pages(env: Environment, kb: KnowledgeBase) -> dict[str, str | bytes]:
    """The training packs: an index, and per audience its modules in order with a session plan."""
    files: dict[str, str | bytes] = {}
    rows = []
    for pack in PACKS:
        modules = pack_modules(kb, pack)
        links = {r.id: Link(r) for r in modules}
        rows.append({"pack": pack, "modules": modules, "minutes": sum(r.data.duration_minutes for r in modules)})
        files[f"paket/{pack.id}.md"] = env.get_template("pack.md.j2").render(
            base=ITEM_BASE, pack=pack, modules=list(links.values()), links=links, plan=session_plan(modules),
            break_minutes=BREAK_MINUTES, day_minutes=DAY_TEACHING_MINUTES,
        )
    files["paket/index.md"] = UNSEARCHED_PAGE + env.get_template("packs.md.j2").render(base=ITEM_BASE, packs=rows)
    return files


_CONTEXTS: dict[str, Callable[[Record, SiteIndex], dict[str, Any]]] = {
    "situation": _situation, "guideline": _guideline, "education": _education, "legal": _legal,
    "reference": _reference, "forum": _forum,
}
"""The item page's context per kind with pages (the templates and section come from the registry)."""
