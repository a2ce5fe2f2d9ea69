"""The editing panes: a clause paragraph's words shown read-only, and the panes' sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from draftdesk.gui.context import AppContext
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.outline import Selection
from draftdesk.model.document import Part
from draftdesk.model.inline import FootnoteRef, Text, plain_text
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory, type_keys

CLAUSE_HINT = "Written by the clause (change it with the fields above):"


def rendered_text(window: MainWindow, lang: str) -> str:
    """The words of a column's read-only box, as the user reads them."""
    return " ".join(window.editor.columns[lang].rendered.text().split())


def select(window: MainWindow, paragraph_id: str) -> None:
    window.outline.select(Selection("paragraph", paragraph_id))
    for lang in ("en", "fr"):
        window.controller.layout(lang)
    QApplication.processEvents()  # the grid re-lays out on the next turn of the loop


def test_clause_paragraph_shows_its_words_read_only(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """op-01 (clause only): both columns say the words come from the clause and show them;
    the free-text field shrinks to an optional continuation; a free paragraph is unchanged."""
    window = make_window(UN_EXAMPLE)
    select(window, "op-01")
    editor = window.editor
    assert editor.clause_label.text() == "Clause: Taking note of a report"
    assert editor.convert.isVisible()
    for lang, words in (
        ("en", "Takes note with appreciation</i> of the report of the Secretary-General;"),
        ("fr", "Prend note avec satisfaction</i> du rapport du Secrétaire général"),
    ):
        column = editor.columns[lang]
        assert column.prints.text() == CLAUSE_HINT
        assert column.tail_caption.isVisible()
        assert words in rendered_text(window, lang)
        assert column.text.toPlainText() == ""
        assert column.text.height() <= column.text.minimumHeight()
        assert column.rendered.y() < column.text.y()  # the clause's words come first
    select(window, "op-02")  # free text: the field is the paragraph
    assert not editor.convert.isVisible()
    column = editor.columns["en"]
    assert column.prints.text() == "Prints as:" and not column.tail_caption.isVisible()
    assert column.text.toPlainText().startswith("the organizations of the United Nations")
    assert column.text.height() > 3 * column.text.minimumHeight() // 2
    assert column.text.y() < column.rendered.y()


def test_slot_edit_updates_the_clause_words(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Typing in the clause's "Subject" slot changes the read-only words at once."""
    window = make_window(UN_EXAMPLE)
    select(window, "op-01")
    [subject] = [
        edit
        for edit in window.editor.slots.findChildren(QLineEdit)
        if edit.objectName() == "slot-subject-en"
    ]
    type_keys(subject, "cooperation")
    window.controller.layout("en")
    qtbot.waitUntil(
        lambda: (
            "the report of the Secretary-General on cooperation;" in rendered_text(window, "en")
        )
    )


def test_convert_to_free_text_prints_the_same_and_undoes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Convert to Free Text: same preview in both languages, editable words, one undo step."""
    window = make_window(UN_EXAMPLE)
    select(window, "op-01")
    before = {lang: window.controller.layout(lang) for lang in ("en", "fr")}
    texts = {lang: [b.text for b in layout.blocks] for lang, layout in before.items() if layout}
    window.editor.convert.click()
    paragraph = window.controller.document.find_paragraph("op-01")
    assert paragraph is not None
    assert (paragraph.clause, paragraph.slots, paragraph.opener) == (
        None,
        {},
        "takes-note-with-appreciation-of",
    )
    assert paragraph.text["en"] == [
        Text("the report of the Secretary-General"),
        FootnoteRef("fn-sg-report"),
    ]
    assert plain_text(paragraph.text["fr"]) == "le rapport du Secrétaire général"
    for lang in ("en", "fr"):
        layout = window.controller.layout(lang)
        assert layout is not None and [b.text for b in layout.blocks] == texts[lang]
    editor = window.editor
    assert not editor.convert.isVisible()
    assert editor.columns["en"].prints.text() == "Prints as:"
    assert editor.columns["en"].text.toPlainText().startswith("the report of the Secretary")
    assert window.menu.undo.text() == "&Undo Convert to free text"
    button = window.menu.toolbar.widgetForAction(window.menu.undo)
    assert button.text() == "Undo"  # the toolbar does not grow with the step's name
    window.menu.undo.trigger()
    paragraph = window.controller.document.find_paragraph("op-01")
    assert paragraph is not None and paragraph.clause == "takes-note-of-report"
    assert paragraph.slots == {"author": "secretary-general", "note": "fn-sg-report"}
    assert editor.convert.isVisible()
    assert editor.columns["fr"].prints.text() == CLAUSE_HINT


def test_outline_has_room_and_pane_sizes_are_remembered(
    make_window: WindowFactory, context: AppContext
) -> None:
    """At 1400x900 the outline pane gets over a third of the width; sizes the user sets
    are saved in the settings on close and restored by the next window."""
    window = make_window(UN_EXAMPLE)
    outline, editor, preview = window.splitter.sizes()
    assert outline >= 500 and editor >= 450 and preview >= 380
    window.splitter.setSizes([640, 400, 360])
    window.left_splitter.setSizes([600, 300])
    chosen = (window.splitter.sizes(), window.left_splitter.sizes())
    assert window.close()
    assert context.settings.window_state.count(",") == 1
    again = make_window(UN_EXAMPLE)
    assert (again.splitter.sizes(), again.left_splitter.sizes()) == chosen
    context.settings.window_state = "not,base64!"  # damaged: the defaults, never collapsed
    third = make_window(UN_EXAMPLE)
    assert 0 not in third.splitter.sizes() and third.splitter.sizes()[0] >= 500


def test_details_show_the_start_of_long_titles(make_window: WindowFactory) -> None:
    """The title fields open on their first words (not scrolled to the end), the whole text
    in the tooltip."""
    window = make_window(UN_EXAMPLE)
    window.show_details()
    QApplication.processEvents()
    title = window.controller.document.metadata.title
    for lang, edit in window.details.title.edits.items():
        assert edit.text() == title[lang] and len(title[lang]) > 60
        assert edit.cursorPosition() == 0
        assert edit.toolTip() == title[lang]


def test_inserted_clause_puts_the_cursor_in_its_first_slot(make_window: WindowFactory) -> None:
    """A clause from the palette needs its slots, not the optional text: the cursor goes to
    the first slot still to fill in; a plain opener puts it in the English text."""
    window = make_window()
    pane = window.palette_pane
    for query, part in (("taking note of a report", Part.OPERATIVE), ("urges", Part.OPERATIVE)):
        pane.set_part(part)
        pane.query.clear()
        QTest.keyClicks(pane.query, query)
        QTest.mouseClick(pane.insert, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        if query == "urges":
            assert focus is window.editor.columns["en"].text
        else:
            assert window.editor.clause_label.text() == "Clause: Taking note of a report"
            assert focus is not None and window.editor.slots.isAncestorOf(focus)
            caption = window.editor.slots.form.labelForField(focus)
            assert caption is not None and caption.text() == "Author of the report:"


def test_welcome_page_states_the_real_autosave_interval(
    make_window: WindowFactory, context: AppContext
) -> None:
    """The how-to page says how often autosave runs as set, not a fixed 30 seconds."""
    context.settings.autosave_seconds = 45
    window = make_window()
    assert window.welcome.note.text() == (
        "Your work is saved automatically every 45 seconds and recovered after a crash."
    )
    window.welcome.set_autosave_seconds(120)
    assert "every 120 seconds" in window.welcome.note.text()
