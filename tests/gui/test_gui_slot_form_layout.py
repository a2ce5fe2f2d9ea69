"""The clause slot form at 1400x900: choices readable when closed, text slots with room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
)
from pytestqt.qtbot import QtBot

from draftdesk.gui.i18n import install
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.outline import Selection
from draftdesk.model.document import Part
from draftdesk.packs.model import SlotSpec, SlotType
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.gui.conftest import WindowFactory, type_keys

CHOICES = (SlotType.ENTITY, SlotType.FOOTNOTE)
LINE_WIDTH = 250
"""The least width of a text slot's language line: about 36 characters of the interface
font, so a subject such as "the situation in the Middle East" reads whole as it is typed
(the old side-by-side pair gave each line about 105 px, 15 characters)."""


def settle() -> None:
    """Let the form lay out the rows it was just given."""
    for _turn in range(3):
        QApplication.processEvents()


def shown_text(box: QComboBox) -> str:
    """The words the closed box shows (a plain QComboBox shows its current text)."""
    shown = getattr(box, "shown_text", box.currentText)
    return str(shown())


def content_width(box: QComboBox) -> int:
    """The room for text in the closed box: its edit field less the 1 px the style keeps
    on each side when it draws the label."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return field.width() - 2


def insert_clause(window: MainWindow, label: str, part: Part) -> None:
    """Insert a clause from the palette, as a user does, and wait for its form."""
    pane = window.palette_pane
    pane.set_part(part)
    pane.query.setText(label)
    QTest.mouseClick(pane.insert, Qt.MouseButton.LeftButton)
    settle()
    assert window.editor.clause_label.text().endswith(label)


def choice_boxes(window: MainWindow) -> dict[str, QComboBox]:
    """The choice boxes of the form on show, by their accessible name (the slot's label)."""
    return {box.accessibleName(): box for box in window.editor.slots.findChildren(QComboBox)}


def slot_caption(spec: SlotSpec, ui: str) -> str:
    """The slot's name as the form gives it (the accessible name of its box)."""
    if spec.required:
        return spec.label[ui]
    return spec.label[ui] + (" (facultatif)" if ui == "fr" else " (optional)")


def rendered(window: MainWindow, lang: str) -> str:
    """The words of a column's read-only clause box, as the user reads them."""
    return " ".join(window.editor.columns[lang].rendered.text().split())


@pytest.mark.parametrize("ui", ["en", "fr"])
def test_every_choice_reads_in_the_closed_box(
    qtbot: QtBot, make_window: WindowFactory, ui: str
) -> None:
    """Every entity and footnote choice of every clause of both packs: the closed box shows
    the choice (an entity by its name in the reading language, whole) within its width;
    an entity's tooltip names it in both languages; the open list shows both in full."""
    install(ui)
    first, second = ("fr", "en") if ui == "fr" else ("en", "fr")
    names = {"en": "English", "fr": "French"}
    if ui == "fr":
        names = {"en": "Anglais", "fr": "Français"}
    separator = " : " if ui == "fr" else ": "
    checked: dict[str, int] = {}
    for example in (UN_EXAMPLE, OIC_EXAMPLE):
        window = make_window(example)
        pack = window.controller.session.pack
        document = window.controller.document
        checked[pack.id] = 0
        for clause in pack.clauses.values():
            choices = [spec for spec in clause.slots.values() if spec.type in CHOICES]
            if not choices:
                continue
            window.outline.select(Selection("paragraph", document.operative[0].id))
            insert_clause(window, clause.label[ui], clause.part)
            boxes = choice_boxes(window)
            for spec in choices:
                box = boxes[slot_caption(spec, ui)]
                for index in range(box.count()):
                    box.setCurrentIndex(index)
                    settle()
                    shown = shown_text(box)
                    assert box.fontMetrics().horizontalAdvance(shown) <= content_width(box)
                    if spec.type is SlotType.ENTITY:
                        forms = pack.entities[box.itemData(index)]
                        assert shown == forms[first]  # whole, never elided
                        assert box.itemText(index) == f"{forms[first]} — {forms[second]}"
                        reader = QAccessible.queryAccessibleInterface(box)  # a screen reader
                        assert reader.text(QAccessible.Text.Value) == box.itemText(index)
                        assert box.toolTip() == (
                            f"{names[first]}{separator}{forms[first]}\n"
                            f"{names[second]}{separator}{forms[second]}"
                        )
                    else:  # a footnote's start, cut with "…" if long; the whole in the tooltip
                        whole = box.toolTip()
                        assert shown == box.itemText(index) or (
                            shown.endswith("…") and whole.startswith(shown[:-1])
                        )
                    checked[pack.id] += 1
                box.showPopup()
                settle()
                view = box.view()
                for index in range(box.count()):
                    text = box.itemText(index)
                    room = view.visualRect(view.model().index(index, 0)).width()
                    assert view.fontMetrics().horizontalAdvance(text) < room, text
                box.hidePopup()
    # un-ga: two clauses with an author (4 entities) and a footnote (none or one of 7);
    # no OIC clause has a choice slot.
    assert checked == {"un-ga": 2 * (4 + 8), "oic-cfm": 0}


def test_footnote_choice_reads_its_start(make_window: WindowFactory) -> None:
    """A long footnote chosen in the closed box: its first words and "…", never cut
    mid-letter; the tooltip holds the whole note."""
    window = make_window(UN_EXAMPLE)
    window.outline.select(Selection("paragraph", "op-01"))
    settle()
    box = choice_boxes(window)["Footnote with the symbol (optional)"]
    box.setCurrentIndex(box.findData("fn-hrc-res-16-18"))
    settle()
    whole = (
        "See Official Records of the General Assembly, Sixty-sixth Session, Supplement "
        "No. 53 (A/66/53), chap. II, sect. A."
    )
    assert box.toolTip() == whole
    shown = shown_text(box)
    assert shown.startswith("See Official Records of the") and shown.endswith("…")
    assert box.fontMetrics().horizontalAdvance(shown) <= content_width(box)


