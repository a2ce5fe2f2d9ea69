"""Inserting a footnote (new, or the same one again) and a cross-reference, by command."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.controller import DocumentController
from draftdesk.gui.i18n import _
from draftdesk.gui.inline_edit import InlineTextEdit
from draftdesk.gui.outline_tree import snippet
from draftdesk.model.document import Part
from draftdesk.model.inline import Inline, plain_text
from draftdesk.palette import fold

ID_ROLE = 256


class FootnoteDialog(QDialog):
    """A new footnote (English and French text) or a repeat of an existing one.

    The UN repeats a footnote's number when the same source is cited again; choosing an
    existing footnote does exactly that.
    """

    def __init__(
        self, controller: DocumentController, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Insert footnote"))
        self.setObjectName("footnote-dialog")
        document = controller.document
        marks = controller.footnote_marks(lang)
        self.new = QRadioButton(_("&New footnote"), self)
        self.new.setObjectName("new-footnote")
        self.existing = QRadioButton(_("&Same footnote again (repeats its number)"), self)
        self.existing.setObjectName("existing-footnote")
        self.texts: dict[str, InlineTextEdit] = {}
        row = QHBoxLayout()
        for code in ("en", "fr"):
            column = QVBoxLayout()
            name = _("English") if code == "en" else _("French")
            field = InlineTextEdit(lambda _kind, _ident: "", self)
            field.setObjectName(f"footnote-text-{code}")
            field.setAccessibleName(_("{language} text of the new footnote").format(language=name))
            field.setPlaceholderText(_("The complete note, with its final full stop"))
            field.setMaximumHeight(90)
            column.addWidget(QLabel(name, self))
            column.addWidget(field)
            row.addLayout(column)
            self.texts[code] = field
        self.list = QListWidget(self)
        self.list.setObjectName("footnote-list")
        self.list.setAccessibleName(_("Existing footnotes"))
        for note in document.footnotes:
            if note.symbol:
                continue
            mark = marks.get(note.id, "–")
            text = plain_text(note.text.get(lang, []) or note.text.get("en", []))
            item = QListWidgetItem(f"{mark}  {text[:100]}")
            item.setData(ID_ROLE, note.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.existing.setEnabled(self.list.count() > 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Insert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new)
        layout.addLayout(row)
        layout.addWidget(self.existing)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.new.toggled.connect(self._mode)
        self.new.setChecked(True)
        self._mode(True)
        self.resize(640, 420)

    def _mode(self, new: bool) -> None:
        for field in self.texts.values():
            field.setEnabled(new)
        self.list.setEnabled(not new)

    def new_text(self) -> dict[str, list[Inline]]:
        """The new footnote's text by language (empty languages left out)."""
        return {code: field.items() for code, field in self.texts.items() if field.items()}

    def existing_id(self) -> str | None:
        """The footnote chosen to repeat, when "same footnote again" is chosen."""
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if self.existing.isChecked() and item else None


class CrossReferenceDialog(QDialog):
    """Pick the paragraph to refer to; the text ("paragraph 5 above") is computed."""

    def __init__(
        self,
        controller: DocumentController,
        from_id: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Insert cross-reference"))
        self.setObjectName("crossref-dialog")
        document = controller.document
        pack = controller.session.pack
        body = pack.bodies[document.metadata.body]
        numbers = controller.numbers()
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(_("Filter paragraphs"))
        self.filter.setPlaceholderText(_("Type to filter…"))
        self.list = QListWidget(self)
        self.list.setObjectName("crossref-list")
        self.list.setAccessibleName(_("Paragraphs"))
        for paragraph in document.all_paragraphs():
            if paragraph.id == from_id:
                continue
            part = document.part_of(paragraph.id)
            if part is Part.ANNEX:
                continue
            position = numbers.positions[paragraph.id]
            label = numbers.label(paragraph.id, lang)
            if part is Part.PREAMBLE and not position.path:
                label = _("Preamble {number}").format(number=position.top_index)
            elif position.path:
                label = f"{position.top_index} {label}"
            item = QListWidgetItem(f"{label}  {snippet(paragraph, pack, body, part, lang)}")
            item.setData(ID_ROLE, paragraph.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Insert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Refer to paragraph:"), self))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.resize(640, 480)

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        first = None
        for index in range(self.list.count()):
            item = self.list.item(index)
            hidden = bool(wanted) and wanted not in fold(item.text())
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def chosen(self) -> str | None:
        """The id of the chosen paragraph."""
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item and not item.isHidden() else None
