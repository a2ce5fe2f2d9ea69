"""Starting the desktop application: language, first document, crash recovery, main loop."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# The headless core before PySide6: once loaded, PySide6 reads the source of every module
# imported after it (its __feature__ import hook), a tenth of a second at start-up.
import draftdesk.autosave
import draftdesk.commands
import draftdesk.edit_commands
import draftdesk.numbering
import draftdesk.packs.registry
import draftdesk.palette
import draftdesk.render.builder
import draftdesk.settings  # noqa: F401
from draftdesk import collector
from draftdesk.autosave import Recovery
from draftdesk.errors import DraftDeskError
from draftdesk.packs.locations import PACK_SUFFIX
from draftdesk.packs.registry import MissingPackVersionError
from draftdesk.paths import resources_dir
from draftdesk.session import Session, new_session, open_session, recovered_session

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from draftdesk.gui.context import APP_NAME, AppContext, user_context
from draftdesk.gui.i18n import _, choose_language, install
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.messages import ask_other_pack_version, show_error
from draftdesk.gui.outline import Selection

if TYPE_CHECKING:
    from draftdesk.gui.dialogs import RecoveryDialog

GUI_SWITCH_INTERVAL_S = 0.001


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once per process), named and with its icon."""
    # Background work (loading the dictionaries, a first proofing pass) is Python, like
    # the GUI thread's own: with the default 5 ms interpreter switch, every return of the
    # GUI thread from Qt could wait 5 ms for its turn, and the window froze for up to 0.4 s
    # while the dictionaries loaded. At 1 ms it stays responsive; loading takes no longer.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "draftdesk.svg")))
    return app


def set_language(app: QApplication, setting: str) -> str:
    """Install the interface language (and Qt's own strings: OK, Cancel …); returns it."""
    lang = install(choose_language(setting))
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if lang.lang != "en":
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{lang.lang}", folder):
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang.lang


def first_session(context: AppContext, file: Path | None) -> tuple[Session, str | None]:
    """The document to show at start: FILE, else an empty one; and an error to report."""
    settings = context.settings
    if file is not None:
        try:
            return open_session(file, context.registry), None
        except DraftDeskError as exc:
            error = str(exc)
    else:
        error = None
    try:
        session = new_session(context.registry, settings.last_pack, settings.last_body)
    except DraftDeskError:
        session = new_session(context.registry, "un-ga", "general-assembly")
    return session, error


def create_window(context: AppContext, file: Path | None = None) -> tuple[MainWindow, str | None]:
    """The main window with FILE (or an empty resolution) and the error opening FILE, if any."""
    session, error = first_session(context, file)
    window = MainWindow(context, session)
    window.language_switch_requested.connect(lambda: switch_language(window))
    if file is not None and error is None:
        context.settings.add_recent(file)
        window.files.fill_recent_menu()
    return window, error


def offer_recovery(window: MainWindow) -> RecoveryDialog | None:
    """After a crash: show what can be recovered and act on the answer (modal)."""
    context = window.context
    if not context.autosave:
        return None
    recoveries = context.autosave_store.recoverable()
    if not recoveries:
        return None
    from draftdesk.gui.dialogs import RecoveryDialog  # only after a crash

    dialog = RecoveryDialog(recoveries, window)
    dialog.finished.connect(lambda _result: apply_recovery(window, dialog))
    dialog.open()
    return dialog


def apply_recovery(window: MainWindow, dialog: RecoveryDialog) -> None:
    """Recover or discard the chosen autosave (Decide later keeps it for next time)."""
    chosen = dialog.chosen()
    if chosen is None or dialog.action == "later":
        return
    if dialog.action == "discard":
        chosen.discard()
        return
    try:
        session = _recovered(window, chosen)
    except DraftDeskError as exc:
        show_error(window, _("Cannot recover"), str(exc))
        return
    if session is None:
        return  # declined the closest pack version: the autosave stays for later
    window.set_session(session)
    window.files.autosave()  # our own slot holds it now, before the old one goes
    chosen.discard()
    window.statusBar().showMessage(_("Recovered the unsaved changes. Save to keep them."), 10000)


def _recovered(window: MainWindow, chosen: Recovery) -> Session | None:
    """The recovered session; a missing pack version offers the closest one (None: no)."""
    document = chosen.load()
    registry = window.context.registry
    try:
        return recovered_session(document, chosen.original, registry)
    except MissingPackVersionError as exc:
        if exc.closest is None:
            raise
        name = chosen.original.name if chosen.original else chosen.title
        if not ask_other_pack_version(window, name, exc.pack_id, exc.version, exc.closest):
            return None
        return recovered_session(document, chosen.original, registry, pack_version=exc.closest)


def switch_language(window: MainWindow) -> MainWindow:
    """Rebuild the window in the new interface language, keeping document and history."""
    app = application()
    set_language(app, window.context.settings.ui_language)
    session = window.controller.session
    selection = window.outline.selection()
    window.files.close()
    replacement = MainWindow(window.context, session)
    replacement.language_switch_requested.connect(lambda: switch_language(replacement))
    replacement.setGeometry(window.geometry())
    replacement.show()
    if selection is not None:
        replacement.outline.select(selection)
    replacement.files.autosave()
    window.hide()
    window.deleteLater()
    return replacement


def run(
    file: Path | None = None, *, ui_language: str | None = None, screenshot: Path | None = None
) -> int:
    """Run the application; with `screenshot`, render the window to that PNG and exit."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from draftdesk.gui.screenshot import take_screenshot

        return take_screenshot(screenshot, file, ui_language)
    context = user_context()
    app = application()
    set_language(app, ui_language or context.settings.ui_language)
    archive = file if file is not None and file.suffix.lower() == PACK_SUFFIX else None
    if archive is not None:
        file = None  # a template pack, opened from the file manager: offer to install it
    window, error = create_window(context, file)
    # Start-up ran without the cyclic collector (see draftdesk.collector): its garbage
    # is freed and what stays is frozen once the window has painted.
    window.settled.connect(lambda: collector.resume(freeze=True, collect_first=True))
    window.show()
    if archive is not None:
        QTimer.singleShot(0, window, lambda: window.tools.manage_packs(archive))
    if os.environ.get("DRAFTDESK_AUTOMATION"):
        from draftdesk.gui.automation import Automation

        Automation(window).start()
    if error is not None and file is not None:
        # Opening again through the window words each problem itself and, for a missing
        # pack version, offers the closest one instead of a command-line hint.
        window.files.open_path(file, ask=False)
    if file is not None and error is None:
        window.outline.select(Selection("details"))
    offer_recovery(window)
    return app.exec()
