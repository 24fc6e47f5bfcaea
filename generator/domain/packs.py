"""Training packs: per audience, its education modules in teaching order and a session plan by the clock."""

from __future__ import annotations

from dataclasses import dataclass

from generator.knowledge import KnowledgeBase, Record
from generator.model import Education
from generator.model.labels import PHASE_ORDER

DAY_START = 8 * 60
"""Sessions start at 08.00."""
DAY_TEACHING_MINUTES = 240
"""At most four hours of teaching a day: a village hall is borrowed for a morning, not a week."""
BREAK_MINUTES = 15


@dataclass(frozen=True)
class Pack:
    """One audience's pack: `audiences` are the module audiences it serves, the first being its own."""

    id: str
    title: str
    audiences: tuple[str, ...]
    lead: str


PACKS: tuple[Pack, ...] = (
    Pack("warga", "Warga", ("warga", "umum", "pedagang", "tokoh-masyarakat", "orang-tua", "pekerja"),
         "Untuk pertemuan RT/RW, pengajian, arisan dan paguyuban pedagang."),
    Pack("pelajar", "Pelajar", ("pelajar", "guru", "orang-tua"),
         "Untuk sekolah: pelajar, guru dan orang tua dalam satu rangkaian sesi."),
    Pack("pengurus-fkpm", "Pengurus FKPM", ("pengurus-fkpm", "perangkat-kelurahan", "tokoh-masyarakat"),
         "Untuk pengurus forum dan perangkat kelurahan yang menjalankan program bersama."),
    Pack("bhabinkamtibmas", "Bhabinkamtibmas", ("bhabinkamtibmas", "pospol", "babinsa"),
         "Untuk petugas di desa dan kelurahan: Bhabinkamtibmas, Pospol dan Babinsa."),
)
PACKS_BY_ID = {pack.id: pack for pack in PACKS}


@dataclass(frozen=True)
class PlanRow:
    """One line of a session plan: a module (`module` set) or a break."""

    day: int
    start: str
    end: str
    minutes: int
    module: Record[Education] | None
    session: int | None


def pack_modules(kb: KnowledgeBase, pack: Pack) -> list[Record[Education]]:
    """The pack's modules: those written for its own audience first, then the others it serves;
    within each, general modules, then prevention before handling before recovery; then by title."""
    chosen = [r for r in kb.of_kind(Education) if set(r.data.audience) & set(pack.audiences)]
    return sorted(chosen, key=lambda r: (pack.audiences[0] not in r.data.audience, _first_phase(kb, r),
                                         r.data.title.casefold(), r.id))


def _first_phase(kb: KnowledgeBase, module: Record[Education]) -> int:
    """The earliest phase among the guidelines a module supports; -1 (first) when it supports none."""
    phases = [PHASE_ORDER[kb.get(g).data.phase] for g in module.data.supports if g in kb.records]
    return min(phases, default=-1)


def session_plan(modules: list[Record[Education]]) -> list[PlanRow]:
    """Each module one session, back to back with a break between; a new day when the next would pass
    four hours of teaching (a module longer than that gets a day of its own)."""
    rows: list[PlanRow] = []
    day, clock, taught = 1, DAY_START, 0
    for session, module in enumerate(modules, start=1):
        minutes = module.data.duration_minutes
        if taught and taught + minutes > DAY_TEACHING_MINUTES:
            day, clock, taught = day + 1, DAY_START, 0
        elif taught:
            rows.append(PlanRow(day, _clock(clock), _clock(clock + BREAK_MINUTES), BREAK_MINUTES, None, None))
            clock += BREAK_MINUTES
        rows.append(PlanRow(day, _clock(clock), _clock(clock + minutes), minutes, module, session))
        clock += minutes
        taught += minutes
    return rows


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}.{minutes % 60:02d}"
