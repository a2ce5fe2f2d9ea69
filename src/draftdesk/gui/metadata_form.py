"""The details form: body, symbol, session, agenda item, title, sponsors, meeting, pack fields."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from draftdesk.commands import AddFootnote, SetMetadata
from draftdesk.edit_commands import Compound, RemoveFootnote, SetFootnoteText, new_footnote
from draftdesk.gui.controller import Change, ChangeKind, DocumentController
from draftdesk.gui.i18n import _, current_language
from draftdesk.gui.metadata_fields import (
    DISTRIBUTIONS,
    LANGS,
    ORIGINALS,
    Pair,
    hijri_text,
    pydate,
    qdate,
)
from draftdesk.model.document import Meeting
from draftdesk.model.inline import Text, plain_text


class MetadataForm(QScrollArea):
    """Everything about the resolution that is not a paragraph; each change is a command."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._built = False

    def invalidate(self) -> None:
        """Another document (or pack): the form is built again when next shown.

        Not at once: a window opens on the how-to page, and the form's forty widgets
        would only lengthen the wait for its first paint.
        """
        self._built = False

    def build(self) -> None:
        """(Re)build the form for the document's pack."""
        self._built = True
        session = self.controller.session
        pack = session.pack
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        heading = QLabel(_("Details of the resolution"), inner)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)

        document_box = QGroupBox(_("Document"), inner)
        form = QFormLayout(document_box)
        self.body = QComboBox(document_box)
        ui = current_language()
        for key, body in pack.bodies.items():
            self.body.addItem(body.name.get(ui) or body.name.get("en", key), key)
        self.symbol = QLineEdit(document_box)
        self.symbol.setPlaceholderText(_("e.g. A/72/L.20"))
        self.distribution = QComboBox(document_box)
        for key, label in DISTRIBUTIONS:
            self.distribution.addItem(_(label), key)
        self.dated = QCheckBox(_("Dated"), document_box)
        self.date = QDateEdit(document_box)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        date_row = QHBoxLayout()
        date_row.addWidget(self.dated)
        date_row.addWidget(self.date, 1)
        self.source = QComboBox(document_box)
        self.source.addItem(_("English"), "en")
        self.source.addItem(_("French"), "fr")
        self.original = QComboBox(document_box)
        for key, label in ORIGINALS:
            self.original.addItem(_(label), key)
        self.session_number = QSpinBox(document_box)
        self.session_number.setRange(0, 999)
        self.session_number.setSpecialValueText(_("(none)"))
        self.agenda_item = QLineEdit(document_box)
        self.agenda_item.setPlaceholderText(_("e.g. 126 (u)"))
        self.agenda_title = Pair(_("Agenda item title"), document_box)
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            (_("&Body:"), self.body),
            (_("&Symbol:"), self.symbol),
            (_("Distribution:"), self.distribution),
            (_("Date:"), date_row),
            (_("Drafted in:"), self.source),
            (_("Original language:"), self.original),
            (_("Session:"), self.session_number),
            (_("Agenda item:"), self.agenda_item),
            (_("Agenda item title:"), self.agenda_title),
        ]
        for caption, row_widget in rows:
            form.addRow(caption, row_widget)
        self._name(
            (self.body, _("Body")), (self.symbol, _("Symbol")),
            (self.distribution, _("Distribution")),
            (self.dated, _("Dated")), (self.date, _("Date")), (self.source, _("Drafted in")),
            (self.original, _("Original language")), (self.session_number, _("Session")),
            (self.agenda_item, _("Agenda item")),
        )  # fmt: skip
        column.addWidget(document_box)

        title_box = QGroupBox(_("Title and sponsors"), inner)
        form = QFormLayout(title_box)
        self.title = Pair(_("Title"), title_box)
        self.sponsors: dict[str, QPlainTextEdit] = {}
        sponsor_row = QHBoxLayout()
        for lang in LANGS:
            edit = QPlainTextEdit(title_box)
            edit.setPlaceholderText(
                _("{language}: one sponsor per line").format(
                    language=_("English") if lang == "en" else _("French")
                )
            )
            edit.setAccessibleName(_("Sponsors ({lang})").format(lang=lang.upper()))
            edit.setMaximumHeight(90)
            sponsor_row.addWidget(edit)
            self.sponsors[lang] = edit
        self.on_behalf = QCheckBox(
            _("The sponsors act on behalf of a group (adds a * note)"), title_box
        )
        self.on_behalf.setAccessibleName(_("On behalf of a group"))
        self.on_behalf_text = Pair(_("On behalf of"), title_box)
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("Sponsors:"), sponsor_row)
        form.addRow(self.on_behalf)
        form.addRow(_("Note:"), self.on_behalf_text)
        column.addWidget(title_box)

        self.meeting_box: QGroupBox | None = None
        if any("meeting" in text or "hijri" in text for text in pack.layout.values()):
            self._build_meeting(inner, column)
        self.field_edits: dict[str, QLineEdit | Pair] = {}
        if pack.fields:
            fields_box = QGroupBox(_("Fields of the {pack} pack").format(pack=pack.name), inner)
            form = QFormLayout(fields_box)
            for name, spec in pack.fields.items():
                label = spec.label.get(ui) or spec.label.get("en") or name
                field: QLineEdit | Pair = (
                    Pair(label, fields_box) if spec.per_language else QLineEdit(fields_box)
                )
                if isinstance(field, QLineEdit):
                    field.setAccessibleName(label)
                    field.textEdited.connect(self._fields_edited)
                else:
                    for line in field.edits.values():
                        line.textEdited.connect(self._fields_edited)
                self.field_edits[name] = field
                form.addRow(label + ":", field)
            column.addWidget(fields_box)
        column.addStretch(1)
        self.setWidget(inner)
        self._connect()
        self.refresh()

    def _build_meeting(self, inner: QWidget, column: QVBoxLayout) -> None:
        box = QGroupBox(_("Meeting"), inner)
        form = QFormLayout(box)
        self.place = Pair(_("Place"), box)
        self.start = QDateEdit(box)
        self.end = QDateEdit(box)
        for edit, name in ((self.start, _("First day")), (self.end, _("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setAccessibleName(name)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–", box))
        dates.addWidget(self.end)
        self.hijri = QLabel(box)
        self.hijri.setAccessibleName(_("Hijri dates"))
        self.hijri.setWordWrap(True)
        form.addRow(_("Place:"), self.place)
        form.addRow(_("Dates:"), dates)
        form.addRow(_("Hijri dates:"), self.hijri)
        column.addWidget(box)
        self.meeting_box = box

    @staticmethod
    def _name(*pairs: tuple[QWidget, str]) -> None:
        for widget, name in pairs:
            widget.setAccessibleName(name)

    def _connect(self) -> None:
        self.body.currentIndexChanged.connect(
            lambda _i: self._set("body", self.body.currentData())
        )
        self.symbol.textEdited.connect(lambda text: self._set("symbol", text, typing=True))
        self.distribution.currentIndexChanged.connect(
            lambda _i: self._set("distribution", self.distribution.currentData())
        )
        self.dated.toggled.connect(self._date_changed)
        self.date.dateChanged.connect(lambda _d: self._date_changed())
        self.source.currentIndexChanged.connect(
            lambda _i: self._set("source_language", self.source.currentData())
        )
        self.original.currentIndexChanged.connect(
            lambda _i: self._set("original_language", self.original.currentData())
        )
        self.session_number.valueChanged.connect(
            lambda value: self._set("session", value or None, typing=True)
        )
        self.agenda_item.textEdited.connect(
            lambda text: self._set("agenda_item", text, typing=True)
        )
        for edit in self.agenda_title.edits.values():
            edit.textEdited.connect(
                lambda _t: self._set("agenda_title", self.agenda_title.value(), typing=True)
            )
        for edit in self.title.edits.values():
            edit.textEdited.connect(lambda _t: self._set("title", self.title.value(), typing=True))
        for sponsors in self.sponsors.values():
            sponsors.textChanged.connect(self._sponsors_edited)
        self.on_behalf.toggled.connect(self._on_behalf_toggled)
        for lang, edit in self.on_behalf_text.edits.items():
            edit.textEdited.connect(lambda text, code=lang: self._note_edited(code, text))
        if self.meeting_box is not None:
            for edit in self.place.edits.values():
                edit.textEdited.connect(lambda _t: self._meeting_edited())
            self.start.dateChanged.connect(lambda _d: self._meeting_edited())
            self.end.dateChanged.connect(lambda _d: self._meeting_edited())

    # Writing -------------------------------------------------------------------------------

    def _set(self, field: str, value: Any, typing: bool = False) -> None:
        if self._loading:
            return
        if getattr(self.controller.document.metadata, field) == value:
            return
        self.controller.execute(SetMetadata(field, value), typing=typing)

    def _date_changed(self, _checked: bool = False) -> None:
        self.date.setEnabled(self.dated.isChecked())
        self._set("date", pydate(self.date.date()) if self.dated.isChecked() else None)

    def _sponsors_edited(self) -> None:
        value = {
            lang: [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
            for lang, edit in self.sponsors.items()
        }
        self._set("sponsors", {lang: names for lang, names in value.items() if names}, typing=True)

    def _fields_edited(self, _text: str = "") -> None:
        values = copy.deepcopy(self.controller.document.metadata.fields)
        for name, widget in self.field_edits.items():
            values[name] = widget.value() if isinstance(widget, Pair) else widget.text()
        self._set("fields", values, typing=True)

    def _on_behalf_toggled(self, checked: bool) -> None:
        self.on_behalf_text.setEnabled(checked)
        if self._loading:
            return
        document = self.controller.document
        current = document.metadata.sponsors_note
        if checked and current is None:
            note = new_footnote(
                document, {"en": [Text("On behalf of …")], "fr": [Text("Au nom de …")]}
            )
            note.symbol = "*"
            self.controller.execute(
                Compound(
                    [AddFootnote(note), SetMetadata("sponsors_note", note.id)], name="Edit details"
                )
            )
        elif not checked and current is not None:
            self.controller.execute(
                Compound(
                    [SetMetadata("sponsors_note", None), RemoveFootnote(current)],
                    name="Edit details",
                )
            )

    def _note_edited(self, lang: str, text: str) -> None:
        note_id = self.controller.document.metadata.sponsors_note
        if note_id and not self._loading:
            self.controller.execute(
                SetFootnoteText(note_id, lang, [Text(text)] if text else []), typing=True
            )

    def _meeting_edited(self) -> None:
        meeting = Meeting(
            place=self.place.value(),
            start=pydate(self.start.date()),
            end=pydate(self.end.date()),
            hijri=copy.deepcopy(self.controller.document.metadata.meeting.hijri)
            if self.controller.document.metadata.meeting
            else None,
        )
        self._set("meeting", meeting, typing=True)

    # Reading -------------------------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        """Show the document's values after an edit or an undo."""
        if change.kind in (ChangeKind.METADATA, ChangeKind.STRUCTURE, ChangeKind.FOOTNOTE):
            self.refresh()

    def refresh(self) -> None:
        """Put the document's metadata into the widgets without sending commands (the
        form is built first if it is not yet)."""
        if not self._built:
            self.build()
        meta = self.controller.document.metadata
        self._loading = True
        try:
            self.body.setCurrentIndex(max(self.body.findData(meta.body), 0))
            if self.symbol.text() != meta.symbol:
                self.symbol.setText(meta.symbol)
            self.distribution.setCurrentIndex(
                max(self.distribution.findData(meta.distribution), 0)
            )
            self.dated.setChecked(meta.date is not None)
            self.date.setEnabled(meta.date is not None)
            self.date.setDate(qdate(meta.date))
            self.source.setCurrentIndex(max(self.source.findData(meta.source_language), 0))
            self.original.setCurrentIndex(max(self.original.findData(meta.original_language), 0))
            self.session_number.setValue(meta.session or 0)
            if self.agenda_item.text() != meta.agenda_item:
                self.agenda_item.setText(meta.agenda_item)
            self.agenda_title.set_value(meta.agenda_title)
            self.title.set_value(meta.title)
            for lang, edit in self.sponsors.items():
                text = "\n".join(meta.sponsors.get(lang, []))
                current = [x.strip() for x in edit.toPlainText().splitlines() if x.strip()]
                if current != meta.sponsors.get(lang, []):
                    edit.setPlainText(text)
            note = (
                self.controller.document.footnote(meta.sponsors_note)
                if meta.sponsors_note
                else None
            )
            self.on_behalf.setChecked(note is not None)
            self.on_behalf_text.setEnabled(note is not None)
            self.on_behalf_text.set_value(
                {lang: plain_text(items) for lang, items in note.text.items()} if note else {}
            )
            for name, widget in self.field_edits.items():
                value = meta.fields.get(name, self.controller.session.pack.fields[name].default)
                if isinstance(widget, Pair):
                    widget.set_value(value if isinstance(value, dict) else {})
                elif widget.text() != str(value or ""):
                    widget.setText(str(value or ""))
            if self.meeting_box is not None:
                meeting = meta.meeting or Meeting()
                self.place.set_value(meeting.place)
                self.start.setDate(qdate(meeting.start))
                self.end.setDate(qdate(meeting.end or meeting.start))
                self.hijri.setText(hijri_text(meeting))
        finally:
            self._loading = False
