"""Building the KnowledgeBase: every file read and validated, references resolved, backlinks recorded."""

from __future__ import annotations

from pathlib import Path

from generator.check.calendar import EVENTS_FILE, check_calendar_rules, load_event_table
from generator.check.geography import check_geography
from generator.check.glossary import load_glossary
from generator.check.manifests import check_published
from generator.check.meetings import check_meetings
from generator.check.packs import check_packs
from generator.check.questions import check_questions
from generator.check.results import check_results
from generator.check.validate import validate_record
from generator.i18n import _
from generator.knowledge.base import Backlink, KnowledgeBase
from generator.load.editions import read_published_files
from generator.load.source import _dotted, read_yaml_file
from generator.model import KINDS, KINDS_BY_NAME, Kind
from generator.model.common import LegalCitation
from generator.model.record import Record
from generator.model.references import iter_models, iter_references
from generator.problems import Problem, ProblemList, suggest
from generator.progress_protocol import step

ROOTS = ("content", "data")
OTHER_FILES = ("data/glossary.yaml", EVENTS_FILE)
"""YAML files under content/ and data/ that are not records of a kind."""
OTHER_FOLDERS = ("data/private", "data/editions")


def load_knowledge(project: Path) -> tuple[KnowledgeBase, ProblemList]:
    """Read every file, validate it, and resolve references; all problems are collected."""
    problems = ProblemList()
    kb = KnowledgeBase()
    seen: dict[str, Record] = {}
    for kind, path in _record_files(project, problems):
        step()
        src_path = path.relative_to(project).as_posix()
        loaded = read_yaml_file(path, src_path)
        if isinstance(loaded, list):
            problems.extend(loaded)
            kb.unreadable.add(path.stem)
            continue
        record_data, found = validate_record(loaded, kind)
        problems.extend(found)
        if record_data is None:
            kb.unreadable.add(path.stem)
            continue
        record = Record(kind, record_data, loaded)
        if record.id in seen:
            problems.extend(_duplicate_problems(record, seen[record.id]))
            continue
        seen[record.id] = record
    kb.records = dict(sorted(seen.items()))
    step()
    problems.extend(resolve_references(kb))
    step()
    problems.extend(check_results(project, kb.records))
    kb.glossary, found = load_glossary(project)
    problems.extend(found)
    kb.events, kb.events_source, found = load_event_table(project)
    problems.extend(found)
    step()
    problems.extend(check_calendar_rules(kb.records, kb.events))
    problems.extend(check_meetings(kb.records))
    problems.extend(check_questions(kb.records))
    problems.extend(check_packs(kb.records))
    step()
    kb.published = check_published(read_published_files(project))
    if not problems.has_errors():
        problems.extend(check_geography(kb.records))  # geography needs resolved references
    return kb, problems


def _record_files(project: Path, problems: ProblemList) -> list[tuple[Kind, Path]]:
    """Every YAML file with the kind its folder stands for; files elsewhere are problems."""
    found: list[tuple[Kind, Path]] = []
    folders = {kind.folder: kind for kind in KINDS}
    for root in ROOTS:
        for path in sorted((project / root).rglob("*")):
            if path.suffix not in (".yaml", ".yml") or not path.is_file():
                continue
            rel = path.relative_to(project).as_posix()
            folder = path.parent.relative_to(project).as_posix()
            if rel in OTHER_FILES or any(rel.startswith(f + "/") for f in OTHER_FOLDERS):
                continue
            if path.suffix == ".yml":
                problems.append(Problem(rel, 1, 1, "", _("rename the file to end in .yaml")))
            elif folder in folders:
                found.append((folders[folder], path))
            else:
                allowed = ", ".join(sorted(folders))
                problems.append(Problem(
                    rel, 1, 1, "",
                    _("this folder holds no kind of record{suggestion}; move the file into one of: {allowed}").format(
                        suggestion=suggest(folder, folders), allowed=allowed),
                ))
    return found


