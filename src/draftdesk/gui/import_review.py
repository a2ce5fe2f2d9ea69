"""File ▸ Import: choose a Word or text file, review how each paragraph was read, open it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.commands import Editor
from draftdesk.errors import DraftDeskError
from draftdesk.gui.i18n import N_, _, current_language
from draftdesk.gui.messages import show_error
from draftdesk.importers.build import Built, build_document
from draftdesk.importers.compare import check_rendering
from draftdesk.importers.importer import ImportOptions, import_file
from draftdesk.importers.report import format_report
from draftdesk.importers.result import Change, ImportItem, ImportResult, ItemKind, inline_text
from draftdesk.importers.review import reclassify
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry
from draftdesk.session import Session

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow

IMPORT_FILTER = "Word / Text (*.docx *.txt)"
UNSURE_COLOUR = QColor("#fff1c2")

KIND_NAMES: dict[ItemKind, str] = {
    ItemKind.MASTHEAD: N_("Masthead field"),
    ItemKind.TITLE: N_("Title"),
    ItemKind.SPONSORS: N_("Sponsors"),
    ItemKind.OPENING: N_("Opening formula"),
    ItemKind.PREAMBULAR: N_("Preambular paragraph"),
    ItemKind.OPERATIVE: N_("Operative paragraph"),
    ItemKind.SUBPARAGRAPH: N_("Sub-paragraph"),
    ItemKind.CONTINUATION: N_("Continues the paragraph before"),
    ItemKind.CLOSING: N_("Closing line"),
    ItemKind.ANNEX_HEADING: N_("Annex heading"),
    ItemKind.ANNEX: N_("Annex paragraph"),
    ItemKind.IGNORED: N_("Ignored (left out)"),
}
"""The classifications the user can choose, in the order of a resolution."""

COLUMNS: tuple[str, ...] = (N_("Where"), N_("Read as"), N_("Level"), N_("Confidence"))
COLUMNS += (N_("Opener"), N_("Text"), N_("Changes"))
WHERE, KIND, LEVEL, CONFIDENCE, OPENER, TEXT, CHANGES = range(len(COLUMNS))


class ImportSetupDialog(QDialog):
    """The file to import, and the pack, body and language (each detected unless chosen)."""

    def __init__(self, registry: PackRegistry, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import Word or Text File"))
        self.setObjectName("import-setup-dialog")
        self.registry, self.folder = registry, folder
        self.path = QLineEdit(self)
        self.path.setAccessibleName(_("File to import"))
        browse = QPushButton(_("&Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.pack = QComboBox(self)
        self.pack.setAccessibleName(_("Template pack"))
        self.pack.addItem(_("Detect from the text"), None)
        for pack_id in registry.ids():
            self.pack.addItem(registry.get(pack_id).name, pack_id)
        self.body = QComboBox(self)
        self.body.setAccessibleName(_("Body"))
        self.lang = QComboBox(self)
        self.lang.setAccessibleName(_("Language"))
        self.lang.addItem(_("Detect from the text"), None)
        self.lang.addItem(_("English"), "en")
        self.lang.addItem(_("French"), "fr")
        form = QFormLayout()
        form.addRow(_("&File:"), row)
        form.addRow(_("&Organization and house style:"), self.pack)
        form.addRow(_("&Body:"), self.body)
        form.addRow(_("&Language:"), self.lang)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Import"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.pack.currentIndexChanged.connect(self._fill_bodies)
        self._fill_bodies()

    def _fill_bodies(self, _index: int = 0) -> None:
        self.body.clear()
        self.body.addItem(_("Detect from the text"), None)
        pack_id = self.pack.currentData()
        if pack_id is not None:
            lang = current_language()
            for key, body in self.registry.get(str(pack_id)).bodies.items():
                self.body.addItem(body.name.get(lang) or body.name.get("en", key), key)
        self.body.setEnabled(pack_id is not None)

    def browse(self) -> None:
        """Choose the file with the system's file dialog."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Import Word or Text File"), self.folder, IMPORT_FILTER
        )
        if chosen:
            self.path.setText(chosen)

    def _accept(self) -> None:
        if self.path.text().strip():
            self.accept()

    def choice(self) -> tuple[Path, ImportOptions]:
        """The chosen file and what the user fixed instead of letting the import detect it."""
        options = ImportOptions(
            pack=self.pack.currentData(),
            body=self.body.currentData(),
            lang=self.lang.currentData(),
        )
        return Path(self.path.text().strip()), options


