"""Watching the open file: another program's change is noticed while the document is open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QApplication

from draftdesk.gui.controller import Change, ChangeKind
from draftdesk.gui.i18n import _
from draftdesk.gui.messages import DiskAnswer, ask_reload
from draftdesk.session import DiskChange

if TYPE_CHECKING:
    from draftdesk.gui.files import DocumentFiles

SETTLE_MS = 250
"""Wait this long after a notice: programs write in bursts (truncate, write, rename)."""


class DiskWatch(QObject):
    """Notices when the open file changes on disk and asks what to do, once per version.

    A QFileSystemWatcher watches the file and its folder: an atomic save by another
    program (or by us) replaces the file's inode, after which the watcher no longer
    follows the path, so every check re-arms it, and the folder's notice catches the
    replacement itself. Window activation checks again, in case a notice was missed (a
    network drive, a file system without notifications). What counts as a change is
    decided by the session (size, time, then content digest against what we last read or
    wrote), so our own saves never raise it.

    The question waits while a modal dialog is open or the window is inactive: it is
    asked when the user comes back to the window, as Word and VS Code do.
    """

    def __init__(self, files: DocumentFiles) -> None:
        super().__init__(files)
        self.files = files
        self.window = files.window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(lambda _path: self.soon())
        self.watcher.directoryChanged.connect(lambda _path: self.soon())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.check)
        self.asked_digest: str | None = None  # the version on disk already asked about
        self.told_deleted = False
        self.asking = False
        self.checks = 0  # how many checks ran (tests wait on it)
        self._session = files.session
        self.window.installEventFilter(self)
        self.window.controller.changed.connect(self._on_change)
        self.arm()

    def _on_change(self, change: Change) -> None:
        # Another document, or the same file reloaded (a new session either way); an edit
        # that only touches a whole paragraph keeps what was already asked.
        if change.kind is ChangeKind.DOCUMENT and self.files.session is not self._session:
            self._session = self.files.session
            self.asked_digest = None
            self.told_deleted = False
            self.arm()

    def arm(self) -> None:
        """Watch the current file and its folder (again: replaces drop the old watch)."""
        watched = [*self.watcher.files(), *self.watcher.directories()]
        if watched:
            self.watcher.removePaths(watched)
        path = self.files.session.path
        if path is None:
            return
        wanted = [str(path)] if path.exists() else []
        if Path(path).parent.is_dir():
            wanted.append(str(Path(path).parent))
        if wanted:
            self.watcher.addPaths(wanted)

    def soon(self) -> None:
        """Check after the burst of writes settles."""
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Coming back to the window checks the file (the fallback for missed notices)."""
        if (
            watched is self.window
            and event.type() == QEvent.Type.ActivationChange
            and self.window.isActiveWindow()
        ):
            self.soon()
        return super().eventFilter(watched, event)

    def check(self) -> None:
        """Compare the file with what we last read or wrote; ask once per new version."""
        if self.asking:
            return
        if QApplication.activeModalWidget() is not None or not self.window.isActiveWindow():
            return  # asked on the next activation, never on top of another question
        self.checks += 1
        self.arm()
        session = self.files.session
        change = session.disk_change()
        if change is DiskChange.SAME:
            self.asked_digest = None
            self.told_deleted = False
            return
        if change is DiskChange.DELETED:
            if not self.told_deleted:
                self.told_deleted = True
                self.window.statusBar().showMessage(
                    _(
                        "“{name}” was deleted or moved by another program. "
                        "Save puts your version back."
                    ).format(name=session.display_name()),
                    15000,
                )
            return
        digest = session.disk_digest()
        if digest is None or digest == self.asked_digest:
            return
        self.asked_digest = digest
        self.asking = True
        try:
            answer = ask_reload(self.window, session.display_name(), unsaved=session.modified)
        finally:
            self.asking = False
        self._act(answer)

    def _act(self, answer: DiskAnswer) -> None:
        session = self.files.session
        if answer is DiskAnswer.RELOAD and session.path is not None:
            self.files.open_path(session.path, ask=False)
        elif answer is DiskAnswer.SAVE_AS:
            self.files.save_as()
        else:
            self.window.statusBar().showMessage(
                _("Kept your version. Saving will ask before replacing the other one."), 15000
            )
