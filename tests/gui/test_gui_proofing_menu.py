"""Right-click on an underlined word, and ignoring findings from the findings panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from draftdesk.gui.inline_edit import InlineTextEdit
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.proofing_highlight import SPELLING_COLOUR
from draftdesk.model.document import Ignore
from draftdesk.model.inline import plain_text
from draftdesk.packs.locations import user_data_folder
from draftdesk.proofing.wordlist import USER_DICTIONARY_FILE
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory
from tests.gui.test_gui_proofing import _children

LOAD_TIMEOUT_MS = 60_000


def _ready_window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    window = make_window(UN_EXAMPLE)
    qtbot.waitUntil(lambda: window.proofing.service.is_ready, timeout=LOAD_TIMEOUT_MS)
    return window


def _red(window: MainWindow, lang: str = "en") -> list[tuple[int, int]]:
    block = window.editor.columns[lang].text.document().firstBlock()
    return [
        (r.start, r.length)
        for r in block.layout().formats()
        if QTextCharFormat(r.format).underlineColor() == QColor(SPELLING_COLOUR)
    ]


def _type(window: MainWindow, paragraph_id: str, text: str, lang: str = "en") -> InlineTextEdit:
    window.select_paragraph(paragraph_id)
    window.editor.focus_text(lang)
    field = window.editor.columns[lang].text
    QTest.keyClicks(field, text)
    return field


def _menu_at(field: InlineTextEdit, position: int) -> QMenu:
    """The menu a right-click on the character at `position` opens."""
    cursor = QTextCursor(field.document())
    cursor.setPosition(position)
    point = field.cursorRect(cursor).center()
    point.setX(point.x() + 2)  # inside the character, not on its left edge
    return field.context_menu_at(point)


def _entries(menu: QMenu) -> list[tuple[str, bool]]:
    return [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]


def _action(menu: QMenu, text: str) -> object:
    return next(a for a in menu.actions() if a.text() == text)


def test_suggestion_replaces_the_word_undoably(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _ready_window(qtbot, make_window)
    paragraph = window.controller.document.operative[1]
    field = _type(window, paragraph.id, " and thhe reports")
    typed = plain_text(paragraph.text["en"])
    start = typed.index("thhe")
    qtbot.waitUntil(lambda: (start, 4) in _red(window))
    menu = _menu_at(field, start + 1)
    entries = _entries(menu)
    assert entries[0] == ("“thhe” is not in the English dictionary.", False)
    assert ("the", True) in entries
    assert ("Add to Dictionary", True) in entries
    assert ("Ignore", True) in entries and ("Ignore All", True) in entries
    # Qt's own entries follow the proofing ones.
    assert [text for text, _on in entries].index("Ignore All") < len(entries) - 1
    image = menu.grab()  # offscreen: what the menu looks like, for a human to check
    if Path("/tmp/g5").is_dir():
        image.save("/tmp/g5/menu.png")
    _action(menu, "the").trigger()
    assert plain_text(paragraph.text["en"]) == typed.replace("thhe", "the")
    assert field.toPlainText() == typed.replace("thhe", "the")
    assert window.menu.undo.text() == "&Undo Replace"
    window.menu.undo.trigger()
    assert plain_text(paragraph.text["en"]) == typed


def test_plain_words_get_only_the_standard_menu(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _ready_window(qtbot, make_window)
    paragraph = window.controller.document.operative[1]
    field = _type(window, paragraph.id, " and thhe")
    qtbot.waitUntil(lambda: bool(_red(window)))
    texts = [text for text, _on in _entries(_menu_at(field, 1))]
    assert "Ignore" not in texts and "Add to Dictionary" not in texts
    assert any("Copy" in text for text in texts)
    # The field has no history of its own (Ctrl+Z undoes in the document): no dead Undo.
    assert not any("Undo" in text or "Redo" in text for text in texts)


def test_add_to_dictionary_clears_the_word_everywhere_and_persists(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _ready_window(qtbot, make_window)
    first, second = (
        window.controller.document.operative[0],
        window.controller.document.operative[2],
    )
    _type(window, second.id, " with Zorblaxian support")
    field = _type(window, first.id, " with Zorblaxian support")
    typed = plain_text(first.text["en"])
    start = typed.index("Zorblaxian")
    qtbot.waitUntil(lambda: (start, 10) in _red(window))
    window.proofing.check_now()
    listed = [f for f in window.proofing.all_findings() if f.excerpt == "Zorblaxian"]
    assert {f.paragraph_id for f in listed} == {first.id, second.id}
    _action(_menu_at(field, start + 2), "Add to Dictionary").trigger()
    qtbot.waitUntil(lambda: (start, 10) not in _red(window))
    assert [f for f in window.proofing.all_findings() if f.excerpt == "Zorblaxian"] == []
    saved = (user_data_folder() / USER_DICTIONARY_FILE).read_text(encoding="utf-8")
    assert saved.splitlines() == ["Zorblaxian"]
    assert window.controller.document.ignores == []  # a dictionary word, not an ignore


def test_ignore_and_ignore_all_from_the_field(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _ready_window(qtbot, make_window)
    document = window.controller.document
    first, second = document.operative[0], document.operative[2]
    _type(window, second.id, " as qwzx said")
    field = _type(window, first.id, " as qwzx said and thhe")
    typed = plain_text(first.text["en"])
    at_thhe, at_qwzx = typed.index("thhe"), typed.index("qwzx")
    qtbot.waitUntil(lambda: {(at_thhe, 4), (at_qwzx, 4)} <= set(_red(window)))
    _action(_menu_at(field, at_thhe + 1), "Ignore").trigger()
    assert document.ignores == [Ignore("spelling", "en", "thhe", first.id)]
    assert window.menu.undo.text() == "&Undo Ignore"
    qtbot.waitUntil(lambda: (at_thhe, 4) not in _red(window))
    assert (at_qwzx, 4) in _red(window)
    _action(_menu_at(field, at_qwzx + 1), "Ignore All").trigger()
    assert document.ignores[-1] == Ignore("spelling", "en", "qwzx")
    qtbot.waitUntil(lambda: _red(window) == [])
    window.proofing.check_now()
    assert [f for f in window.proofing.all_findings() if f.excerpt in ("qwzx", "thhe")] == []
    assert {f.paragraph_id for f in window.proofing.ignored_findings()} == {first.id, second.id}
    window.menu.undo.trigger()  # Ignore All undone: the word is flagged again
    qtbot.waitUntil(lambda: (at_qwzx, 4) in _red(window))


def _row(window: MainWindow, needle: str) -> QTreeWidgetItem:
    tree = window.proofing.tree
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        for row in range(top.childCount()):
            if needle in top.child(row).text(0):
                return top.child(row)
    raise AssertionError(f"no row with {needle!r}")


def test_panel_ignore_show_ignored_and_stop_ignoring(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = _ready_window(qtbot, make_window)
    panel = window.proofing
    paragraph = window.controller.document.operative[1]
    _type(window, paragraph.id, " and thhe")
    panel.check_now()
    message = "EN · “thhe” is not in the English dictionary."
    panel.tree.setCurrentItem(_row(window, message))
    assert panel.ignore_button.text() == "Ignore"
    selected = panel.selected_finding()
    assert selected is not None
    assert _entries(panel.finding_menu(selected)) == [
        ("“thhe” is not in the English dictionary.", False),
        ("the", True),
        ("thee", True),
        ("Add to Dictionary", True),
        ("Ignore", True),
        ("Ignore All", True),
    ]  # no Fix: with two suggestions, none is applied blindly
    panel.ignore_button.click()
    assert window.controller.document.ignores == [Ignore("spelling", "en", "thhe", paragraph.id)]
    qtbot.waitUntil(lambda: message not in [i.text(0) for i in _children(window)])
    assert panel.status.text().endswith(" (1 ignored)")
    panel.show_ignored.setChecked(True)
    row = _row(window, message)
    assert row.text(0) == f"{message} (ignored)"
    panel.tree.setCurrentItem(row)
    assert panel.ignore_button.text() == "Stop Ignoring"
    assert not panel.fix_button.isEnabled()
    panel.ignore_button.click()
    assert window.controller.document.ignores == []
    qtbot.waitUntil(lambda: _row(window, message).text(0) == message)
    # The ignores travel with the file: saved, reopened, still ignored.
    window.menu.undo.trigger()
    path = tmp_path / "ignored.draftdesk"
    _save(window, path)
    reopened = _ready_window_from(qtbot, make_window, path)
    reopened.proofing.check_now()
    assert [f.excerpt for f in reopened.proofing.ignored_findings()] == ["thhe"]


def _save(window: MainWindow, path: Path) -> None:
    from draftdesk.model import fileformat

    fileformat.save(window.controller.document, path)


def _ready_window_from(qtbot: QtBot, make_window: WindowFactory, path: Path) -> MainWindow:
    window = make_window(path)
    qtbot.waitUntil(lambda: window.proofing.service.is_ready, timeout=LOAD_TIMEOUT_MS)
    return window