class ImportReviewDialog(QDialog):
    """Every source paragraph with its classification, confidence, opener and changes.

    Changing a row's classification (or a sub-paragraph's level) re-classifies the item in
    the core (review.reclassify); Accept builds the document the corrected import describes.
    """

    def __init__(self, result: ImportResult, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported, self.pack = result, pack
        self.built: Built | None = None
        self.setWindowTitle(_("Import Resolution"))
        self.setObjectName("import-review-dialog")
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setAccessibleName(_("Paragraphs as read"))
        self.table.setHorizontalHeaderLabels([_(name) for name in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        # One line a row keeps 60 rows scannable; the whole paragraph is in the tooltip.
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.kinds: dict[str, QComboBox] = {}
        self.levels: dict[str, QSpinBox] = {}
        self.rows: dict[str, int] = {}
        self._fill()
        report = QPushButton(_("Show &Report…"), self)
        report.clicked.connect(self.show_report)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Accept and Open"))
        self.buttons.addButton(report, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1300, 720)
        self._update_summary()

    # Rows ------------------------------------------------------------------------------------

    def _fill(self) -> None:
        result = self.imported
        self.headline.setText(
            _("{name}: read as {lang}, {pack}, {body}.").format(
                name=result.source_name,
                lang=_("English") if result.lang == "en" else _("French"),
                pack=self.pack.name,
                body=_body_name(self.pack, result.body),
            )
        )
        self.table.setRowCount(len(result.items) + len(result.notes))
        for row, item in enumerate(result.items):
            self.rows[item.id] = row
            kind = QComboBox(self.table)
            kind.setAccessibleName(_("Read as"))
            for value, name in KIND_NAMES.items():
                kind.addItem(_(name), value.value)
            kind.setCurrentIndex(kind.findData(item.kind.value))
            kind.currentIndexChanged.connect(lambda _i, ident=item.id: self._reclassify(ident))
            level = QSpinBox(self.table)
            level.setAccessibleName(_("Level"))
            level.setRange(1, 3)
            level.setValue(max(item.level, 1))
            level.valueChanged.connect(lambda _v, ident=item.id: self._reclassify(ident))
            self.kinds[item.id], self.levels[item.id] = kind, level
            self.table.setCellWidget(row, KIND, kind)
            self.table.setCellWidget(row, LEVEL, level)
            self._show_item(row, item)
        by_where: dict[str, list[Change]] = {}
        for change in result.changes:
            by_where.setdefault(change.where, []).append(change)
        for offset, note in enumerate(result.notes.values()):
            row = len(result.items) + offset
            number = note.symbol or note.key
            cells = {
                WHERE: note.where,
                KIND: _("Footnote {number}").format(number=number),
                CONFIDENCE: "",
                OPENER: "",
                TEXT: inline_text(note.text),
                CHANGES: _changes(by_where.get(note.where, [])),
            }
            for column, text in cells.items():
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(OPENER, min(self.table.columnWidth(OPENER), 220))
        self.table.setColumnWidth(KIND, min(self.table.columnWidth(KIND), 230))
        self.table.setColumnWidth(CHANGES, 280)

    def _show_item(self, row: int, item: ImportItem) -> None:
        opener = item.opener_text
        if item.unmatched_opener:
            opener = _("{opener} (not in the phrase library)").format(opener=item.unmatched_opener)
        elif item.clause:
            opener = f"{opener} [{item.clause}]".strip()
        confidence = f"{round(item.confidence * 100)} %"
        if item.unsure:
            confidence = _("{percent} — check").format(percent=confidence)
        cells = {
            WHERE: item.where,
            CONFIDENCE: confidence,
            OPENER: opener,
            TEXT: item.source,
            CHANGES: _changes(item.changes),
        }
        for column, text in cells.items():
            cell = QTableWidgetItem(text)
            cell.setToolTip("\n".join([item.source, *item.reasons]))
            if item.unsure:
                cell.setBackground(QBrush(UNSURE_COLOUR))
            self.table.setItem(row, column, cell)
        self.levels[item.id].setEnabled(item.kind is ItemKind.SUBPARAGRAPH)

    def _reclassify(self, item_id: str) -> None:
        kind = ItemKind(str(self.kinds[item_id].currentData()))
        try:
            item = reclassify(
                self.imported, item_id, kind, self.pack, level=self.levels[item_id].value()
            )
        except DraftDeskError as exc:
            show_error(self, _("Cannot change the paragraph"), str(exc))
            return
        self._show_item(self.rows[item_id], item)
        self._update_summary()

    # Summary, report, accept -----------------------------------------------------------------

    def unsure_count(self) -> int:
        """How many items the importer was unsure of (highlighted rows)."""
        return sum(1 for item in self.imported.items if item.unsure)

    def _update_summary(self) -> None:
        counts = self.imported.counts()
        changes = len(self.imported.changes) + sum(len(i.changes) for i in self.imported.items)
        self.summary.setText(
            _(
                "{preambular} preambular and {operative} operative paragraphs, "
                "{sub} sub-paragraphs, {notes} footnotes. {changes} changes to the text. "
                "{count} places to check."
            ).format(
                preambular=counts.preambular,
                operative=counts.operative,
                sub=counts.subparagraphs,
                notes=counts.footnotes + counts.symbol_notes,
                changes=changes,
                count=self.unsure_count(),
            )
        )

    def build(self) -> Built:
        """The document as the import now describes it (DraftDeskError when it cannot be)."""
        return build_document(self.imported, self.pack)

    def report_text(self) -> str:
        """The full import report, as `draftdesk import` prints it."""
        built = self.build()
        check = check_rendering(self.imported, built, self.pack)
        return format_report(self.imported, built, check)

    def show_report(self) -> None:
        """The full report in a read-only window."""
        try:
            text = self.report_text()
        except DraftDeskError as exc:
            show_error(self, _("Cannot build the document"), str(exc))
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(_("Import Report"))
        dialog.setObjectName("import-report-dialog")
        view = QPlainTextEdit(text, dialog)
        view.setReadOnly(True)
        view.setAccessibleName(_("Import Report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(900, 600)
        dialog.exec()

    def _accept(self) -> None:
        try:
            self.built = self.build()
        except DraftDeskError as exc:
            show_error(self, _("Cannot build the document"), str(exc))
            return
        self.accept()


def _body_name(pack: Pack, key: str) -> str:
    body = pack.bodies.get(key)
    if body is None:
        return key
    return body.name.get(current_language()) or body.name.get("en", key)


def _changes(changes: list[Change]) -> str:
    return "; ".join(f"“{c.before}” → “{c.after}”" for c in changes)


def read_for_review(
    window: MainWindow, path: Path, options: ImportOptions
) -> ImportReviewDialog | None:
    """Import `path` into a review dialog; None (after an error dialog) when it cannot be."""
    registry = window.context.registry
    try:
        result = import_file(path, registry, options)
        pack = registry.get(result.pack_id)
    except (DraftDeskError, OSError) as exc:
        message = _(
            "“{name}” could not be imported:\n{reason}\n\nYour current document is unchanged."
        ).format(name=path.name, reason=exc)
        show_error(window, _("Cannot import the file"), message)
        return None
    return ImportReviewDialog(result, pack, window)


def run_import(window: MainWindow) -> bool:
    """The whole flow: choose, import, review, open as a new unsaved document."""
    settings = window.context.settings
    setup = ImportSetupDialog(
        window.context.registry, settings.last_folder or str(Path.home()), window
    )
    if not setup.exec():
        return False
    path, options = setup.choice()
    review = read_for_review(window, path, options)
    if review is None or not review.exec() or review.built is None:
        return False
    return open_imported(window, review.built, review.pack, path)


def open_imported(window: MainWindow, built: Built, pack: Pack, source: Path) -> bool:
    """Show the built document as a new, unsaved document with no file yet."""
    if not window.files.may_discard():
        return False
    # One pending change and no file: the title shows "Untitled*" and closing asks to save.
    window.set_session(Session(Editor(built.document, changes=1), pack))
    window.context.settings.last_folder = str(source.resolve().parent)
    window.context.save_settings()
    return True
