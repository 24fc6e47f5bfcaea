"""A typed context per site page: what each template of templates/site/ is given, decided here in Python."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields

from markupsafe import Markup

from generator.domain.meetings import latest_meetings, open_follow_ups, overdue_follow_ups
from generator.domain.reviews import ForumReviews, OverdueReview
from generator.knowledge import Record
from generator.model import (
    KINDS_BY_NAME,
    PAGE_KINDS,
    Area,
    CalendarPeriod,
    Education,
    Forum,
    Guideline,
    Legal,
    Network,
    Place,
    Reference,
    Situation,
)
from generator.model.common import Item
from generator.model.forum import Member
from generator.model.labels import STATUS_LABELS
from generator.model.legal import Article
from generator.model.private import PrivateContact
from generator.render.calendar import TimeView, alerts, calendar_index, period_times, rule_text
from generator.render.first_steps import ACTIVITY_LABELS, FirstSteps, first_steps
from generator.render.handbook_views import indonesian_date
from generator.render.long_lists import INDEX_HEAD, INDEX_WHOLE, ListOwner, LongList
from generator.render.mappages import forum_map, forum_svg_path, situation_map
from generator.render.maps import MapEmbed
from generator.render.meetings import DecisionView, MeetingView, decision_view, meeting_view
from generator.render.results import KaryaNyata, karya_nyata
from generator.render.sheets import Sheet, module_sheets
from generator.render.views import Citation, Link, SiteIndex, anchor

PhaseLinks = list[tuple[str, LongList]]
"""(phase label, its guidelines) for every phase, in the order of an incident."""


@dataclass(frozen=True)
class PageContext:
    """Base of every context: its fields become the template's variables."""

    def variables(self) -> dict[str, object]:
        # Shallow on purpose: dataclasses.asdict would turn every Link into a dict and lose its properties.
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class ItemPage(PageContext):
    """What every content item's page shows around its own fields."""

    related: list[Link]
    legal: list[Citation]
    sources: list[Link]
    referrers: LongList


@dataclass(frozen=True)
class SituationPage(ItemPage):
    phases: PhaseLinks
    responses: LongList
    areas: list[Link]
    places: list[Link]
    education: LongList
    map: MapEmbed | None
    networks: LongList


@dataclass(frozen=True)
class GuidelinePage(ItemPage):
    situations: list[Link]
    first: FirstSteps
    cites: dict[int, list[Citation]]
    """step number → the step's legal citations"""
    activities: list[tuple[str, str]]
    """(slug, Indonesian label) of the officer activities"""
    education: LongList
    local_notes: list[tuple[Link, str]]
    owners: list[Link]


@dataclass(frozen=True)
class EducationPage(ItemPage):
    supports: list[Link]
    attachments: list[Link]
    sheets: list[Sheet]
    """Its printable sheets (materi/<module>/), in session order."""


@dataclass(frozen=True)
class LegalPage(ItemPage):
    replaces: list[Link]
    replaced_by: list[Link]
    articles: list[tuple[Article, LongList]]
    cited_whole: list[Link]
    cited_any: LongList


@dataclass(frozen=True)
class ReferencePage(ItemPage):
    pass


@dataclass(frozen=True)
class NetworkPage(ItemPage):
    forum: Link
    forum_networks: Markup
    """The forum's network page (root-relative)."""
    areas: list[Link]
    situations: list[Link]
    private_contacts: list[PrivateContact]


@dataclass(frozen=True)
class NetworkRow:
    """One network as the lists show it: its page, and the pages of the situations it helps with."""

    network: Link
    situations: list[Link]


@dataclass(frozen=True)
class ForumNetworksPage(PageContext):
    """'Jejaring FKPM …': one forum's networks by role."""

    forum: Link
    roles: list[tuple[str, list[NetworkRow]]]
    """(role label, its networks by id), roles in the model's order."""
    private_contacts: dict[str, list[PrivateContact]]
    """network id → its named contacts: in the internal edition only."""


