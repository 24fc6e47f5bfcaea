"""PrivateContacts validated against the forums, and the check that no public file names a person or a number."""

from __future__ import annotations

import re

from generator.check.validate import validate_model
from generator.i18n import _
from generator.load.private import PRIVATE_CONTACTS
from generator.load.source import SourceFile, _dotted, iter_strings
from generator.model import Forum
from generator.model.private import PrivateContacts
from generator.model.record import Records, of_kind
from generator.problems import Problem, suggest

MOBILE_NUMBER = re.compile(r"(?<![\d+])(?:\+62|62|0)\s?8\d{2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)")
"""Indonesian mobile numbers (08xx, +628xx): personal by nature, so never in public content."""
NUMBER_RUN = re.compile(r"\+?\d[\d\s.-]{6,}\d")


def validate_private_contacts(
    source: SourceFile | list[Problem] | None, records: Records,
) -> tuple[PrivateContacts | None, list[Problem]]:
    """The private file validated against the forums it names; (None, []) when there is no such file."""
    if source is None:
        return None, []
    if isinstance(source, list):
        return None, source
    if not isinstance(source.data, dict):
        return None, [Problem(PRIVATE_CONTACTS, 1, 1, "", _("expected 'contacts:' followed by a list of "
                                                            "forum, role, name and phone entries"))]
    contacts, problems = validate_model(source, PrivateContacts)
    if contacts is None:
        return None, problems
    problems = [p for n, c in enumerate(contacts.contacts)
                for p in (_check_entry(records, source, n, c.forum, c.role) if c.forum is not None
                          else _check_network(records, source, n, c.network or ""))]
    return (None if problems else contacts), problems


def _check_network(records: Records, source: SourceFile, index: int, network_id: str) -> list[Problem]:
    network = records.get(network_id)
    if network is not None and network.kind.name == "network":
        return []
    line, column = source.position(("contacts", index, "network"))
    networks = [r.id for r in of_kind(records, "network")]
    return [Problem(PRIVATE_CONTACTS, line, column, f"contacts[{index}].network",
                    _("unknown network '{id}'{suggestion}; no such id in data/networks/").format(
                        id=network_id, suggestion=suggest(network_id, networks)))]


def _check_entry(records: Records, source: SourceFile, index: int, forum_id: str, role: str) -> list[Problem]:
    forum = records.get(forum_id)
    if forum is None or forum.kind.name != "forum":
        line, column = source.position(("contacts", index, "forum"))
        forums = [r.id for r in of_kind(records, Forum)]
        return [Problem(PRIVATE_CONTACTS, line, column, f"contacts[{index}].forum",
                        _("unknown forum '{id}'{suggestion}; no such id in data/forums/").format(
                            id=forum_id, suggestion=suggest(forum_id, forums)))]
    roles = sorted({m.role for m in forum.data.members} | {c.role for c in forum.data.contacts})
    if role in roles:
        return []
    line, column = source.position(("contacts", index, "role"))
    return [Problem(PRIVATE_CONTACTS, line, column, f"contacts[{index}].role",
                    _("'{role}' is not a role of {file}{suggestion}; use one of its members' or contacts' roles: "
                      "{roles}").format(role=role, file=forum.source.src_path, suggestion=suggest(role, roles),
                                        roles=", ".join(roles)))]


def check_private_details(contacts: PrivateContacts | None, records: Records) -> list[Problem]:
    """Every public value that names a person from the private file or gives a phone number."""
    problems: list[Problem] = []
    names = sorted({c.name for c in contacts.contacts}) if contacts else []
    numbers = sorted({_digits(c.phone) for c in contacts.contacts if c.phone}) if contacts else []
    patterns = [(name, re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)) for name in names]
    for record in records.values():
        # One search over all of a record's values first, as most records give nothing away. No pattern matches
        # across a NUL, nor reads it as part of a word or a number: each value's matches are those it has alone.
        if not _leaks("\0".join(text for _, text in iter_strings(record.source.data)), patterns, numbers):
            continue
        for path, text in iter_strings(record.source.data):
            found = _leaks(text, patterns, numbers)
            if found:  # where it stands is worked out only for a value that leaks
                line, column = record.source.position(path)
                problems.extend(Problem(record.source.src_path, line, column, _dotted(path), message)
                                for message in found)
    return problems


def _leaks(text: str, names: list[tuple[str, re.Pattern[str]]], numbers: list[str]) -> list[str]:
    """What is wrong with one public value: each name and phone number it gives away."""
    found = [_("names '{name}', a person listed in {file}; public files name roles only (e.g. 'Ketua RW 03'), "
               "never persons").format(name=name, file=PRIVATE_CONTACTS)
             for name, pattern in names if pattern.search(text)]
    found += [_("'{number}' looks like a personal phone number; public files give roles and public channels only "
                "(keep numbers in {file})").format(number=match.group(), file=PRIVATE_CONTACTS)
              for match in MOBILE_NUMBER.finditer(text)]
    found += [_("'{number}' is a phone number from {file}; public files give roles and public channels only").format(
                number=match.group(), file=PRIVATE_CONTACTS)
              for match in (NUMBER_RUN.finditer(text) if numbers else ())
              if _digits(match.group()) in numbers and not MOBILE_NUMBER.search(match.group())]
    return found


def _digits(phone: str) -> str:
    """'+62 812-3456' and '0812 3456' compare equal."""
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("62") else digits
