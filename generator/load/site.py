"""The site's settings from mkdocs.yml (where it is published, how it spells page paths, whether its content is a
sample), read once with MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from generator.i18n import _
from generator.problems import Problem

MKDOCS_YML = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """The settings the handbooks' QR codes need; `site_url` is '' when none is set."""

    site_url: str
    use_directory_urls: bool
    site_url_line: int = 1
    """Where mkdocs.yml sets site_url (1 when it does not), for messages."""
    sample: bool = False
    """`extra: polmas: sample: true`: the content is illustrative (the shipped sample), and every page and
    handbook cover says so. A project turns it off once its own content is in."""
    editor: Mapping[str, Any] = field(default_factory=dict)
    """`extra: polmas: editor:`, the browser editor's backend (Decap CMS: name, repo, branch); set there only."""


def read_site_config(project: Path) -> SiteConfig | Problem:
    """mkdocs.yml as MkDocs itself reads it (its !ENV tags, defaults and URL rules), or why it cannot be read."""
    try:
        # The docs folder is generated later, so MkDocs would reject the configured one as missing; any existing
        # folder outside site_dir satisfies its check, and we read neither.
        config = load_config(str(project / MKDOCS_YML), docs_dir=str(project / "templates"),
                             site_dir=str(project / "site"))
    except (ConfigurationError, OSError) as exc:
        return Problem(MKDOCS_YML, 1, 1, "", _("the site engine cannot read it: {reason}").format(reason=exc))
    lines = (project / MKDOCS_YML).read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.startswith("site_url:")), 1)
    sample = _sample_setting(config.extra, lines)
    if isinstance(sample, Problem):
        return sample
    polmas = config.extra.get("polmas") if isinstance(config.extra, Mapping) else None
    editor = polmas.get("editor") if isinstance(polmas, Mapping) else None
    return SiteConfig(str(config.site_url or ""), bool(config.use_directory_urls), line, sample,
                      dict(editor) if isinstance(editor, Mapping) else {})


SAMPLE_SETTING = "extra.polmas.sample"


def _sample_setting(extra: object, lines: list[str]) -> bool | Problem:
    """`extra: polmas: sample:` as true or false (absent: false), or where it holds something else."""
    polmas = extra.get("polmas") if isinstance(extra, Mapping) else None
    value = polmas.get("sample", False) if isinstance(polmas, Mapping) else False
    if isinstance(value, bool):
        return value
    line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith("sample:")), 0)
    column = lines[line - 1].index("sample:") + len("sample: ") + 1 if line else 1
    return Problem(MKDOCS_YML, line or 1, column, SAMPLE_SETTING,
                   _("expected true or false, found {value!r}; write 'sample: true' while the content is the "
                     "illustrative sample, 'sample: false' once it is your own").format(value=value))
