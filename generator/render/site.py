"""KnowledgeBase → Markdown docs tree for the site engine, through templates/site/."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.domain.editions import forum_editions
from generator.domain.packs import pack_modules, packs, session_plan
from generator.domain.reviews import ForumReviews
from generator.knowledge import KnowledgeBase, Record
from generator.model import KINDS, Forum, Guideline
from generator.model.forum import EVIDENCE_FOLDER
from generator.model.labels import (
    CLASS_LABELS,
    COMMUNITY_LABELS,
    MODEL_LABELS,
    PHASE_LABELS,
    PHASES,
    SITUATION_TYPE_LABELS,
    STATUS_LABELS,
    STEP_LEVEL_LABELS,
)
from generator.model.private import PrivateContacts
from generator.progress_protocol import step
from generator.render.charts import value_text
from generator.render.first_steps import ACTIVITY_LABELS
from generator.render.glossary import GLOSSARY_PAGE, render_glossary_page, with_abbreviations
from generator.render.halves import can_fork, in_halves
from generator.render.long_lists import INDEX_HEAD, INDEX_WHOLE, ListOwner, LongList, long_lists
from generator.render.mappages import map_assets, render_map_files
from generator.render.pages import (
    ITEM_PAGES,
    OVERDUE_PAGE,
    REVIEW_PAGE,
    areas_page,
    forum_networks_page,
    forum_networks_url,
    home_page,
    index_page_extras,
    overdue_page,
    review_page,
)
from generator.render.results import EVIDENCE_SITE_FOLDER, evidence_files, evidence_url
from generator.render.search import render_search_assets, result_tags
from generator.render.session_sheets import SESSION_DOCUMENTS
from generator.render.sheets import module_sheets
from generator.render.text import SHARED_TEMPLATES, content_html, html_text, plain, safe_url
from generator.render.views import Link, SiteIndex, anchor

ITEM_BASE = "../"
"""Item and index pages sit one folder deep; their links climb to the docs root first."""


def make_environment(templates: Path) -> Environment:
    """Jinja for Markdown output: every value is escaped as inert text unless marked safe."""
    env = Environment(
        # templates/shared/ holds the phrases the site and the handbook both say (phrases.j2).
        loader=FileSystemLoader([templates, templates.parent / SHARED_TEMPLATES]),
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
    env.filters["evidence_url"] = evidence_url
    env.filters["number"] = value_text
    env.globals.update(
        PHASES=PHASES, PHASE_LABELS=PHASE_LABELS, SITUATION_TYPE_LABELS=SITUATION_TYPE_LABELS,
        CLASS_LABELS=CLASS_LABELS, STATUS_LABELS=STATUS_LABELS, STEP_LEVEL_LABELS=STEP_LEVEL_LABELS,
        MODEL_LABELS=MODEL_LABELS, COMMUNITY_LABELS=COMMUNITY_LABELS,
        MAP_ASSETS=map_assets(),
    )
    return env


def render_site_docs(
    kb: KnowledgeBase, *, project: Path, today: date, private: PrivateContacts | None = None,
    reviews: list[ForumReviews] | None = None, pages: ItemPages | None = None, jobs: int = 1,
) -> dict[str, str | bytes]:
    """Every page of the site as Markdown, plus the site's own assets; `private` only for an internal edition.

    `today` places the risk calendar ('this month', 'Waspada bulan ini') and the overdue follow-ups.
    `reviews` (internal edition only) makes the 'Perlu ditinjau' page of items past their review date.
    `pages`: the item pages' templates and index, when the caller keeps them (made of the same arguments).
    `jobs` > 1: a build (no other thread of ours at work) may render half the item pages in a second process.
    """
    templates = project / "templates" / "site"
    pages = pages or ItemPages.of(kb, project=project, today=today, private=private)
    env, index = pages.env, pages.index
    files: dict[str, str | bytes] = {}
    home = home_page(index, review=reviews is not None).variables()
    files["index.md"] = env.get_template("home.md.j2").render(base="", **home)
    files.update(list_pages(env, home))
    item_pages = _all_item_pages(pages, [r for kind in KINDS if kind.pages for r in kb.of_kind(kind.name)], jobs)
    finished = {rel for each in item_pages.values() for rel in each}  # with their abbreviations already
    for kind in KINDS:
        if kind.pages is None:
            continue
        records = kb.of_kind(kind.name)
        extras = index_page_extras(kind.name, index)
        files[f"{kind.section}/index.md"] = UNSEARCHED_PAGE + env.get_template(kind.pages.index_template).render(
            base=ITEM_BASE, **extras)
        files.update(list_pages(env, extras))
        for record in records:
            files.update(item_pages[record.id])
    files.update(_forum_network_pages(env, index))
    for name in evidence_files(kb):  # photos and documents of the forums' results, as the coordinator saved them
        files[f"{EVIDENCE_SITE_FOLDER}/{name}"] = (project / EVIDENCE_FOLDER / name).read_bytes()
    files["wilayah/index.md"] = env.get_template("areas.md.j2").render(base=ITEM_BASE, **areas_page(index).variables())
    files.update(render_map_files(kb, env))
    activity_lists = _activities(kb)
    activities = env.get_template("activities.md.j2").render(base=ITEM_BASE, **activity_lists)
    files[ACTIVITIES_PAGE] = UNSEARCHED_PAGE + activities
    files.update(list_pages(env, activity_lists))
    files.update(_tag_pages(env, index))
    files[GLOSSARY_PAGE] = render_glossary_page(env, kb.glossary)
    if private is not None:  # overdue follow-ups name who lags: for the forum's officers, never published
        overdue = env.get_template("overdue.md.j2").render(base=ITEM_BASE, **overdue_page(index).variables())
        files[OVERDUE_PAGE] = UNSEARCHED_PAGE + overdue
    if reviews is not None:  # owners and overdue dates: work lists for the forum's officers
        review = env.get_template("review.md.j2").render(base=ITEM_BASE, **review_page(index, reviews).variables())
        files[REVIEW_PAGE] = UNSEARCHED_PAGE + review
    files.update(_pack_pages(env, kb))
    for rel, text in files.items():
        if rel.endswith(".md") and isinstance(text, str) and rel not in finished:
            files[rel] = with_abbreviations(kb.glossary, text)
    files.update(render_search_assets(kb.glossary, templates=templates))
    for asset in sorted((templates / "assets").rglob("*")):
        if asset.is_file():
            files[f"assets/{asset.relative_to(templates / 'assets').as_posix()}"] = asset.read_bytes()
    return files


SPLIT_FROM_PAGES = 400
"""From this many item pages on, a build with more than one job renders half of them in a forked process: below
it, the fork and the copying back cost more than they save."""


def _all_item_pages(pages: ItemPages, records: list[Record], jobs: int) -> dict[str, dict[str, str]]:
    """Each record's page and long-list pages (with the glossary's abbreviations), by record id."""
    def render(part: Sequence[Record]) -> list[dict[str, str]]:
        rendered = []
        for record in part:
            step()
            rendered.append({rel: with_abbreviations(pages.kb.glossary, text)
                             for rel, text in pages.render_with_lists(record).items()})
        return rendered

    if jobs > 1 and len(records) >= SPLIT_FROM_PAGES and can_fork():
        first, second = in_halves(render, records)
        rendered = [*first, *second]
    else:
        rendered = render(records)
    return {record.id: each for record, each in zip(records, rendered, strict=True)}


def item_page_path(record: Record) -> str:
    """Docs path of a record's own page (its kind has pages)."""
    pages = record.kind.pages
    assert pages is not None, "only kinds with pages have an item page"
    return f"{record.kind.section}/{record.id}.md"


