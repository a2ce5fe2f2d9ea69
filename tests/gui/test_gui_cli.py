"""`draftdesk` with no subcommand: the GUI, --screenshot, and a clear line when it cannot run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo, QImage
from pytestqt.qtbot import QtBot

from draftdesk.cli import _wants_gui, main
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.gui.conftest import WindowFactory


def test_screenshot_of_the_un_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--screenshot OUT.png FILE writes a 1400x900 PNG and says so on one line."""
    out = tmp_path / "un.png"
    assert main(["--screenshot", str(out), str(UN_EXAMPLE)]) == 0
    assert capsys.readouterr().out == f"{out}: 1400x900 screenshot written\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    # Not a blank page: the window has many colours (text, selection, toolbar icons).
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 900, 7)}
    assert len(colours) > 50


def test_screenshot_of_a_bad_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not open: exit 2, one "draftdesk: …" line naming it, no PNG."""
    bad = tmp_path / "bad.draftdesk"
    bad.write_text("[]", encoding="utf-8")
    out = tmp_path / "bad.png"
    assert main(["--screenshot", str(out), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"draftdesk: {bad}: ")
    assert not out.exists()


def test_no_display_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`draftdesk` on a server: one line, exit 2, no Qt abort."""
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("draftdesk: no display") and err.count("\n") == 1


def test_what_opens_the_gui() -> None:
    """No arguments, a .draftdesk file or a GUI option open the GUI; subcommands do not."""
    assert _wants_gui([])
    assert _wants_gui([str(UN_EXAMPLE)])
    assert _wants_gui(["missing.draftdesk"])
    assert _wants_gui(["--screenshot", "x.png"])
    assert not _wants_gui(["validate", str(UN_EXAMPLE)])
    assert not _wants_gui(["frobnicate"])
    assert not _wants_gui(["--version"])


def test_command_line_never_imports_qt() -> None:
    """The headless subcommands run without loading PySide6."""
    code = (
        "import sys; from draftdesk.cli import main; "
        f"main(['validate', {str(UN_EXAMPLE)!r}]); print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "False"


def test_high_dpi_screenshot_is_drawn_at_twice_the_pixels(tmp_path: Path) -> None:
    """At a 200 % scale the 1400x900 window is drawn with 2800x1800 pixels, not stretched."""
    out = tmp_path / "oic@2x.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-m", "draftdesk", "--screenshot", str(out), str(OIC_EXAMPLE)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2800, 1800)
    assert done.stdout == f"{out}: 2800x1800 screenshot written\n"
    assert "propagateSizeHints" not in done.stderr  # the offscreen platform's note is dropped


def test_preview_uses_the_pack_font(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Times New Roman resolves to a real serif font (Liberation Serif on Linux), not a box."""
    window = make_window(UN_EXAMPLE)
    window.update_preview()
    row = window.preview.model.rows[12]
    document = window.preview.delegate.document(row, window.preview.page.viewport().width())
    family = QFontInfo(document.defaultFont()).family()
    if family not in ("Liberation Serif", "Times New Roman"):
        pytest.skip(f"fonts-liberation2 is not installed (got {family!r})")
    assert family in ("Liberation Serif", "Times New Roman")


def test_make_run_without_a_display_exports_and_screenshots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make run` on a server: one line saying so, Word files in both languages, a PNG."""
    import zipfile

    from draftdesk.export.registry import EXPORTERS
    from draftdesk.main_job import main as run_job

    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run_job([str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("draftdesk: no display")
    image = QImage(str(tmp_path / "un-oic-cooperation-2017.png"))
    assert (image.width(), image.height()) == (1400, 900)
    if "docx" not in EXPORTERS:
        assert (tmp_path / "un-oic-cooperation-2017.fr.txt").is_file()
        return
    with zipfile.ZipFile(tmp_path / "un-oic-cooperation-2017.fr.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Assemblée générale" in body