@pytest.mark.parametrize("ui", ["en", "fr"])
def test_optional_text_slot_has_room_to_type(
    qtbot: QtBot, make_window: WindowFactory, ui: str
) -> None:
    """ "Subject (after “on”)": an English line above a French line, each named and wide
    enough to read a subject while typing it; typing sets the slot, one undo clears it."""
    install(ui)
    window = make_window(UN_EXAMPLE)
    window.outline.select(Selection("paragraph", "op-01"))
    settle()
    edits = {
        lang: window.editor.slots.findChild(QLineEdit, f"slot-subject-{lang}")
        for lang in ("en", "fr")
    }
    english, french = edits["en"], edits["fr"]
    assert isinstance(english, QLineEdit) and isinstance(french, QLineEdit)
    label = (
        "Objet (après « sur ») (facultatif)" if ui == "fr" else "Subject (after “on”) (optional)"
    )
    language = (
        {"en": "Anglais", "fr": "Français"} if ui == "fr" else {"en": "English", "fr": "French"}
    )
    for lang, edit in edits.items():
        assert edit.isVisible() and edit.width() >= LINE_WIDTH, (lang, edit.width())
        assert edit.accessibleName() == f"{label} — {language[lang]}"
        # Each line's own caption names its language; the slot's caption leads to English.
        labels = window.editor.slots.findChildren(QLabel)
        captions = [c.text() for c in labels if c.buddy() is edit]
        caption = f"{label} :" if ui == "fr" else f"{label}:"
        assert captions == [language[lang]] + ([caption] if lang == "en" else [])
    # One above the other, aligned, the same width: English first, as the columns below.
    assert french.y() > english.y() + english.height() // 2
    assert (french.x(), french.width()) == (english.x(), english.width())
    type_keys(english, "cooperation")
    type_keys(french, "coopération")
    paragraph = window.controller.document.find_paragraph("op-01")
    assert paragraph is not None
    assert paragraph.slots["subject"] == {"en": "cooperation", "fr": "coopération"}
    qtbot.waitUntil(lambda: "Secretary-General on cooperation;" in rendered(window, "en"))
    window.undo()
    paragraph = window.controller.document.find_paragraph("op-01")
    assert paragraph is not None
    assert paragraph.slots == {"author": "secretary-general", "note": "fn-sg-report"}
    again = window.editor.slots.findChild(QLineEdit, "slot-subject-en")
    assert isinstance(again, QLineEdit) and again.text() == ""


def test_every_text_slot_gets_the_form_width(make_window: WindowFactory) -> None:
    """Required or optional, every text slot of the clause paragraphs of both examples:
    its English and French lines span the form under the slot's caption."""
    seen = []
    for example in (UN_EXAMPLE, OIC_EXAMPLE):
        window = make_window(example)
        document = window.controller.document
        for paragraph in document.preamble + document.operative:
            if paragraph.clause is None:
                continue
            window.outline.select(Selection("paragraph", paragraph.id))
            settle()
            form = window.editor.slots
            for edit in form.findChildren(QLineEdit):
                if edit.objectName().startswith("slot-"):
                    assert edit.width() >= LINE_WIDTH, (paragraph.id, edit.objectName())
                    assert edit.geometry().right() >= form.width() - 2 * edit.x()
                    seen.append(f"{paragraph.id}:{edit.objectName()}")
    assert seen == [
        "pp-05:slot-subject-en", "pp-05:slot-subject-fr",
        "op-01:slot-subject-en", "op-01:slot-subject-fr",
        "op-24:slot-subject-en", "op-24:slot-subject-fr",
        "op-25:slot-item-en", "op-25:slot-item-fr",
        "op-25:slot-sub_item-en", "op-25:slot-sub_item-fr",
        "op-02:slot-purpose-en", "op-02:slot-purpose-fr",
        "op-04:slot-country-en", "op-04:slot-country-fr",
        "op-04:slot-reason-en", "op-04:slot-reason-fr",
    ]  # fmt: skip


def test_narrow_editor_puts_the_caption_above_the_choice(make_window: WindowFactory) -> None:
    """As the user narrows the editor pane (450 px down to its least width), the author's
    name and the footnote's symbol stay whole: "Author of the report" moves above its box
    rather than cut the name beside it."""
    window = make_window(UN_EXAMPLE)
    window.outline.select(Selection("paragraph", "op-01"))
    settle()
    boxes = choice_boxes(window)
    author = boxes["Author of the report"]
    note = boxes["Footnote with the symbol (optional)"]
    caption = window.editor.slots.form.labelForField(author)
    assert caption is not None
    placed = []
    for width in range(450, 210, -30):
        outline, editor, preview = window.splitter.sizes()
        window.splitter.setSizes([outline + editor - width, width, preview])
        settle()
        assert shown_text(author) == "the Secretary-General", window.editor.width()
        assert shown_text(note) == "A/71/160-S/2016/621.", window.editor.width()
        for box in (author, note):
            assert box.fontMetrics().horizontalAdvance(shown_text(box)) <= content_width(box)
        placed.append("above" if caption.geometry().bottom() < author.y() else "beside")
    assert placed[0] == "beside" and placed[-1] == "above", placed
