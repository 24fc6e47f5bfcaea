"""The coordinator's language: gettext catalogs (Babel) in Indonesian by default, English on request."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Literal, cast

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

Language = Literal["id", "en"]
LANGUAGES: tuple[Language, ...] = ("id", "en")
DEFAULT_LANGUAGE: Language = "id"
"""The coordinators' language; English is for developers and the odd outside reader."""
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"

# Why a context variable: one run (one CLI call, one pipeline.build) chooses the language once, and tests
# run both languages in one process; a module-level setting would leak from one test into the next.
_current: ContextVar[Language] = ContextVar("polmas_language", default=DEFAULT_LANGUAGE)


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """'en' when LANGUAGE (read first, as gettext does) or else LANG starts with 'en'; otherwise Indonesian."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def current_language() -> Language:
    """The language messages are written in right now."""
    return _current.get()


@contextmanager
def use_language(lang: Language | None) -> Iterator[Language]:
    """Write messages in `lang` inside the block (None: keep the current language)."""
    token = _current.set(lang or _current.get())
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """`message` (an English msgid) in the current language."""
    return _translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural msgid for `count`, in the current language."""
    return _translations(_current.get()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a msgid built before the language is known; translate it with `_()` where it is used."""
    return message


@cache
def _translations(lang: Language) -> NullTranslations:
    """The catalog for `lang`, compiled from its .po once per process (no .mo to fall out of date)."""
    if lang == "en":
        return NullTranslations()
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po_path.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return cast(NullTranslations, Translations(compiled, domain=DOMAIN))



# argparse's own texts (its usage line and usage errors), so that `polmas` speaks one language throughout.
# They are argparse's msgids (Python 3.11); the catalog gives their Indonesian.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("options"),
    N_("positional arguments"),
)


@contextmanager
def usage_messages() -> Iterator[None]:
    """argparse's texts through our catalog while the block runs (argparse reads its module's `_` per call)."""
    import argparse

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
