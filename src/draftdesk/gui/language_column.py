"""One language of the paragraph editor: its heading, status, text field and rendering."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _
from draftdesk.gui.inline_edit import ChipLabeler, InlineTextEdit
from draftdesk.gui.translation_words import (
    language_name,
    text_placeholder,
)

if TYPE_CHECKING:
    from draftdesk.gui.paragraph_editor import ParagraphEditor

QWIDGETSIZE_MAX = 16777215
"""Qt's largest widget size: a maximum height that does not limit."""


class HintedTextEdit(InlineTextEdit):
    """A text field whose placeholder wraps over several lines (Qt draws only the first,
    which cuts an example sentence off in a narrow column)."""

    def __init__(self, labeler: ChipLabeler, parent: QWidget | None = None) -> None:
        super().__init__(labeler, parent)
        palette = self.palette()
        self.hint_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        # Qt still draws its one-line placeholder: in no colour, under the wrapped one.
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(0, 0, 0, 0))
        self.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The text, then the whole placeholder when there is no text."""
        super().paintEvent(event)
        hint = self.placeholderText()
        if not hint or not self.document().isEmpty():
            return
        margin = int(self.document().documentMargin())
        painter = QPainter(self.viewport())
        painter.setPen(self.hint_colour)
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, hint)
        painter.end()


class LanguageColumn:
    """One language of the paragraph: status line, text field, and how it will print.

    Its widgets go into one grid with the other language's, row by row, so both text
    fields and both "prints as" boxes line up whatever their contents.
    """

    def __init__(self, lang: str, editor: ParagraphEditor, parent: QWidget) -> None:
        self.lang = lang
        self.heading = QLabel(parent)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(parent)
        # Wrapped and right-aligned: a long status must not widen its column.
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAccessibleName(
            _("Translation status ({language})").format(language=language_name(lang))
        )
        self.text = HintedTextEdit(
            lambda kind, ident: editor.chip_label(kind, ident, lang), parent
        )
        self.text.setObjectName(f"text-{lang}")
        self.text.setAccessibleName(
            _("{language} text of the paragraph").format(language=language_name(lang))
        )
        self.text.setPlaceholderText(text_placeholder(lang, None))
        self.text.setMinimumHeight(110)
        self.confirm = QPushButton(_("Mark as up to date"), parent)
        self.confirm.setAccessibleName(
            _("Mark the {language} text as up to date").format(language=language_name(lang))
        )
        self.confirm.setToolTip(
            _("The translation still says the same: clear the out-of-date mark")
        )
        self.rendered = QLabel(parent)
        self.rendered.setWordWrap(True)
        self.rendered.setTextFormat(Qt.TextFormat.RichText)
        self.rendered.setAccessibleName(
            _("How the paragraph prints in {language}").format(language=language_name(lang))
        )
        self.rendered.setFrameShape(QFrame.Shape.StyledPanel)
        self.rendered.setMargin(6)
        self.rendered.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prints = QLabel(_("Prints as:"), parent)
        self.prints.setWordWrap(True)
        self.tail_caption = QLabel(_("Your own text after the clause (optional):"), parent)
        self.tail_caption.setWordWrap(True)
        self.column = 0

    def place(self, grid: QGridLayout, column: int) -> None:
        """Put the widgets in `column` of the editor's grid (rows: top, text, prints as)."""
        # The button goes under the status, not beside it: on one line, an out-of-date
        # column grew wider than the other and pushed French out of the window.
        line = QHBoxLayout()
        line.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.status, 1)
        top = QVBoxLayout()
        top.addLayout(line)
        top.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignRight)
        top.addStretch(1)  # the headings of both languages on one line, whatever shows
        grid.addLayout(top, 0, column)
        self.column = column
        self.arrange(grid, clause=False)

    def arrange(self, grid: QGridLayout, *, clause: bool) -> None:
        """Free text: the text field, then how it prints. A clause: what the clause prints
        first (read only, changed through the slot fields), then the optional text after it.
        """
        for widget in (self.text, self.prints, self.rendered, self.tail_caption):
            grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        if clause:
            self.prints.setText(_("Written by the clause (change it with the fields above):"))
            grid.addWidget(self.prints, 1, self.column)
            grid.addWidget(self.rendered, 2, self.column, top)
            grid.addWidget(self.tail_caption, 3, self.column)
            grid.addWidget(self.text, 4, self.column)
            self.text.setMaximumHeight(self.text.minimumHeight())
        else:
            self.prints.setText(_("Prints as:"))
            grid.addWidget(self.text, 2, self.column)
            grid.addWidget(self.prints, 3, self.column)
            grid.addWidget(self.rendered, 4, self.column, top)
            self.text.setMaximumHeight(QWIDGETSIZE_MAX)  # grows with the window
        self.tail_caption.setVisible(clause)

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - as a widget would say it
        """Grey out a language the document does not have."""
        for widget in (self.heading, self.status, self.text, self.confirm, self.rendered):
            widget.setEnabled(enabled)
