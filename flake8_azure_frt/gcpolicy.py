"""Garbage collection around one file's analysis.

An analysis allocates hundreds of thousands of libcst nodes, and a worker keeps the parsed local modules it
will need again (``project.Workspace`` caches them). Under CPython's default policy a full collection walks
that whole cache each time the long-lived heap has grown by a quarter: on the dense benchmark corpus about half
of the plugin's CPU time went to the cyclic collector.

So, while a file is analysed, no automatic collection runs (its nodes are freed by reference counting when it
ends; only its cyclic garbage waits). Afterwards one collection runs over what is not frozen yet, which is
little more than what this file added, and ``gc.freeze()`` moves the survivors (mostly the caches) out of the
way of every later collection. Frozen objects are still freed by reference counting; a cycle among them (an
evicted cache entry's evaluator, say) waits for the next full collection; those run after 8, 16, 32, ... analysed
files, so a worker does a handful in all, and a cycle waits at most as many files as the worker has done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Analysed files so far, and when the next full collection is due. (gc.get_freeze_count would say how much is
# frozen, but it counts by walking the whole frozen list: that cost more than the collections it saves.)
_state = {"files": 0, "next_full": 8}


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside; one young collection and a freeze after. Reentrant: inner uses do nothing."""
    if not gc.isenabled():  # nested, or the host manages collection itself
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        try:
            _state["files"] += 1
            full = _state["files"] >= _state["next_full"]
            if full:
                _state["next_full"] *= 2
                gc.unfreeze()  # this once, the collection looks at everything the worker keeps
            gc.collect()
            gc.freeze()
        finally:
            gc.enable()
