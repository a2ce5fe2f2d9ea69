"""Pausing the cyclic garbage collector: pauses nest, the last resume collects and freezes."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import ClassVar

import pytest

from draftdesk import collector


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Every test leaves the collector enabled and no pause in progress."""
    yield
    while collector.paused():
        collector.resume()
    gc.enable()


class _Cycle:
    """An object that refers to itself: only the cyclic collector can free it."""

    alive: ClassVar[list[_Cycle]] = []

    def __init__(self) -> None:
        self.me = self

    @classmethod
    def keep(cls) -> _Cycle:
        """One that stays reachable (for the test's duration)."""
        cycle = cls()
        cls.alive.append(cycle)
        return cycle


def test_pauses_nest_and_the_last_resume_reenables() -> None:
    """Collection stays off until every pause ended."""
    collector.pause()
    collector.pause()
    assert not gc.isenabled() and collector.paused()
    collector.resume()
    assert not gc.isenabled() and collector.paused()
    collector.resume()
    assert gc.isenabled() and not collector.paused()


def test_resume_without_a_pause_does_nothing() -> None:
    """A resume with no pause in progress (a test built the window) changes nothing."""
    gc.disable()
    frozen = gc.get_freeze_count()
    collector.resume(freeze=True, collect_first=True)
    assert not gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_collect_first_frees_garbage_of_the_pause_before_freezing() -> None:
    """Garbage made while paused is collected, not frozen for ever; what lives is frozen."""
    frozen = gc.get_freeze_count()
    collector.pause()
    garbage = weakref.ref(_Cycle())  # unreachable at once, but a cycle keeps it alive
    kept = weakref.ref(_Cycle.keep())
    assert garbage() is not None
    collector.resume(freeze=True, collect_first=True)
    assert gc.isenabled()
    assert garbage() is None
    assert kept() is not None and gc.get_freeze_count() > frozen


def test_a_pause_that_was_disabled_before_stays_disabled() -> None:
    """The collector was off before the first pause: the last resume leaves it off."""
    gc.disable()
    collector.pause()
    collector.resume()
    assert not gc.isenabled()
