"""Export to Word (or text) in English, French or both, with progress and "open the file"."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from draftdesk.errors import DraftDeskError
from draftdesk.export.registry import EXPORTERS
from draftdesk.exporting import ExportRequest, default_languages, render_layouts, write_exports
from draftdesk.gui.controller import DocumentController
from draftdesk.gui.i18n import N_, _

FORMAT_NAMES = {"docx": N_("Word (.docx)"), "txt": N_("Plain text (.txt)")}


class ExportDialog(QDialog):
    """Choose format, languages and file name."""

    def __init__(
        self, controller: DocumentController, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export"))
        self.setObjectName("export-dialog")
        document = controller.document
        self.format = QComboBox(self)
        self.format.setAccessibleName(_("Format"))
        for name in sorted(EXPORTERS, key=lambda key: (key != "docx", key)):
            self.format.addItem(_(FORMAT_NAMES.get(name, name)), name)
        self.languages = QComboBox(self)
        self.languages.setAccessibleName(_("Languages"))
        both = default_languages(document)
        self.languages.addItem(_("English and French (two files)"), ",".join(both))
        self.languages.addItem(_("English only"), "en")
        self.languages.addItem(_("French only"), "fr")
        stem = (controller.session.path.stem if controller.session.path else "") or (
            document.metadata.symbol.replace("/", "-") or _("resolution")
        )
        self.path = QLineEdit(str(folder / stem), self)
        self.path.setAccessibleName(_("Export to file"))
        browse = QPushButton(_("Browse…"), self)
        browse.setAccessibleName(_("Choose the export file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("&Format:"), self.format)
        form.addRow(_("&Languages:"), self.languages)
        form.addRow(_("&File:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 160)

    def _browse(self) -> None:
        fmt = str(self.format.currentData())
        suffix = EXPORTERS[fmt].suffix
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export to"), self.path.text() + suffix, f"*{suffix}"
        )
        if chosen:
            self.path.setText(str(Path(chosen).with_suffix("")))

    def request(self) -> ExportRequest:
        """What the user asked for."""
        languages = tuple(str(self.languages.currentData()).split(","))
        return ExportRequest(str(self.format.currentData()), languages, Path(self.path.text()))


class ExportJob(QObject):
    """Draws and writes the files on a worker thread; the Layouts are rendered before."""

    progress = Signal(int, int)
    finished = Signal(list)  # written paths
    failed = Signal(str)

    def __init__(self, controller: DocumentController, request: ExportRequest) -> None:
        super().__init__()
        self.request = request
        self.pack = controller.session.pack
        # Rendering reads the live document, so it happens here, on the GUI thread.
        self.layouts = render_layouts(controller.document, self.pack, request.languages)

    def start(self) -> None:
        """Run in the background; `finished` or `failed` is emitted on the GUI thread."""
        threading.Thread(target=self._run, name="draftdesk-export", daemon=True).start()

    def _run(self) -> None:
        try:
            written = write_exports(
                self.request, self.layouts, self.pack, lambda d, t: self.progress.emit(d, t)
            )
        except DraftDeskError as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit(written)


def run_export(
    controller: DocumentController, request: ExportRequest, parent: QWidget
) -> ExportJob | None:
    """Start an export with a progress dialog; the result is offered to open when done."""
    try:
        job = ExportJob(controller, request)
    except (DraftDeskError, ValueError) as exc:
        failed(parent, str(exc))
        return None
    progress = QProgressDialog(_("Exporting…"), "", 0, 2 * len(request.languages), parent)
    progress.setObjectName("export-progress")
    progress.setWindowTitle(_("Export"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def advanced(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)

    def finished(paths: list[Path]) -> None:
        progress.close()
        offer(parent, paths)

    def went_wrong(message: str) -> None:
        progress.close()
        failed(parent, message)

    job.progress.connect(advanced)
    job.finished.connect(finished)
    job.failed.connect(went_wrong)
    job.setParent(parent)
    job.start()
    return job


def failed(parent: QWidget, message: str) -> None:
    """Tell the user the export failed (nothing half written)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("Export failed"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("export-failed")
    box.setInformativeText(_("No file was left half written."))
    box.open()


def offer(parent: QWidget, paths: list[Path]) -> QMessageBox:
    """Say where the files are and offer to open them (non-blocking)."""
    names = "\n".join(str(path) for path in paths)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Export finished"),
        _("Written:") + "\n" + names,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("export-finished")
    open_button = box.addButton(_("Open"), QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open-export")
    folder_button = box.addButton(_("Show folder"), QMessageBox.ButtonRole.ActionRole)
    folder_button.setObjectName("show-folder")
    box.setProperty("paths", [str(path) for path in paths])

    def clicked(button: object) -> None:
        if button is open_button:
            for path in paths:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0].parent)))

    box.buttonClicked.connect(clicked)
    box.open()
    return box
