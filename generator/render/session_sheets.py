"""A pack's session documents → HTML: attendance list, feedback form and its tally sheet, and certificates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import Environment

from generator.domain import feedback
from generator.domain.packs import pack_modules, plan_days, session_plan
from generator.knowledge import KnowledgeBase
from generator.model import Forum, TrainingPack
from generator.render.handbook_views import indonesian_date

CONTINUATION_ROWS = 15
"""Rows on the attendance list's continuation page, for those who come unannounced."""


@dataclass(frozen=True)
class SessionDocument:
    """One of a pack's session documents: its file stem, the title printed on it, its template, who gets it."""

    stem: str
    title: str
    template: str
    for_participants: bool


ATTENDANCE = SessionDocument("daftar-hadir", "Daftar hadir", "attendance.html.j2", for_participants=False)
FEEDBACK = SessionDocument("umpan-balik", "Lembar umpan balik", "feedback.html.j2", for_participants=True)
TALLY = SessionDocument("rekap-umpan-balik", "Rekap umpan balik", "tally.html.j2", for_participants=False)
CERTIFICATE = SessionDocument("sertifikat", "Sertifikat", "certificate.html.j2", for_participants=True)
SESSION_DOCUMENTS = (ATTENDANCE, FEEDBACK, TALLY, CERTIFICATE)


@dataclass(frozen=True)
class PackFacts:
    """What every session document of a pack prints: its title, forum, modules and days."""

    pack: TrainingPack
    forum: str | None
    """The forum's name, or None: a line to write it on."""
    modules: list[str]
    days: int


def pack_facts(kb: KnowledgeBase, pack: TrainingPack) -> PackFacts:
    modules = pack_modules(kb, pack)
    forum = kb.get(pack.forum, Forum).data.name if pack.forum and pack.forum in kb.records else None
    return PackFacts(pack, forum, [m.data.title for m in modules], plan_days(session_plan(modules, pack)))


def render_session_document(env: Environment, document: SessionDocument, facts: PackFacts,
                            common: dict[str, Any]) -> str:
    """One session document of a pack (a blank certificate for CERTIFICATE)."""
    if document is CERTIFICATE:
        return render_certificates(env, facts, [Participant("", "")], when=None, common=common)
    rows = facts.pack.participants
    return env.get_template(f"materi/{document.template}").render(
        facts=facts, pack=facts.pack, sheet_title=document.title, rows=list(range(1, rows + 1)),
        more_rows=list(range(rows + 1, rows + CONTINUATION_ROWS + 1)), scale=feedback.SCALE,
        statements=feedback.STATEMENTS, open_questions=feedback.OPEN_QUESTIONS, **common)


@dataclass(frozen=True)
class Participant:
    """A certificate's holder; empty strings make a blank certificate to write on."""

    name: str
    origin: str


def render_certificates(env: Environment, facts: PackFacts, participants: list[Participant], *,
                        when: date | None, place: str = "", common: dict[str, Any]) -> str:
    """One A4 landscape page per participant; `when` None leaves the date to be written by hand."""
    return env.get_template(f"materi/{CERTIFICATE.template}").render(
        facts=facts, pack=facts.pack, participants=participants, sheet_title=CERTIFICATE.title,
        when=indonesian_date(when) if when else "", place=place, **common)
