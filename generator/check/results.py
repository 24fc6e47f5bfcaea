"""Program results checked against the project: every evidence file exists, every measured indicator is listed."""

from __future__ import annotations

from pathlib import Path

from generator.i18n import _
from generator.load.source import _dotted
from generator.model.forum import DOCUMENT_SUFFIXES, EVIDENCE_FOLDER, PHOTO_SUFFIXES, Evidence, Measurement
from generator.model.record import Record, Records
from generator.model.references import iter_models
from generator.problems import Problem, suggest


def check_results(project: Path, records: Records) -> list[Problem]:
    """A result's evidence file must be in data/evidence/; a measurement must name an indicator of its situation."""
    problems: list[Problem] = []
    folder = project / EVIDENCE_FOLDER
    present = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) \
        if folder.is_dir() else []
    for record in records.values():
        if record.kind.name != "forum":
            continue
        for path, model in iter_models(record.data):
            if isinstance(model, Evidence):
                problems.extend(_missing_file(record, path, model, present))
            elif isinstance(model, Measurement):
                problems.extend(_unknown_indicator(record, path, model, records))
    return problems


def _missing_file(record: Record, path: tuple[str | int, ...], evidence: Evidence, present: list[str]) -> list[Problem]:
    field, name = ("photo", evidence.photo) if evidence.photo is not None else ("document", evidence.document)
    if name is None or name in present:
        return []
    line, column = record.source.position((*path, field))
    alike = [p for p in present if p.lower().endswith(PHOTO_SUFFIXES if field == "photo" else DOCUMENT_SUFFIXES)]
    return [Problem(
        record.source.src_path, line, column, _dotted((*path, field)),
        _("no file '{name}' in {folder}/{suggestion}; put the file there (as {folder}/{name}) or correct the "
          "name").format(name=name, folder=EVIDENCE_FOLDER, suggestion=suggest(name, alike)),
    )]


def _unknown_indicator(
    record: Record, path: tuple[str | int, ...], measurement: Measurement, records: Records,
) -> list[Problem]:
    situation = records.get(measurement.situation)
    if situation is None or situation.kind.name != "situation":
        return []  # the unknown situation is reported where references resolve
    ids = [i.id for i in situation.data.indicators]
    if measurement.indicator in ids:
        return []
    line, column = record.source.position((*path, "indicator"))
    listed = ", ".join(ids) or _("none: add an 'indicators' entry to it first")
    return [Problem(
        record.source.src_path, line, column, _dotted((*path, "indicator")),
        _("'{indicator}' is not an indicator of {file}{suggestion}; its indicators: {listed}").format(
            indicator=measurement.indicator, file=situation.source.src_path,
            suggestion=suggest(measurement.indicator, ids), listed=listed),
    )]
