"""A forum's 'Karya nyata': its program stages' results with evidence, and a chart per measured indicator."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.knowledge import KnowledgeBase, Record
from generator.model import Forum, Situation
from generator.model.forum import Evidence, Measurement, Result, Stage
from generator.model.situation import Indicator
from generator.render.charts import indicator_chart

EVIDENCE_SITE_FOLDER = "bukti"
"""The site's folder for evidence files, copied from data/evidence/ with the same relative names."""


@dataclass(frozen=True)
class StageResults:
    program: str
    stage: Stage
    results: list[Result]


@dataclass(frozen=True)
class IndicatorChart:
    situation: Record[Situation]
    indicator: Indicator
    measurements: list[Measurement]
    """Oldest first."""
    svg: Markup

    @property
    def heading(self) -> str:
        return self.indicator.text.rstrip(".")

    @property
    def sources(self) -> list[str]:
        """Where the values come from, each once, in the order first used."""
        return list(dict.fromkeys(m.source for m in self.measurements))


@dataclass(frozen=True)
class KaryaNyata:
    stages: list[StageResults]
    charts: list[IndicatorChart]

    def __bool__(self) -> bool:
        return bool(self.stages or self.charts)


def evidence_url(evidence: Evidence) -> Markup:
    """Root-relative address of a photo or document on the site (file names are checked to stay inside)."""
    name = evidence.photo or evidence.document or ""
    return Markup(f"{EVIDENCE_SITE_FOLDER}/") + Markup.escape(name)


def karya_nyata(kb: KnowledgeBase, forum: Record[Forum], *, font_family: str = "sans-serif") -> KaryaNyata:
    """Stages with results in program order; a chart per (situation, indicator) measured, in first-measured order."""
    stages = [StageResults(p.title, s, s.results) for p in forum.data.programs for s in p.stages if s.results]
    measured: dict[tuple[str, str], list[Measurement]] = {}
    for program in forum.data.programs:
        for stage in program.stages:
            for m in stage.measurements:
                measured.setdefault((m.situation, m.indicator), []).append(m)
    charts = []
    for (situation_id, indicator_id), measurements in measured.items():
        situation = kb.get(situation_id, Situation)
        indicator = next(i for i in situation.data.indicators if i.id == indicator_id)
        ordered = sorted(measurements, key=lambda m: m.date)
        svg = indicator_chart(indicator.text.rstrip("."), indicator.unit, [(m.date, m.value) for m in ordered],
                              chart_id=f"grafik-{forum.id}-{situation_id}-{indicator_id}", font_family=font_family)
        charts.append(IndicatorChart(situation, indicator, ordered, svg))
    return KaryaNyata(stages, charts)


def evidence_files(kb: KnowledgeBase, forums: list[Record[Forum]] | None = None) -> list[str]:
    """Every evidence file the forums (all when None) name, relative to data/evidence/, each once, sorted."""
    chosen = kb.of_kind(Forum) if forums is None else forums
    return sorted({e.photo or e.document or "" for f in chosen for p in f.data.programs
                   for s in p.stages for r in s.results for e in r.evidence if e.photo or e.document})
