"""Dialogs: new resolution, recovery after a crash, preferences, keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.autosave import Recovery
from draftdesk.gui.i18n import _, current_language
from draftdesk.packs.registry import PackRegistry
from draftdesk.settings import Settings


class NewDocumentDialog(QDialog):
    """Choose the pack (UN, OIC …), the body and the drafting language."""

    def __init__(
        self, registry: PackRegistry, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New resolution"))
        self.setObjectName("new-document-dialog")
        self.registry = registry
        self.pack = QComboBox(self)
        self.pack.setAccessibleName(_("Template pack"))
        for pack_id in registry.ids():
            self.pack.addItem(registry.get(pack_id).name, pack_id)
        self.body = QComboBox(self)
        self.body.setAccessibleName(_("Body"))
        self.source = QComboBox(self)
        self.source.setAccessibleName(_("Drafted in"))
        self.source.addItem(_("English"), "en")
        self.source.addItem(_("French"), "fr")
        form = QFormLayout()
        form.addRow(_("&Organization and house style:"), self.pack)
        form.addRow(_("&Body:"), self.body)
        form.addRow(_("&Drafted in:"), self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.pack.currentIndexChanged.connect(self._fill_bodies)
        self.pack.setCurrentIndex(max(self.pack.findData(settings.last_pack), 0))
        self._fill_bodies()
        self.body.setCurrentIndex(max(self.body.findData(settings.last_body), 0))

    def _fill_bodies(self, _index: int = 0) -> None:
        pack = self.registry.get(str(self.pack.currentData()))
        lang = current_language()
        self.body.clear()
        for key, body in pack.bodies.items():
            self.body.addItem(body.name.get(lang) or body.name.get("en", key), key)

    def choice(self) -> tuple[str, str, str]:
        """(pack id, body key, source language)."""
        return (
            str(self.pack.currentData()),
            str(self.body.currentData()),
            str(self.source.currentData()),
        )


class RecoveryDialog(QDialog):
    """Offered at start-up when an editor closed without saving (a crash, a kill)."""

    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recover unsaved work"))
        self.setObjectName("recovery-dialog")
        self.action = "later"
        intro = QLabel(
            _(
                "DraftDesk did not close normally last time. These documents had changes that "
                "were not saved. Recover one to continue where you left off."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Documents that can be recovered"))
        for recovery in recoveries:
            when = recovery.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            where = str(recovery.original) if recovery.original else _("never saved")
            item = QListWidgetItem(
                _("{title} — autosaved {when} ({where})").format(
                    title=recovery.title or _("Untitled"), when=when, where=where
                )
            )
            item.setData(256, recovery)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        recover = QPushButton(_("Recover"), self)
        recover.setObjectName("recover")
        discard = QPushButton(_("Discard"), self)
        discard.setObjectName("discard")
        later = QPushButton(_("Decide later"), self)
        later.setObjectName("later")
        buttons.addButton(recover, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        recover.clicked.connect(lambda: self._done("recover"))
        discard.clicked.connect(lambda: self._done("discard"))
        later.clicked.connect(lambda: self._done("later"))
        recover.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(620, 280)

    def _done(self, action: str) -> None:
        self.action = action
        self.accept() if action != "later" else self.reject()

    def chosen(self) -> Recovery | None:
        """The recovery selected in the list."""
        item = self.list.currentItem()
        return item.data(256) if item else None


class PreferencesDialog(QDialog):
    """Interface language and autosave interval."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.setObjectName("preferences-dialog")
        self.language = QComboBox(self)
        self.language.setAccessibleName(_("Interface language"))
        self.language.addItem(_("Same as the system"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(self.language.findData(settings.ui_language), 0))
        self.autosave = QSpinBox(self)
        self.autosave.setAccessibleName(_("Autosave every (seconds)"))
        self.autosave.setRange(5, 600)
        self.autosave.setSuffix(_(" s"))
        self.autosave.setValue(settings.autosave_seconds)
        self.languagetool = QLineEdit(settings.languagetool_url, self)
        self.languagetool.setObjectName("languagetool-url")
        self.languagetool.setAccessibleName(_("LanguageTool server"))
        self.languagetool.setPlaceholderText(_("e.g. http://languagetool.example.org:8081"))
        self.languagetool.setToolTip(
            _("Grammar is checked by this server; leave empty to check without it")
        )
        # Offline grammar: asking closes the dialog; the findings panel offers the download.
        self.offline_requested = False
        self.offline_status = QLabel(
            _("Installed in {folder}").format(folder=settings.languagetool_local)
            if settings.languagetool_local
            else _("Not installed"),
            self,
        )
        self.offline_status.setObjectName("languagetool-local-status")
        self.offline_status.setWordWrap(True)
        self.offline_button = QPushButton(_("Set Up Offline Grammar…"), self)
        self.offline_button.setObjectName("languagetool-set-up")
        self.offline_button.clicked.connect(self._ask_offline)
        form = QFormLayout()
        form.addRow(_("&Interface language:"), self.language)
        form.addRow(_("&Autosave every:"), self.autosave)
        form.addRow(_("&LanguageTool server:"), self.languagetool)
        form.addRow(_("LanguageTool on this computer:"), self.offline_status)
        form.addRow("", self.offline_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def apply_to(self, settings: Settings) -> None:
        """Copy the choices into `settings`."""
        settings.ui_language = str(self.language.currentData())
        settings.autosave_seconds = self.autosave.value()
        settings.languagetool_url = self.languagetool.text().strip()

    def _ask_offline(self) -> None:
        self.offline_requested = True
        self.accept()


class ShortcutsDialog(QDialog):
    """Every menu command that has a keyboard shortcut, as the menus name it."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setObjectName("shortcuts-dialog")
        rows = [
            (
                action.text().replace("&", ""),
                action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
            for action in actions
            if not action.shortcut().isEmpty()
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setAccessibleName(_("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([_("Command"), _("Shortcut")])
        table.verticalHeader().hide()
        for index, (name, keys) in enumerate(rows):
            table.setItem(index, 0, QTableWidgetItem(name))
            table.setItem(index, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(close)
        self.resize(520, 560)
