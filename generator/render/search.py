"""Indonesian site search: lunr.id (stemmer, stop words) with the glossary's synonym groups, for the search worker."""

from __future__ import annotations

import json
from pathlib import Path

from generator.knowledge import Record
from generator.model.glossary import Glossary

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
    """The page's search tags: two labels shown under a result's title (its kind, then its phase, class,
    status or length), then its own topic tags, weighted above body text but hidden in results."""
    return _labels(record) + [t for t in (tag.replace("-", " ") for tag in getattr(record.data, "tags", []))
                              if t not in _labels(record)]


def _labels(record: Record) -> list[str]:
    """Each kind with pages says its own labels (`search_labels` on its model)."""
    labels: list[str] = record.data.search_labels()
    return labels
