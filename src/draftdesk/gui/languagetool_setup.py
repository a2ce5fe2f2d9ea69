"""Offline grammar: offer to install LanguageTool (Java checked first), download with progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressDialog, QPushButton, QWidget

from draftdesk.gui.background import Background
from draftdesk.gui.i18n import _
from draftdesk.packs.locations import user_data_folder
from draftdesk.proofing.lt_install import (
    JAVA_REQUIRED,
    InstallCancelledError,
    ReleaseSource,
    default_source,
    installed,
    java_version,
)

if TYPE_CHECKING:
    from draftdesk.gui.context import AppContext
    from draftdesk.proofing.lt_settings import LanguageToolSettings

LANGUAGETOOL_FOLDER = "languagetool"
"""Where in the user data folder DraftDesk installs LanguageTool."""
_MB = 1_000_000


def local_folder(context: AppContext) -> Path:
    """The folder LanguageTool is installed into (a throw-away run keeps its own)."""
    base = user_data_folder() if context.persist else context.state_dir
    return base / LANGUAGETOOL_FOLDER


class LanguageToolOffer(QFrame):
    """A strip above the findings: the offer to download, Java missing, or what went wrong.

    It never blocks: the user reads it when they look at the findings and may ignore it.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("languagetool-offer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.download = QPushButton(_("Download…"), self)
        self.download.setObjectName("languagetool-download")
        self.not_now = QPushButton(_("Not Now"), self)
        self.not_now.setObjectName("languagetool-not-now")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.download)
        layout.addWidget(self.not_now)
        self.hide()

    def say(self, text: str, *, offer: bool) -> None:
        """Show `text`; with `offer`, the Download and Not Now buttons too."""
        self.label.setText(text)
        self.download.setVisible(offer)
        self.not_now.setText(_("Not Now") if offer else _("Dismiss"))
        self.show()