@dataclass(frozen=True)
class NetworksIndex(PageContext):
    """The networks' index: the forums' network pages, then who helps by situation."""

    forums: list[tuple[Link, Markup, int]]
    """(forum, its network page, how many networks)"""
    by_situation: list[tuple[Link, list[tuple[Link, str]]]]
    """(situation, [(a network that helps with it, its forum's name)]), situations by title; those no network
    helps are left out."""


def forum_networks_url(forum_id: str) -> Markup:
    """The root-relative address of a forum's network page ('Jejaring FKPM …')."""
    return Markup(f"{FORUM_NETWORKS_FOLDER}/{forum_id}.md")


FORUM_NETWORKS_FOLDER = "jejaring/forum"
"""One page per forum, a folder below the networks' own pages so no network id can collide with it."""


@dataclass(frozen=True)
class CalendarPage(ItemPage):
    rule: str
    times: list[tuple[int, list[str]]]
    """(year, its dates) for this year and the next"""
    situations: list[Link]
    guidelines: list[Link]


@dataclass(frozen=True)
class ForumPage(PageContext):
    areas: list[Link]
    places: list[Link]
    bkpm: Link | None
    members: list[tuple[str, list[Member]]]
    situations: LongList
    local_guidelines: list[Link]
    program_situations: list[list[Link]]
    map: MapEmbed | None
    map_svg: Markup
    private_contacts: list[PrivateContact]
    latest_meetings: list[MeetingView]
    open_follow_ups: list[DecisionView]
    overdue_page: Markup | None
    """The internal edition's page of overdue follow-ups (None in the public edition)."""
    networks: Markup | None
    """The forum's network page, when it has networks."""
    karya: KaryaNyata
    chart_situations: list[Link]
    """The situation of each of karya.charts, in the same order."""


@dataclass(frozen=True)
class HomePage(PageContext):
    situations: LongList
    phases: PhaseLinks
    forums: LongList
    counts: dict[str, int]
    alerts: list[TimeView] | None
    """'Waspada bulan ini'; None when the project keeps no risk calendar."""
    review_page: Markup | None = None
    """The internal edition's 'Perlu ditinjau' page; None in the public edition."""


@dataclass(frozen=True)
class GuidelinesIndex(PageContext):
    phases: PhaseLinks


@dataclass(frozen=True)
class AreasPage(PageContext):
    rows: list[tuple[int, Link, list[Link], list[Link]]]
    """(depth, area, its places, the forums working there), the tree walked by code."""


def _common(record: Record[Item], index: SiteIndex) -> tuple[list[Link], list[Citation], list[Link], LongList]:
    data = record.data
    referrers = [Link(r) for r in index.kb.referrers(record.id) if r.kind.pages is not None]
    return (index.links(data.related), index.citations(data.legal_basis), index.links(data.sources),
            LongList(ListOwner.of(Link(record)), "dirujuk-oleh", "Dirujuk oleh", referrers))


GUIDELINES_BY_PHASE = "Pedoman tahap"
"""The heading of a phase's list pages, before the phase: 'Pedoman tahap Pencegahan — Pedoman Tindakan'."""


def phase_lists(index: SiteIndex, owner: ListOwner, situation_id: str | None = None) -> PhaseLinks:
    """(label, its guidelines as a long list) for every phase, for one situation when given."""
    return [(label, LongList(owner, phase, f"{GUIDELINES_BY_PHASE} {label}", [Link(g) for g in guidelines],
                             note="standard"))
            for phase, label, guidelines in index.kb.guidelines_by_phase(situation_id)]


def situation_page(record: Record[Situation], index: SiteIndex) -> SituationPage:
    owner = ListOwner.of(Link(record))
    by_phase = phase_lists(index, owner, record.id)
    responses = [g for _, links in by_phase for g in links.entries if g.data.how_it_works]
    education = [Link(r) for r in index.kb.referrers(record.id, "education")]
    return SituationPage(
        *_common(record, index),
        phases=by_phase,
        responses=LongList(owner, "respons", "Ringkasan respons", responses, note="how_it_works"),
        areas=index.links(record.data.areas),
        places=[Link(p) for p in index.kb.referrers(record.id, "place")],
        education=LongList(owner, "edukasi", "Bahan edukasi", education),
        map=situation_map(index.kb, record.id),
        networks=LongList(owner, "jejaring", "Siapa yang bisa membantu", situation_networks(record.id, index)),
    )


