"""Where grammar comes from: the settings, and the LanguageTool found on this computer.

Kept apart from languagetool.py, which imports requests and language-tool-python (a tenth
of a second): the window asks "is grammar configured?" at every edit.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from draftdesk.proofing.lt_install import installed


@dataclass(slots=True, frozen=True)
class LanguageToolSettings:
    """Where grammar comes from: a server URL from the settings, or a local LanguageTool."""

    server_url: str | None = None
    local: bool = False
    local_folder: str = ""  # where download_local put it; "" = language-tool-python's folder


@dataclass(slots=True, frozen=True)
class LocalStatus:
    """What a local LanguageTool needs, as found on this computer (nothing is downloaded)."""

    java: str | None
    installation: Path | None

    @property
    def ready(self) -> bool:
        """True when Java and an unpacked LanguageTool are both present."""
        return self.java is not None and self.installation is not None


def download_folder() -> Path:
    """Where language-tool-python keeps LanguageTool (its LTP_PATH), without creating it."""
    return Path(os.environ.get("LTP_PATH", str(Path.home() / ".cache" / "language_tool_python")))


def local_status(folder: Path | None = None) -> LocalStatus:
    """Whether Java and an installed LanguageTool are here (if not, the GUI offers a download).

    `folder` is where DraftDesk installed LanguageTool; without it, language-tool-python's
    own folder (or its LTP_JAR_DIR_PATH) is looked at.
    """
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH") if folder is None else None
    installation = Path(jar_dir) if jar_dir else installed(folder or download_folder())
    return LocalStatus(shutil.which("java"), installation)
