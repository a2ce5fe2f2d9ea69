"""The Template Packs dialog: list, import with preview and trust warning, remove, export."""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from draftdesk.gui.dialogs import NewDocumentDialog
from draftdesk.gui.pack_manager import PackManagerDialog
from draftdesk.gui.pack_preview import PackPreviewDialog
from draftdesk.packs.catalog import SigningKey, build
from draftdesk.packs.install import install
from draftdesk.packs.locations import CONFIG_DIR_VARIABLE, DATA_DIR_VARIABLE
from draftdesk.packs.registry import PackRegistry
from draftdesk.packs.trust import TrustedKeys
from draftdesk.settings import Settings
from tests.gui.conftest import WindowFactory
from tests.packs.builders import (
    AUTHOR,
    EXTENSION_ID,
    extension_folder,
    key_pair,
    raw_zip,
    snapshot,
)

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


@dataclass
class Folders:
    """The user's data and settings folders of one test, and a work folder."""

    data: Path
    config: Path
    work: Path


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folders:
    """Every pack folder of the test (data, settings, temporary) lives in tmp_path."""
    found = Folders(tmp_path / "data", tmp_path / "config", tmp_path / "work")
    found.work.mkdir()
    (tmp_path / "temp").mkdir()
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(found.data))
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(found.config))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    return found


