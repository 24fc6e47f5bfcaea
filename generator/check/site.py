"""The site's own settings: a placeholder address must not reach the QR codes, the sitemap or a colophon."""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.i18n import _
from generator.load.site import MKDOCS_YML, SiteConfig
from generator.problems import Problem, Severity

RESERVED_DOMAINS = ("example", "example.com", "example.net", "example.org", "test", "invalid", "localhost")
"""Names that can never be a published site (RFC 2606, RFC 6761): the sample's site_url is one of them."""


def site_url_problem(config: SiteConfig, *, severity: Severity) -> Problem | None:
    """A problem at mkdocs.yml's site_url while it is missing or still a placeholder address; else None."""
    host = (urlsplit(config.site_url).hostname or "").lower()
    if host and not any(host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS):
        return None
    column = len("site_url: ") + 1 if config.site_url_line > 1 else 1
    fix = _("write the address where the site is published (e.g. site_url: https://polmas.<your-domain>/) "
            "in {file}").format(file=MKDOCS_YML)
    if host:
        message = _("'{url}' is a placeholder, and it is printed in every QR code, the sitemap and the handbooks' "
                    "colophon; {fix}").format(url=config.site_url.rstrip("/") + "/", fix=fix)
    else:
        message = _("is not set, and it is printed in every QR code, the sitemap and the handbooks' colophon; "
                    "{fix}").format(fix=fix)
    return Problem(MKDOCS_YML, config.site_url_line, column, "site_url", message, severity)
