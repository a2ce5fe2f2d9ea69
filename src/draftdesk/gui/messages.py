"""Message boxes: an error to acknowledge, and questions about the open file (unsaved changes,
changed by someone else, made with a pack version that is not installed)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QWidget

from draftdesk.gui.i18n import _


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A warning the user must acknowledge: what went wrong, in one or two lines."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error-dialog")
    box.exec()


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a document with unsaved changes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("Unsaved changes"),
        _("Save the changes to “{name}” before closing it?").format(name=name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("save-changes-dialog")
    box.setInformativeText(_("If you don’t save, your changes since the last save are lost."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def ask_overwrite_changed(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """The file changed on disk: overwrite it, save under another name, or cancel."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("File changed by someone else"),
        _("“{name}” was changed by another program since you opened it.").format(name=name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("changed-on-disk-dialog")
    box.setInformativeText(
        _("Saving replaces their changes with yours. Use Save As to keep both versions.")
    )
    save = box.button(QMessageBox.StandardButton.Save)
    save.setText(_("Replace their version"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return QMessageBox.StandardButton(box.exec())


class DiskAnswer(StrEnum):
    """What the user chose after another program changed the open file."""

    RELOAD = "reload"  # read their version (dropping any unsaved edits)
    KEEP = "keep"  # go on with the version in the window
    SAVE_AS = "save-as"  # keep both: save the window's version under another name


def ask_reload(parent: QWidget | None, name: str, *, unsaved: bool) -> DiskAnswer:
    """Another program changed the file: reload it, keep this version (or Save As).

    Without unsaved edits the choice is Reload (the default, as in Word and VS Code) or
    Keep; with unsaved edits nothing is the default that drops a version silently:
    Reload discards the edits, Keep mine means the next save replaces their version
    (and Save still asks first), Save As keeps both.
    """
    box = QMessageBox(parent)
    box.setObjectName("file-changed-dialog")
    box.setIcon(QMessageBox.Icon.Warning if unsaved else QMessageBox.Icon.Question)
    box.setWindowTitle(_("File changed by another program"))
    box.setText(
        _("“{name}” was changed by another program while it was open here.").format(name=name)
    )
    if unsaved:
        box.setInformativeText(
            _(
                "You also have unsaved changes. Reloading discards them; keeping yours means "
                "that saving will replace the other version. Save As keeps both."
            )
        )
        reload_button = box.addButton(
            _("Reload (Discard My Changes)"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(_("Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        save_as = box.addButton(_("Save Mine As…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
    else:
        box.setInformativeText(
            _("Reload it to see their changes? You have no unsaved changes here.")
        )
        reload_button = box.addButton(_("Reload"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(_("Keep This Version"), QMessageBox.ButtonRole.RejectRole)
        save_as = None
        box.setDefaultButton(reload_button)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload_button:
        return DiskAnswer.RELOAD
    if save_as is not None and clicked is save_as:
        return DiskAnswer.SAVE_AS
    return DiskAnswer.KEEP


def ask_other_pack_version(
    parent: QWidget | None, name: str, pack: str, version: str, closest: str
) -> bool:
    """The file needs a pack version that is not installed: open it with `closest`?"""
    box = QMessageBox(parent)
    box.setObjectName("pack-version-dialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Template pack version not installed"))
    box.setText(
        _(
            "“{name}” was written with the template pack {pack} {version}, "
            "which is not installed here."
        ).format(name=name, pack=pack, version=version)
    )
    box.setInformativeText(
        _(
            "You can open it with {pack} {closest}, the closest version installed. Clause "
            "wording, openers or styles may differ slightly from the original: check the "
            "preview. The file is not changed until you save it."
        ).format(pack=pack, closest=closest)
    )
    use = box.addButton(
        _("Open with {pack} {closest}").format(pack=pack, closest=closest),
        QMessageBox.ButtonRole.AcceptRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(use)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is use
