"""The `polmas` command: parse arguments, call the pipeline, report, set the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from generator import __version__, pipeline
from generator.domain.editions import PublishError
from generator.outputs.handbooks import HandbookBuildError
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
    parser = _parser()
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    if not (project / "mkdocs.yml").is_file():
        print(f"polmas: {project} is not a Pustaka Polmas project (no mkdocs.yml there); "
              "run the command in the project folder or pass --project", file=sys.stderr)
        return EXIT_USAGE
    try:
        args.today = pipeline.today_from_environment()
    except ValueError:
        print(f"polmas: {pipeline.TODAY_ENV}='{os.environ.get(pipeline.TODAY_ENV)}' is not a date; "
              "write it YYYY-MM-DD (e.g. 2026-12-01), or unset it to count from today", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(project, args))
    except TemplateError as exc:
        print(f"polmas: {_template_problem(exc, project)}\nNothing was written or replaced.", file=sys.stderr)
        return EXIT_BUILD
    except KeyboardInterrupt:
        print("polmas: interrupted; the previous output was left as it was", file=sys.stderr)
        return 130


def _template_problem(exc: TemplateError, project: Path) -> str:
    """A template's mistake as 'templates/…:line: message', for whoever edits the templates."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        where = Path(exc.filename).resolve()
        shown = where.relative_to(project).as_posix() if where.is_relative_to(project) else str(where)
        return f"{shown}:{exc.lineno}: template syntax error: {exc.message}"
    return f"a template could not be rendered: {exc.message or exc}; check the template named in it"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="polmas", description="Pustaka Polmas: YAML → site and handbooks.")
    parser.add_argument("--version", action="version", version=f"polmas {__version__}")
    parser.add_argument("-p", "--project", default=".", help="the project folder (default: current folder)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check every file and reference; write nothing")
    check.add_argument("--links", action="store_true",
                       help="also list every external web address and try it once (offline-safe: never fails)")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="check, then build the site into site/")
    build.add_argument("--internal", action="store_true",
                       help="the internal edition: adds names and phone numbers from data/private/contacts.yaml; "
                            "built into site-internal/, never to be published")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="preview the site; rebuilds when YAML or templates change")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)
    handbook = commands.add_parser("handbook", help="make forum handbooks (PDF) into site/handbooks/")
    which = handbook.add_mutually_exclusive_group(required=True)
    which.add_argument("--forum", metavar="ID", action="append", help="the forum's id (repeat for several)")
    which.add_argument("--all", action="store_true", help="every forum with a handbook: block")
    handbook.add_argument("--publish", action="store_true",
                          help="record each edition's manifest under data/editions/ (commit it)")
    handbook.set_defaults(run=_handbook)
    bundle = commands.add_parser("bundle", help="zip the whole site, handbooks and training sheets for offline use")
    bundle.add_argument("--audience", metavar="PACK",
                        help="a training pack: warga, pelajar, pengurus-fkpm or bhabinkamtibmas")
    bundle.add_argument("--out", metavar="FOLDER", help="where the zip goes (default: dist/)")
    bundle.set_defaults(run=_bundle)
    schema = commands.add_parser("schema", help="write a JSON Schema per kind into schemas/")
    schema.set_defaults(run=_schema)
    return parser


def report(problems: ProblemList, *, checked: int) -> None:
    """Print every problem, then one summary line."""
    for problem in problems.sorted():
        print(problem.format())
    errors, warnings = len(problems.errors), len(problems.warnings)
    files = len({p.path for p in problems.errors})
    if errors:
        print(f"\n{errors} problem(s) in {files} file(s); nothing was written. "
              "Fix them and run the command again.", file=sys.stderr)
    else:
        extra = f", {warnings} warning(s)" if warnings else ""
        print(f"OK: {checked} records checked, no problems{extra}.", file=sys.stderr)


def _check(project: Path, args: argparse.Namespace) -> int:
    kb, problems = pipeline.check(project, today=args.today)
    report(problems, checked=len(kb.records))
    if args.links:
        from generator.domain.external_links import check_links, external_links

        statuses = check_links(external_links(kb))
        for status in statuses:
            print(status.format())
        offline = sum(s.outcome.startswith("not checked") for s in statuses)
        broken = sum(s.outcome.startswith("broken") for s in statuses)
        print(f"{len(statuses)} external link(s): {broken} broken, {offline} not checked (no connection).",
              file=sys.stderr)
    return EXIT_INPUT if problems.has_errors() else EXIT_OK


def _build(project: Path, args: argparse.Namespace) -> int:
    fresh = pipeline.up_to_date(project, internal=args.internal, today=args.today)
    if fresh:
        noted = f", {fresh.warnings} warning(s) reported then" if fresh.warnings else ""
        print(f"No change since the last build: {fresh.site_dir / 'index.html'} is up to date "
              f"({fresh.pages} pages{noted}).")
        return EXIT_OK
    try:
        with progress_bars() as progress:
            result = pipeline.build(project, internal=args.internal, progress=progress, today=args.today)
    except (pipeline.InputError, SiteBuildError, HandbookBuildError) as exc:
        return _failed(exc, "The previous site/ was left as it was.")
    report(result.problems, checked=len(result.kb.records))
    print(f"Site: {result.site_dir / 'index.html'} ({result.pages} pages)")
    for pdf in sorted((result.site_dir / "handbooks").glob("*/*.pdf")):
        print(f"Handbook: {pdf}")
    if args.internal:
        print("Internal edition with names and phone numbers: share it with the forum's officers only; "
              "never publish it.")
    return EXIT_OK


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
            outcome = pipeline.bundle(project, audience=args.audience,
                                      out_dir=Path(args.out).resolve() if args.out else None, progress=progress,
                                      today=args.today)
    except BundleError as exc:
        print(f"polmas: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (pipeline.InputError, SiteBuildError, HandbookBuildError) as exc:
        return _failed(exc, "No bundle was written.")
    report(outcome.problems, checked=outcome.checked)
    bundle_summary(outcome.bundle)
    print(f"Bundle: {outcome.bundle.archive}")
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
        print(f"polmas: {exc}\nNothing was published; the PDFs were not written.", file=sys.stderr)
        return EXIT_INPUT
    except HandbookBuildError as exc:
        report_handbook_failure(exc)
        return EXIT_BUILD
    report(result.problems, checked=len(result.kb.records))
    for path in result.written:
        print(f"Handbook: {path}" if path.suffix == ".pdf" else f"Manifest: {path}")
    for path in result.published:
        print(f"Published: {path.relative_to(project).as_posix()} (commit it: it is the edition's record)")
    return EXIT_OK


def report_handbook_failure(exc: HandbookBuildError) -> None:
    for problem in exc.problems.sorted():
        print(problem.format())
    print(f"\n{len(exc.problems)} problem(s) while making the PDFs (handbooks, training sheets); "
          "no PDF was written or replaced.",
          file=sys.stderr)


def _serve(project: Path, args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(project, addr=args.addr)


def _schema(project: Path, args: argparse.Namespace) -> int:
    from generator.outputs.schema import write_schemas

    for path in write_schemas(project / "schemas"):
        print(path.relative_to(project).as_posix())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
