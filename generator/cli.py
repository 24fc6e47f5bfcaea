"""The `polmas` command: parse arguments, call the pipeline, report, set the exit code."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NoReturn

from jinja2 import TemplateError, TemplateSyntaxError

from generator import __version__, pipeline
from generator.domain.editions import PublishError
from generator.i18n import LANGUAGES, Language, _, language_from_environment, ngettext, usage_messages, use_language
from generator.outputs.handbooks import HandbookBuildError
from generator.outputs.pdf import JOBS_ENV
from generator.outputs.shards import Shard, ShardError, check_shard_folders
from generator.outputs.site import SiteBuildError
from generator.problems import ProblemList
from generator.progress import progress_bars

EXIT_OK = 0
EXIT_INPUT = 1
"""The input has problems (each printed as path:line:column: field: message)."""
EXIT_USAGE = 2
EXIT_BUILD = 3
"""The input is fine but a tool (MkDocs, WeasyPrint) failed; the previous output is untouched."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The language is chosen once, before the parser exists: its help and usage errors are in it too.
    with use_language(_language(arguments)), usage_messages():
        return _run(_parser().parse_args(arguments))


def _language(argv: Sequence[str]) -> Language:
    """--lang id|en wherever it stands, else LANGUAGE/LANG; a bad value is left for the parser to refuse."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    return known.lang if known.lang in LANGUAGES else language_from_environment()


def _run(args: argparse.Namespace) -> int:
    project = Path(args.project).resolve()
    if not (project / "mkdocs.yml").is_file():
        print("polmas: " + _("{project} is not a Pustaka Polmas project (no mkdocs.yml there); "
                             "run the command in the project folder or pass --project").format(project=project),
              file=sys.stderr)
        return EXIT_USAGE
    try:
        args.today = pipeline.today_from_environment()
    except ValueError:
        print("polmas: " + _("{name}='{value}' is not a date; write it YYYY-MM-DD (e.g. 2026-12-01), or unset it "
                             "to count from today").format(name=pipeline.TODAY_ENV,
                                                            value=os.environ.get(pipeline.TODAY_ENV)),
              file=sys.stderr)
        return EXIT_USAGE
    try:
        with _pdf_workers(getattr(args, "jobs", None)):
            return int(args.run(project, args))
    except TemplateError as exc:
        print(f"polmas: {_template_problem(exc, project)}\n" + _("Nothing was written or replaced."),
              file=sys.stderr)
        return EXIT_BUILD
    except KeyboardInterrupt:
        print("polmas: " + _("interrupted; the previous output was left as it was"), file=sys.stderr)
        return 130


@contextmanager
def _pdf_workers(jobs: int | None) -> Iterator[None]:
    """`--jobs N`: the PDF stages make N PDFs side by side for this run (the environment is restored after)."""
    saved = os.environ.get(JOBS_ENV)
    if jobs:
        os.environ[JOBS_ENV] = str(jobs)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(JOBS_ENV, None)
        else:
            os.environ[JOBS_ENV] = saved


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(_("'{value}' is not a number of at least 1").format(value=value))
    return int(value)


def _shard(value: str) -> Shard:
    try:
        return Shard.parse(value)
    except ShardError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _add_shards(build: argparse.ArgumentParser) -> None:
    """`--shard i/n` (with `--shard-dir`) and `--merge DIR…`: one build's PDFs made on n machines, then merged."""
    which = build.add_mutually_exclusive_group()
    which.add_argument("--shard", type=_shard, metavar="I/N",
                       help=_("make only shard I of N of the handbooks and training sheets (PDF), into "
                              ".polmas/shards/I-of-N/; no site is built (see --merge)"))
    which.add_argument("--merge", nargs="+", metavar="DIR",
                       help=_("take the PDFs from these shard folders (written by --shard), then build the "
                              "whole site"))
    build.add_argument("--shard-dir", metavar="DIR", help=_("with --shard: write the shard's PDFs into DIR"))


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=_positive, metavar="N",
                        help=_("make N PDFs side by side (default: one per CPU core)"))


