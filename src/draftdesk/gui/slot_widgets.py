"""The slot form's own widgets: a choice box that reads when closed, and stacked language lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from draftdesk.gui.i18n import _
from draftdesk.gui.translation_words import language_name

LANGS = ("en", "fr")
SHORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data: the words the closed box shows for a choice (its list entry stays whole)."""
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
TEXT_LINE_CHARS = 36
"""A language line of a text slot is never narrower than this many average characters: a
subject such as "the situation in the Middle East" (33) reads whole while it is typed."""


class ChoiceBox(QComboBox):
    """A drop-down whose list shows each choice whole ("the Secretary-General — le
    Secrétaire général") while the closed box shows its short form (the name in the
    reading language), elided only if the box is narrower than that; the tooltip always
    holds the whole choice, and screen readers read the whole choice as the value.

    The box asks its layout for the width of its widest short form, at most `fit_chars`
    average characters (None: no limit), so that a form wraps the row (caption above)
    rather than cut a name; longer choices (a footnote's sentence) are elided.
    """

    def __init__(self, parent: QWidget, name: str, *, fit_chars: int | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.fit_chars = fit_chars
        self.currentIndexChanged.connect(self._follow_choice)

    def add_choice(
        self, text: str, data: Any, *, short: str | None = None, tooltip: str | None = None
    ) -> None:
        """Append a choice: `text` in the list, `short` in the closed box, `tooltip` on it."""
        self.addItem(text, data)
        index = self.count() - 1
        if short is not None:
            self.setItemData(index, short, SHORT_ROLE)
        self.setItemData(index, tooltip or text, _TOOLTIP)
        self._follow_choice(self.currentIndex())
        self.updateGeometry()

    def choose(self, data: Any) -> None:
        """Select the choice holding `data` (the first one when none does)."""
        self.setCurrentIndex(max(self.findData(data), 0))
        self._follow_choice(self.currentIndex())

    def short_text(self, index: int) -> str:
        """What the closed box shows for choice `index`, before any eliding."""
        short = self.itemData(index, SHORT_ROLE)
        return str(short) if short else self.itemText(index)

    def field_width(self) -> int:
        """The width the closed box has for its text, in pixels."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return field.width() - 2  # the common style draws the label 1 px inside each side

    def shown_text(self) -> str:
        """The words the closed box shows now: the short form, elided only when too wide."""
        return self.fontMetrics().elidedText(
            self.short_text(self.currentIndex()), Qt.TextElideMode.ElideRight, self.field_width()
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Draw the box as QComboBox does, with the shown text instead of the list entry."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for every short form, up to `fit_chars`."""
        return self._fitted(super().minimumSizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for every short form, up to `fit_chars`."""
        return self._fitted(super().sizeHint())

    def _fitted(self, hint: QSize) -> QSize:
        if not self.count():
            return hint
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.short_text(i)) for i in range(self.count()))
        if self.fit_chars is not None:
            widest = min(widest, self.fit_chars * metrics.averageCharWidth())
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        needed = self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(widest + 2, metrics.height()), self
        )
        return QSize(max(hint.width(), needed.width()), hint.height())

    def _follow_choice(self, index: int) -> None:
        # The tooltip names the current choice whole, in both languages.
        self.setToolTip(str(self.itemData(index, _TOOLTIP) or ""))


class LanguageLines(QWidget):
    """A text slot's English and French lines, one above the other, each named by its
    language: the width of the form to type in, not half of a label's leftover."""

    edited = Signal()  # the user typed in either line

    def __init__(self, parent: QWidget, name: str, label: str, texts: dict[str, str]) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        # Indented under the slot's caption, so the two lines read as one slot's answers.
        grid.setContentsMargins(2 * self.fontMetrics().averageCharWidth(), 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.edits: dict[str, QLineEdit] = {}
        least = self.fontMetrics().averageCharWidth() * TEXT_LINE_CHARS
        for row, lang in enumerate(LANGS):
            language = language_name(lang)
            edit = QLineEdit(str(texts.get(lang, "")), self)
            edit.setObjectName(f"slot-{name}-{lang}")
            edit.setAccessibleName(
                _("{label} — {language}").format(label=label, language=language)
            )
            edit.setMinimumWidth(least)
            edit.setCursorPosition(0)
            edit.textEdited.connect(lambda _text: self.edited.emit())
            caption = QLabel(language, self)
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0)
            grid.addWidget(edit, row, 1)
            self.edits[lang] = edit

    def texts(self) -> dict[str, str]:
        """The text of every language line, empty ones included."""
        return {lang: edit.text() for lang, edit in self.edits.items()}
