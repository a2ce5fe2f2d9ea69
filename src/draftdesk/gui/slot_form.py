"""Forms for the typed slots of a clause template: texts, dates, citations, ordinals, entities."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _, current_language
from draftdesk.gui.slot_widgets import LANGS, ChoiceBox, LanguageLines
from draftdesk.gui.translation_words import in_both_languages, reading_order
from draftdesk.language import session_ordinal
from draftdesk.model.document import Document
from draftdesk.model.inline import plain_text
from draftdesk.packs.model import Clause, Pack, SlotSpec, SlotType
from draftdesk.palette import has_placeholder


def _qdate(value: Any) -> QDate:
    try:
        parsed = date.fromisoformat(str(value))
    except ValueError:
        parsed = date.today()
    return QDate(parsed.year, parsed.month, parsed.day)


def _iso(value: QDate) -> str:
    return date(value.year(), value.month(), value.day()).isoformat()


def _date_edit(parent: QWidget, value: Any, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setAccessibleName(name)
    return edit


def _focusable(widget: QWidget) -> QWidget | None:
    """The first control of a row that takes the keyboard (the row itself, or a child)."""
    for candidate in [widget, *widget.findChildren(QWidget)]:
        tab = candidate.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        if tab and candidate.isEnabled():
            return candidate
    return None


class SlotForm(QWidget):
    """One row per slot of a clause; every change emits the whole new slot dictionary."""

    slots_changed = Signal(dict, bool)  # new slot values, typing (merge into one step)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        # A row whose field cannot have its width beside the caption (a name in a choice,
        # the language lines of a text) puts the caption above it instead of cutting it.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, Any] = {}
        self.order: tuple[str, ...] = LANGS  # how choices read: interface language first
        self._inputs: list[tuple[bool, QWidget]] = []  # (still to fill in, row widget)

    def show_clause(
        self, clause: Clause, values: dict[str, Any], pack: Pack, document: Document
    ) -> None:
        """Build the rows for `clause` filled with `values`."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = copy.deepcopy(values)
        self._inputs = []
        self.order = reading_order(document.metadata.languages)
        ui = current_language()
        for name, spec in clause.slots.items():
            label = spec.label.get(ui) or spec.label.get("en") or name
            if not spec.required:
                label = _("{label} (optional)").format(label=label)
            widget = self._row(name, spec, label, pack, document)
            caption = QLabel(_("{label}:").format(label=label), self)  # French: "Objet :"
            caption.setBuddy(_focusable(widget) or widget)
            todo = has_placeholder(self.values.get(name)) or (
                spec.required and self.values.get(name) in (None, "", [], {})
            )
            self._inputs.append((todo, widget))
            if has_placeholder(self.values.get(name)):
                caption.setText(_("{label} — to fill in:").format(label=label))
                caption.setStyleSheet("color:#9a6700; font-weight:bold;")
            if isinstance(widget, LanguageLines):
                # Caption above, lines across the whole form: room to type in each language.
                self.form.addRow(caption)
                self.form.addRow(widget)
            else:
                self.form.addRow(caption, widget)

    def first_input(self) -> QWidget | None:
        """Where typing should start: the first slot still to fill in, else the first slot."""
        ordered = [w for todo, w in self._inputs if todo] + [w for _t, w in self._inputs]
        for widget in ordered:
            found = _focusable(widget)
            if found is not None:
                return found
        return None

    def _set(self, name: str, value: Any, typing: bool = False) -> None:
        if value in (None, "", [], {}):
            self.values.pop(name, None)
        else:
            self.values[name] = value
        self.slots_changed.emit(copy.deepcopy(self.values), typing)

    def _row(
        self, name: str, spec: SlotSpec, label: str, pack: Pack, document: Document
    ) -> QWidget:
        value = self.values.get(name)
        kind = spec.type
        if kind is SlotType.TEXT:
            return self._text_row(name, value, label)
        if kind is SlotType.LIST:
            return self._list_row(name, value, label)
        if kind is SlotType.DATE:
            edit = _date_edit(self, value, label)
            edit.dateChanged.connect(lambda d, n=name: self._set(n, _iso(d)))
            return edit
        if kind is SlotType.DATE_RANGE:
            return self._range_row(name, value, label)
        if kind is SlotType.CITATIONS:
            return self._citations_row(name, value, label)
        if kind in (SlotType.ORDINAL, SlotType.NUMBER):
            return self._number_row(name, value, label, ordinal=kind is SlotType.ORDINAL)
        if kind is SlotType.ENTITY:
            combo = ChoiceBox(self, label)
            first, second = self.order[:2]
            for key, names in pack.entities.items():
                forms = {lang: names.get(lang, key) for lang in LANGS}
                combo.add_choice(
                    f"{forms[first]} — {forms[second]}",
                    key,
                    short=forms[first],  # the list and the tooltip hold both languages
                    tooltip=in_both_languages(forms, self.order),
                )
            combo.choose(value)
            combo.currentIndexChanged.connect(
                lambda _i, n=name, c=combo: self._set(n, c.currentData())
            )
            return combo
        # SlotType.FOOTNOTE: room for a symbol such as "A/71/160-S/2016/621." (20).
        combo = ChoiceBox(self, label, fit_chars=24)
        combo.add_choice(_("(no footnote)"), "")
        for note in document.footnotes:
            whole = plain_text(note.text.get("en", []))
            combo.add_choice(whole[:60] or note.id, note.id, tooltip=whole or note.id)
        combo.choose(value or "")
        combo.currentIndexChanged.connect(
            lambda _i, n=name, c=combo: self._set(n, c.currentData())
        )
        return combo

    def _text_row(self, name: str, value: Any, label: str) -> QWidget:
        texts = value if isinstance(value, dict) else {lang: value or "" for lang in LANGS}
        lines = LanguageLines(self, name, label, texts)
        lines.edited.connect(lambda: self._set(name, lines.texts(), True))
        return lines

    def _list_row(self, name: str, value: Any, label: str) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        lists = value if isinstance(value, dict) else {lang: value or [] for lang in LANGS}
        edits: dict[str, QPlainTextEdit] = {}
        for lang in LANGS:
            edit = QPlainTextEdit("\n".join(lists.get(lang, [])), box)
            edit.setPlaceholderText(_("{lang}: one item per line").format(lang=lang.upper()))
            edit.setAccessibleName(f"{label} ({lang.upper()})")
            edit.setMaximumHeight(80)
            edits[lang] = edit
            row.addWidget(edit)

        def changed() -> None:
            self._set(
                name,
                {
                    lang: [x for x in edits[lang].toPlainText().splitlines() if x.strip()]
                    for lang in LANGS
                },
                True,
            )

        for edit in edits.values():
            edit.textChanged.connect(changed)
        return box

    def _range_row(self, name: str, value: Any, label: str) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        span = value if isinstance(value, dict) else {}
        start = _date_edit(box, span.get("start"), _("{label}: first day").format(label=label))
        end = _date_edit(
            box, span.get("end") or span.get("start"), _("{label}: last day").format(label=label)
        )
        row.addWidget(start)
        row.addWidget(QLabel("–", box))
        row.addWidget(end)

        def changed(_value: QDate) -> None:
            self._set(name, {"start": _iso(start.date()), "end": _iso(end.date())})

        start.dateChanged.connect(changed)
        end.dateChanged.connect(changed)
        return box

    def _number_row(self, name: str, value: Any, label: str, *, ordinal: bool) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        spin = QSpinBox(box)
        spin.setRange(1, 999)
        spin.setValue(value if isinstance(value, int) else 1)
        spin.setAccessibleName(label)
        words = QLabel(box)
        words.setAccessibleName(_("{label} in words").format(label=label))

        def changed(number: int) -> None:
            if ordinal:
                words.setText(" / ".join(session_ordinal(number, lang) for lang in self.order))
            self._set(name, number, True)

        spin.valueChanged.connect(changed)
        if ordinal:
            words.setText(" / ".join(session_ordinal(spin.value(), lang) for lang in self.order))
        row.addWidget(spin)
        row.addWidget(words, 1)
        return box

    def _citations_row(self, name: str, value: Any, label: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        table = QTableWidget(0, 2, box)
        table.setAccessibleName(label)
        table.setHorizontalHeaderLabels([_("Symbol"), _("Adopted on")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setMaximumHeight(160)
        rows = value if isinstance(value, list) else []

        def collect() -> None:
            citations = []
            for index in range(table.rowCount()):
                item = table.item(index, 0)
                symbol = item.text().strip() if item else ""
                picker = table.cellWidget(index, 1)
                entry: dict[str, Any] = {"symbol": symbol}
                if isinstance(picker, QDateEdit):
                    entry["date"] = _iso(picker.date())
                if symbol:
                    citations.append(entry)
            self._set(name, citations, True)

        def add_row(citation: dict[str, Any]) -> None:
            index = table.rowCount()
            table.insertRow(index)
            table.setItem(index, 0, QTableWidgetItem(str(citation.get("symbol", ""))))
            picker = _date_edit(table, citation.get("date"), _("Adoption date"))
            picker.dateChanged.connect(lambda _d: collect())
            table.setCellWidget(index, 1, picker)

        for citation in rows:
            add_row(citation)
        table.itemChanged.connect(lambda _item: collect())
        buttons = QHBoxLayout()
        add = QPushButton(_("Add resolution"), box)
        add.setAccessibleName(_("Add a cited resolution"))
        remove = QPushButton(_("Remove"), box)
        remove.setAccessibleName(_("Remove the selected resolution"))

        def add_clicked() -> None:
            add_row({"symbol": "", "date": date.today().isoformat()})
            item = table.item(table.rowCount() - 1, 0)
            if item is not None:
                table.setCurrentItem(item)
                table.editItem(item)

        def remove_clicked() -> None:
            table.removeRow(table.currentRow())
            collect()

        add.clicked.connect(add_clicked)
        remove.clicked.connect(remove_clicked)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column.addWidget(table)
        column.addLayout(buttons)
        return box