@dataclass(frozen=True)
class ItemPages:
    """What every item page is rendered with: the templates and the index over the knowledge base."""

    kb: KnowledgeBase
    env: Environment
    index: SiteIndex

    @classmethod
    def of(cls, kb: KnowledgeBase, *, project: Path, today: date,
           private: PrivateContacts | None = None) -> ItemPages:
        index = SiteIndex.build(kb)
        index.private = private
        index.today = today
        return cls(kb, make_environment(project / "templates" / "site"), index)

    def render(self, record: Record) -> str:
        """The record's page, front matter included, without the glossary's abbreviations (added last, over
        every page)."""
        return self._page(record)[0]

    def render_with_lists(self, record: Record) -> dict[str, str]:
        """The record's page (as `render`) and the pages of its long lists, by docs path."""
        text, context = self._page(record)
        return {item_page_path(record): text, **list_pages(self.env, context)}

    def _page(self, record: Record) -> tuple[str, dict[str, Any]]:
        """The record's page and the context it was rendered from."""
        kind = record.kind
        assert kind.pages is not None, "only kinds with pages have an item page"
        context = ITEM_PAGES[kind.name](record, self.index).variables()
        body = self.env.get_template(kind.pages.item_template).render(
            base=ITEM_BASE, item=record.data, page=Link(record), **context,
            **({"editions": forum_editions(self.kb, record)} if kind.name == "forum" else {}),
        )
        return front_matter(Link(record)) + body, context

    def render_alone(self, record: Record) -> str:
        """The record's page with the glossary's abbreviations, for a record changed since this index was built
        (the links and lists around it are the index's until the next whole build)."""
        return with_abbreviations(self.kb.glossary, self.render(record))


UNSEARCHED_PAGE = "---\nsearch:\n  exclude: true\n---\n\n"
"""Index and tag pages only repeat the items' summaries; in results they would crowd out the items."""

