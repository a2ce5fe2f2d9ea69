"""Slow work on its own thread: result, progress and exceptions arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from draftdesk.gui.background import Background


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    """`done` gets the return value, `progress` each report, both on the GUI thread."""
    owner = QObject()
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()

    def work(job: Background) -> str:
        assert threading.current_thread() is not gui
        job.report(1)
        job.report(2)
        return "answer"

    Background.run(
        owner,
        "test-work",
        work,
        lambda result: seen.append(("done", result, threading.current_thread() is gui)),
        lambda value: seen.append(("progress", value, threading.current_thread() is gui)),
    )
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _v, _g in seen))
    assert seen == [("progress", 1, True), ("progress", 2, True), ("done", "answer", True)]


def test_an_exception_is_handed_back_as_the_result(qtbot: QtBot) -> None:
    """A failing job does not die silently in its thread: `done` receives the exception."""
    owner = QObject()
    results: list[object] = []

    def work(_job: Background) -> object:
        raise OSError("no such thing")

    Background.run(owner, "test-fail", work, results.append)
    qtbot.waitUntil(lambda: bool(results))
    [error] = results
    assert isinstance(error, OSError) and str(error) == "no such thing"


def test_nothing_is_delivered_once_the_owner_is_gone(qtbot: QtBot) -> None:
    """The owner (a closed window) is deleted while the work runs: no delivery, no error."""
    owner = QObject()
    results: list[object] = []
    release = threading.Event()
    finished = threading.Event()

    def work(_job: Background) -> str:
        release.wait(5)
        return "late"

    job = Background.run(owner, "test-orphan", work, results.append)
    job.destroyed.connect(lambda: finished.set())
    owner.deleteLater()
    qtbot.waitUntil(finished.is_set)  # the job went with its owner
    release.set()
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        QApplication.processEvents()
    assert results == []
