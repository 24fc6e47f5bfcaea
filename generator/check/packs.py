"""Checks on a training pack that its fields cannot make alone: each module once, and a plan that fits its days."""

from __future__ import annotations

from generator.i18n import _
from generator.model.education import Education
from generator.model.pack import TrainingPack
from generator.model.record import Record, Records, of_kind
from generator.problems import Problem


def check_packs(records: Records) -> list[Problem]:
    """A module is taught once per pack, and the session plan needs no more days than the pack has."""
    problems = []
    for record in of_kind(records, TrainingPack):
        problems.extend(_repeated_modules(record))
        problems.extend(_too_many_days(record, records))
    return problems


def _repeated_modules(record: Record[TrainingPack]) -> list[Problem]:
    problems, seen = [], set()
    for index, module in enumerate(record.data.modules):
        if module in seen:
            line, column = record.source.position(("modules", index))
            problems.append(Problem(record.source.src_path, line, column, f"modules[{index}]",
                                    _("'{module}' is already in the pack; each module is taught once, remove it")
                                    .format(module=module)))
        seen.add(module)
    return problems


def _too_many_days(record: Record[TrainingPack], records: Records) -> list[Problem]:
    durations = [module.data.duration_minutes for module in
                 (records.get(m) for m in record.data.modules) if module and isinstance(module.data, Education)]
    pack = record.data
    needed = max((day for day, _ in pack.schedule(durations)), default=0)
    if needed <= pack.days:
        return []
    line, column = record.source.position(("days",))
    return [Problem(
        record.source.src_path, line, column, "days",
        _("the modules take {needed} days at {minutes} minutes of teaching a day, not {days}; set 'days: {needed}', "
          "raise 'teaching_minutes_per_day' or take a module out").format(
            needed=needed, minutes=pack.teaching_minutes_per_day, days=pack.days),
    )]
