"""Pausing Python's cyclic garbage collector while many long-lived objects are created.

A full collection walks every object the collector tracks with the interpreter lock held.
While the desktop application starts (some 60,000 objects: modules, classes, Qt types)
and while a Hunspell dictionary is read (a million), the collector would run again and
again over objects that are never garbage: 15-40 ms of a start-up, 0.7 s per pass during a
dictionary load. Those phases pause it; once they end, what they built can be moved to the
collector's permanent generation (`gc.freeze`), so later collections skip it.

Pauses nest and may overlap across threads: collection resumes when the last one ends.
"""

from __future__ import annotations

import gc
import threading

_LOCK = threading.Lock()
_state = {"pauses": 0, "was_enabled": True, "collect": False, "freeze": False}


def pause() -> None:
    """Stop automatic collection until the matching `resume` (pauses nest)."""
    with _LOCK:
        if _state["pauses"] == 0:
            _state.update(was_enabled=gc.isenabled(), collect=False, freeze=False)
        _state["pauses"] += 1
        gc.disable()


def resume(*, freeze: bool = False, collect_first: bool = False) -> None:
    """End one pause; when it is the last, optionally collect, then freeze, then re-enable.

    `collect_first` frees the garbage of the paused phase before freezing, so it is not
    kept for ever; a caller with a million live objects skips it (that pass is the cost
    the pause avoided). Without a pause in progress this does nothing.
    """
    with _LOCK:
        if _state["pauses"] == 0:
            return
        _state["pauses"] -= 1
        _state["collect"] = bool(_state["collect"]) or collect_first
        _state["freeze"] = bool(_state["freeze"]) or freeze
        if _state["pauses"]:
            return
        if _state["collect"]:
            gc.collect()
        if _state["freeze"]:
            gc.freeze()
        if _state["was_enabled"]:
            gc.enable()


def paused() -> bool:
    """True while a pause is in progress."""
    with _LOCK:
        return bool(_state["pauses"])
