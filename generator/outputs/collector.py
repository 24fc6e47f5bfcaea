"""The cyclic garbage collector, asked to look less often during a build."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_THRESHOLDS = (10_000, 20, 100)
"""A build keeps its knowledge base (hundreds of thousands of objects) to the end: with Python's defaults
(700, 10, 10) the collector walks it again and again and finds nothing. At ×20 these thresholds take 0.6 s off
a warm build's generation (5.4 → 4.8 s); the garbage a build makes is mostly freed by reference counting."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """BUILD_THRESHOLDS while the block runs, the previous thresholds after it."""
    saved = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)
