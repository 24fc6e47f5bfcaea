"""Training packs: which modules, in what order, and a session plan that respects the day."""

from __future__ import annotations

from generator import pipeline
from generator.domain.packs import PACKS_BY_ID, pack_modules, session_plan
from generator.knowledge import KnowledgeBase
from tests.conftest import Scratch

GUIDELINE = """
id: {id}
title: Pedoman {id}
summary: Ringkas.
phase: {phase}
standard: Standar.
situations: [curanmor]
steps:
  - {{actor: Warga, text: Bertindak, level: wajib}}
"""
MODULE = """
id: {id}
title: {title}
summary: Ringkas.
audience: [{audience}]
objectives: [memahami]
duration_minutes: {minutes}
body: Isi.
supports: [{supports}]
"""


def project(scratch: Scratch) -> KnowledgeBase:
    scratch.write("content/situations/curanmor.yaml", "id: curanmor\ntitle: Curanmor\nsummary: Ringkas.\n"
                  "type: situasi\ndescription: Uraian.\n")
    for gid, phase in (("cegah", "pencegahan"), ("tangani", "penanganan"), ("pulih", "pasca")):
        scratch.write(f"content/guidelines/{gid}.yaml", GUIDELINE.format(id=gid, phase=phase))
    modules = (("pulih-warga", "A pemulihan", "warga", 90, "pulih"), ("cegah-warga", "Z pencegahan", "warga", 120,
               "cegah"), ("umum-dasar", "B dasar", "umum", 60, ""), ("ortu", "C orang tua", "orang-tua", 45, "tangani"),
               ("petugas", "D petugas", "bhabinkamtibmas", 30, "cegah"))
    for mid, title, audience, minutes, supports in modules:
        scratch.write(f"content/education/{mid}.yaml",
                      MODULE.format(id=mid, title=title, audience=audience, minutes=minutes, supports=supports))
    kb, problems = pipeline.check(scratch.root)
    assert not problems.has_errors(), [p.format() for p in problems]
    return kb


def test_own_audience_first_then_by_phase(scratch: Scratch) -> None:
    kb = project(scratch)
    ids = [m.id for m in pack_modules(kb, PACKS_BY_ID["warga"])]
    assert ids == ["cegah-warga", "pulih-warga", "umum-dasar", "ortu"], "prevention before recovery, not by title"
    assert [m.id for m in pack_modules(kb, PACKS_BY_ID["bhabinkamtibmas"])] == ["petugas"]


def test_plan_breaks_between_sessions_and_starts_a_new_day_after_four_hours(scratch: Scratch) -> None:
    kb = project(scratch)
    plan = session_plan(pack_modules(kb, PACKS_BY_ID["warga"]))
    assert [(r.day, r.start, r.end, r.module.id if r.module else "istirahat") for r in plan] == [
        (1, "08.00", "10.00", "cegah-warga"),
        (1, "10.00", "10.15", "istirahat"),
        (1, "10.15", "11.45", "pulih-warga"),
        (2, "08.00", "09.00", "umum-dasar"),  # 120 + 90 + 60 would pass four hours of teaching
        (2, "09.00", "09.15", "istirahat"),
        (2, "09.15", "10.00", "ortu"),
    ]
    assert [r.session for r in plan if r.module] == [1, 2, 3, 4]
