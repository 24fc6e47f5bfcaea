"""Training packs (data/packs/): their modules in the coordinator's order and a session plan by the clock."""

from __future__ import annotations

from dataclasses import dataclass

from generator.knowledge import KnowledgeBase, Record
from generator.model import Education, TrainingPack


@dataclass(frozen=True)
class PlanRow:
    """One line of a session plan: a module (`module` set) or a break."""

    day: int
    start: str
    end: str
    minutes: int
    module: Record[Education] | None
    session: int | None


def packs(kb: KnowledgeBase) -> list[Record[TrainingPack]]:
    """Every pack, by id."""
    return kb.of_kind(TrainingPack)


def pack_modules(kb: KnowledgeBase, pack: TrainingPack) -> list[Record[Education]]:
    """The pack's modules in the order its file gives them (an unknown id is a check problem, left out here)."""
    return [kb.get(module, Education) for module in pack.modules if module in kb.records]


def session_plan(modules: list[Record[Education]], pack: TrainingPack) -> list[PlanRow]:
    """Each module one session at the time the pack's rules give it, with a break row between two sessions
    of the same day."""
    rows: list[PlanRow] = []
    slots = pack.schedule([module.data.duration_minutes for module in modules])
    for session, (module, (day, start)) in enumerate(zip(modules, slots, strict=True), start=1):
        if rows and rows[-1].day == day and pack.break_minutes:
            begin = start - pack.break_minutes
            rows.append(PlanRow(day, _clock(begin), _clock(start), pack.break_minutes, None, None))
        minutes = module.data.duration_minutes
        rows.append(PlanRow(day, _clock(start), _clock(start + minutes), minutes, module, session))
    return rows


def plan_days(plan: list[PlanRow]) -> int:
    """How many days a plan takes."""
    return max((row.day for row in plan), default=0)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}.{minutes % 60:02d}"
