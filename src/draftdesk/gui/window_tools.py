"""What a window offers besides the document: preferences, template packs, shortcuts, about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from draftdesk import __version__
from draftdesk.gui.i18n import _
from draftdesk.packs.locations import user_config_folder

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow


class WindowTools:
    """The Tools and Help commands of one window; dialogs are imported when first used."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def preferences(self) -> None:
        """Interface language and autosave interval."""
        from draftdesk.gui.dialogs import PreferencesDialog  # dialogs load when first used

        window = self.window
        settings = window.context.settings
        dialog = PreferencesDialog(settings, window)
        if dialog.exec():
            before = settings.ui_language
            dialog.apply_to(settings)
            window.files.timer.setInterval(settings.autosave_seconds * 1000)
            window.welcome.set_autosave_seconds(settings.autosave_seconds)
            window.context.save_settings()
            if dialog.offline_requested:
                window.proofing.offer_offline_grammar()
            if settings.ui_language != before:
                window.language_switch_requested.emit()

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut."""
        from draftdesk.gui.dialogs import ShortcutsDialog

        ShortcutsDialog(self.window.menu.all, self.window).exec()

    def manage_packs(self, archive: Path | None = None) -> None:
        """The Template Packs dialog; packs installed there are offered by New… at once.

        With `archive`, the dialog opens on that pack's preview, ready to install it.
        """
        # Imported on first use: pack signing (cryptography) is not needed to start.
        from draftdesk.gui.pack_manager import open_pack_manager

        metadata = self.window.controller.document.metadata
        open_pack_manager(
            self.window.context.registry,
            user_config_folder(),
            self.window,
            in_use=(metadata.pack, metadata.pack_version),
            archive=archive,
        )

    def about(self) -> None:
        """Version and purpose."""
        QMessageBox.about(
            self.window,
            _("About DraftDesk"),
            _(
                "DraftDesk {version}\nDrafting assistant for UN and OIC resolutions "
                "in English and French."
            ).format(version=__version__),
        )
