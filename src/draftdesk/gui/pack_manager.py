"""The Template Packs dialog: list, import (file or drag-and-drop), remove and export packs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.errors import DraftDeskError
from draftdesk.gui.i18n import _
from draftdesk.gui.pack_preview import PackPreviewDialog, needs_confirmation, signature_text
from draftdesk.packs.catalog import PackListing, export, list_packs, remove
from draftdesk.packs.install import PackPreview, install, preview
from draftdesk.packs.locations import PACK_SUFFIX
from draftdesk.packs.registry import PackRegistry, PackSource
from draftdesk.packs.signing import SignatureState
from draftdesk.packs.trust import TrustedKeys


class PackManagerDialog(QDialog):
    """Installed packs with their signature status; every change goes through the core.

    `registry` is the application's own, so a pack installed here is offered at once by
    New…; `config_folder` holds the trusted keys; `in_use` is the (id, version) of the open
    document's pack, which cannot be removed from under it.
    """

    COLUMNS = 6

    def __init__(
        self,
        registry: PackRegistry,
        config_folder: Path,
        parent: QWidget | None = None,
        in_use: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pack-manager-dialog")
        self.setWindowTitle(_("Template Packs"))
        self.setAcceptDrops(True)
        self.resize(1150, 480)
        self.registry = registry
        self.config_folder = config_folder
        self.in_use = in_use
        self.listings: list[PackListing] = []
        layout = QVBoxLayout(self)
        hint = QLabel(_("Drop a .ddpack file here to install it, or use Import…"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("pack-table")
        self.table.setAccessibleName(_("Installed template packs"))
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Id"), _("Version"), _("Author"), _("Source"), _("Signature")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.import_button = QPushButton(_("&Import…"), self)
        self.export_button = QPushButton(_("E&xport…"), self)
        self.remove_button = QPushButton(_("&Remove"), self)
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button.clicked.connect(self.export_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.import_button, self.export_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    # The list

    def refresh(self, select: tuple[str, str] | None = None) -> None:
        """Re-read the packs (re-verifying signatures) and select `select` if given."""
        self.registry.refresh()
        try:
            trusted = TrustedKeys.load(self.config_folder)
        except DraftDeskError as exc:
            self._error(_("The trusted keys cannot be read"), str(exc))
            trusted = TrustedKeys(self.config_folder / "trusted-keys.toml")
        self.listings = list_packs(self.registry, trusted)
        self.table.setRowCount(len(self.listings))
        for row, item in enumerate(self.listings):
            source = _("Built-in") if item.source is PackSource.BUILTIN else _("Installed")
            status = signature_text(item.signature)
            if item.problem:
                status = _("Cannot be loaded: {reason}").format(reason=item.problem)
            cells = [item.name or item.id, item.id, item.version, item.author, source, status]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.problem or text)
                self.table.setItem(row, column, cell)
            if (item.id, item.version) == select:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> PackListing | None:
        """The pack version selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.listings[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        self.export_button.setEnabled(item is not None and not item.problem)
        self.remove_button.setEnabled(item is not None and item.source is PackSource.INSTALLED)
        if item is not None and item.source is PackSource.BUILTIN:
            self.remove_button.setToolTip(_("Built-in packs cannot be removed"))
        else:
            self.remove_button.setToolTip(_("Remove the selected pack version"))

    # Import

    def import_dialog(self) -> None:
        """Ask for a .ddpack file and install it after a preview."""
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import Template Pack"), "", _("DraftDesk packs (*.ddpack)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, archive: Path) -> bool:
        """Preview, confirm and install one archive; True when it was installed."""
        try:
            shown = preview(archive, self.registry, TrustedKeys.load(self.config_folder))
        except DraftDeskError as exc:
            self._error(_("This pack cannot be installed"), str(exc))
            return False
        if shown.signature.state is SignatureState.INVALID:
            refusal = shown.refusal(allow_unsigned=True) or signature_text(shown.signature)
            self._error(_("This pack was changed after it was signed"), refusal)
            return False
        if not self.confirm_preview(shown):
            return False
        if needs_confirmation(shown.signature) and not self._confirm_untrusted(shown):
            return False
        try:
            pack = install(
                archive,
                self.registry,
                TrustedKeys.load(self.config_folder),
                allow_unsigned=needs_confirmation(shown.signature),
            )
        except DraftDeskError as exc:
            self.registry.refresh()
            self._error(_("This pack cannot be installed"), str(exc))
            return False
        self.refresh(select=(pack.id, pack.version))
        QMessageBox.information(
            self,
            _("Template Packs"),
            _("{pack} {version} is installed. New… now offers it.").format(
                pack=pack.name, version=pack.version
            ),
        )
        return True

    def confirm_preview(self, shown: PackPreview) -> bool:
        """Show what the pack adds; True when the user chose Install."""
        return PackPreviewDialog(shown, self).exec() == QDialog.DialogCode.Accepted

    def _confirm_untrusted(self, shown: PackPreview) -> bool:
        author = shown.pack.author if shown.pack else ""
        if shown.signature.signer:
            reason = _("It is signed by {signer}, whose key you have not trusted.").format(
                signer=shown.signature.signer
            )
        else:
            reason = _("It is not signed: nothing shows who made it or that it is unchanged.")
        answer = QMessageBox.warning(
            self,
            _("Install a pack you have not trusted?"),
            _("This pack says it comes from “{author}”.").format(author=author or _("unknown"))
            + "\n"
            + reason
            + "\n"
            + _("Install it only if you know where it comes from."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Accept a drag that carries one local .ddpack file."""
        if _dropped_pack(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Install the dropped .ddpack (after its preview)."""
        path = _dropped_pack(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_path(path)

    # Remove and export

    def remove_selected(self) -> None:
        """Remove the selected installed version, after confirmation."""
        item = self.selected()
        if item is None:
            return
        if item.source is PackSource.BUILTIN:
            self._error(_("Built-in packs cannot be removed"), f"{item.id} {item.version}")
            return
        if (item.id, item.version) == self.in_use:
            self._error(
                _("This pack cannot be removed"),
                _("The open document uses {pack} {version}.").format(
                    pack=item.id, version=item.version
                ),
            )
            return
        answer = QMessageBox.question(
            self,
            _("Remove Template Pack"),
            _("Remove {pack} {version}? Documents written with it will ask for it.").format(
                pack=item.name or item.id, version=item.version
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            remove(self.registry, item.id, item.version)
        except DraftDeskError as exc:
            self._error(_("This pack cannot be removed"), str(exc))
        self.refresh()

    def export_selected(self) -> None:
        """Write the selected pack version as a .ddpack to share."""
        item = self.selected()
        if item is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export Template Pack"),
            f"{item.id}-{item.version}{PACK_SUFFIX}",
            _("DraftDesk packs (*.ddpack)"),
        )
        if not path:
            return
        output = Path(path)
        if output.suffix != PACK_SUFFIX:
            output = output.with_name(output.name + PACK_SUFFIX)
        try:
            status = export(self.registry, item.id, output, item.version)
        except DraftDeskError as exc:
            self._error(_("The pack cannot be exported"), str(exc))
            return
        QMessageBox.information(
            self,
            _("Template Packs"),
            _("{pack} {version} was written to {path} ({status}).").format(
                pack=item.id,
                version=item.version,
                path=output,
                status=_("signed by {signer}").format(signer=status.signer)
                if status.signer
                else _("unsigned"),
            ),
        )

    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)


def _dropped_pack(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local .ddpack file a drag carries, or None."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == PACK_SUFFIX else None


def open_pack_manager(
    registry: PackRegistry,
    config_folder: Path,
    parent: QWidget | None,
    in_use: tuple[str, str] | None = None,
    archive: Path | None = None,
) -> None:
    """Show the Template Packs dialog modally; with `archive` (a .ddpack opened from the
    file manager), its preview and installation start as soon as the dialog shows."""
    dialog = PackManagerDialog(registry, config_folder, parent, in_use)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if archive is not None:
        QTimer.singleShot(0, dialog, lambda: dialog.import_path(archive))
    dialog.exec()
