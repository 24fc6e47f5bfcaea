"""data/private/contacts.yaml, read once per run: checked on every run, rendered only into an internal edition."""

from __future__ import annotations

from pathlib import Path

from generator.load.source import SourceFile, read_yaml_file
from generator.problems import Problem

PRIVATE_CONTACTS = "data/private/contacts.yaml"
"""Relative to the project; data/private/ is git-ignored and skipped by the loader."""


def read_private_contacts(project: Path) -> SourceFile | list[Problem] | None:
    """The private file as loaded YAML, its problems when it cannot be read, or None when there is none."""
    path = project / PRIVATE_CONTACTS
    if not path.is_file():
        return None
    return read_yaml_file(path, PRIVATE_CONTACTS)
