"""The page shown when no paragraph is selected: how to build a resolution, in five steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from draftdesk.gui.i18n import _


class WelcomePage(QWidget):
    """Five steps for someone who has only used Word, with buttons for the first two."""

    details_requested = Signal()
    palette_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, autosave_seconds: int = 30) -> None:
        super().__init__(parent)
        heading = QLabel(_("Build your resolution"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        steps = [
            _("Fill in the <b>details</b>: symbol, session, agenda item, title and sponsors."),
            _(
                "Pick an <b>opener or clause</b> in the list on the left (search in English or "
                "French) and press <b>Insert</b>: it becomes a new paragraph in both languages."
            ),
            _(
                "Type the <b>English</b> text after the opener; the <b>French</b> column beside "
                "it shows what still needs translating. Press Enter for the next paragraph."
            ),
            _(
                "Add <b>footnotes</b> with Ctrl+Alt+F and references to other paragraphs with "
                "Ctrl+Alt+R. Numbers are always computed: never type them."
            ),
            _(
                "Check the <b>preview</b> on the right in either language, then "
                "<b>export to Word</b> with Ctrl+E."
            ),
        ]
        text = "".join(f"<li style='margin-bottom:8px'>{step}</li>" for step in steps)
        body = QLabel(f"<ol>{text}</ol>", self)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setWordWrap(True)
        body.setAccessibleName(_("How to build a resolution"))
        details = QPushButton(_("Fill in the details"), self)
        details.setAccessibleName(_("Fill in the details of the resolution"))
        details.clicked.connect(self.details_requested)
        palette = QPushButton(_("Find a clause or opener"), self)
        palette.setAccessibleName(_("Find a clause or opener"))
        palette.clicked.connect(self.palette_requested)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        self.set_autosave_seconds(autosave_seconds)
        buttons = QHBoxLayout()
        buttons.addWidget(details)
        buttons.addWidget(palette)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set_autosave_seconds(self, seconds: int) -> None:
        """Say how often autosave runs, as the Preferences set it."""
        self.note.setText(
            _(
                "Your work is saved automatically every {seconds} seconds and recovered "
                "after a crash."
            ).format(seconds=seconds)
        )
