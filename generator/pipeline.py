"""build(): read and check everything, then generate the docs tree, then build the site."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.check.calendar import uncovered_years
from generator.check.legal import check_verification
from generator.check.private import check_private_details, validate_private_contacts
from generator.check.review import check_draft_references, check_review_dates
from generator.check.site import site_url_problem
from generator.domain.editions import PublishError, check_approved, check_editions, check_publishable
from generator.domain.reviews import ForumReviews, overdue_reviews
from generator.domain.selection import forums_with_handbooks
from generator.i18n import Language, _, ngettext, use_language
from generator.knowledge import KnowledgeBase, Record, load_knowledge, newest_content_date
from generator.knowledge.status_view import (
    HANDBOOK_STATUSES,
    INTERNAL_HANDBOOK_STATUSES,
    SITE_STATUSES,
    with_statuses,
)
from generator.load.participants import ParticipantRow, read_participants
from generator.load.private import PRIVATE_CONTACTS, read_private_contacts
from generator.load.site import SiteConfig, read_site_config
from generator.model import KINDS_BY_NAME, TrainingPack
from generator.model.forum import Forum
from generator.model.private import PrivateContacts
from generator.outputs.adoption import AdoptedEdition, publish_adopted_editions
from generator.outputs.bundle import (
    SITE_FOLDER,
    BundleResult,
    archive_name,
    check_audience,
    entries_for,
    page_weight,
    write_archive,
)
from generator.outputs.certificates import CertificateError, certificates_pdf, write_certificates
from generator.outputs.collector import fewer_collections
from generator.outputs.handbooks import (
    build_handbooks,
    handbook_entries,
    handbook_files,
    manifest_of,
    publish_manifest,
    write_handbooks,
)
from generator.outputs.materials import build_materials, material_entries
from generator.outputs.pdf import pdf_jobs
from generator.outputs.pdf_cache import CacheEntry, PdfCache
from generator.outputs.print_index import print_folder
from generator.outputs.shards import Imported, Shard, import_shards, tidy_shard_folder
from generator.outputs.site import build_site
from generator.outputs.stamps import folder_listing_digest, forget_stamp, project_digest, read_stamp, write_stamp
from generator.outputs.tree import write_tree
from generator.problems import Problem, ProblemList, Severity, suggest
from generator.progress_protocol import Progress, silent, step
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
        super().__init__(ngettext("{count} problem in the input", "{count} problems in the input",
                                  len(problems.errors)).format(count=len(problems.errors)))
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    kb: KnowledgeBase
    """What the site shows: the checked knowledge base without its drafts."""
    problems: ProblemList
    site_dir: Path
    pages: int
    checked: int
    """How many records were read and checked (drafts included)."""
    sample_notice: str = ""
    """The sample setting's phrase ('' when the content is the project's own): the banner, the covers."""
    adopted: tuple[AdoptedEdition, ...] = ()
    """The manifests this build wrote for editions marked `diadopsi`."""
    merged: MergeResult | None = None
    """With shard folders to merge: what they brought (None without)."""


@dataclass(frozen=True)
class MergeResult:
    """What the shard folders brought to a build: PDFs of today's inputs, and the files not trusted."""

    imported: Imported
    to_make: int
    """PDFs neither the shards nor the PDF cache held: this build makes them."""


@dataclass(frozen=True)
class Checked:
    """Everything read and checked, once per run: the knowledge base, the private contacts, their problems."""

    kb: KnowledgeBase
    problems: ProblemList
    private: PrivateContacts | None


def check(project: Path, *, today: date | None = None,
          lang: Language | None = None) -> tuple[KnowledgeBase, ProblemList]:
    """Load and validate everything, including that no public file names a private person; write nothing.

    `today` (default: the clock's) dates the warning on legal frameworks not checked for over a year, and
    the events table should cover its year and the next. `lang` writes the messages in that language
    (default: the current one, generator.i18n; Indonesian unless a caller chose otherwise).
    """
    with use_language(lang):
        checked = check_project(project, today=today)
    return checked.kb, checked.problems


