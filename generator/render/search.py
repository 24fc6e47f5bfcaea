"""Indonesian site search: lunr.id (stemmer, stop words) with the glossary's synonym groups, for the search worker."""

from __future__ import annotations

import json
from pathlib import Path

from generator.knowledge import Record
from generator.model.glossary import Glossary
from generator.render.views import CLASS_LABELS, MODEL_LABELS, PHASE_LABELS, TYPE_LABELS

LUNR_ID = "assets/javascripts/lunr/min/lunr.id.min.js"
"""Where mkdocs-material's search worker loads language 'id' from (search.config.lang, set in templates/theme/)."""


def render_search_assets(glossary: Glossary, *, templates: Path) -> dict[str, str]:
    """lunr.id for the docs tree: the plugin's source, then the glossary's groups of equivalent forms."""
    source = (templates / "search" / "lunr.id.js").read_text(encoding="utf-8")
    groups = [entry.forms for entry in glossary.terms]
    # ASCII-only JSON is a valid JavaScript literal whatever the text holds (quotes, </script>, U+2028).
    data = json.dumps(groups, ensure_ascii=True)
    return {LUNR_ID: f"{source}\nself.lunr.id.glossary.load({data})\n"}


def result_tags(record: Record) -> list[str]:
    """What a search result shows under the title: the item's kind, then its phase, type or model."""
    data = record.data
    kind = record.kind.name
    if kind == "situation":
        return [TYPE_LABELS[data.type], *([CLASS_LABELS[data.class_]] if data.class_ else [])]
    if kind == "guideline":
        return ["Pedoman", PHASE_LABELS[data.phase]]
    if kind == "legal":
        return ["Payung hukum", str(data.type)]
    if kind == "forum":
        return ["Forum", MODEL_LABELS[data.model]]
    return [{"education": "Bahan edukasi", "reference": "Referensi"}.get(kind, record.kind.label)]
