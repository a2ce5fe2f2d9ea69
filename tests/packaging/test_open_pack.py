"""The .ddpack double-click launcher (packaging/launchers/open-pack.py), driven headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.packs.locations import CONFIG_DIR_VARIABLE, DATA_DIR_VARIABLE

LAUNCHER = Path(__file__).resolve().parents[2] / "packaging" / "launchers" / "open-pack.py"


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The built-in UN pack exported as an unsigned .ddpack; user folders in tmp_path."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "data"))
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(tmp_path / "config"))
    archive = tmp_path / "un.ddpack"
    assert main(["pack", "export", "un-ga", "-o", str(archive)]) == 0
    return archive


def _open(archive: Path, answers: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(LAUNCHER), str(archive)],
        input=answers, capture_output=True, text=True, env=os.environ.copy(), check=False,
    )  # fmt: skip


def test_declining_shows_the_pack_and_installs_nothing(pack: Path, tmp_path: Path) -> None:
    """The preview (id, clauses, signature) comes first; "no" leaves the user's folder alone."""
    result = _open(pack, "n\n\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("un-ga 1.0.0: United Nations — General Assembly\n")
    assert "signature: unsigned\n" in result.stdout
    assert "Install this template pack?" in result.stdout
    assert not (tmp_path / "data").exists()


def test_accepting_an_unsigned_pack_asks_again(pack: Path) -> None:
    """Unsigned: the install refuses, the launcher asks once more, then reports in one line."""
    result = _open(pack, "y\ny\n\n")
    assert "Install it anyway" in result.stdout
    # The built-in pack cannot be installed over itself: a one-line reason, exit code 2.
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith(
        "un-ga 1.0.0 is built into DraftDesk; give your pack another id or version"
    )
    assert "Traceback" not in result.stderr