def check_project(project: Path, *, today: date | None = None) -> Checked:
    """`today` (default: the clock's date): the events table should cover this year and the next."""
    today = today or date.today()
    kb, problems = load_knowledge(project)
    step()
    problems.extend(uncovered_years(kb.events, kb.events_source, today))
    private, found = validate_private_contacts(read_private_contacts(project), kb.records)
    problems.extend(found)
    problems.extend(check_private_details(private, kb.records))
    step()
    problems.extend(check_verification(kb.records, today=today))
    problems.extend(check_review_dates(kb.records, today=today))
    problems.extend(check_draft_references(kb.records))
    step()
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
                  today: date | None = None, reviews: list[ForumReviews] | None = None) -> Path:
    """Render the Markdown docs tree and the forums' handbooks (PDF) for the site engine; returns its folder.

    Drafts are left out of everything; the handbooks print only approved items, except in an internal
    build, where the items under review are printed too, marked.
    """
    kb = with_statuses(kb, SITE_STATUSES)  # the preview (`polmas serve`) shows what a build publishes
    docs = render_site_docs(kb, project=project, private=private, today=today or date.today(), reviews=reviews,
                            jobs=pdf_jobs())
    report = progress or silent
    docs.update(render_pdf_files(project, kb, config=config or site_config(project), internal=private is not None,
                                 progress=report))
    report.stage(_("Site (MkDocs)"), None)
    target = docs_folder(project, private=private is not None)
    write_tree(docs, target)
    return target


def docs_folder(project: Path, *, private: bool = False) -> Path:
    return project / (INTERNAL_DOCS_DIR if private else DOCS_DIR)


def render_pdf_files(project: Path, kb: KnowledgeBase, *, config: SiteConfig, internal: bool = False,
                     progress: Progress | None = None, cache_dir: Path | None = None,
                     only: Collection[CacheEntry] | None = None) -> dict[str, str | bytes]:
    """Every handbook (PDF and manifest) and training sheet, by docs path; a failure writes nothing.

    The handbooks print only approved items, except in an internal build, where the items under review are
    printed too, marked. `only`: just these PDFs (a shard's share, see `pdf_entries`), kept in `cache_dir`
    (default: the build's PDF cache)."""
    report = progress or silent
    cache = cache_dir or pdf_cache_dir(project)
    printed = _printed(kb, internal=internal)
    names = None if only is None else {entry.name for entry in only}
    forums = [forum for forum in forums_with_handbooks(printed) if names is None or forum.id in names]
    site = SiteAddress.from_config(config)
    built = build_handbooks(project, printed, site=site, forums=forums, map_svgs=forum_map_svgs(kb, forums),
                            cache_dir=cache, sample=config.sample,
                            advance=report.stage(_("Handbooks (PDF)"), len(forums)))
    files = handbook_files(built)
    files.update(build_materials(project, kb, site=site, printed=newest_content_date(kb), cache_dir=cache,
                                 progress=report, paths=None if only is None else {entry.path for entry in only}))
    return files


def pdf_entries(project: Path, kb: KnowledgeBase, *, config: SiteConfig,
                internal: bool = False) -> tuple[list[CacheEntry], list[CacheEntry]]:
    """The handbooks and the training sheets `render_pdf_files` makes, by cache name and inputs key."""
    printed = _printed(kb, internal=internal)
    forums = forums_with_handbooks(printed)
    site = SiteAddress.from_config(config)
    return (handbook_entries(project, printed, site=site, forums=forums, map_svgs=forum_map_svgs(kb, forums),
                             sample=config.sample),
            material_entries(project, kb, site=site, printed=newest_content_date(kb)))


def pdf_files_to_make(project: Path, kb: KnowledgeBase, *, config: SiteConfig,
                      internal: bool = False) -> list[str]:
    """The docs paths `render_pdf_files` would have to render (not made yet from today's inputs)."""
    cache = PdfCache(pdf_cache_dir(project), project=project)
    handbooks, sheets = pdf_entries(project, kb, config=config, internal=internal)
    return [*(path for e in handbooks if not cache.has(e.name, e.key) for path in (e.path, manifest_of(e.path))),
            *(e.path for e in sheets if not cache.has(e.name, e.key))]


