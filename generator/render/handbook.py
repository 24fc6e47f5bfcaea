"""One forum's edition → the handbook's HTML, through templates/handbook/ (Python decides, templates present)."""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass, fields
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator import __version__
from generator.domain.editions import Changes, HandbookEdition
from generator.knowledge import KnowledgeBase, group_by_phase
from generator.model import KINDS, Network
from generator.model.forum import EVIDENCE_FOLDER, PHOTO_SUFFIXES, Forum, Handbook, Member, Program
from generator.model.glossary import GlossaryTerm
from generator.model.guideline import Step
from generator.model.labels import (
    CLASS_LABELS,
    COMMUNITY_LABELS,
    MODEL_LABELS,
    PHASE_LABELS,
    SITUATION_TYPE_LABELS,
    STATUS_LABELS,
    STEP_LEVEL_LABELS,
)
from generator.model.legal import Article
from generator.render.calendar import YearCalendar, year_calendar
from generator.render.first_steps import ACTIVITY_LABELS
from generator.render.handbook_views import (
    Cite,
    ContactRow,
    Entry,
    HandbookIndex,
    Target,
    area_line,
    indonesian_date,
    members_by_element,
    reference_citation,
    texts_of,
)
from generator.render.meetings import MeetingView, meeting_view
from generator.render.pages import forum_networks_url
from generator.render.qr import QrCode, SiteAddress, qr_code
from generator.render.results import KaryaNyata, evidence_files, karya_nyata
from generator.render.text import SHARED_TEMPLATES, content_html

TEMPLATES = Path("templates/handbook")
KIND_LABELS = {kind.name: kind.handbook_label for kind in KINDS if kind.handbook_label}
"""How the list of changes names a record's kind."""


CHART_FONT = "Pustaka Sans"
"""The @font-face family of print.css: the charts borrow no system font."""
FORUM_NETWORKS = "forum-networks"
"""In CHAPTERS: the QR code opens the forum's network page ('Jejaring FKPM …')."""

CHAPTERS: tuple[tuple[str, str, str | None], ...] = (
    ("profil", "Profil forum", "forum"),
    ("peta", "Peta wilayah", "forum"),
    ("kalender", "Kalender kerawanan", "kalender/index.md"),
    *((kind.section, kind.chapter, f"{kind.section}/index.md") for kind in KINDS if kind.chapter),
    ("jejaring", "Jejaring", FORUM_NETWORKS),
    ("kontak", "Direktori kontak menurut peran", "forum"),
    ("glosarium", "Glosarium", "forum"),
)
"""anchor, title, and the site page its QR code opens ('forum': the forum's own page, the living edition;
FORUM_NETWORKS: the forum's network page)."""


@dataclass(frozen=True)
class TocEntry:
    anchor: Markup
    title: str
    level: int
    """1: a chapter (also a level-1 bookmark); 2: a phase; 3: a guideline."""


@dataclass(frozen=True)
class Chapter:
    anchor: Markup
    title: str
    qr: QrCode | None


@dataclass(frozen=True)
class GuidelineEntry:
    """One guideline as the handbook prints it: its steps with their citations, and what is local."""

    entry: Entry
    local: bool
    local_notes: list[str]
    situations: list[Target]
    steps: list[tuple[Step, list[Cite]]]
    legal: list[Cite]
    education: list[Target]


@dataclass(frozen=True)
class LegalEntry:
    """One legal framework with, per article, the edition's items citing it."""

    entry: Entry
    articles: list[tuple[Article, list[Target]]]
    cited_whole: list[Target]
    replaced_by: Target | None


@dataclass(frozen=True)
class HandbookContext:
    """Everything templates/handbook/handbook.html.j2 is given."""

    title: str
    forum: Forum
    forum_url: str
    forum_qr: QrCode
    handbook: Handbook
    areas: str
    date_text: str
    date_iso: str
    generator: str
    source_version: str
    citation: str
    toc: list[TocEntry]
    chapters: dict[str, Chapter]
    changes: Changes
    previous_date: str | None
    members: list[tuple[str, list[Member]]]
    programs: list[tuple[Program, list[Target]]]
    bkpm: str | None
    map_svg: Markup | None
    meetings: list[MeetingView]
    """The current term's meetings up to the edition (their decisions), oldest first."""
    calendar: YearCalendar | None
    """The one-page year calendar of the edition's year; None when the project keeps no risk calendar."""
    situations: list[tuple[Entry, list[tuple[str, list[Target]]]]]
    phases: list[tuple[str, Markup, list[GuidelineEntry]]]
    education: list[tuple[Entry, list[Target]]]
    legal: list[LegalEntry]
    references: list[tuple[Entry, str]]
    contacts: list[ContactRow]
    glossary: list[GlossaryTerm]
    networks: list[tuple[Network, list[Target]]]
    """The forum's networks (by role, then id) with the situations each helps with."""
    karya: KaryaNyata
    chart_situations: list[Target]
    """The situation of each of karya.charts, in the same order."""
    photos: dict[str, Markup]
    """An evidence photo's name → its data: URI (the PDF carries the picture itself)."""
    sample: bool
    """The content is the illustrative sample (mkdocs.yml extra.polmas.sample): the cover says so."""

    def variables(self) -> dict[str, object]:
        # Shallow on purpose: dataclasses.asdict would turn entries into dicts and lose their properties.
        return {f.name: getattr(self, f.name) for f in fields(self)}


