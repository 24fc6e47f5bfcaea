"""`polmas check --links`: list every external web address in the content and try each once, offline-safe."""

from __future__ import annotations

import contextvars
import re
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pydantic import BaseModel, HttpUrl

from generator.i18n import _
from generator.knowledge import KnowledgeBase
from generator.load.source import KeyPath, _dotted

MARKDOWN_URL = re.compile(r"https?://[^\s)\]>\"']+")
TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class ExternalLink:
    url: str
    where: str
    """path:line:column: field"""


@dataclass(frozen=True)
class LinkStatus:
    link: ExternalLink
    outcome: str
    """'ok 200', 'broken 404' ('rusak 404'), or 'not checked: …' when the network cannot be reached."""
    broken: bool = False
    unreachable: bool = False

    def format(self) -> str:
        return f"{self.link.where}: {self.link.url} — {self.outcome}"


def external_links(kb: KnowledgeBase) -> list[ExternalLink]:
    """Every http(s) address in fields and in Markdown text, with where it stands."""
    found: list[ExternalLink] = []
    for record in kb.records.values():
        for path, url in _urls(record.data, ()):
            line, column = record.source.position(path)
            found.append(ExternalLink(url, f"{record.source.src_path}:{line}:{column}: {_dotted(path)}"))
    return sorted(found, key=lambda link: (link.where, link.url))


def _urls(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _urls(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _urls(item, (*path, index))
    elif isinstance(value, HttpUrl):
        yield path, str(value)
    elif isinstance(value, str):
        for match in MARKDOWN_URL.finditer(value):
            yield path, match.group(0).rstrip(".,;")


def check_links(links: list[ExternalLink]) -> list[LinkStatus]:
    """Try each address once (HEAD, then GET); being offline is reported, never an error."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        # Each probe runs in a copy of this context, so its words are in the run's language.
        futures = [pool.submit(contextvars.copy_context().run, _probe, link) for link in links]
        return [future.result() for future in futures]


def _probe(link: ExternalLink) -> LinkStatus:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(link.url, method=method, headers={"User-Agent": "pustaka-polmas/linkcheck"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                return LinkStatus(link, _("ok {status}").format(status=response.status))
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD; try GET once
            return LinkStatus(link, _("broken {status}").format(status=exc.code), broken=True)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return LinkStatus(link, _("not checked: no connection ({reason})").format(reason=why_unreachable(exc)),
                              unreachable=True)
    return LinkStatus(link, _("not checked"), unreachable=True)


def why_unreachable(exc: BaseException) -> str:
    """The reason in our own words: the system's text carries error numbers and wording that differ by machine."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, ConnectionRefusedError):
        return _("connection refused")
    if isinstance(reason, socket.gaierror):
        return _("the name could not be looked up")
    if isinstance(reason, TimeoutError):
        return _("no answer within {seconds} s").format(seconds=f"{TIMEOUT_SECONDS:g}")
    if isinstance(reason, ssl.SSLError):
        return _("the secure connection failed")
    if isinstance(reason, ConnectionError):
        return _("the connection was broken off")
    if isinstance(reason, OSError):
        return _("the network cannot be reached")
    return str(reason)