def _printed(kb: KnowledgeBase, *, internal: bool) -> KnowledgeBase:
    return with_statuses(kb, INTERNAL_HANDBOOK_STATUSES if internal else HANDBOOK_STATUSES)


def build(project: Path, *, site_dir: Path | None = None, internal: bool = False,
          progress: Progress | None = None, today: date | None = None, lang: Language | None = None,
          publish_adopted: bool = True, shards: Sequence[Path] = ()) -> BuildResult:
    """check → generate → build the site into a temp folder and swap it in.

    Public by default: the private contacts file is only checked, never rendered. `internal` renders it
    into a separate site for the forum's officers. `today` (default: the clock's date) is the day the risk
    calendar's "this month" and the overdue follow-ups count from: the same input and day give the same bytes.
    `lang`: the language of the messages and progress (default: the current one). `publish_adopted`: write
    (and commit) the manifests of editions the coordinator marked `diadopsi`. `shards`: folders written by
    `build_shard`, whose PDFs of today's inputs go into the PDF cache first, so this build does not make them.
    """
    with use_language(lang), fewer_collections():
        return _build(project, site_dir=site_dir, internal=internal, progress=progress, today=today,
                      publish_adopted=publish_adopted, shards=shards)


def _build(project: Path, *, site_dir: Path | None, internal: bool, progress: Progress | None,
           today: date | None, publish_adopted: bool, shards: Sequence[Path] = ()) -> BuildResult:
    today = today or date.today()
    own_site = site_dir is None  # only the project's own site folder is stamped (not a bundle's scratch copy)
    inputs = build_inputs(project, internal=internal, today=today) if own_site else ""
    if own_site:
        forget_stamp(project, _stamp_stage(internal))  # until this build is whole
    checked, kb, config = _checked_for_site(project, today=today)
    problems = checked.problems
    private = _private_contacts(checked) if internal else None
    merged = merge_shards(project, kb, shards, config=config, internal=internal) if shards else None
    reviews = overdue_reviews(checked.kb, today=today) if internal else None  # drafts too: they need review
    docs_dir = generate_docs(project, kb, private=private, progress=progress, config=config, today=today,
                             reviews=reviews)
    target = site_dir or project / (INTERNAL_SITE_DIR if internal else "site")
    notice = shared_phrase(project / "templates", "sample_notice") if config.sample else ""
    pages = build_site(project, docs_dir=docs_dir, site_dir=target, kb=kb, internal=internal, sample_notice=notice,
                       stamp=f"site-{_stamp_stage(internal)}" if own_site else None)
    placeholder = site_url_problem(config, severity=Severity.WARNING)
    # After the site is whole: a failed build publishes nothing. `check` made sure adopted editions are clean.
    adopted = publish_adopted_editions(project, with_statuses(kb, HANDBOOK_STATUSES)) if publish_adopted else []
    result = BuildResult(kb, ProblemList([*problems, placeholder]) if placeholder else problems, target, pages,
                         len(checked.kb.records), notice, tuple(adopted), merged)
    if own_site:
        _stamp_build(project, result, inputs=inputs, internal=internal)
    return result


def _checked_for_site(project: Path, *, today: date) -> tuple[Checked, KnowledgeBase, SiteConfig]:
    """The checked project (InputError on any error), the knowledge base the site shows, mkdocs.yml's settings."""
    checked = check_project(project, today=today)
    if checked.problems.has_errors():
        raise InputError(checked.problems)
    # Drafts never leave the project. The settings are read once: the QR codes and the placeholder warning.
    return checked, with_statuses(checked.kb, SITE_STATUSES), site_config(project)


def merge_shards(project: Path, kb: KnowledgeBase, folders: Sequence[Path], *, config: SiteConfig,
                 internal: bool) -> MergeResult:
    """Put the shard folders' PDFs of today's inputs into the build's PDF cache; count what is still to make."""
    handbooks, sheets = pdf_entries(project, kb, config=config, internal=internal)
    cache = PdfCache(pdf_cache_dir(project), project=project)
    imported = import_shards(folders, [*handbooks, *sheets], cache)
    return MergeResult(imported, sum(1 for e in [*handbooks, *sheets] if not cache.has(e.name, e.key)))