def _duplicate_problems(record: Record, first: Record) -> list[Problem]:
    pairs = ((record, first), (first, record))
    problems = []
    for here, there in pairs:
        line, column = here.source.position(("id",))
        other_line, other_column = there.source.position(("id",))
        problems.append(Problem(
            here.source.src_path, line, column, "id",
            _("id '{id}' is also used by {where}; every id must be unique").format(
                id=here.id, where=f"{there.source.src_path}:{other_line}:{other_column}"),
        ))
    return problems


def resolve_references(kb: KnowledgeBase) -> list[Problem]:
    """Check that every named id exists and is of the right kind; record backlinks."""
    problems: list[Problem] = []
    for record in kb.records.values():
        named = kb.named[record.id] = []
        for ref in iter_references(record.data):
            target = kb.records.get(ref.target)
            if target is not None and target.kind.name in ref.kinds:
                if target.id != record.id:
                    kb.backlinks[target.id].append(Backlink(record, str(ref.path[0])))
                    named.append((target.id, str(ref.path[0])))
                continue
            if target is None and ref.target in kb.unreadable:
                continue  # that file's own problem is reported; "unknown id" here would only add noise
            problems.append(_reference_problem(record, ref.path, ref.target, ref.kinds, kb))
        problems.extend(_check_articles(record, kb))
    return problems


def link_view(view: KnowledgeBase, whole: KnowledgeBase) -> None:
    """The backlinks of `view`, made from `whole` (resolved) by leaving records out and changing some: a record
    it took unchanged names what it named there, less what the view left out; a changed one is walked again.
    The same backlinks, in the same order, as `resolve_references(view)` would record."""
    for record in view.records.values():
        if whole.records.get(record.id) is record and record.id in whole.named:
            named = [(target, name) for target, name in whole.named[record.id] if target in view.records]
        else:
            named = [(ref.target, str(ref.path[0])) for ref in iter_references(record.data)
                     if ref.target != record.id and ref.target in view.records
                     and view.records[ref.target].kind.name in ref.kinds]
        view.named[record.id] = named
        for target, name in named:
            view.backlinks[target].append(Backlink(record, name))


def _reference_problem(
    record: Record, path: tuple[str | int, ...], target_id: str, kinds: tuple[str, ...], kb: KnowledgeBase,
) -> Problem:
    line, column = record.source.position(path)
    wanted = _(" or ").join(kinds)
    target = kb.records.get(target_id)
    if target is not None:
        message = _("'{id}' is a {kind} ({file}), but a {wanted} is expected here").format(
            id=target_id, kind=target.kind.name, file=target.source.src_path, wanted=wanted)
    else:
        candidates = [r.id for r in kb.records.values() if r.kind.name in kinds]
        folders = ", ".join(KINDS_BY_NAME[k].folder + "/" for k in kinds)
        message = _("unknown {wanted} '{id}'{suggestion}; no such id in {folders}").format(
            wanted=wanted, id=target_id, suggestion=suggest(target_id, candidates), folders=folders)
    return Problem(record.source.src_path, line, column, _dotted(path), message)


def _check_articles(record: Record, kb: KnowledgeBase) -> list[Problem]:
    """A cited article must be listed in the legal file, so the link can land on it."""
    problems: list[Problem] = []
    for path, model in iter_models(record.data):
        if not isinstance(model, LegalCitation) or model.article is None:
            continue
        legal = kb.records.get(model.ref)
        if legal is None or legal.kind.name != "legal":
            continue
        numbers = [a.number for a in legal.data.articles]
        if model.article not in numbers:
            line, column = record.source.position((*path, "article"))
            listed = ", ".join(numbers) or _("none")
            problems.append(Problem(
                record.source.src_path, line, column, _dotted((*path, "article")),
                _("'{article}' is not listed in {file} (listed: {listed}){suggestion}; add it to that file's articles "
                  "or correct the citation").format(article=model.article, file=legal.source.src_path, listed=listed,
                                                    suggestion=suggest(model.article, numbers)),
            ))
    return problems
