"""Legal frameworks checked against their official text: a check older than a year is a warning."""

from __future__ import annotations

from datetime import date

from generator.i18n import _
from generator.model import Legal
from generator.model.record import Record, Records, of_kind
from generator.problems import Problem, Severity

VERIFIED_MAX_DAYS = 365
"""How long a check against the official text holds: laws change, and so do the links to them."""


def check_verification(records: Records, *, today: date) -> list[Problem]:
    """A warning for every legal framework whose `verified_on` is more than a year before `today`."""
    return [problem for legal in of_kind(records, Legal) if (problem := _stale(legal, today)) is not None]


def _stale(legal: Record[Legal], today: date) -> Problem | None:
    verified = legal.data.verified_on
    if verified is None or (today - verified).days <= VERIFIED_MAX_DAYS:
        return None
    line, column = legal.source.position(("verified_on",))
    return Problem(
        legal.source.src_path, line, column, "verified_on",
        _("last checked against the official text on {verified}, more than a year before today ({today}); "
          "compare the summary, articles and official_url with the official text again, then set verified_on "
          "to the day you did").format(verified=verified.isoformat(), today=today.isoformat()),
        Severity.WARNING,
    )
