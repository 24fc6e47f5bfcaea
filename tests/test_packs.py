"""Training packs from data/packs/: the same plans as the packs once defined in code, days checked, rules applied."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from generator import pipeline
from generator.domain.packs import pack_modules, packs, session_plan
from generator.knowledge import KnowledgeBase, Record
from generator.model import Education, Guideline, TrainingPack
from generator.model.labels import PHASE_ORDER
from tests.conftest import REPO, Scratch

# These tests pin the English messages (test_validate.py and test_i18n.py pin both languages).
pytestmark = pytest.mark.usefixtures("english")

# --- The code-defined packs as they stood before they moved to data/packs/ (commit eb3a01f), kept verbatim
# --- so the YAML packs can be proved to give the same plans.


@dataclass(frozen=True)
class LegacyPack:
    id: str
    audiences: tuple[str, ...]


LEGACY_PACKS = (
    LegacyPack("warga", ("warga", "umum", "pedagang", "tokoh-masyarakat", "orang-tua", "pekerja")),
    LegacyPack("pelajar", ("pelajar", "guru", "orang-tua")),
    LegacyPack("pengurus-fkpm", ("pengurus-fkpm", "perangkat-kelurahan", "tokoh-masyarakat")),
    LegacyPack("bhabinkamtibmas", ("bhabinkamtibmas", "pospol", "babinsa")),
)


def legacy_modules(kb: KnowledgeBase, pack: LegacyPack) -> list[Record[Education]]:
    chosen = [r for r in kb.of_kind(Education) if set(r.data.audience) & set(pack.audiences)]
    return sorted(chosen, key=lambda r: (pack.audiences[0] not in r.data.audience, legacy_phase(kb, r),
                                         r.data.title.casefold(), r.id))


def legacy_phase(kb: KnowledgeBase, module: Record[Education]) -> int:
    phases = [PHASE_ORDER[kb.get(g, Guideline).data.phase] for g in module.data.supports if g in kb.records]
    return min(phases, default=-1)


def legacy_plan(modules: list[Record[Education]]) -> list[tuple[int, str, str, int, str | None, int | None]]:
    rows: list[tuple[int, str, str, int, str | None, int | None]] = []
    day, clock, taught = 1, 8 * 60, 0
    for session, module in enumerate(modules, start=1):
        minutes = module.data.duration_minutes
        if taught and taught + minutes > 240:
            day, clock, taught = day + 1, 8 * 60, 0
        elif taught:
            rows.append((day, legacy_clock(clock), legacy_clock(clock + 15), 15, None, None))
            clock += 15
        rows.append((day, legacy_clock(clock), legacy_clock(clock + minutes), minutes, module.id, session))
        clock += minutes
        taught += minutes
    return rows


def legacy_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}.{minutes % 60:02d}"

# --- end of the legacy copy


@pytest.fixture(scope="module")
def sample_kb() -> KnowledgeBase:
    kb, problems = pipeline.check(REPO)
    assert not problems.has_errors(), [p.format() for p in problems]
    return kb


@pytest.mark.parametrize("legacy", LEGACY_PACKS, ids=lambda p: p.id)
def test_yaml_pack_gives_the_same_session_plan_as_the_code_defined_pack(
    sample_kb: KnowledgeBase, legacy: LegacyPack,
) -> None:
    pack = sample_kb.get(legacy.id, TrainingPack).data
    plan = session_plan(pack_modules(sample_kb, pack), pack)
    expected = legacy_plan(legacy_modules(sample_kb, legacy))
    assert expected, "the sample has modules for every pack"
    assert [(r.day, r.start, r.end, r.minutes, r.module.id if r.module else None, r.session) for r in plan] == expected
    assert pack.audience == list(legacy.audiences)


def test_the_four_packs_come_from_data_packs(sample_kb: KnowledgeBase) -> None:
    assert [r.id for r in packs(sample_kb)] == sorted(p.id for p in LEGACY_PACKS)
    assert all(r.source.src_path == f"data/packs/{r.id}.yaml" for r in packs(sample_kb))


MODULE = """
id: {id}
title: Modul {id}
summary: Ringkas.
audience: [warga]
objectives: [memahami]
duration_minutes: {minutes}
body: Isi.
status: disahkan
"""
PACK = """
id: warga
title: Warga
lead: Untuk warga.
audience: [warga]
modules: [{modules}]
days: {days}
start: "{start}"
break_minutes: {pause}
teaching_minutes_per_day: 180
signatories: [Ketua FKPM]
"""


def write_project(scratch: Scratch, *, modules: str = "a, b, c", days: int = 2, start: str = "07.30",
                  pause: int = 10) -> None:
    for mid, minutes in (("a", 120), ("b", 60), ("c", 90)):
        scratch.write(f"content/education/{mid}.yaml", MODULE.format(id=mid, minutes=minutes))
    scratch.write("data/packs/warga.yaml", PACK.format(modules=modules, days=days, start=start, pause=pause))


def test_plan_follows_the_packs_own_start_break_and_day_length(scratch: Scratch) -> None:
    write_project(scratch)
    kb, problems = pipeline.check(scratch.root)
    assert not problems.has_errors(), [p.format() for p in problems]
    pack = kb.get("warga", TrainingPack).data
    plan = session_plan(pack_modules(kb, pack), pack)
    assert [(r.day, r.start, r.end, r.module.id if r.module else "istirahat") for r in plan] == [
        (1, "07.30", "09.30", "a"),
        (1, "09.30", "09.40", "istirahat"),
        (1, "09.40", "10.40", "b"),
        (2, "07.30", "09.00", "c"),  # 120 + 60 + 90 would pass 180 minutes of teaching
    ]


def test_pack_problems_name_file_line_and_column(
    scratch: Scratch, write_and_check: Callable[[dict[str, str]], list[str]],
) -> None:
    write_project(scratch, start="8:00")
    assert write_and_check({}) == [
        "data/packs/warga.yaml:7:8: start: '8:00' is not a time of day written HH.MM, e.g. '08.00' (in quotes)",
    ]
    write_project(scratch, modules="a, b, cc")
    assert write_and_check({}) == [
        "data/packs/warga.yaml:5:17: modules[2]: unknown education 'cc' (did you mean 'c'?); no such id in "
        "content/education/",
    ]
    write_project(scratch, modules="a, b, c, b", days=1)
    assert write_and_check({}) == [
        "data/packs/warga.yaml:5:20: modules[3]: 'b' is already in the pack; each module is taught once, remove it",
        "data/packs/warga.yaml:6:7: days: the modules take 2 days at 180 minutes of teaching a day, not 1; set "
        "'days: 2', raise 'teaching_minutes_per_day' or take a module out",
    ]
