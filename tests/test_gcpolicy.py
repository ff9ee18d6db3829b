"""The collection policy around an analysis: paused inside, restored after, and cycles are still collected."""

from __future__ import annotations

import gc
import weakref

import pytest

from flake8_azure_frt import gcpolicy


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_paused_inside_enabled_after_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gcpolicy.paused():
        assert not gc.isenabled()
        with gcpolicy.paused():  # nested: the outer one owns the state
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise RuntimeError("budget")
    assert gc.isenabled()


def test_cyclic_garbage_of_the_analysis_is_collected() -> None:
    with gcpolicy.paused():
        ref = weakref.ref(_Node())
        assert ref() is not None  # a cycle: reference counting alone keeps it
    assert ref() is None


def test_a_cycle_that_outlives_a_freeze_is_collected_by_a_later_full_collection() -> None:
    kept = [_Node()]
    with gcpolicy.paused():
        pass
    ref = weakref.ref(kept[0])
    kept.clear()  # now garbage, but frozen
    for _ in range(2 * gcpolicy._state["next_full"]):
        with gcpolicy.paused():
            pass
    assert ref() is None


def test_host_that_disabled_collection_keeps_it_disabled() -> None:
    gc.disable()
    try:
        with gcpolicy.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
