"""Slow work on a thread of its own; its result, progress or exception arrive on the GUI thread.

For work that may take seconds to minutes (a LanguageTool request that starts a server,
a 250 MB download, looking for Java): on Qt's global pool it would hold one of its few
threads, which the short proofing jobs share (see proofing_worker). Results travel as
queued signals of a small QObject owned by the widget that asked: once that widget is gone,
nothing is delivered, and the thread's attempt to deliver is ignored.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class Background(QObject):
    """One piece of work: `finished` carries its result or the exception it raised."""

    finished = Signal(object)
    progressed = Signal(object)

    def __init__(self, owner: QObject, name: str) -> None:
        super().__init__(owner)
        self.name = name

    @classmethod
    def run(
        cls,
        owner: QObject,
        name: str,
        work: Callable[[Background], object],
        done: Callable[[object], None],
        progress: Callable[[object], None] | None = None,
    ) -> Background:
        """Start `work(job)` on a thread named `name`; `done(result)` runs on the GUI thread.

        `work` may call `job.report(value)` from its thread; `progress(value)` then runs on
        the GUI thread. An exception `work` raises is passed to `done` as its result.
        """
        job = cls(owner, name)
        job.finished.connect(done)
        if progress is not None:
            job.progressed.connect(progress)
        job.finished.connect(job.deleteLater)  # after `done`: connected last, called last
        threading.Thread(target=job._work, args=(work,), name=name, daemon=True).start()
        return job

    def report(self, value: object) -> None:
        """Send `value` to the GUI thread's `progress` (from the work's thread)."""
        with contextlib.suppress(RuntimeError):  # the owner was closed meanwhile
            self.progressed.emit(value)

    def _work(self, work: Callable[[Background], object]) -> None:
        try:
            result = work(self)
        except Exception as exc:  # handed to the GUI thread, never lost in this one
            result = exc
        with contextlib.suppress(RuntimeError):  # the owner was closed meanwhile
            self.finished.emit(result)