def list_pages(env: Environment, context: dict[str, Any]) -> dict[str, str]:
    """The pages of every long list in a page's context (none for a list short enough to stay on its page)."""
    template = env.get_template("list.md.j2")
    files: dict[str, str] = {}
    for lst in long_lists(context):
        for page in lst.pages():
            text = UNSEARCHED_PAGE + template.render(base=page.base, page=page)
            if files.setdefault(page.path, text) != text:
                raise ValueError(f"two lists of {lst.owner.path} are named {lst.name}")
    return files


def front_matter(page: Link) -> str:
    """YAML front matter for the engine. Its templates do not autoescape, so values are HTML-escaped here."""
    meta = {
        "title": str(escape(page.title)),
        "description": str(escape(page.summary)),
        "search": {"boost": _search_boost(page)},
        # The search result shows these under the title: kind and phase at a glance.
        "tags": [str(escape(tag)) for tag in result_tags(page.record)],
    }
    return _front_matter(meta)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML has it: seven times faster than PyYAML's own, and the same text for every page
of the sample and of its ×20 copy."""


def _front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _search_boost(page: Link) -> float:
    pages = page.record.kind.pages
    assert pages is not None, "only kinds with pages get front matter"
    return pages.search_boost


TAG_INDEX = "tags.md"
"""Every topic tag with its count, grouped by initial; each tag has its own page under tag/."""


def _tag_pages(env: Environment, index: SiteIndex) -> dict[str, str | bytes]:
    """The tag index and one page per tag: at any size, no page lists every item of every tag."""
    tags = index.tags()
    by_initial: dict[str, list[tuple[str, int]]] = {}
    for tag, links in tags:
        by_initial.setdefault(tag[0].upper(), []).append((tag, len(links)))
    files: dict[str, str | bytes] = {TAG_INDEX: UNSEARCHED_PAGE + env.get_template("tags.md.j2").render(
        groups=sorted(by_initial.items()))}
    for tag, links in tags:
        context = {"tag": tag, "links": LongList(ListOwner(f"tag/{tag}", f"Tag: {tag}"), "semua", "Daftar lengkap",
                                                 links, whole=INDEX_WHOLE, head_size=INDEX_HEAD)}
        files[f"tag/{tag}.md"] = UNSEARCHED_PAGE + env.get_template("tag.md.j2").render(base=ITEM_BASE, **context)
        files.update(list_pages(env, context))
    return files


def _pack_pages(env: Environment, kb: KnowledgeBase) -> dict[str, str | bytes]:
    """The training packs: an index, and per audience its modules in order with a session plan."""
    files: dict[str, str | bytes] = {}
    rows = []
    for record in packs(kb):
        pack = record.data
        modules = pack_modules(kb, pack)
        links = {r.id: Link(r) for r in modules}
        rows.append({"pack": pack, "modules": modules, "minutes": sum(r.data.duration_minutes for r in modules)})
        files[f"paket/{pack.id}.md"] = env.get_template("pack.md.j2").render(
            base=ITEM_BASE, pack=pack, modules=list(links.values()), links=links, plan=session_plan(modules, pack),
            sheets={r.id: module_sheets(r.data) for r in modules}, documents=SESSION_DOCUMENTS,
        )
    files["paket/index.md"] = UNSEARCHED_PAGE + env.get_template("packs.md.j2").render(base=ITEM_BASE, packs=rows)
    return files


def _forum_network_pages(env: Environment, index: SiteIndex) -> dict[str, str | bytes]:
    """'Jejaring FKPM …': a page per forum that has networks, two folders deep (jejaring/forum/<forum>.md)."""
    files: dict[str, str | bytes] = {}
    for forum in index.kb.of_kind(Forum):
        context = forum_networks_page(forum, index)
        if not context.roles:
            continue
        title = f"Jejaring {forum.title}"
        meta = {"title": str(escape(title)), "description": str(escape(
            f"Tokoh dan kelompok masyarakat yang dapat dihubungi {forum.title}, menurut peran."))}
        files[str(forum_networks_url(forum.id))] = _front_matter(meta) + (
            env.get_template("networks_forum.md.j2").render(base="../../", title=title, **context.variables()))
    return files


ACTIVITIES_PAGE = "kegiatan/index.md"


ACTIVITIES = ListOwner("kegiatan/index", "Kegiatan Petugas Polmas")


def _activities(kb: KnowledgeBase) -> dict[str, Any]:
    """Guidelines by officer activity, in the order of ACTIVITY_LABELS; an activity no guideline names is left out."""
    guidelines = kb.of_kind(Guideline)
    rows = [(slug, label, LongList(ACTIVITIES, slug, label, [Link(g) for g in guidelines if slug in g.data.activities],
                                   note="standard"))
            for slug, label in ACTIVITY_LABELS.items()]
    return {"activities": [row for row in rows if row[2]]}