class LanguageToolSetup(QObject):
    """Decides where grammar comes from and installs a local LanguageTool when asked.

    `java`, `source` and `folder` are what tests replace: a Java version, a release served
    by a local HTTP server, a temporary folder.
    """

    installed_now = Signal(object)  # LanguageToolSettings for the new installation
    percent = Signal(int)  # the download's progress as the dialog shows it

    def __init__(self, context: AppContext, offer: LanguageToolOffer, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.offer = offer
        self.java: Callable[[], int | None] = java_version
        self.source: Callable[[], ReleaseSource] = default_source
        self.folder: Callable[[], Path] = lambda: local_folder(context)
        self.dialog: QProgressDialog | None = None
        self.last_error: str | None = None
        self._cancel = threading.Event()
        self._busy = False
        self._offered = False
        self._installed: dict[str, bool] = {}  # DraftDesk's install folder → complete
        self._elsewhere: bool | None = None  # language-tool-python's download, with Java
        offer.download.clicked.connect(self.download)
        offer.not_now.clicked.connect(self._not_now)

    @property
    def busy(self) -> bool:
        """True while Java is looked for or a download runs."""
        return self._busy

    def grammar_settings(self) -> LanguageToolSettings | None:
        """The organisation's server if set, else a LanguageTool installed here, else None.

        "Installed here" is DraftDesk's own download, else one language-tool-python
        downloaded earlier (its LTP_PATH folder) when Java is there to run it.
        """
        # Asked at every edit: what is on disk is looked at once per folder (a folder scan and
        # a search of PATH for Java are not for each keystroke).
        from draftdesk.proofing.lt_settings import LanguageToolSettings, local_status

        settings = self.context.settings
        if settings.languagetool_url:
            return LanguageToolSettings(server_url=settings.languagetool_url)
        folder = settings.languagetool_local
        if folder:
            if folder not in self._installed:
                self._installed[folder] = installed(Path(folder)) is not None
            if self._installed[folder]:
                return LanguageToolSettings(local=True, local_folder=folder)
        if self._elsewhere is None:
            self._elsewhere = local_status().ready
        return LanguageToolSettings(local=True) if self._elsewhere else None

    def offer_download(self, *, asked: bool = False) -> bool:
        """Offer the download once (again when `asked`, from the Preferences).

        Java is looked for first, off the GUI thread; without Java 17 the strip says so
        instead of offering 250 MB that could not run. False when nothing is offered.
        """
        declined = self.context.settings.languagetool_offer_declined or self._offered
        if self._busy or (declined and not asked):
            return False
        self._busy = True
        self._offered = True  # once a session, unless the user asks (Preferences)
        java = self.java
        Background.run(self, "java-version", lambda _job: java(), self._java_answer)
        return True

    def _java_answer(self, version: object) -> None:
        self._busy = False
        if not isinstance(version, int) or version < JAVA_REQUIRED:
            # Looking for Java failed (an exception) as good as found none.
            found = f"Java {version}" if isinstance(version, int) else _("no Java")
            self.offer.say(
                _(
                    "Grammar checking on this computer needs Java {required} or later "
                    "({found} found). Install Java, or set your organisation's LanguageTool "
                    "server in the Preferences."
                ).format(required=JAVA_REQUIRED, found=found),
                offer=False,
            )
            return
        self.offer.say(
            _("Download LanguageTool (~250 MB) for offline grammar checking?"), offer=True
        )

    def _not_now(self) -> None:
        if self.offer.download.isVisible():
            self.context.settings.languagetool_offer_declined = True
            self.context.save_settings()
        self.offer.hide()

    def download(self) -> None:
        """Download and install in the background, a cancellable progress dialog in front."""
        if self._busy:
            return
        self._busy = True
        self.last_error = None
        self.offer.hide()
        parent = self.offer.window()
        dialog = QProgressDialog(_("Downloading LanguageTool…"), _("Cancel"), 0, 100, parent)
        dialog.setObjectName("languagetool-progress")
        dialog.setWindowTitle(_("LanguageTool"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        dialog.canceled.connect(self._cancel_download)
        dialog.show()
        self.dialog = dialog
        self._cancel = threading.Event()
        cancel, folder, source, java = self._cancel, self.folder(), self.source, self.java

        def work(job: Background) -> Path:
            from draftdesk.proofing.languagetool import download_local

            def progress(received: int, total: int | None) -> None:
                job.report((received, -1 if total is None else total))

            return download_local(progress, folder, source=source(), cancel=cancel, java=java)

        Background.run(self, "languagetool-download", work, self._finished, self._reported)

    def _cancel_download(self) -> None:
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(_("Cancelling…"))

    def _reported(self, sizes: object) -> None:
        if isinstance(sizes, tuple):
            self._progress(*sizes)

    def _progress(self, received: int, total: int) -> None:
        dialog = self.dialog
        if dialog is not None and dialog.wasCanceled():
            self._cancel_download()  # cancelled by a path that gave no signal (Esc, cancel())
        if dialog is None or self._cancel.is_set():
            return
        if total <= 0:
            dialog.setRange(0, 0)  # the server did not say: a busy bar
            dialog.setLabelText(
                _("Downloading LanguageTool… {done} MB").format(done=f"{received / _MB:.1f}")
            )
            return
        dialog.setRange(0, 100)
        dialog.setValue(min(100, received * 100 // total))
        self.percent.emit(dialog.value())
        dialog.setLabelText(
            _("Downloading LanguageTool… {done} of {total} MB").format(
                done=f"{received / _MB:.1f}", total=f"{total / _MB:.1f}"
            )
        )

    def _finished(self, result: object) -> None:
        self._busy = False
        if self.dialog is not None:
            if isinstance(result, Path):
                self.dialog.setRange(0, 100)
                self.dialog.setValue(100)
            self.dialog.hide()
        if isinstance(result, Path):
            settings = self.context.settings
            settings.languagetool_local = str(result.parent)
            self.context.save_settings()
            self._installed.pop(settings.languagetool_local, None)  # complete now
            grammar = self.grammar_settings()
            self.offer.say(
                _("LanguageTool is installed: grammar is checked on this computer."),
                offer=False,
            )
            self.installed_now.emit(grammar)
        elif isinstance(result, InstallCancelledError):
            self.offer.say(_("The download was cancelled; nothing was kept."), offer=False)
        elif isinstance(result, Exception):
            self.last_error = str(result)
            self.offer.say(
                _("LanguageTool could not be installed: {reason}").format(reason=str(result)),
                offer=False,
            )