@dataclass(frozen=True)
class ShardResult:
    """What a shard run checked and made, and where its folder is."""

    problems: ProblemList
    checked: int
    folder: Path
    handbooks: int
    sheets: int


def build_shard(project: Path, shard: Shard, *, folder: Path | None = None, internal: bool = False,
                progress: Progress | None = None, today: date | None = None,
                lang: Language | None = None) -> ShardResult:
    """check → make this shard's share of the handbooks and training sheets into its folder, and nothing else.

    The folder (default .polmas/shards/<i>-of-<n>/) holds exactly the share, each PDF named as the PDF cache
    names it (`<name>.<key>.pdf`), for a build with `shards=`. A PDF already in the build's PDF cache is copied,
    not made again. No docs tree, no site, no stamp is written. `internal`: the internal edition's handbooks
    (default folder …-internal/).
    """
    with use_language(lang):
        checked, kb, config = _checked_for_site(project, today=today or date.today())
        handbooks, sheets = pdf_entries(project, kb, config=config, internal=internal)
        share = shard.share(handbooks, sheets)
        target = folder or shard.default_folder(project, internal=internal)
        target.mkdir(parents=True, exist_ok=True)
        _copy_from_cache(project, share, PdfCache(target, project=project))
        render_pdf_files(project, kb, config=config, internal=internal, progress=progress, cache_dir=target,
                         only=share)
        tidy_shard_folder(target, {entry.file_name for entry in share})
        forum_ids = {entry.name for entry in handbooks}
        made = sum(1 for entry in share if entry.name in forum_ids)
        return ShardResult(checked.problems, len(checked.kb.records), target, made, len(share) - made)


def _copy_from_cache(project: Path, entries: Sequence[CacheEntry], target: PdfCache) -> None:
    """The entries the build's PDF cache already holds, copied into `target` (a shard's folder)."""
    cache = PdfCache(pdf_cache_dir(project), project=project)
    for entry in entries:
        data = None if target.has(entry.name, entry.key) else cache.get(entry.name, entry.key)
        if data is not None:
            target.put(entry.name, entry.key, data)


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
            _("the internal edition needs this file (forum, role, name and phone per entry); "
              "create it, or build the public edition without --internal"),
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
              site_dir: Path | None = None, lang: Language | None = None) -> HandbooksResult:
    """check → render the forums' handbooks → write them into site/handbooks/ → publish their manifests if asked.

    Without a full site build; each file is replaced atomically. A plain run never publishes. `lang`: the
    language of the messages (default: the current one).
    """
    with use_language(lang):
        return _handbooks(project, forum_ids=forum_ids, publish=publish, site_dir=site_dir)


def _handbooks(project: Path, *, forum_ids: list[str] | None, publish: bool, site_dir: Path | None) -> HandbooksResult:
    checked, problems = check(project)
    if problems.has_errors():
        raise InputError(problems)
    kb = with_statuses(checked, HANDBOOK_STATUSES)  # a handbook prints approved items only
    with_handbook = {forum.id: forum for forum in forums_with_handbooks(kb)}
    for forum_id in forum_ids or []:
        if forum_id not in with_handbook:
            listed = ", ".join(with_handbook) or _("none")
            raise UnknownForum(_("no forum '{id}' with a handbook: block{suggestion}; forums with one: "
                                 "{listed}").format(id=forum_id, suggestion=suggest(forum_id, with_handbook),
                                                    listed=listed))
    forums = [with_handbook[i] for i in forum_ids] if forum_ids else list(with_handbook.values())
    config = site_config(project)
    placeholder = site_url_problem(config, severity=Severity.ERROR) if publish else None
    if placeholder:  # checked before any PDF is made: the QR codes and colophon would carry the placeholder
        raise PublishError(_("an edition cannot be published yet: {problem}").format(problem=placeholder.format()))
    if publish:
        check_approved(checked, [checked.get(forum.id, Forum) for forum in forums])
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


