"""The site's settings from mkdocs.yml (where it is published, how it spells page paths), read once with MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from generator.problems import Problem

MKDOCS_YML = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """The settings the handbooks' QR codes need; `site_url` is '' when none is set."""

    site_url: str
    use_directory_urls: bool
    site_url_line: int = 1
    """Where mkdocs.yml sets site_url (1 when it does not), for messages."""


def read_site_config(project: Path) -> SiteConfig | Problem:
    """mkdocs.yml as MkDocs itself reads it (its !ENV tags, defaults and URL rules), or why it cannot be read."""
    try:
        # The docs folder is generated later, so MkDocs would reject the configured one as missing; any existing
        # folder outside site_dir satisfies its check, and we read neither.
        config = load_config(str(project / MKDOCS_YML), docs_dir=str(project / "templates"),
                             site_dir=str(project / "site"))
    except (ConfigurationError, OSError) as exc:
        return Problem(MKDOCS_YML, 1, 1, "", f"the site engine cannot read it: {exc}")
    lines = (project / MKDOCS_YML).read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.startswith("site_url:")), 1)
    return SiteConfig(str(config.site_url or ""), bool(config.use_directory_urls), line)