def guideline_page(record: Record[Guideline], index: SiteIndex) -> GuidelinePage:
    local_notes = [
        (Link(forum), note.note)
        for forum in index.kb.of_kind(Forum) if forum.data.handbook
        for note in forum.data.handbook.local_notes if note.guideline == record.id
    ]
    first = first_steps(record.data)
    return GuidelinePage(
        *_common(record, index),
        situations=index.links(record.data.situations),
        first=first,
        cites={view.number: index.citations(view.step.legal_basis) for view in first.steps},
        activities=[(slug, ACTIVITY_LABELS[slug]) for slug in record.data.activities],
        education=LongList(ListOwner.of(Link(record)), "edukasi", "Bahan edukasi",
                           [Link(r) for r in index.kb.referrers(record.id, "education")]),
        local_notes=local_notes,
        owners=[Link(f) for f in index.kb.of_kind(Forum) if record.id in f.data.local_guidelines],
    )


def education_page(record: Record[Education], index: SiteIndex) -> EducationPage:
    return EducationPage(*_common(record, index), supports=index.links(record.data.supports),
                         attachments=index.links(record.data.attachments), sheets=module_sheets(record.data))


def legal_page(record: Record[Legal], index: SiteIndex) -> LegalPage:
    cited = index.cited_by.get(record.id, {})
    replaced_by = [Link(r) for r in index.kb.of_kind(Legal) if record.id in r.data.replaces]
    if record.data.replaced_by and all(link.record.id != record.data.replaced_by for link in replaced_by):
        replaced_by.append(Link(index.kb.get(record.data.replaced_by)))
    owner = ListOwner.of(Link(record))
    cited_any = LongList(owner, "dirujuk-oleh", "Dirujuk oleh", sorted(
        {r.id: Link(r) for rs in cited.values() for r in rs}.values(), key=lambda link: link.title))
    related, legal, sources, _ = _common(record, index)
    return LegalPage(
        # A law's page lists who cites it (cited_any) in place of the other pages' 'Dirujuk oleh'.
        related, legal, sources, cited_any,
        replaces=index.links(record.data.replaces),
        replaced_by=replaced_by,
        articles=_article_lists(owner, record.data.articles, cited),
        cited_whole=[Link(r) for r in cited.get(None, [])],
        cited_any=cited_any,
    )


def _article_lists(owner: ListOwner, articles: list[Article],
                   cited: dict[str | None, list[Record]]) -> list[tuple[Article, LongList]]:
    """Each article with who cites it; a list's name from the article's anchor, made unique by its position when
    two articles are written alike."""
    rows: list[tuple[Article, LongList]] = []
    names: set[str] = set()
    for position, article in enumerate(articles, start=1):
        name = f"dirujuk-{anchor(article.number) or position}"
        name = f"{name}-{position}" if name in names else name
        names.add(name)
        rows.append((article, LongList(owner, name, f"Dirujuk oleh ({article.number})",
                                       [Link(r) for r in cited.get(article.number, [])])))
    return rows


def reference_page(record: Record[Reference], index: SiteIndex) -> ReferencePage:
    return ReferencePage(*_common(record, index))


def network_page(record: Record[Network], index: SiteIndex) -> NetworkPage:
    return NetworkPage(*_common(record, index), forum=Link(index.kb.get(record.data.forum)),
                       forum_networks=forum_networks_url(record.data.forum),
                       areas=index.links(record.data.areas), situations=index.links(record.data.situations),
                       private_contacts=index.private.for_network(record.id) if index.private else [])


