"""build(): read and check everything, then generate the docs tree, then build the site."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.check.calendar import uncovered_years
from generator.check.legal import check_verification
from generator.check.private import check_private_details, validate_private_contacts
from generator.check.site import site_url_problem
from generator.domain.editions import PublishError, check_editions, check_publishable
from generator.domain.packs import pack_modules
from generator.domain.selection import forums_with_handbooks
from generator.knowledge import KnowledgeBase, Record, load_knowledge, newest_content_date
from generator.load.private import PRIVATE_CONTACTS, read_private_contacts
from generator.load.site import SiteConfig, read_site_config
from generator.model.private import PrivateContacts
from generator.outputs.bundle import (
    SITE_FOLDER,
    BundleResult,
    archive_name,
    choose_pack,
    entries_for,
    write_archive,
)
from generator.outputs.handbooks import (
    build_handbooks,
    handbook_files,
    handbooks_to_make,
    publish_manifest,
    write_handbooks,
)
from generator.outputs.materials import build_materials, materials_to_make
from generator.outputs.site import build_site
from generator.outputs.stamps import folder_listing_digest, forget_stamp, project_digest, read_stamp, write_stamp
from generator.outputs.tree import write_tree
from generator.problems import Problem, ProblemList, Severity, suggest
from generator.progress_protocol import Progress, silent
from generator.render.qr import SiteAddress
from generator.render.site import render_site_docs
from generator.render.svgmap import render_forum_svg
from generator.render.text import shared_phrase

DOCS_DIR = Path(".polmas/docs")
"""Generated Markdown, the engine's input; mkdocs.yml points its docs_dir here."""
INTERNAL_DOCS_DIR = Path(".polmas/docs-internal")
INTERNAL_SITE_DIR = Path("site-internal")
"""The internal edition (with names and numbers) never lands where the public site is published from."""
PDF_CACHE_DIR = Path(".polmas/cache/handbooks")
"""Handbook PDFs by a hash of their input: a rebuild (or `polmas serve`) re-renders only what changed."""
PDF_CACHE_ENV = "POLMAS_PDF_CACHE"
"""Set it to a folder to share that cache between projects (copies of one project render the same PDFs)."""
TODAY_ENV = "POLMAS_TODAY"
"""YYYY-MM-DD: the day the risk calendar and the overdue follow-ups count from, instead of the clock's."""


def pdf_cache_dir(project: Path) -> Path:
    return Path(os.environ.get(PDF_CACHE_ENV) or project / PDF_CACHE_DIR)


def today_from_environment() -> date:
    """POLMAS_TODAY when set (a preview of next month's calendar; tests), else the clock's date."""
    value = os.environ.get(TODAY_ENV)
    return date.fromisoformat(value) if value else date.today()


class InputError(Exception):
    """The input has problems; nothing was written."""

    def __init__(self, problems: ProblemList) -> None:
        super().__init__(f"{len(problems.errors)} problem(s) in the input")
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    kb: KnowledgeBase
    problems: ProblemList
    site_dir: Path
    pages: int
    sample_notice: str = ""
    """The sample setting's phrase ('' when the content is the project's own): the banner, the covers."""


@dataclass(frozen=True)
class Checked:
    """Everything read and checked, once per run: the knowledge base, the private contacts, their problems."""

    kb: KnowledgeBase
    problems: ProblemList
    private: PrivateContacts | None


def check(project: Path, *, today: date | None = None) -> tuple[KnowledgeBase, ProblemList]:
    """Load and validate everything, including that no public file names a private person; write nothing.

    `today` (default: the clock's) dates the warning on legal frameworks not checked for over a year, and
    the events table should cover its year and the next.
    """
    checked = check_project(project, today=today)
    return checked.kb, checked.problems


def check_project(project: Path, *, today: date | None = None) -> Checked:
    """`today` (default: the clock's date): the events table should cover this year and the next."""
    today = today or date.today()
    kb, problems = load_knowledge(project)
    problems.extend(uncovered_years(kb.events, kb.events_source, today))
    private, found = validate_private_contacts(read_private_contacts(project), kb.records)
    problems.extend(found)
    problems.extend(check_private_details(private, kb.records))
    problems.extend(check_verification(kb.records, today=today))
    if not problems.has_errors():  # handbook selections need resolved references
        problems.extend(check_editions(kb))
    return Checked(kb, problems, private)


def site_config(project: Path) -> SiteConfig:
    """mkdocs.yml's address settings, for the QR codes of every PDF and the placeholder check."""
    config = read_site_config(project)
    if isinstance(config, Problem):
        raise InputError(ProblemList([config]))
    return config


def site_address(project: Path) -> SiteAddress:
    return SiteAddress.from_config(site_config(project))


def generate_docs(project: Path, kb: KnowledgeBase, *, private: PrivateContacts | None = None,
                  progress: Progress | None = None, config: SiteConfig | None = None,
                  today: date | None = None) -> Path:
    """Render the Markdown docs tree and the forums' handbooks (PDF) for the site engine; returns its folder."""
    docs = render_site_docs(kb, project=project, private=private, today=today or date.today())
    report = progress or silent
    docs.update(render_pdf_files(project, kb, config=config or site_config(project), progress=report))
    report.stage("Situs (MkDocs)", None)
    target = docs_folder(project, private=private is not None)
    write_tree(docs, target)
    return target


