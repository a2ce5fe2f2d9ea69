"""Offline grammar in the window: Java first, the offer, the download with progress, cancel."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from draftdesk.gui.dialogs import PreferencesDialog
from draftdesk.gui.main_window import MainWindow
from draftdesk.proofing.lt_install import ReleaseSource, installed
from draftdesk.settings import load_settings
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory, answer_dialog
from tests.proofing.lt_release import VERSION, ReleaseServer, release_server, release_zip, sha256

ZIP = f"/LanguageTool-{VERSION}.zip"


@pytest.fixture
def server() -> Iterator[ReleaseServer]:
    with release_server() as state:
        state.files[ZIP] = release_zip()
        yield state


def _window(
    make_window: WindowFactory, tmp_path: Path, source: ReleaseSource, java: int | None = 17
) -> MainWindow:
    window = make_window(UN_EXAMPLE)
    setup = window.proofing.setup
    setup.java = lambda: java
    setup.source = lambda: source
    setup.folder = lambda: tmp_path / "languagetool"
    return window


def test_check_now_offers_downloads_and_uses_local_languagetool(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    server: ReleaseServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))  # starting it sets this variable
    data = server.files[ZIP]
    source = ReleaseSource(server.url + ZIP, VERSION, sha256(data))
    window = _window(make_window, tmp_path, source)
    panel, setup = window.proofing, window.proofing.setup
    qtbot.waitUntil(lambda: panel.service.is_ready, timeout=60_000)
    assert setup.grammar_settings() is None
    seen: list[int] = []
    window.menu.check_now.trigger()
    qtbot.waitUntil(lambda: panel.offer.isVisible())
    assert panel.offer.label.text() == (
        "Download LanguageTool (~250 MB) for offline grammar checking?"
    )
    assert panel.offer.download.isVisible()
    panel.offer.download.click()  # the user agrees
    dialog = setup.dialog
    assert dialog is not None and dialog.isVisible()
    setup.percent.connect(seen.append)
    qtbot.waitUntil(lambda: not setup.busy, timeout=20_000)
    assert seen[-1] == 100 and seen == sorted(seen)
    assert dialog.value() == 100 and not dialog.isVisible()
    target = tmp_path / "languagetool" / f"LanguageTool-{VERSION}"
    assert installed(tmp_path / "languagetool") == target
    settings = window.context.settings
    assert settings.languagetool_local == str(tmp_path / "languagetool")
    assert load_settings(window.context.config_dir).languagetool_local == str(
        tmp_path / "languagetool"
    )
    where = setup.grammar_settings()
    assert (
        where is not None and where.local and where.local_folder == str(tmp_path / "languagetool")
    )
    assert panel.offer.label.text() == (
        "LanguageTool is installed: grammar is checked on this computer."
    )
    # Then used: Check Now ran again with it. The test release holds no real server, so
    # LanguageTool is reported unavailable (once), and the other checks went on.
    qtbot.waitUntil(lambda: not panel.service.grammar_running, timeout=30_000)
    qtbot.waitUntil(lambda: panel.notices != [], timeout=30_000)
    assert panel.notices[0].startswith("LanguageTool is not available (")


def test_progress_dialog_screenshot(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, server: ReleaseServer
) -> None:
    """The dialog mid-download, grabbed offscreen (tmp/g5-progress.png for a human to look)."""
    server.slow.add(ZIP)
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION))
    setup = window.proofing.setup
    setup.download()
    dialog = setup.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() >= 30, timeout=20_000)
    assert dialog.labelText().startswith("Downloading LanguageTool… ")
    assert dialog.labelText().endswith(f" of {len(server.files[ZIP]) / 1e6:.1f} MB")
    image = dialog.grab()
    assert image.width() > 200
    image.save(str(tmp_path / "progress.png"))
    if Path("/tmp/g5").is_dir():
        image.save("/tmp/g5/progress.png")
    dialog.cancel()
    qtbot.waitUntil(lambda: not setup.busy, timeout=20_000)


def test_cancel_keeps_nothing_and_says_so(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, server: ReleaseServer
) -> None:
    server.slow.add(ZIP)
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION))
    setup = window.proofing.setup
    setup.download()
    assert setup.dialog is not None
    qtbot.waitUntil(lambda: setup.dialog is not None and setup.dialog.value() > 0)
    cancel = setup.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: not setup.busy, timeout=20_000)
    assert list((tmp_path / "languagetool").iterdir()) == []
    assert window.context.settings.languagetool_local == ""
    assert window.proofing.offer.label.text() == "The download was cancelled; nothing was kept."


def test_without_java_no_download_is_offered(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, server: ReleaseServer
) -> None:
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION), java=None)
    window.proofing.check_now()
    offer = window.proofing.offer
    qtbot.waitUntil(lambda: offer.isVisible())
    assert offer.label.text().startswith(
        "Grammar checking on this computer needs Java 17 or later (no Java found)."
    )
    assert not offer.download.isVisible()
    assert server.requests == []


def test_a_failing_java_lookup_counts_as_no_java(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, server: ReleaseServer
) -> None:
    """Running `java -version` raised: the strip says no Java, and the offer is not stuck."""
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION))

    def broken() -> int | None:
        raise PermissionError("java: permission denied")

    window.proofing.setup.java = broken
    window.proofing.check_now()
    offer = window.proofing.offer
    qtbot.waitUntil(lambda: offer.isVisible())
    assert offer.label.text().startswith(
        "Grammar checking on this computer needs Java 17 or later (no Java found)."
    )
    assert server.requests == []
    assert window.proofing.setup.offer_download(asked=True)  # not left busy


def test_offline_is_a_clear_message_and_nothing_blocks(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = ReleaseSource(f"http://127.0.0.1:{port}{ZIP}", VERSION)
    window = _window(make_window, tmp_path, source)
    setup = window.proofing.setup
    setup.download()
    qtbot.waitUntil(lambda: not setup.busy, timeout=20_000)
    assert window.proofing.offer.label.text() == (
        f"LanguageTool could not be installed: cannot connect to 127.0.0.1:{port}: "
        "check the network connection"
    )
    assert window.context.settings.languagetool_local == ""


def test_not_now_is_remembered_and_not_asked_again(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, server: ReleaseServer
) -> None:
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION))
    panel = window.proofing
    panel.check_now()
    qtbot.waitUntil(lambda: panel.offer.isVisible())
    panel.offer.not_now.click()
    assert not panel.offer.isVisible()
    assert window.context.settings.languagetool_offer_declined
    assert not panel.setup.offer_download()  # Check Now asks no more
    assert panel.setup.offer_download(asked=True)  # the Preferences still may


def test_preferences_set_up_button_offers_the_download(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, server: ReleaseServer
) -> None:
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION))
    window.context.settings.languagetool_offer_declined = True

    def press_set_up(dialog: object) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.offline_status.text() == "Not installed"
        dialog.offline_button.click()

    answer_dialog(press_set_up)
    window.tools.preferences()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.proofing.offer.isVisible())
    assert window.proofing.offer.download.isVisible()
    assert not isinstance(QApplication.activeModalWidget(), QDialog)  # nothing left open


@pytest.mark.parametrize("java", ["/usr/bin/java", None])
def test_a_languagetool_downloaded_earlier_is_used_when_java_can_run_it(
    make_window: WindowFactory,
    tmp_path: Path,
    server: ReleaseServer,
    monkeypatch: pytest.MonkeyPatch,
    java: str | None,
) -> None:
    """language-tool-python's own download (LTP_PATH) counts as installed, with Java."""
    cache = tmp_path / "ltp"
    (cache / f"LanguageTool-{VERSION}").mkdir(parents=True)
    (cache / f"LanguageTool-{VERSION}" / "languagetool-server.jar").write_bytes(b"PK")
    monkeypatch.setenv("LTP_PATH", str(cache))
    monkeypatch.setattr("draftdesk.proofing.lt_settings.shutil.which", lambda _name: java)
    window = _window(make_window, tmp_path, ReleaseSource(server.url + ZIP, VERSION, ""))
    found = window.proofing.setup.grammar_settings()
    if java is None:
        assert found is None  # nothing could run it: the download offer explains Java
    else:
        assert found is not None and (found.local, found.local_folder) == (True, "")