def bundle(project: Path, *, audience: str | None = None, participants: int | None = None,
           out_dir: Path | None = None, progress: Progress | None = None, today: date | None = None,
           lang: Language | None = None) -> BundleOutcome:
    """check → build the public site in a scratch folder → zip it with its handbooks and training sheets.

    The archive (dist/pustaka-polmas[-<audience>]-<date>.zip, dated by the content) appears only when whole;
    the site/ folder is not touched. `audience` picks a training pack: its page opens first and its sheets
    are copied into cetak/ in the order of its session plan, after an index sheet of what to print and how
    many copies for `participants` (default: the pack's expected number). `lang`: the language of the
    messages and progress (default: the current one).
    """
    with use_language(lang):
        return _bundle(project, audience=audience, participants=participants, out_dir=out_dir, progress=progress,
                       today=today)


def _bundle(project: Path, *, audience: str | None, participants: int | None, out_dir: Path | None,
            progress: Progress | None, today: date | None) -> BundleOutcome:
    report = progress or silent
    check_audience(audience, [path.stem for path in (project / KINDS_BY_NAME["pack"].folder).glob("*.yaml")])
    target_dir = out_dir or project / "dist"
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".bundle-", dir=target_dir, ignore_cleanup_errors=True) as scratch:
        work = Path(scratch)
        built = build(project, site_dir=work / "site", progress=report, today=today, publish_adopted=False)
        kb, printed = built.kb, newest_content_date(built.kb)
        pack = kb.get(audience, TrainingPack).data if audience else None
        printing, items = print_folder(
            project, kb, pack, site_dir=built.site_dir, participants=participants or pack.participants,
            site=site_address(project), printed=printed) if pack else ([], [])
        title = f"Pustaka Polmas · paket {pack.title}" if pack else "Pustaka Polmas"
        entries = list(entries_for(built.site_dir, title=title, pack=pack, printing=printing,
                                   templates=project / BUNDLE_TEMPLATES, notice=built.sample_notice))
        weight = page_weight(built.site_dir, f"paket/{pack.id}.html" if pack else "index.html")
        archive = target_dir / archive_name(printed, pack.id if pack else None)
        advance = report.stage(_("Packing {name}").format(name=archive.name), len(entries))
        size = write_archive(archive, entries, stamp=printed, advance=advance)
    pdfs = [name for name, _data in entries if name.endswith(".pdf") and name.startswith(f"{SITE_FOLDER}/")]
    counts = {"handbooks": sum(1 for n in pdfs if n.startswith(f"{SITE_FOLDER}/handbooks/")),
              "training": sum(1 for n in pdfs if n.startswith(f"{SITE_FOLDER}/materi/"))}
    return BundleOutcome(built.problems, BundleResult(
        archive, size, len(entries), built.pages, counts, page_weight=weight,
        print_copies=sum(item.copies for item in items)), built.checked)


def certificates(project: Path, *, pack_id: str, participants: Path | None, shown_as: str = "",
                 target: Path | None = None, when: date | None = None, place: str = "") -> Path:
    """check → read the participants' CSV (None: one blank certificate) → write the certificates' PDF.

    Problems in the project or the CSV raise InputError (the CSV's as `<shown_as>:<line>: …`); nothing is
    written then. The PDF goes to `target` (default dist/sertifikat-<pack>.pdf), never into the site.
    """
    kb, problems = check(project)
    if problems.has_errors():
        raise InputError(problems)
    packs = [record.id for record in kb.of_kind(TrainingPack)]
    if pack_id not in packs:
        raise CertificateError(_("no training pack '{pack}'{suggestion}; choose one of: {packs} "
                                 "(the files of data/packs/)").format(
            pack=pack_id, suggestion=suggest(pack_id, packs), packs=", ".join(packs)))
    rows: list[ParticipantRow] = []
    if participants is not None:
        rows, found = read_participants(participants, shown_as or participants.name)
        if found:
            raise InputError(ProblemList(found))
    suffix = "" if participants is not None else "-kosong"
    target = target or project / "dist" / f"sertifikat-{pack_id}{suffix}.pdf"
    data = certificates_pdf(project, kb, kb.get(pack_id, TrainingPack).data, rows, when=when, place=place)
    return write_certificates(target, data, forbidden=[project / "site", project / INTERNAL_SITE_DIR])