def docs_folder(project: Path, *, private: bool = False) -> Path:
    return project / (INTERNAL_DOCS_DIR if private else DOCS_DIR)


def render_pdf_files(project: Path, kb: KnowledgeBase, *, config: SiteConfig,
                     progress: Progress | None = None) -> dict[str, str | bytes]:
    """Every handbook (PDF and manifest) and training sheet, by docs path; a failure writes nothing."""
    report = progress or silent
    forums = forums_with_handbooks(kb)
    site = SiteAddress.from_config(config)
    built = build_handbooks(project, kb, site=site, forums=forums, map_svgs=forum_map_svgs(kb, forums),
                            cache_dir=pdf_cache_dir(project), sample=config.sample,
                            advance=report.stage("Buku pegangan (PDF)", len(forums)))
    files = handbook_files(built)
    files.update(build_materials(project, kb, site=site, printed=newest_content_date(kb),
                                 cache_dir=pdf_cache_dir(project), progress=report))
    return files


def pdf_files_to_make(project: Path, kb: KnowledgeBase, *, config: SiteConfig) -> list[str]:
    """The docs paths `render_pdf_files` would have to render (not made yet from today's inputs)."""
    forums = forums_with_handbooks(kb)
    site = SiteAddress.from_config(config)
    return [*handbooks_to_make(project, kb, site=site, forums=forums, map_svgs=forum_map_svgs(kb, forums),
                               cache_dir=pdf_cache_dir(project), sample=config.sample),
            *materials_to_make(project, kb, site=site, printed=newest_content_date(kb),
                               cache_dir=pdf_cache_dir(project))]


def build(project: Path, *, site_dir: Path | None = None, internal: bool = False,
          progress: Progress | None = None, today: date | None = None) -> BuildResult:
    """check → generate → build the site into a temp folder and swap it in.

    Public by default: the private contacts file is only checked, never rendered. `internal` renders it
    into a separate site for the forum's officers. `today` (default: the clock's date) is the day the risk
    calendar's "this month" and the overdue follow-ups count from: the same input and day give the same bytes.
    """
    today = today or date.today()
    own_site = site_dir is None  # only the project's own site folder is stamped (not a bundle's scratch copy)
    inputs = build_inputs(project, internal=internal, today=today) if own_site else ""
    if own_site:
        forget_stamp(project, _stamp_stage(internal))  # until this build is whole
    checked = check_project(project, today=today)
    kb, problems = checked.kb, checked.problems
    if problems.has_errors():
        raise InputError(problems)
    private = _private_contacts(checked) if internal else None
    config = site_config(project)  # read once: the QR codes and the placeholder warning both need it
    docs_dir = generate_docs(project, kb, private=private, progress=progress, config=config, today=today)
    target = site_dir or project / (INTERNAL_SITE_DIR if internal else "site")
    notice = shared_phrase(project / "templates", "sample_notice") if config.sample else ""
    pages = build_site(project, docs_dir=docs_dir, site_dir=target, kb=kb, internal=internal, sample_notice=notice,
                       stamp=f"site-{_stamp_stage(internal)}" if own_site else None)
    placeholder = site_url_problem(config, severity=Severity.WARNING)
    result = BuildResult(kb, ProblemList([*problems, placeholder]) if placeholder else problems, target, pages,
                         notice)
    if own_site:
        _stamp_build(project, result, inputs=inputs, internal=internal)
    return result


@dataclass(frozen=True)
class UpToDate:
    """The last build's site, still made from exactly today's inputs."""

    site_dir: Path
    pages: int
    warnings: int


def _stamp_stage(internal: bool) -> str:
    return "build-internal" if internal else "build"


def build_inputs(project: Path, *, internal: bool, today: date) -> str:
    """The digest of everything a build reads (files, tools, options); never of anything it writes."""
    return project_digest(project, purpose="build", options={"internal": internal, "today": today.isoformat()})


def up_to_date(project: Path, *, internal: bool = False, today: date | None = None) -> UpToDate | None:
    """The site folder, when the last build's stamp holds today's inputs and the folder is as that build left it.

    A missing or corrupt stamp, or a site folder touched since, gives None: it only costs a build.
    """
    stamp = read_stamp(project, _stamp_stage(internal))
    site = project / (INTERNAL_SITE_DIR if internal else "site")
    if stamp is None or stamp.get("inputs") != build_inputs(project, internal=internal, today=today or date.today()):
        return None
    if stamp.get("site") != folder_listing_digest(site):
        return None
    pages, warnings = stamp.get("pages"), stamp.get("warnings")
    if not isinstance(pages, int) or not isinstance(warnings, int):
        return None
    return UpToDate(site, pages, warnings)


def _stamp_build(project: Path, result: BuildResult, *, inputs: str, internal: bool) -> None:
    write_stamp(project, _stamp_stage(internal), {
        "inputs": inputs, "site": folder_listing_digest(result.site_dir), "pages": result.pages,
        "warnings": len(result.problems.warnings),
    })


