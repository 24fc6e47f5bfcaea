"""Pure CPU work split in two: the second half in a forked copy of this process, side by side with the first.

A warm `polmas build` at ×20 spends about 1.5 s rendering item pages on one core while the other waits. A fork
shares the knowledge base and the compiled templates as they are, so the second half needs no pickling of its
inputs, only of its result (text). The child writes its result to a pipe and leaves with os._exit: it runs no
exit handler and never touches the parent's streams, locks or worker pools. Anything that goes wrong in it
(an exception, a crash, a result that cannot be read) costs only time: the parent renders that half itself, so
errors are raised as a single process raises them.

Only where fork is the platform's own (Linux), and only for callers that hold no other thread of their own in
the middle of that work: `polmas build`, not the preview, whose watcher renders pages in a thread of its own.
"""

from __future__ import annotations

import os
import pickle
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork")


def in_halves(work: Callable[[Sequence[T]], R], items: Sequence[T]) -> tuple[R, R]:
    """`work(first half)` here and `work(second half)` in a forked child, at the same time; both results."""
    half = (len(items) + 1) // 2
    first, second = items[:half], items[half:]
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():  # Python 3.12+ warns of fork in a process with threads (rich's refresher)
        warnings.simplefilter("ignore", DeprecationWarning)
        child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected; its result is checked below
        os.close(read_end)
        status = 1
        try:
            data = pickle.dumps(work(second), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        mine = work(first)
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        try:
            return mine, pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, ValueError):
            pass
    return mine, work(second)
