"""Published manifests' text → Manifest per forum and edition; a broken or misplaced file is a problem."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pydantic import ValidationError

from generator.i18n import _
from generator.load.editions import PublishedFile
from generator.model.manifest import Manifest
from generator.problems import Problem

_MANIFEST_NAME = re.compile(r"^([1-9][0-9]{0,5})\.json$")


@dataclass(frozen=True)
class PublishedEditions:
    """A forum's published manifests by edition number, and the problems of its files that are not one."""

    manifests: dict[int, Manifest] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def check_published(files: list[PublishedFile]) -> dict[str, PublishedEditions]:
    """Every forum's published editions; the problems are reported only for forums with a handbook."""
    by_forum: dict[str, PublishedEditions] = {}
    for file in files:
        editions = by_forum.setdefault(file.forum_id, PublishedEditions())
        found = _manifest(file)
        if isinstance(found, Problem):
            editions.problems.append(found)
        else:
            editions.manifests[found.edition] = found
    return {forum: PublishedEditions(dict(sorted(e.manifests.items())), e.problems)
            for forum, e in by_forum.items()}


def _manifest(file: PublishedFile) -> Manifest | Problem:
    rel = file.src_path
    match = _MANIFEST_NAME.match(PurePosixPath(rel).name)
    if match is None:
        return Problem(rel, 1, 1, "", _("a published manifest is named after its edition, e.g. '2.json'"))
    restore = _("restore it from git: git checkout -- {file}").format(file=rel)
    if file.text is None:
        return Problem(rel, 1, 1, "", _("not an edition manifest ({reason}); {restore}").format(
            reason=file.error, restore=restore))
    try:
        manifest = Manifest.model_validate(json.loads(file.text))
    except json.JSONDecodeError as exc:
        return Problem(rel, exc.lineno, exc.colno, "", _("not valid JSON ({reason}); {restore}").format(
            reason=exc.msg, restore=restore))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return Problem(rel, 1, 1, "", _("not an edition manifest ({reason}); {restore}").format(
            reason=f"{where}: {first['msg']}", restore=restore))
    if manifest.forum != file.forum_id or manifest.edition != int(match[1]):
        return Problem(rel, 1, 1, "", _("holds edition {edition} of '{forum}', which does not match its place; "
                                        "{restore}").format(edition=manifest.edition, forum=manifest.forum,
                                                            restore=restore))
    return manifest