def _private_contacts(checked: Checked) -> PrivateContacts:
    private = checked.private  # its problems were reported by check()
    if private is None:
        raise InputError(ProblemList([Problem(
            PRIVATE_CONTACTS, 1, 1, "",
            "the internal edition needs this file (forum, role, name and phone per entry); "
            "create it, or build the public edition without --internal",
        )]))
    return private


class UnknownForum(Exception):
    """`polmas handbook --forum ID` named no forum with a `handbook:` block."""


@dataclass(frozen=True)
class HandbooksResult:
    kb: KnowledgeBase
    problems: ProblemList
    written: list[Path]
    published: list[Path]


def handbooks(project: Path, *, forum_ids: list[str] | None, publish: bool,
              site_dir: Path | None = None) -> HandbooksResult:
    """check → render the forums' handbooks → write them into site/handbooks/ → publish their manifests if asked.

    Without a full site build; each file is replaced atomically. A plain run never publishes.
    """
    kb, problems = check(project)
    if problems.has_errors():
        raise InputError(problems)
    with_handbook = {forum.id: forum for forum in forums_with_handbooks(kb)}
    for forum_id in forum_ids or []:
        if forum_id not in with_handbook:
            listed = ", ".join(with_handbook) or "none"
            raise UnknownForum(f"no forum '{forum_id}' with a handbook: block{suggest(forum_id, with_handbook)}; "
                               f"forums with one: {listed}")
    forums = [with_handbook[i] for i in forum_ids] if forum_ids else list(with_handbook.values())
    config = site_config(project)
    placeholder = site_url_problem(config, severity=Severity.ERROR) if publish else None
    if placeholder:  # checked before any PDF is made: the QR codes and colophon would carry the placeholder
        raise PublishError(f"an edition cannot be published yet: {placeholder.format()}")
    built = build_handbooks(project, kb, site=SiteAddress.from_config(config), forums=forums,
                            map_svgs=forum_map_svgs(kb, forums), cache_dir=pdf_cache_dir(project),
                            sample=config.sample)
    if publish:
        check_publishable(kb, [b.edition.manifest for b in built])
    written = write_handbooks(built, site_dir or project / "site")
    published = [publish_manifest(project, kb, b.edition.manifest) for b in built] if publish else []
    return HandbooksResult(kb, problems, written, [path for path, new in published if new])


BUNDLE_TEMPLATES = Path("templates/bundle")
"""The offline archive's own landing page."""
HANDBOOK_FONT = "Pustaka Sans"
"""The @font-face family of templates/handbook/print.css (Noto Sans shipped with the project)."""


def forum_map_svgs(kb: KnowledgeBase, forums: list[Record] | None = None) -> dict[str, str]:
    """The static map of every forum with a handbook (the same SVG the site offers for download)."""
    chosen = forums if forums is not None else forums_with_handbooks(kb)
    return {forum.id: render_forum_svg(kb, forum.id, font_family=HANDBOOK_FONT) for forum in chosen}


@dataclass(frozen=True)
class BundleOutcome:
    problems: ProblemList
    bundle: BundleResult
    checked: int


def bundle(project: Path, *, audience: str | None = None, out_dir: Path | None = None,
           progress: Progress | None = None, today: date | None = None) -> BundleOutcome:
    """check → build the public site in a scratch folder → zip it with its handbooks and training sheets.

    The archive (dist/pustaka-polmas[-<audience>]-<date>.zip, dated by the content) appears only when whole;
    the site/ folder is not touched. `audience` picks a training pack: its page opens first and its sheets
    are copied into cetak/.
    """
    report = progress or silent
    pack = choose_pack(audience)
    target_dir = out_dir or project / "dist"
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".bundle-", dir=target_dir, ignore_cleanup_errors=True) as scratch:
        work = Path(scratch)
        built = build(project, site_dir=work / "site", progress=report, today=today)
        kb, printed = built.kb, newest_content_date(built.kb)
        modules = [m.id for m in pack_modules(kb, pack)] if pack else []
        title = f"Pustaka Polmas · paket {pack.title}" if pack else "Pustaka Polmas"
        entries = list(entries_for(built.site_dir, title=title, pack=pack, module_ids=modules,
                                   templates=project / BUNDLE_TEMPLATES, notice=built.sample_notice))
        archive = target_dir / archive_name(printed, pack.id if pack else None)
        advance = report.stage(f"Mengemas {archive.name}", len(entries))
        size = write_archive(archive, entries, stamp=printed, advance=advance)
    pdfs = [name for name, _ in entries if name.endswith(".pdf") and name.startswith(f"{SITE_FOLDER}/")]
    counts = {"buku pegangan forum": sum(1 for n in pdfs if n.startswith(f"{SITE_FOLDER}/handbooks/")),
              "bahan pelatihan": sum(1 for n in pdfs if n.startswith(f"{SITE_FOLDER}/materi/"))}
    return BundleOutcome(built.problems, BundleResult(archive, size, len(entries), built.pages, counts),
                         len(kb.records))