@dataclass
class Dialogs:
    """What the stubbed message boxes, file dialogs and preview were shown, and answer."""

    open_path: str = ""
    save_path: str = ""
    answer: QMessageBox.StandardButton = Yes
    install: bool = True
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    previews: list[PackPreviewDialog] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        """The title and text of every message box of one kind ("warning" …)."""
        return [f"{title}: {text}" for k, title, text in self.shown if k == kind]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Stub every dialog the pack manager opens; nothing blocks in exec()."""
    stub = Dialogs()

    def box(kind: str) -> Any:
        def show(_parent: object, title: str, text: str, *_args: object) -> object:
            stub.shown.append((kind, title, text))
            return (
                stub.answer if kind in ("warning", "question") else QMessageBox.StandardButton.Ok
            )

        return staticmethod(show)

    for kind in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (stub.open_path, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (stub.save_path, ""))
    )

    def exec_preview(self: PackPreviewDialog) -> int:
        stub.previews.append(self)
        accepted = stub.install and self.install_button.isEnabled()
        return int(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(PackPreviewDialog, "exec", exec_preview)
    return stub


def manager(
    qtbot: QtBot, folders: Folders, registry: PackRegistry | None = None
) -> PackManagerDialog:
    dialog = PackManagerDialog(registry or PackRegistry(), folders.config)
    qtbot.addWidget(dialog)
    return dialog


def rows(dialog: PackManagerDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def select(dialog: PackManagerDialog, pack_id: str) -> None:
    row = next(i for i, item in enumerate(dialog.listings) if item.id == pack_id)
    dialog.table.selectRow(row)


def signed_extension(folders: Folders) -> Path:
    """The Exampleland extension of un-ga, signed by a key nobody trusts yet."""
    key, _public = key_pair(folders.work)
    out = folders.work / "exampleland.ddpack"
    build(extension_folder(folders.work), out, PackRegistry(), SigningKey(key))
    return out


def children(item: QTreeWidgetItem) -> list[list[str]]:
    found = [item.child(i) for i in range(item.childCount())]
    return [[child.text(c) for c in range(3)] for child in found if child is not None]


def test_list_shows_the_built_in_packs(qtbot: QtBot, folders: Folders, dialogs: Dialogs) -> None:
    dialog = manager(qtbot, folders)
    shown = {row[1]: row for row in rows(dialog)}
    assert shown["un-ga"][2:] == ["1.0.0", shown["un-ga"][3], "Built-in", "Built into DraftDesk"]
    assert shown["oic-cfm"][4] == "Built-in"
    select(dialog, "un-ga")
    assert not dialog.remove_button.isEnabled()
    assert dialog.export_button.isEnabled()
    dialog.remove_selected()  # even if reached: refused with a dialog, nothing removed
    assert dialogs.texts("critical") == ["Built-in packs cannot be removed: un-ga 1.0.0"]
    assert "un-ga" in {row[1] for row in rows(dialog)}


def test_import_untrusted_pack_warns_with_author_then_installs(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs
) -> None:
    dialog = manager(qtbot, folders)
    dialogs.open_path = str(signed_extension(folders))
    dialog.import_button.click()
    preview = dialogs.previews[0]
    assert "Signed by Permanent Mission of Exampleland, key " in preview.summary.text()
    assert "Adds to: un-ga 1.0.0" in preview.summary.text()
    clauses, phrases, bodies = (preview.contents.topLevelItem(i) for i in range(3))
    own = [row for row in children(clauses) if row[2] != "Inherited from un-ga"]
    assert own == [["Welcome a host country's offer", "Operative", "New"]]
    inherited = len(PackRegistry().get("un-ga").clauses)
    assert clauses.childCount() == inherited + 1  # un-ga's clauses, marked as inherited
    assert children(phrases) == [["Resolved to", "Preambular", "New"]]
    assert bodies.childCount() == 0
    [warning] = dialogs.texts("warning")
    assert f"This pack says it comes from “{AUTHOR}”." in warning
    assert f"signed by {AUTHOR}, whose key you have not trusted" in warning
    listed = {row[1]: row for row in rows(dialog)}[EXTENSION_ID]
    assert listed[2:5] == ["1.0.0", AUTHOR, "Installed"]
    assert listed[5].startswith(f"Signed by {AUTHOR}, key ")
    assert (folders.data / "packs" / EXTENSION_ID / "1.0.0" / "clauses").is_dir()
    chosen = dialog.selected()
    assert chosen is not None and chosen.id == EXTENSION_ID  # the new pack is selected


def test_declining_the_warning_installs_nothing(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs
) -> None:
    dialog = manager(qtbot, folders)
    archive = signed_extension(folders)
    dialogs.answer = No
    assert dialog.import_path(archive) is False
    assert snapshot(folders.data) == {}
    assert EXTENSION_ID not in {row[1] for row in rows(dialog)}


def test_trusted_pack_installs_without_warning(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs
) -> None:
    key, public = key_pair(folders.work, "Trusted Mission")
    out = folders.work / "trusted.ddpack"
    build(extension_folder(folders.work), out, PackRegistry(), SigningKey(key))
    TrustedKeys.load(folders.config).add(public)
    dialog = manager(qtbot, folders)
    assert dialog.import_path(out) is True
    assert dialogs.texts("warning") == []
    listed = {row[1]: row for row in rows(dialog)}[EXTENSION_ID]
    assert listed[5] == f"Signed by Trusted Mission (trusted key {public.fingerprint})"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([("../evil.toml", b"x")], "'..'"),
        ([("/etc/evil.toml", b"x")], "absolute"),
        ([("clauses/bomb.toml", b" " * (1536 * 1024))], "a zip bomb?"),
    ],
    ids=["zip-slip", "absolute-path", "zip-bomb"],
)
def test_hostile_pack_is_an_error_dialog_and_writes_nothing(
    qtbot: QtBot,
    folders: Folders,
    dialogs: Dialogs,
    entries: list[tuple[str, bytes]],
    message: str,
) -> None:
    dialog = manager(qtbot, folders)
    before = snapshot(folders.data, folders.config)
    archive = raw_zip(folders.work / "hostile.ddpack", [("pack.toml", b""), *entries])
    assert dialog.import_path(archive) is False
    [error] = dialogs.texts("critical")
    assert error.startswith("This pack cannot be installed: ")
    assert message in error
    assert dialogs.previews == [] and dialogs.texts("warning") == []
    assert snapshot(folders.data, folders.config) == before


def test_tampered_pack_is_refused_with_a_dialog(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs
) -> None:
    archive = signed_extension(folders)
    with zipfile.ZipFile(archive) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["phrases/extra.toml"] = files["phrases/extra.toml"].replace(b"Resolved", b"Decided")
    raw_zip(archive, list(files.items()))
    dialog = manager(qtbot, folders)
    assert dialog.import_path(archive) is False
    [error] = dialogs.texts("critical")
    assert error.startswith("This pack was changed after it was signed: ")
    assert "phrases/extra.toml was changed after signing" in error
    assert snapshot(folders.data) == {}


def test_drop_a_ddpack_on_the_dialog_installs_it(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs
) -> None:
    dialog = manager(qtbot, folders)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(signed_extension(folders)))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    dialog.dropEvent(event)
    assert event.isAccepted()
    assert EXTENSION_ID in {row[1] for row in rows(dialog)}


def test_remove_after_confirmation(qtbot: QtBot, folders: Folders, dialogs: Dialogs) -> None:
    dialog = manager(qtbot, folders)
    assert dialog.import_path(signed_extension(folders))
    select(dialog, EXTENSION_ID)
    assert dialog.remove_button.isEnabled()
    dialogs.answer = No
    dialog.remove_button.click()
    assert EXTENSION_ID in {row[1] for row in rows(dialog)}
    dialogs.answer = Yes
    dialog.remove_button.click()
    assert dialogs.texts("question")[-1].startswith("Remove Template Pack: Remove Exampleland")
    assert EXTENSION_ID not in {row[1] for row in rows(dialog)}
    assert not (folders.data / "packs" / EXTENSION_ID).exists()


def test_export_writes_a_pack_that_installs(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = manager(qtbot, folders)
    assert dialog.import_path(signed_extension(folders))
    select(dialog, EXTENSION_ID)
    dialogs.save_path = str(folders.work / "shared")  # the suffix is added
    dialog.export_button.click()
    shared = folders.work / "shared.ddpack"
    assert dialogs.texts("information")[-1].endswith(f"({'signed by ' + AUTHOR}).")
    other = PackRegistry(installed=tmp_path / "colleague" / "packs")
    trusted = TrustedKeys.load(tmp_path / "colleague-config")
    pack = install(shared, other, trusted, allow_unsigned=True)
    assert (pack.id, pack.version, pack.author) == (EXTENSION_ID, "1.0.0", AUTHOR)
    assert "welcomes-host-offer" in pack.clauses


def test_new_from_pack_offers_a_pack_installed_in_the_dialog(
    qtbot: QtBot, folders: Folders, dialogs: Dialogs, make_window: WindowFactory
) -> None:
    window = make_window()
    registry = window.context.registry
    assert registry.installed == folders.data / "packs"  # the GUI's registry sees the user's
    assert window.menu.packs in window.menuBar().actions()[-2].menu().actions()
    dialog = manager(qtbot, folders, registry)
    assert dialog.import_path(signed_extension(folders))
    choose = NewDocumentDialog(registry, Settings())
    qtbot.addWidget(choose)
    offered = [choose.pack.itemData(i) for i in range(choose.pack.count())]
    assert EXTENSION_ID in offered and "un-ga" in offered


def test_a_ddpack_opened_from_the_file_manager_goes_straight_to_its_preview(
    qtbot: QtBot,
    folders: Folders,
    dialogs: Dialogs,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`draftdesk pack.ddpack` (a double-click): the Template Packs dialog opens on the
    pack's preview, and accepting it installs the pack."""
    shown: list[PackManagerDialog] = []

    def exec_manager(self: PackManagerDialog) -> int:
        shown.append(self)
        qtbot.waitUntil(lambda: bool(dialogs.previews))  # the zero-delay import ran
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PackManagerDialog, "exec", exec_manager)
    window = make_window()
    window.tools.manage_packs(signed_extension(folders))
    assert len(shown) == 1 and len(dialogs.previews) == 1
    assert EXTENSION_ID in {row[1] for row in rows(shown[0])}
    assert (folders.data / "packs" / EXTENSION_ID).is_dir()
