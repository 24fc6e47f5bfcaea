"""What a long job reports as it goes, kept apart from how it is shown (rich, in generator/progress.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    """A named stage with a known number of steps (None: unknown), and a call for each step done."""

    def stage(self, description: str, total: int | None) -> Callable[[], None]: ...


class _Silent:
    def stage(self, description: str, total: int | None) -> Callable[[], None]:
        return lambda: None


silent: Progress = _Silent()
"""Reports nothing: the default for tests and library use."""
