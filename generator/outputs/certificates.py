"""Certificates for a pack's participants → one PDF outside the site (names never enter site/ or the bundle)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator import __version__
from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.load.participants import ParticipantRow
from generator.model import TrainingPack
from generator.outputs.pdf import PdfJob, render_pdfs
from generator.outputs.tree import write_atomically
from generator.render.handbook import TEMPLATES, make_environment
from generator.render.session_sheets import Participant, pack_facts, render_certificates


class CertificateError(Exception):
    """The certificates cannot be made as asked (an unknown pack, a target inside the site); nothing was written."""


def certificates_pdf(project: Path, kb: KnowledgeBase, pack: TrainingPack, rows: list[ParticipantRow], *,
                     when: date | None, place: str) -> bytes:
    """One A4 landscape page per participant (a single blank one when `rows` is empty); never cached, since the
    cache lives in the project and names must not stay behind."""
    env = make_environment(project / TEMPLATES)
    participants = [Participant(row.name, row.origin) for row in rows] or [Participant("", "")]
    common = {"generator": f"Pustaka Polmas {__version__}", "date_iso": when.isoformat() if when else "",
              "date_text": ""}
    html = render_certificates(env, pack_facts(kb, pack), participants, when=when, place=place, common=common)
    rendered = render_pdfs([PdfJob(html=html, base_dir=project / TEMPLATES, identifier=f"sertifikat-{pack.id}")])[0]
    if rendered.warnings:
        raise CertificateError(_("the certificates could not be made cleanly: {warnings}").format(
            warnings="; ".join(rendered.warnings)))
    return rendered.data


def write_certificates(target: Path, data: bytes, *, forbidden: list[Path]) -> Path:
    """Write the PDF at `target`, never inside a `forbidden` folder (the site, the internal edition)."""
    resolved = target.resolve()
    for folder in forbidden:
        if resolved.is_relative_to(folder.resolve()):
            raise CertificateError(_("{target} lies inside {folder}, which is published; certificates carry names, "
                                     "so write them elsewhere (the default is dist/)").format(target=target,
                                                                                              folder=folder))
    write_atomically(resolved, data)
    return resolved
