"""Proofing in the window: underlines while typing, the findings panel, fixes, LanguageTool."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from draftdesk.gui.dialogs import PreferencesDialog
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.proofing_highlight import GRAMMAR_COLOUR, SPELLING_COLOUR, STYLE_COLOUR
from draftdesk.model.inline import plain_text
from draftdesk.settings import Settings, load_settings, save_settings
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory
from tests.proofing.test_proofing_languagetool import _Handler

LOAD_TIMEOUT_MS = 60_000  # the Hunspell dictionaries load once per test process


def _ready_window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    window = make_window(UN_EXAMPLE)
    qtbot.waitUntil(lambda: window.proofing.service.is_ready, timeout=LOAD_TIMEOUT_MS)
    return window


def _formats(window: MainWindow, lang: str) -> list[tuple[int, int, QTextCharFormat]]:
    """The highlighter's formats in the field: (start, length, format)."""
    block = window.editor.columns[lang].text.document().firstBlock()
    ranges = block.layout().formats()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]


def _children(window: MainWindow) -> list[QTreeWidgetItem]:
    tree = window.proofing.tree
    items = []
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        items += [top.child(row) for row in range(top.childCount())]
    return items


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again: nothing listens there


def test_typed_error_is_underlined_listed_fixed_and_undone(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """A misspelling is wavy red as typed; the double space is fixed by the panel, undoably."""
    window = _ready_window(qtbot, make_window)
    paragraph = window.controller.document.operative[1]
    window.select_paragraph(paragraph.id)
    window.editor.focus_text("en")
    field = window.editor.columns["en"].text
    before = plain_text(paragraph.text["en"])
    steps = len(window.controller.session.editor.undo_stack)
    QTest.keyClicks(field, " and thhe  reports")
    typed = before + " and thhe  reports"
    assert plain_text(paragraph.text["en"]) == typed
    misspelt = typed.index("thhe")
    qtbot.waitUntil(lambda: any(start == misspelt for start, _n, _f in _formats(window, "en")))
    formats = {start: (length, fmt) for start, length, fmt in _formats(window, "en")}
    length, fmt = formats[misspelt]
    assert length == 4
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert fmt.underlineColor() == QColor(SPELLING_COLOUR)
    double = typed.index("  ")
    assert formats[double][0] == 2
    assert formats[double][1].underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    # Underlining is display only: it made no edit of its own.
    assert len(window.controller.session.editor.undo_stack) == steps + 1

    window.menu.check_now.trigger()
    assert window.proofing.isVisible()
    rows = {item.text(0): item for item in _children(window)}
    assert "EN · “thhe” is not in the English dictionary." in rows
    spaces = rows["EN · Several spaces in a row (the export keeps one)."]
    heading = spaces.parent().text(0)
    assert heading.startswith("Operative paragraph 2 (")
    window.proofing.tree.setCurrentItem(spaces)
    assert window.proofing.fix_button.isEnabled()
    window.proofing.fix_button.click()
    fixed = before + " and thhe reports"
    assert plain_text(paragraph.text["en"]) == fixed
    assert field.toPlainText() == fixed
    assert window.menu.undo.text() == "&Undo Fix"
    qtbot.waitUntil(
        lambda: (
            "EN · Several spaces in a row (the export keeps one)."
            not in {item.text(0) for item in _children(window)}
        )
    )
    window.menu.undo.trigger()
    assert plain_text(paragraph.text["en"]) == typed
    assert field.toPlainText() == typed


def test_fix_all_of_this_kind_is_one_step(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Every double space of the document goes in one undoable step."""
    window = _ready_window(qtbot, make_window)
    operative = window.controller.document.operative
    first, second = operative[0], operative[2]
    for paragraph in (first, second):
        window.select_paragraph(paragraph.id)
        window.editor.focus_text("en")
        QTest.keyClicks(window.editor.columns["en"].text, " as  before")
    window.proofing.check_now()
    rows = [i for i in _children(window) if "Several spaces" in i.text(0)]
    assert len(rows) == 2
    window.proofing.tree.setCurrentItem(rows[0])
    window.proofing.fix_all_button.click()
    for paragraph in (first, second):
        assert plain_text(paragraph.text["en"]).endswith(" as before")
    assert window.menu.undo.text() == "&Undo Fix all"
    window.menu.undo.trigger()
    for paragraph in (first, second):
        assert plain_text(paragraph.text["en"]).endswith(" as  before")


def test_double_click_goes_to_the_flagged_words(qtbot: QtBot, make_window: WindowFactory) -> None:
    """A finding opens its paragraph with the flagged text selected in its language."""
    window = _ready_window(qtbot, make_window)
    paragraph = window.controller.document.operative[3]
    window.select_paragraph(paragraph.id)
    window.editor.focus_text("fr")
    QTest.keyClicks(window.editor.columns["fr"].text, " et le rapportt")
    window.select_paragraph(window.controller.document.operative[0].id)
    window.proofing.check_now()
    item = next(i for i in _children(window) if "rapportt" in i.text(0))
    assert item.text(0) == "FR · “rapportt” is not in the French dictionary."
    window.proofing.go_to(item)
    assert window.editor.paragraph_id == paragraph.id
    assert window.editor.columns["fr"].text.textCursor().selectedText() == "rapportt"
    qtbot.waitUntil(lambda: bool(_formats(window, "fr")))
    colours = [f.underlineColor() for _s, _n, f in _formats(window, "fr")]
    assert QColor(SPELLING_COLOUR) in colours
    assert QColor(STYLE_COLOUR) not in colours


def test_unreachable_languagetool_is_said_once_and_the_rest_goes_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """No server at the URL: one notice, however often one checks; spelling still listed."""
    window = _ready_window(qtbot, make_window)
    window.context.settings.languagetool_url = f"http://127.0.0.1:{_closed_port()}"
    paragraph = window.controller.document.operative[1]
    window.select_paragraph(paragraph.id)
    window.editor.focus_text("en")
    QTest.keyClicks(window.editor.columns["en"].text, " thhe")
    for _attempt in range(2):
        window.menu.check_now.trigger()
        qtbot.waitUntil(lambda: not window.proofing.service.grammar_running, timeout=30_000)
    qtbot.waitUntil(lambda: window.proofing.notice.isVisible())
    notice = window.proofing.notice.text()
    assert notice.startswith("LanguageTool is not available (")
    assert notice.count("LanguageTool is not available") == 1
    listed = {item.text(0) for item in _children(window)}
    assert "EN · “thhe” is not in the English dictionary." in listed


def test_languagetool_server_preference_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    """The Preferences dialog edits the URL; the settings file keeps it."""
    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.languagetool.setText("  http://lt.example.org:8081 ")
    dialog.apply_to(settings)
    assert settings.languagetool_url == "http://lt.example.org:8081"
    save_settings(settings, tmp_path)
    assert load_settings(tmp_path).languagetool_url == "http://lt.example.org:8081"


@pytest.fixture
def languagetool() -> Iterator[str]:
    """A local server speaking LanguageTool's /v2 API (flags "a errors")."""
    handler = type("Handler", (_Handler,), {"checks": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_grammar_from_the_server_is_listed_underlined_and_fixed(
    qtbot: QtBot, make_window: WindowFactory, languagetool: str
) -> None:
    """Check Now asks the server in the background; its finding is blue and fixable."""
    window = _ready_window(qtbot, make_window)
    window.context.settings.languagetool_url = languagetool
    paragraph = window.controller.document.operative[1]
    window.select_paragraph(paragraph.id)
    window.editor.focus_text("en")
    QTest.keyClicks(window.editor.columns["en"].text, " despite a errors")
    typed = plain_text(paragraph.text["en"])
    window.menu.check_now.trigger()
    qtbot.waitUntil(lambda: not window.proofing.service.grammar_running, timeout=30_000)
    item = next(i for i in _children(window) if "EN_A_VS_AN" in i.text(0))
    assert item.text(0) == "EN · LanguageTool: Rule EN_A_VS_AN matched."
    assert not window.proofing.notice.isVisible()
    start = typed.index("a errors")
    qtbot.waitUntil(
        lambda: any(
            s == start and n == 8 and f.underlineColor() == QColor(GRAMMAR_COLOUR)
            for s, n, f in _formats(window, "en")
        )
    )
    window.proofing.tree.setCurrentItem(item)
    window.proofing.fix_button.click()
    assert plain_text(paragraph.text["en"]) == typed.replace("a errors", "errors")
    qtbot.waitUntil(lambda: "EN_A_VS_AN" not in " ".join(i.text(0) for i in _children(window)))
