"""The first whole-document check runs in the background with the dictionaries' loading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from draftdesk.commands import SetText
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.proofing_panel import ProofingPanel
from draftdesk.gui.proofing_worker import ProofingService
from draftdesk.model import fileformat
from draftdesk.model.document import Document
from draftdesk.model.inline import Text
from draftdesk.proofing.findings import Finding, Report
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory

LOAD_TIMEOUT_MS = 60_000


def _with_typo(folder: Path) -> tuple[Path, str]:
    """The UN example with "thhe" typed into its first operative paragraph (English)."""
    document = fileformat.load(UN_EXAMPLE)
    paragraph = document.operative[0]
    paragraph.text["en"] = [Text("thhe report of the Secretary-General")]
    paragraph.clause = None
    paragraph.slots = {}
    path = folder / "typo.draftdesk"
    fileformat.save(document, path)
    return path, paragraph.id


def _count_gui_thread_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts whole-document checks made by the service on the GUI thread."""
    calls: list[int] = []
    original = ProofingService.check_document

    def counted(self: ProofingService, document: Document) -> Report:
        calls.append(1)
        return original(self, document)

    monkeypatch.setattr(ProofingService, "check_document", counted)
    return calls


def _keys(findings: list[Finding]) -> list[tuple[str, str | None, str, int]]:
    return sorted((f.rule, f.paragraph_id, f.lang, f.start) for f in findings)


def _spelling_words(window: MainWindow, paragraph_id: str) -> list[str]:
    return [
        finding.excerpt
        for finding in window.proofing.findings
        if finding.rule == "spelling" and finding.paragraph_id == paragraph_id
    ]


def test_first_check_comes_from_the_background(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Untouched document: the findings are the background check's, none made on the GUI
    thread, and they are what a check on the GUI thread finds."""
    calls = _count_gui_thread_checks(monkeypatch)
    path, paragraph_id = _with_typo(tmp_path)
    window = make_window(path)
    with qtbot.waitSignal(window.proofing.service.ready, timeout=LOAD_TIMEOUT_MS):
        pass
    assert calls == []
    assert _spelling_words(window, paragraph_id) == ["thhe"]
    fresh = window.proofing.service.check_document(window.controller.document)
    assert _keys(window.proofing.findings) == _keys(fresh.findings)


def test_an_edit_while_loading_is_checked_on_the_gui_thread(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing while the dictionaries load: the background result is stale and not shown."""
    calls = _count_gui_thread_checks(monkeypatch)
    path, paragraph_id = _with_typo(tmp_path)
    start_service = ProofingPanel._start_service

    def start_then_type(panel: ProofingPanel) -> None:
        start_service(panel)
        fixed = SetText(paragraph_id, "en", [Text("the report of the Secretary-General")])
        panel.main.controller.execute(fixed)

    monkeypatch.setattr(ProofingPanel, "_start_service", start_then_type)
    window = make_window(path)
    with qtbot.waitSignal(window.proofing.service.ready, timeout=LOAD_TIMEOUT_MS):
        pass
    assert calls == [1]
    assert _spelling_words(window, paragraph_id) == []


def test_the_application_hands_the_interpreter_to_the_gui_thread_often() -> None:
    """While the dictionaries load on a pool thread, the GUI thread waits at most 1 ms for
    its turn (Python's default is 5 ms at each return from Qt: freezes of 0.4 s)."""
    from draftdesk.gui.app import GUI_SWITCH_INTERVAL_S, application

    application()
    assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S)
    assert GUI_SWITCH_INTERVAL_S <= 0.001
