"""File commands of a window: new, open, save, recent files, export, autosave, close."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from draftdesk.autosave import AutosaveSlot
from draftdesk.errors import DraftDeskError, NewerFormatError
from draftdesk.gui.disk_watch import DiskWatch
from draftdesk.gui.i18n import N_, _
from draftdesk.gui.messages import (
    ask_other_pack_version,
    ask_overwrite_changed,
    ask_save_changes,
    show_error,
)
from draftdesk.packs.registry import MissingPackVersionError
from draftdesk.session import FileChangedOnDiskError, Session, new_session, open_session

if TYPE_CHECKING:
    from draftdesk.gui.export_dialog import ExportJob
    from draftdesk.gui.main_window import MainWindow

FILE_FILTER = "DraftDesk (*.draftdesk)"
SWITCH_STEP = N_("Switch pack version")
"""The undo step of opening with another pack version (named in the core), for the catalogue."""


class DocumentFiles(QObject):
    """Everything that moves a document between the window and the disk.

    Nothing here can lose work: a failed open leaves the current document in place, a
    failed save keeps the edits in the window (and the previous file on disk), and the
    autosave keeps a copy in the user state folder until the document is saved or closed.
    """

    autosaved = Signal(int)  # number of autosaves so far

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.slot: AutosaveSlot | None = None
        if self.context.autosave:
            try:
                self.slot = self.context.autosave_store.open_slot()
            except (OSError, DraftDeskError):
                self.slot = None  # no autosave folder: the editor still works
        self.timer = QTimer(self)
        self.timer.setInterval(self.context.settings.autosave_seconds * 1000)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.soon = QTimer(self)  # structural edits: autosave as soon as the editor is idle
        self.soon.setSingleShot(True)
        self.soon.setInterval(300)
        self.soon.timeout.connect(self.autosave)
        self.last_job: ExportJob | None = None
        self._autosaved_changes: int | None = None
        self.watch = DiskWatch(self)

    @property
    def session(self) -> Session:
        """The window's current session."""
        return self.window.controller.session

    # Autosave ------------------------------------------------------------------------------

    def autosave(self) -> None:
        """Write the document to the autosave slot if it changed since the last autosave."""
        if self.slot is None:
            return
        session = self.session
        marker = self.window.controller.generation
        if not session.modified:
            self.slot.clear()
            self._autosaved_changes = None
            return
        if marker == self._autosaved_changes:
            return
        try:
            self.slot.write(session.document, session.path, session.display_name(_("Untitled")))
        except DraftDeskError as exc:
            self.window.statusBar().showMessage(str(exc), 10000)
            return
        self._autosaved_changes = marker
        self.window.status_line.show_autosaved()
        self.autosaved.emit(self.slot.writes)

    def close(self) -> None:
        """The window closes normally: remove the autosave and release its lock."""
        self.timer.stop()
        self.soon.stop()
        if self.slot is not None:
            self.slot.close()
            self.slot = None

    # Asking before losing edits --------------------------------------------------------------

    def may_discard(self) -> bool:
        """True when the current document can be replaced or closed (saved, or user agreed)."""
        if not self.session.modified:
            return True
        answer = ask_save_changes(self.window, self.session.display_name(_("Untitled")))
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # New and open ----------------------------------------------------------------------------

    def new_document(self) -> None:
        """Ask for pack and body, then start an untitled resolution."""
        if not self.may_discard():
            return
        from draftdesk.gui.dialogs import NewDocumentDialog  # not needed to start

        dialog = NewDocumentDialog(self.context.registry, self.context.settings, self.window)
        if not dialog.exec():
            return
        pack_id, body, source = dialog.choice()
        try:
            session = new_session(self.context.registry, pack_id, body, source_language=source)
        except DraftDeskError as exc:
            show_error(self.window, _("Cannot create the resolution"), str(exc))
            return
        self.context.settings.last_pack, self.context.settings.last_body = pack_id, body
        self.context.save_settings()
        self.window.set_session(session)

    def open_dialog(self) -> None:
        """Choose a file and open it."""
        if not self.may_discard():
            return
        folder = self.context.settings.last_folder or str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window, _("Open resolution"), folder, FILE_FILTER
        )
        if chosen:
            self.open_path(Path(chosen), ask=False)

    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open `path`; on any problem say what and where, and keep the current document."""
        if ask and not self.may_discard():
            return False
        try:
            session = self._open_session(path)
            if session is None:
                return False
        except NewerFormatError as exc:
            show_error(self.window, _("Made by a newer DraftDesk"), _newer_message(path, exc))
            return False
        except DraftDeskError as exc:
            show_error(self.window, _("Cannot open the file"), _open_message(path, exc))
            if not path.exists():
                self.context.settings.remove_recent(str(path))
                self.fill_recent_menu()
            return False
        self._remember(path)
        self.window.set_session(session)
        return True

    def _open_session(self, path: Path) -> Session | None:
        """The session of `path`; when its pack version is missing, offer the closest one.

        None when the user declines; any other problem raises for `open_path` to word.
        """
        try:
            return open_session(path, self.context.registry)
        except MissingPackVersionError as exc:
            if exc.closest is None:
                raise
            if not ask_other_pack_version(
                self.window, path.name, exc.pack_id, exc.version, exc.closest
            ):
                return None
            session = open_session(path, self.context.registry, pack_version=exc.closest)
            self.window.statusBar().showMessage(
                _("Opened with {pack} {version}: check the preview, then save.").format(
                    pack=exc.pack_id, version=exc.closest
                ),
                15000,
            )
            return session

    def _remember(self, path: Path) -> None:
        settings = self.context.settings
        settings.add_recent(path)
        settings.last_folder = str(Path(path).resolve().parent)
        self.context.save_settings()
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        """The File ▸ Open Recent menu from the settings."""
        window = self.window
        menu = window.menu.recent_menu
        menu.clear()
        for text in window.context.settings.recent_files:
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, path=text: self.open_path(Path(path)))
        menu.setEnabled(bool(window.context.settings.recent_files))

    def reload(self) -> None:
        """Read the file again, dropping unsaved edits (after asking)."""
        session = self.session
        if session.path is None:
            return
        if not self.may_discard():
            return
        self.open_path(session.path, ask=False)

    # Save ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the current file (Save As for a new document); True when saved."""
        session = self.session
        if session.path is None:
            return self.save_as()
        return self._save_to(session.path)

    def save_as(self) -> bool:
        """Choose a file name and save there."""
        session = self.session
        suggestion = (
            str(session.path)
            if session.path
            else str(
                Path(self.context.settings.last_folder or Path.home())
                / (session.document.metadata.symbol.replace("/", "-") or _("resolution"))
            )
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, _("Save resolution as"), suggestion, FILE_FILTER
        )
        if not chosen:
            return False
        return self._save_to(Path(chosen), new_name=True)

    def _save_to(self, path: Path, *, new_name: bool = False) -> bool:
        session = self.session
        try:
            written = session.save(path if new_name else None)
        except FileChangedOnDiskError:
            answer = ask_overwrite_changed(self.window, session.display_name())
            if answer != QMessageBox.StandardButton.Save:
                return False
            try:
                written = session.save(overwrite=True)
            except DraftDeskError as exc:
                show_error(self.window, _("Cannot save"), _save_message(exc))
                return False
        except DraftDeskError as exc:
            show_error(self.window, _("Cannot save"), _save_message(exc))
            return False
        if self.slot is not None:
            self.slot.clear()
        self._autosaved_changes = None
        self.watch.arm()  # Save As moves the watch; a replaced inode needs a new one
        self._remember(written)
        self.window.controller.saved()
        self.window.statusBar().showMessage(_("Saved {path}").format(path=written), 5000)
        return True

    # Import ----------------------------------------------------------------------------------

    def import_dialog(self) -> None:
        """File ▸ Import: read a Word or text file, review it, open it as a new document."""
        # Imported on first use, like the exporter: the importers load python-docx.
        from draftdesk.gui.import_review import run_import

        run_import(self.window)

    # Export ----------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        """Ask what to export and run it with a progress indication."""
        folder = (
            self.session.path.parent
            if self.session.path
            else Path(self.context.settings.last_folder or Path.home())
        )
        # Imported on first use: the Word exporter (python-docx, lxml) costs ~0.1 s to load,
        # which a window that is only opened should not pay at start-up.
        from draftdesk.gui.export_dialog import ExportDialog, run_export

        dialog = ExportDialog(self.window.controller, folder, self.window)
        if dialog.exec():
            self.last_job = run_export(self.window.controller, dialog.request(), self.window)


def _open_message(path: Path, exc: DraftDeskError) -> str:
    return _(
        "“{name}” could not be opened:\n{reason}\n\nYour current document is unchanged."
    ).format(name=path.name, reason=exc)


def _newer_message(path: Path, exc: DraftDeskError) -> str:
    return _(
        "“{name}” was saved by a newer version of DraftDesk and cannot be opened here."
        "\n{reason}\n\nThe file has not been changed. Update DraftDesk to open it."
    ).format(name=path.name, reason=exc)


def _save_message(exc: DraftDeskError) -> str:
    return _(
        "{reason}\n\nYour edits are still here and in the autosave. Use File ▸ Save As to "
        "save them somewhere else."
    ).format(reason=exc)
