"""What a long job reports as it goes, kept apart from how it is shown (rich, in generator/progress.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class Progress(Protocol):
    """A named stage with a known number of steps (None: unknown), and a call for each step done."""

    def stage(self, description: str, total: int | None) -> Callable[[], None]: ...


class _Silent:
    def stage(self, description: str, total: int | None) -> Callable[[], None]:
        return lambda: None


silent: Progress = _Silent()
"""Reports nothing: the default for tests and library use."""


_STEP: ContextVar[Callable[[], None] | None] = ContextVar("polmas_step", default=None)


def step() -> None:
    """A safe point in a long job (between files, between pages), where whoever watches it may stop it by
    raising; nothing is half-made there. Costs nothing when nobody watches."""
    hook = _STEP.get()
    if hook is not None:
        hook()


@contextmanager
def watched(hook: Callable[[], None]) -> Iterator[None]:
    """`hook` is called at every `step()` of the block (in this thread's context): `polmas serve` stops a
    regeneration that a newer change has overtaken, instead of letting it contend with the page shown first."""
    token = _STEP.set(hook)
    try:
        yield
    finally:
        _STEP.reset(token)
