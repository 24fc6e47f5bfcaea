"""The cache key of a handbook or a training sheet, from what it is made of: never from its HTML or QR codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.domain.editions import HandbookEdition
from generator.knowledge import KnowledgeBase, Record
from generator.model.forum import EVIDENCE_FOLDER
from generator.model.manifest import Manifest
from generator.outputs.pdf import PDF_VARIANT
from generator.outputs.stamps import InputDigest
from generator.render.handbook import TEMPLATES
from generator.render.qr import SiteAddress
from generator.render.results import evidence_files
from generator.render.text import SHARED_TEMPLATES


@dataclass(frozen=True)
class PrintInputs:
    """What every PDF of a build shares: templates, stylesheets, fonts, the site's address, the sample flag."""

    digest: str

    @classmethod
    def of(cls, project: Path, *, site: SiteAddress, sample: bool) -> PrintInputs:
        # The handbook folder holds the templates (.j2), print.css, the fonts and the images a PDF may use.
        digest = (InputDigest("print").text("variant", PDF_VARIANT)
                  .tree("templates", project / TEMPLATES)
                  .tree("shared", project / "templates" / SHARED_TEMPLATES)
                  .json("site", [site.base, site.directory_urls]).json("sample", sample))
        return cls(digest.hexdigest())


def outgoing(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Record id → the ids it refers to (its resolved references, as the loader and the views keep them)."""
    return {record: {target for target, _field in named} for record, named in kb.named.items() if named}


def handbook_key(kb: KnowledgeBase, edition: HandbookEdition, *, project: Path, common: PrintInputs,
                 refers_to: dict[str, set[str]], map_svg: str | None) -> str:
    """The forum and every record the edition holds, and one step around them: the records they cite and those
    citing the forum (networks, meetings, results), the areas above the forum's, the glossary, the editions
    published before (the list of changes), the evidence photos and the map."""
    forum = edition.contents.forum
    held = [forum, *edition.contents.items, *edition.contents.meetings, *edition.contents.calendar]
    around = {i for record in held for i in refers_to.get(record.id, ())}
    around |= {link.source.id for link in kb.backlinks.get(forum.id, [])}
    for area in [i for i in around if i in kb.records and kb.records[i].kind.name == "area"]:
        around.update(kb.areas_above(area))
    records = {r.id: r for r in held} | {i: kb.records[i] for i in sorted(around) if i in kb.records}
    digest = (InputDigest("handbook").text("common", common.digest).text("path", edition.pdf_path)
              .text("manifest", edition.manifest.to_json())
              .json("records", _record_data(records.values()))
              .json("glossary", [t.model_dump(mode="json") for t in kb.glossary.terms])
              .json("published", [m.to_json() for _, m in _published(kb, forum.id)])
              .text("map", map_svg or ""))
    for name in evidence_files(kb, [forum]):
        digest.file(f"evidence/{name}", project / EVIDENCE_FOLDER / name)
    return digest.hexdigest()


def sheet_key(*, common: PrintInputs, path: str, records: Iterable[Record], extra: object,
              mentions: Iterable[Record] = ()) -> str:
    """A training sheet's key: its path, the records it prints (its module; a pack's modules and forum), those it
    names by title only (the guidelines a module supports: a word changed in one of them leaves its sheets
    alone) and the small values it shows (the printed date)."""
    return (InputDigest("sheet").text("common", common.digest).text("path", path)
            .json("records", _record_data(records))
            .json("mentions", [[r.kind.name, r.id, r.title] for r in mentions]).json("extra", extra).hexdigest())


def _published(kb: KnowledgeBase, forum_id: str) -> list[tuple[int, Manifest]]:
    found = kb.published.get(forum_id)
    return sorted(found.manifests.items()) if found else []


def _record_data(records: Iterable[Record]) -> list[object]:
    return [[r.kind.name, r.id, r.data.model_dump(mode="json", by_alias=True)] for r in records]