def forum_networks_page(forum: Record[Forum], index: SiteIndex) -> ForumNetworksPage:
    networks = index.kb.networks_of(forum.id)
    roles: dict[str, list[NetworkRow]] = {}
    for network in networks:
        roles.setdefault(network.data.role_text, []).append(
            NetworkRow(Link(network), index.links(network.data.situations)))
    contacts = {n.id: index.private.for_network(n.id) for n in networks} if index.private else {}
    return ForumNetworksPage(forum=Link(forum), roles=list(roles.items()),
                             private_contacts={k: v for k, v in contacts.items() if v})


def networks_index(index: SiteIndex) -> NetworksIndex:
    kb = index.kb
    forums = [(Link(f), forum_networks_url(f.id), len(kb.networks_of(f.id))) for f in kb.of_kind(Forum)]
    by_situation = [(Link(s), [(Link(n), kb.get(n.data.forum).title) for n in kb.referrers(s.id, "network")])
                    for s in sorted(kb.of_kind(Situation), key=lambda r: r.title)]
    return NetworksIndex(forums=forums, by_situation=[row for row in by_situation if row[1]])


def situation_networks(situation_id: str, index: SiteIndex) -> list[Link]:
    """The networks that help with a situation, by id."""
    return [Link(n) for n in index.kb.referrers(situation_id, "network")]


def calendar_page(record: Record[CalendarPeriod], index: SiteIndex) -> CalendarPage:
    return CalendarPage(*_common(record, index), rule=rule_text(record.data, index.kb.events),
                        times=period_times(index.kb, record, index.today),
                        situations=index.links(record.data.situations), guidelines=index.links(record.data.guidelines))


OVERDUE_PAGE = "rapat/tindak-lanjut-terlambat.md"
"""Internal edition only: decisions past their due date and not done, with the forums' names and numbers."""


@dataclass(frozen=True)
class OverduePage(PageContext):
    today: str
    forums: list[tuple[Link, list[tuple[DecisionView, list[PrivateContact]]]]]
    """per forum: each overdue decision with the private contacts of its owner's role (whom to remind)"""


def overdue_page(index: SiteIndex) -> OverduePage:
    private = index.private
    assert private is not None, "the overdue page belongs to the internal edition only"

    def owners(forum_id: str, role: str) -> list[PrivateContact]:
        return [c for c in private.for_forum(forum_id) if c.role.casefold() == role.casefold()]

    return OverduePage(
        today=indonesian_date(index.today),
        forums=[(Link(forum), [(decision_view(f, index.today), owners(forum.id, f.decision.owner)) for f in late])
                for forum, late in overdue_follow_ups(index.kb, index.today)],
    )


def forum_page(record: Record[Forum], index: SiteIndex) -> ForumPage:
    data = record.data
    members: dict[str, list[Member]] = defaultdict(list)
    for member in data.members:
        members[member.element].append(member)
    karya = karya_nyata(index.kb, record)
    return ForumPage(
        areas=index.links(data.areas),
        places=index.links(data.places),
        bkpm=Link(index.kb.get(data.bkpm)) if data.bkpm else None,
        members=sorted(members.items()),
        situations=LongList(ListOwner.of(Link(record)), "situasi", "Situasi dan masalah di wilayah forum",
                            index.situations_in(data.areas)),
        local_guidelines=index.links(data.local_guidelines),
        program_situations=[index.links(p.situations) for p in data.programs],
        map=forum_map(index.kb, record.id),
        map_svg=forum_svg_path(record.id),
        private_contacts=index.private.for_forum(record.id) if index.private else [],
        latest_meetings=[meeting_view(m) for m in latest_meetings(index.kb, record.id)],
        open_follow_ups=[decision_view(f) for f in open_follow_ups(index.kb, record.id)],
        overdue_page=Markup(OVERDUE_PAGE) if index.private else None,
        networks=forum_networks_url(record.id) if index.kb.networks_of(record.id) else None,
        karya=karya,
        chart_situations=[Link(c.situation) for c in karya.charts],
    )