def make_environment(templates: Path) -> Environment:
    """Jinja for HTML: everything escaped unless marked safe; a missing value is an error, not a blank."""
    # templates/shared/ holds the phrases the handbook and the site both say (phrases.j2).
    env = Environment(loader=FileSystemLoader([templates, templates.parent / SHARED_TEMPLATES]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = content_html
    env.filters["tanggal"] = indonesian_date
    env.globals.update(
        PHASE_LABELS=PHASE_LABELS, SITUATION_TYPE_LABELS=SITUATION_TYPE_LABELS, CLASS_LABELS=CLASS_LABELS,
        STEP_LEVEL_LABELS=STEP_LEVEL_LABELS, STATUS_LABELS=STATUS_LABELS, MODEL_LABELS=MODEL_LABELS,
        KIND_LABELS=KIND_LABELS, ACTIVITY_LABELS=ACTIVITY_LABELS, COMMUNITY_LABELS=COMMUNITY_LABELS,
    )
    return env


@functools.lru_cache(maxsize=8)
def _environment(templates: Path) -> Environment:
    """One per templates folder and process, so that each template is compiled once for all the handbooks
    (Jinja still reloads a template whose file changed)."""
    return make_environment(templates)


def render_handbook_html(
    kb: KnowledgeBase, edition: HandbookEdition, *, project: Path, site: SiteAddress, map_svg: str | None = None,
    sample: bool = False,
) -> str:
    """The edition as one HTML document; `map_svg` adds a map chapter (our own SVG map, inserted as markup);
    `sample` prints the sample notice on the cover."""
    env = _environment(project / TEMPLATES)
    forum = edition.contents.forum
    photos = {name: data_uri(project / EVIDENCE_FOLDER / name) for name in evidence_files(kb, [forum])
              if name.lower().endswith(PHOTO_SUFFIXES)}
    context = handbook_context(kb, edition, site=site, map_svg=map_svg, photos=photos, sample=sample)
    return env.get_template("handbook.html.j2").render(**context.variables())


def data_uri(path: Path) -> Markup:
    """A small image as a data: URI, so the PDF needs no file beside its HTML."""
    kind = {".png": "image/png", ".webp": "image/webp"}.get(path.suffix.lower(), "image/jpeg")
    return Markup(f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}")


def handbook_context(
    kb: KnowledgeBase, edition: HandbookEdition, *, site: SiteAddress, map_svg: str | None = None,
    photos: dict[str, Markup] | None = None,
    sample: bool = False,
) -> HandbookContext:
    contents, handbook, forum = edition.contents, edition.contents.handbook, edition.contents.forum
    index = HandbookIndex(kb, contents, site)
    forum_url = site.record(forum)
    guideline_entries = [index.entry(g) for g in contents.guidelines]
    phases = [group for group in group_by_phase(guideline_entries, lambda e: e.data.phase) if group[2]]
    sections = {
        "situasi": [index.entry(r) for r in contents.situations],
        "edukasi": [index.entry(r) for r in contents.education],
        "hukum": [index.entry(r) for r in contents.legal],
        "referensi": [index.entry(r) for r in contents.references],
    }
    networks = kb.networks_of(forum.id)
    chapters = _chapters(site, forum.id, forum_url, map_svg is not None, sections, bool(guideline_entries),
                         bool(networks), bool(contents.calendar))
    texts = texts_of([r.data.model_dump(mode="json") for r in contents.items])
    texts += texts_of(forum.data.model_dump(mode="json"))
    texts += texts_of([n.data.model_dump(mode="json") for n in networks])  # the Jejaring chapter's words
    karya = karya_nyata(kb, forum, font_family=CHART_FONT)
    title = handbook.title or f"Buku Pegangan {forum.title}"
    date_text = indonesian_date(handbook.date)
    return HandbookContext(
        title=title,
        forum=forum.data,
        forum_url=forum_url,
        forum_qr=qr_code(forum_url, about=forum.title),
        handbook=handbook,
        areas=area_line(kb, forum.data.areas),
        date_text=date_text,
        date_iso=handbook.date.isoformat(),
        generator=f"Pustaka Polmas {__version__}",
        source_version=f"Pustaka Polmas {__version__} · isi {edition.manifest.fingerprint[:12]}",
        citation=_citation(title, forum.title, handbook.compiled_by, handbook.edition, date_text),
        toc=_toc(chapters, phases, handbook.foreword is not None),
        chapters={str(c.anchor): c for c in chapters},
        changes=edition.changes,
        previous_date=indonesian_date(edition.changes.previous.date) if edition.changes.previous else None,
        members=members_by_element(forum.data.members),
        programs=[(p, index.targets(p.situations)) for p in forum.data.programs],
        bkpm=index.kb.get(forum.data.bkpm).title if forum.data.bkpm else None,
        map_svg=Markup(map_svg) if map_svg is not None else None,
        meetings=[meeting_view(m) for m in contents.meetings],
        # The edition's own year, not the clock's: the same edition is the same booklet whenever it is printed.
        calendar=year_calendar(kb, handbook.date.year) if contents.calendar else None,
        situations=[(e, index.guidelines_for(e.record.id)) for e in sections["situasi"]],
        phases=[(label, Markup(f"fase-{phase}"), [_guideline(index, e) for e in entries])
                   for phase, label, entries in phases],
        education=[(e, index.targets(e.data.supports)) for e in sections["edukasi"]],
        legal=_legal(index, sections["hukum"]),
        references=[(e, reference_citation(e.data)) for e in sections["referensi"]],
        contacts=index.contacts(),
        glossary=index.glossary(sorted(kb.glossary.terms, key=lambda t: t.term.casefold()), texts),
        networks=[(n.data, index.targets(n.data.situations)) for n in networks],
        karya=karya,
        chart_situations=[index.target(c.situation.id) for c in karya.charts],
        photos=photos or {},
        sample=sample,
    )


def _chapters(site: SiteAddress, forum_id: str, forum_url: str, with_map: bool, sections: dict[str, list[Entry]],
              with_guidelines: bool, with_networks: bool, with_calendar: bool) -> list[Chapter]:
    """The chapters this edition has, in the products' order; each QR leads to the matching site page."""
    present = {"peta": with_map, "pedoman": with_guidelines, "jejaring": with_networks, "kalender": with_calendar,
               **{k: bool(v) for k, v in sections.items()}}
    chapters = []
    for anchor, title, page in CHAPTERS:
        if not present.get(anchor, True):
            continue
        if page == FORUM_NETWORKS:
            page = str(forum_networks_url(forum_id))
        url = forum_url if page == "forum" else site.page(page) if page else None
        chapters.append(Chapter(Markup(anchor), title, qr_code(url, about=title) if url else None))
    return chapters


def _toc(chapters: list[Chapter], phases: list[tuple[str, str, list[Entry]]], foreword: bool) -> list[TocEntry]:
    entries = [TocEntry(Markup("kata-pengantar"), "Kata pengantar", 1)] if foreword else []
    entries.append(TocEntry(Markup("perubahan"), "Perubahan sejak edisi sebelumnya", 1))
    for chapter in chapters:
        entries.append(TocEntry(chapter.anchor, chapter.title, 1))
        if chapter.anchor == "pedoman":
            for phase, label, guidelines in phases:
                entries.append(TocEntry(Markup(f"fase-{phase}"), label, 2))
                entries += [TocEntry(g.anchor, g.title, 3) for g in guidelines]
    return entries


def _guideline(index: HandbookIndex, entry: Entry) -> GuidelineEntry:
    data = entry.data
    return GuidelineEntry(
        entry=entry,
        local=index.contents.is_local(entry.record.id),
        local_notes=index.contents.local_notes.get(entry.record.id, []),
        situations=index.targets(data.situations),
        steps=[(step, index.cites(step.legal_basis)) for step in data.steps],
        legal=index.cites(data.legal_basis),
        education=[index.target(e.id) for e in index.contents.education if entry.record.id in e.data.supports],
    )


def _legal(index: HandbookIndex, entries: list[Entry]) -> list[LegalEntry]:
    cited = index.cited_by()
    return [LegalEntry(
        entry=entry,
        articles=[(a, cited.get(entry.record.id, {}).get(a.number, [])) for a in entry.data.articles],
        cited_whole=cited.get(entry.record.id, {}).get(None, []),
        replaced_by=index.target(entry.data.replaced_by) if entry.data.replaced_by else None,
    ) for entry in entries]


def _citation(title: str, forum: str, compiled_by: str | None, edition: int, date_text: str) -> str:
    """Recommended citation: who, year, title, edition, publisher (the template adds the living version's URL)."""
    author = compiled_by or forum
    year = date_text.rsplit(" ", 1)[-1]
    return f"{author}. ({year}). {title}, Edisi {edition}. {forum}."
