"""Linux: DraftDesk's wheel installs into a fresh virtual environment and its command runs."""

# Marked `installer` (it builds a wheel and installs the pinned dependencies from PyPI).

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from draftdesk import __version__
from draftdesk.cli import main
from tests.conftest import UN_EXAMPLE
from tests.test_docx_support import NS, part

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import fetch  # noqa: E402

pytestmark = pytest.mark.installer


def test_wheel_in_a_fresh_venv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pip install WHEEL (constraints.txt pins); --version and export as from the checkout."""
    wheel = fetch.build_own_wheel(REPO, tmp_path / "build", "0")
    assert wheel.name == f"draftdesk-{__version__}-py3-none-any.whl"
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    bin_dir = env / "bin"
    install = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel),
         "-c", str(REPO / "constraints.txt")],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]

    def run(*args: str) -> str:
        result = subprocess.run(
            [str(bin_dir / "draftdesk"), *args], cwd=tmp_path,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert run("--version") == f"DraftDesk {__version__}\n"
    # The text export equals the checkout's, byte for byte.
    text = run("export", str(UN_EXAMPLE), "--format", "txt", "--lang", "fr", "-o", "-")
    assert main(["export", str(UN_EXAMPLE), "--format", "txt", "--lang", "fr", "-o", "-"]) == 0
    assert text == capsys.readouterr().out
    title = "Coopération entre l’Organisation des Nations Unies et l’Organisation de la"
    assert f"\n{title} coopération islamique\n" in text
    run("export", str(UN_EXAMPLE), "--format", "docx", "--lang", "en", "-o", "un.docx")
    body = part((tmp_path / "un.docx").read_bytes(), "word/document.xml")
    assert set(body.xpath("//w:lang/@w:val", namespaces=NS)) == {"en-GB"}
    located = subprocess.run(
        [str(bin_dir / "python"), "-c", "import draftdesk.paths as p; print(p.templates_dir())"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert located.stdout.strip().startswith(str(env))  # the wheel's copy, not the checkout