ITEM_PAGES: dict[str, Callable[[Record, SiteIndex], PageContext]] = {
    "situation": situation_page, "guideline": guideline_page, "education": education_page, "legal": legal_page,
    "reference": reference_page, "forum": forum_page, "network": network_page, "calendar": calendar_page,
}
"""The item page's context per kind with pages (its templates and section come from the registry)."""


HOME = ListOwner("index", "Beranda")


def section_owner(kind: str) -> ListOwner:
    """A kind's index page as the owner of its lists."""
    section = KINDS_BY_NAME[kind]
    return ListOwner(f"{section.section}/index", section.label)


def home_page(index: SiteIndex, *, review: bool = False) -> HomePage:
    return HomePage(
        review_page=Markup(REVIEW_PAGE) if review else None,
        situations=LongList(HOME, "situasi", "Situasi dan masalah", [Link(r) for r in index.kb.of_kind(Situation)]),
        # The phases' lists are the guidelines' index's: 'Lihat semua' opens the same pages.
        phases=phase_lists(index, section_owner("guideline")),
        forums=LongList(HOME, "forum", "Forum", [Link(r) for r in index.kb.of_kind(Forum)]),
        counts={kind: len(index.kb.of_kind(kind)) for kind in PAGE_KINDS},
        alerts=alerts(index, index.today) if index.kb.of_kind(CalendarPeriod) else None,
    )


def index_page_extras(kind: str, index: SiteIndex) -> dict[str, object]:
    """The guidelines' index groups them by phase, the calendar's by month, the networks' by forum and situation;
    the others list their items (`items`, a long list)."""
    if kind == "guideline":
        return GuidelinesIndex(phase_lists(index, section_owner(kind))).variables()
    if kind == "calendar":
        return {"calendar": calendar_index(index, index.today)}
    if kind == "network":
        return networks_index(index).variables()
    items = [Link(r) for r in index.kb.of_kind(kind)]
    return {"items": LongList(section_owner(kind), "semua", "Daftar lengkap", items,
                              whole=INDEX_WHOLE, head_size=INDEX_HEAD)}


def areas_page(index: SiteIndex) -> AreasPage:
    rows: list[tuple[int, Link, list[Link], list[Link]]] = []

    def walk(area: Record[Area], depth: int) -> None:
        places = [Link(p) for p in index.kb.of_kind(Place) if p.data.area == area.id]
        forums = [Link(f) for f in index.kb.of_kind(Forum) if area.id in f.data.areas]
        rows.append((depth, Link(area), places, forums))
        for child in sorted(index.kb.area_children(area.id), key=lambda r: r.data.code):
            walk(child, depth + 1)

    for root in sorted((a for a in index.kb.of_kind(Area) if not a.data.parent), key=lambda r: r.data.code):
        walk(root, 0)
    return AreasPage(rows)


REVIEW_PAGE = "tinjauan/perlu-ditinjau.md"
"""Internal edition only: items past their review date, by forum and owner role."""


@dataclass(frozen=True)
class ReviewRow:
    """An overdue item as the page lists it; `link` None when the item is a draft (it has no page)."""

    title: str
    link: Link | None
    kind: str
    status: str
    review_by: str
    days_late: int
    src_path: str


@dataclass(frozen=True)
class ReviewPage(PageContext):
    today: str
    forums: list[tuple[Link | None, list[tuple[str, list[ReviewRow]]]]]
    """per forum (None: items no forum's handbook holds): per owner role, its items oldest first"""


def review_page(index: SiteIndex, reviews: list[ForumReviews]) -> ReviewPage:
    def row(review: OverdueReview) -> ReviewRow:
        record = review.record
        shown = record.id in index.kb.records
        return ReviewRow(record.title, Link(index.kb.get(record.id)) if shown else None,
                         record.kind.handbook_label or record.kind.label, STATUS_LABELS[record.data.status],
                         indonesian_date(review.review_by), review.days_late, record.source.src_path)

    return ReviewPage(
        today=indonesian_date(index.today),
        forums=[(Link(group.forum) if group.forum else None,
                 [(owner.owner, [row(r) for r in owner.items]) for owner in group.owners]) for group in reviews],
    )