def _template_problem(exc: TemplateError, project: Path) -> str:
    """A template's mistake as 'templates/…:line: message', for whoever edits the templates."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        where = Path(exc.filename).resolve()
        shown = where.relative_to(project).as_posix() if where.is_relative_to(project) else str(where)
        return _("{where}:{line}: template syntax error: {message}").format(
            where=shown, line=exc.lineno, message=exc.message)
    return _("a template could not be rendered: {message}; check the template named in it").format(
        message=exc.message or exc)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="polmas", description=_("Pustaka Polmas: YAML → site and handbooks."))
    parser.add_argument("--version", action="version", version=f"polmas {__version__}")
    parser.add_argument("-p", "--project", default=".", help=_("the project folder (default: current folder)"))
    _add_lang(parser)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = _command(commands, "check", _("check every file and reference; write nothing"))
    check.add_argument("--links", action="store_true",
                       help=_("also list every external web address and try it once (offline-safe: never fails)"))
    check.set_defaults(run=_check)
    build = _command(commands, "build", _("check, then build the site into site/"))
    build.add_argument("--internal", action="store_true",
                       help=_("the internal edition: adds names and phone numbers from data/private/contacts.yaml; "
                              "built into site-internal/, never to be published"))
    _add_shards(build)
    _add_jobs(build)
    build.set_defaults(run=_build)
    serve = _command(commands, "serve", _("preview the site; rebuilds when YAML or templates change"))
    serve.add_argument("--addr", default="127.0.0.1:8000",
                       help=_("address to serve on (default 127.0.0.1:8000)"))
    _add_jobs(serve)
    serve.set_defaults(run=_serve)
    handbook = _command(commands, "handbook", _("make forum handbooks (PDF) into site/handbooks/"))
    which = handbook.add_mutually_exclusive_group(required=True)
    which.add_argument("--forum", metavar="ID", action="append", help=_("the forum's id (repeat for several)"))
    which.add_argument("--all", action="store_true", help=_("every forum with a handbook: block"))
    handbook.add_argument("--publish", action="store_true",
                          help=_("record each edition's manifest under data/editions/ (commit it)"))
    _add_jobs(handbook)
    handbook.set_defaults(run=_handbook)
    bundle = _command(commands, "bundle", _("zip the whole site, handbooks and training sheets for offline use"))
    bundle.add_argument("--audience", metavar="PACK",
                        help=_("a training pack: the name of a file in data/packs/, e.g. pelajar"))
    bundle.add_argument("--participants", type=_positive, metavar="N",
                        help=_("with --audience: copies to print for N participants (default: the pack's number)"))
    bundle.add_argument("--out", metavar="FOLDER", help=_("where the zip goes (default: dist/)"))
    _add_jobs(bundle)
    bundle.set_defaults(run=_bundle)
    certificates = _command(commands, "certificates", _("certificates for a pack's participants (PDF, outside site/)"))
    certificates.add_argument("--pack", required=True, metavar="PACK",
                              help=_("a training pack of data/packs/, e.g. pelajar"))
    who = certificates.add_mutually_exclusive_group(required=True)
    who.add_argument("--participants", metavar="CSV", help=_("a CSV with the columns nama,asal; one page per line"))
    who.add_argument("--blank", action="store_true", help=_("one blank certificate to write a name on"))
    certificates.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                              help=_("the date printed (default: today; with --blank: left to write by hand)"))
    certificates.add_argument("--place", default="",
                              help=_("the place printed before the date, e.g. 'Tirtasekar'"))
    certificates.add_argument("--out", metavar="FILE",
                              help=_("the PDF to write (default: dist/sertifikat-<pack>.pdf)"))
    certificates.set_defaults(run=_certificates)
    schema = _command(commands, "schema", _("write a JSON Schema per kind into schemas/"))
    schema.set_defaults(run=_schema)
    edit = _command(commands, "edit", _("the browser editor at /admin/ (Decap CMS) beside the live preview"))
    edit.add_argument("--addr", default="127.0.0.1:8000", help=_("the preview's address (default 127.0.0.1:8000)"))
    edit.add_argument("--editor-addr", default="127.0.0.1:8001",
                      help=_("the editor's address (default 127.0.0.1:8001); keep it on this machine"))
    edit.add_argument("--decap-port", type=int, default=8081,
                      help=_("decap-server's port on loopback (default 8081)"))
    _add_jobs(edit)
    edit.set_defaults(run=_edit)
    editor_config = _command(commands, "editor-config", _("write admin/config.yml (Decap CMS) from the models"))
    editor_config.set_defaults(run=_editor_config)
    fmt = _command(commands, "fmt", _("write YAML files in the form the editor keeps (model key order)"))
    fmt.add_argument("files", nargs="*", metavar="FILE", help=_("files to format (default: every record file)"))
    fmt.add_argument("--check", action="store_true", help=_("change nothing; exit 1 if a file would change"))
    fmt.set_defaults(run=_fmt)
    return parser


def _command(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
             help_text: str) -> argparse.ArgumentParser:
    """A subcommand that takes --lang too: `polmas check --lang en` reads as naturally as `polmas --lang en check`."""
    command = commands.add_parser(name, help=help_text, description=help_text)
    _add_lang(command)
    return command


def _add_lang(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand without --lang must not overwrite the one given before it (main reads it earlier).
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=_("language of the messages: id (Indonesian, the default) or en (English); "
                               "default from LANG/LANGUAGE"))


def report(problems: ProblemList, *, checked: int) -> None:
    """Print every problem, then one summary line."""
    for problem in problems.sorted():
        print(problem.format())
    errors, warnings = len(problems.errors), len(problems.warnings)
    files = len({p.path for p in problems.errors})
    if errors:
        counted = ngettext("{count} problem", "{count} problems", errors).format(count=errors)
        print("\n" + ngettext("{problems} in {files} file; nothing was written.",
                              "{problems} in {files} files; nothing was written.", files).format(
            problems=counted, files=files) + " " + _("Fix them and run the command again."), file=sys.stderr)
    elif warnings:
        print(ngettext("OK: {checked} records checked, no problems, {warnings} warning.",
                       "OK: {checked} records checked, no problems, {warnings} warnings.",
                       warnings).format(checked=checked, warnings=warnings), file=sys.stderr)
    else:
        print(_("OK: {checked} records checked, no problems.").format(checked=checked), file=sys.stderr)


def _check(project: Path, args: argparse.Namespace) -> int:
    kb, problems = pipeline.check(project, today=args.today)
    report(problems, checked=len(kb.records))
    if args.links:
        from generator.domain.external_links import check_links, external_links

        statuses = check_links(external_links(kb))
        for status in statuses:
            print(status.format())
        offline = sum(s.unreachable for s in statuses)
        broken = sum(s.broken for s in statuses)
        print(_("{count} external link(s): {broken} broken, {offline} not checked (no connection).").format(
            count=len(statuses), broken=broken, offline=offline), file=sys.stderr)
    return EXIT_INPUT if problems.has_errors() else EXIT_OK


def _build(project: Path, args: argparse.Namespace) -> int:
    if args.shard_dir and not args.shard:
        print("polmas: " + _("--shard-dir goes with --shard i/n (e.g. --shard 1/4 --shard-dir DIR)"),
              file=sys.stderr)
        return EXIT_USAGE
    if args.shard:
        return _build_shard(project, args)
    shards = [Path(folder).resolve() for folder in args.merge or []]
    try:
        check_shard_folders(shards)
    except ShardError as exc:
        print(f"polmas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    fresh = pipeline.up_to_date(project, internal=args.internal, today=args.today)
    if fresh:
        pages = ngettext("{count} page", "{count} pages", fresh.pages).format(count=fresh.pages)
        if fresh.warnings:
            pages += ngettext(", {count} warning reported then", ", {count} warnings reported then",
                              fresh.warnings).format(count=fresh.warnings)
        print(_("No change since the last build: {index} is up to date ({pages}).").format(
            index=fresh.site_dir / "index.html", pages=pages))
        return EXIT_OK
    try:
        with progress_bars() as progress:
            result = pipeline.build(project, internal=args.internal, progress=progress, today=args.today,
                                    shards=shards)
    except ShardError as exc:  # a shard folder gone since it was checked
        print(f"polmas: {exc}\n" + _("The previous site/ was left as it was."), file=sys.stderr)
        return EXIT_USAGE
    except (pipeline.InputError, SiteBuildError, HandbookBuildError) as exc:
        return _failed(exc, _("The previous site/ was left as it was."))
    report(result.problems, checked=result.checked)
    if result.merged:
        _merge_summary(result.merged)
    print(_("Site: {index} ({pages} pages)").format(index=result.site_dir / "index.html", pages=result.pages))
    for pdf in sorted((result.site_dir / "handbooks").glob("*/*.pdf")):
        print(_("Handbook: {path}").format(path=pdf))
    for adopted in result.adopted:
        print(_("Published: {path} (handbook.state: diadopsi); {note}").format(path=adopted.path, note=adopted.note),
              file=sys.stdout if adopted.committed else sys.stderr)
    if args.internal:
        print(_("Internal edition with names and phone numbers: share it with the forum's officers only; "
                "never publish it."))
    return EXIT_OK


def _build_shard(project: Path, args: argparse.Namespace) -> int:
    try:
        with progress_bars() as progress:
            result = pipeline.build_shard(project, args.shard, internal=args.internal, progress=progress,
                                          today=args.today,
                                          folder=Path(args.shard_dir).resolve() if args.shard_dir else None)
    except (pipeline.InputError, HandbookBuildError) as exc:
        return _failed(exc, _("No shard was written."))
    report(result.problems, checked=result.checked)
    handbooks = ngettext("{count} handbook", "{count} handbooks", result.handbooks).format(count=result.handbooks)
    sheets = ngettext("{count} training sheet", "{count} training sheets", result.sheets).format(count=result.sheets)
    print(_("Shard {shard}: {handbooks} and {sheets} (PDF) in {folder}; no site was built. Merge the shards "
            "with polmas build --merge FOLDER…").format(shard=args.shard, handbooks=handbooks, sheets=sheets,
                                                         folder=result.folder))
    return EXIT_OK


def _merge_summary(merged: pipeline.MergeResult) -> None:
    for skipped in merged.imported.skipped:
        print(f"polmas: {skipped.path}: " + _("skipped: {reason}").format(reason=skipped.reason), file=sys.stderr)
    print(_("From the shards: {found} PDF(s); made by this build: {made}; not of today's inputs (unused): "
            "{unused}.").format(found=merged.imported.found, made=merged.to_make, unused=merged.imported.unused))


def _failed(exc: pipeline.InputError | SiteBuildError | HandbookBuildError, kept: str) -> int:
    """Report why a build stopped; the exit code says whose fault it was (the input's, or a tool's)."""
    if isinstance(exc, pipeline.InputError):
        report(exc.problems, checked=0)
        return EXIT_INPUT
    if isinstance(exc, HandbookBuildError):
        report_handbook_failure(exc)
    else:
        print(f"polmas: {exc}\n{kept}", file=sys.stderr)
    return EXIT_BUILD


def _bundle(project: Path, args: argparse.Namespace) -> int:
    from generator.outputs.bundle import BundleError
    from generator.progress import bundle_summary

    try:
        with progress_bars() as progress:
            outcome = pipeline.bundle(project, audience=args.audience, participants=args.participants,
                                      out_dir=Path(args.out).resolve() if args.out else None, progress=progress,
                                      today=args.today)
    except BundleError as exc:
        print(f"polmas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (pipeline.InputError, SiteBuildError, HandbookBuildError) as exc:
        return _failed(exc, _("No bundle was written."))
    report(outcome.problems, checked=outcome.checked)
    bundle_summary(outcome.bundle)
    print(_("Bundle: {path}").format(path=outcome.bundle.archive))
    return EXIT_OK


def _certificates(project: Path, args: argparse.Namespace) -> int:
    from generator.outputs.certificates import CertificateError

    csv_path = Path(args.participants) if args.participants else None
    try:
        written = pipeline.certificates(
            project, pack_id=args.pack, participants=csv_path, shown_as=args.participants or "",
            target=Path(args.out) if args.out else None, place=args.place,
            when=args.date or (None if args.blank else args.today))
    except CertificateError as exc:
        print(f"polmas: {exc}\n" + _("Nothing was written."), file=sys.stderr)
        return EXIT_USAGE
    except pipeline.InputError as exc:
        report(exc.problems, checked=0)
        return EXIT_INPUT
    print(_("Certificates: {path}").format(path=written))
    return EXIT_OK


def _handbook(project: Path, args: argparse.Namespace) -> int:
    try:
        result = pipeline.handbooks(project, forum_ids=args.forum, publish=args.publish)
    except pipeline.InputError as exc:
        report(exc.problems, checked=0)
        return EXIT_INPUT
    except pipeline.UnknownForum as exc:
        print(f"polmas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PublishError as exc:
        print(f"polmas: {exc}\n" + _("Nothing was published; the PDFs were not written."), file=sys.stderr)
        return EXIT_INPUT
    except HandbookBuildError as exc:
        report_handbook_failure(exc)
        return EXIT_BUILD
    report(result.problems, checked=len(result.kb.records))
    for path in result.written:
        print((_("Handbook: {path}") if path.suffix == ".pdf" else _("Manifest: {path}")).format(path=path))
    for path in result.published:
        print(_("Published: {path} (commit it: it is the edition's record)").format(
            path=path.relative_to(project).as_posix()))
    return EXIT_OK


def report_handbook_failure(exc: HandbookBuildError) -> None:
    for problem in exc.problems.sorted():
        print(problem.format())
    print("\n" + ngettext(
        "{count} problem while making the PDFs (handbooks, training sheets); no PDF was written or replaced.",
        "{count} problems while making the PDFs (handbooks, training sheets); no PDF was written or replaced.",
        len(exc.problems)).format(count=len(exc.problems)), file=sys.stderr)


def _serve(project: Path, args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(project, addr=args.addr)


def _edit(project: Path, args: argparse.Namespace) -> int:
    from generator.edit import EditorStartError, edit
    from generator.outputs.editor_app import EditorMissing

    try:
        return edit(project, addr=args.addr, editor_addr=args.editor_addr, decap_port=args.decap_port)
    except (EditorStartError, EditorMissing) as exc:
        print(f"polmas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except pipeline.InputError as exc:
        report(exc.problems, checked=0)
        return EXIT_INPUT


def _editor_config(project: Path, args: argparse.Namespace) -> int:
    from generator.outputs.editor_config import write_editor_config

    try:
        config = pipeline.site_config(project)
    except pipeline.InputError as exc:
        report(exc.problems, checked=0)
        return EXIT_INPUT
    print(write_editor_config(project, backend=config.editor).relative_to(project).as_posix())
    return EXIT_OK


def _fmt(project: Path, args: argparse.Namespace) -> int:
    from generator.outputs.canonical_yaml import canonical_text, format_file, record_files

    files = [Path(f).resolve().relative_to(project).as_posix() for f in args.files] or record_files(project)
    changed = []
    for src_path in files:
        if args.check:
            text = (project / src_path).read_text(encoding="utf-8-sig")
            if canonical_text(src_path, text) not in (None, text):
                changed.append(src_path)
        elif format_file(project, src_path):
            changed.append(src_path)
    for src_path in changed:
        print((_("would format: {file}") if args.check else _("formatted: {file}")).format(file=src_path))
    summary = (_("{changed} of {total} file(s) not in canonical form.") if args.check
               else _("{changed} of {total} file(s) formatted."))
    print(summary.format(changed=len(changed), total=len(files)), file=sys.stderr)
    return EXIT_INPUT if args.check and changed else EXIT_OK


def _schema(project: Path, args: argparse.Namespace) -> int:
    from generator.outputs.schema import write_schemas

    for path in write_schemas(project / "schemas"):
        print(path.relative_to(project).as_posix())
    return EXIT_OK


def run() -> NoReturn:
    """The `polmas` command: `main`, then leave without freeing every object one by one.

    Once a command is done its files are written and closed, so the interpreter's teardown only gives memory
    back, object by object: half a second after a warm full build at ×20, whose knowledge base and pages are
    millions of objects. The exit handlers (the PDF workers' stop, logging's flush) still run first."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":
    run()
