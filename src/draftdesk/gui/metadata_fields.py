"""Building blocks of the details form: bilingual line pairs, dates, the Hijri line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from draftdesk.gui.i18n import N_, _
from draftdesk.language import LanguageError, format_hijri_range
from draftdesk.model.document import Meeting

LANGS = ("en", "fr")
DISTRIBUTIONS = (
    ("general", N_("General")),
    ("limited", N_("Limited")),
    ("restricted", N_("Restricted")),
)
ORIGINALS = (
    ("en", N_("English")), ("fr", N_("French")), ("ar", N_("Arabic")),
    ("es", N_("Spanish")), ("ru", N_("Russian")), ("zh", N_("Chinese")),
)  # fmt: skip


def qdate(value: date | None) -> QDate:
    value = value or date.today()
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class Pair(QWidget):
    """An English and a French line edit side by side."""

    def __init__(self, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for lang in LANGS:
            edit = QLineEdit(self)
            edit.setPlaceholderText(_("English") if lang == "en" else _("French"))
            edit.setAccessibleName(f"{label} ({lang.upper()})")
            row.addWidget(edit)
            self.edits[lang] = edit

    def value(self) -> dict[str, str]:
        """The texts by language (empty ones left out)."""
        return {lang: edit.text() for lang, edit in self.edits.items() if edit.text()}

    def set_value(self, value: dict[str, str]) -> None:
        """Show texts without moving the cursor of an unchanged field.

        A long title is shown from its first word (setText leaves the view scrolled to
        the end) with the whole text as the tooltip; a field being typed in keeps its
        cursor.
        """
        for lang, edit in self.edits.items():
            text = value.get(lang, "")
            if edit.text() != text:
                edit.setText(text)
                if not edit.hasFocus():
                    edit.setCursorPosition(0)
            edit.setToolTip(text)


def hijri_text(meeting: Meeting) -> str:
    """The meeting's Hijri dates in English and French (entered, or computed)."""
    if meeting.hijri:
        return " / ".join(meeting.hijri.get(lang, "") for lang in LANGS)
    if meeting.start is None:
        return _("Enter the dates of the meeting")
    try:
        return " / ".join(
            format_hijri_range(meeting.start, meeting.end or meeting.start, lang) for lang in LANGS
        )
    except LanguageError as exc:
        return str(exc)
