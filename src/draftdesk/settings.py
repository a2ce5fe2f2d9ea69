"""User settings of the desktop application, kept as JSON in the user config folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from draftdesk.atomic import atomic_write

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10
UI_LANGUAGES = ("system", "en", "fr")
"""Interface language choices: follow the system locale, or a fixed language."""


@dataclass(slots=True)
class Settings:
    """What the application remembers between runs."""

    ui_language: str = "system"
    preview_language: str = ""  # "" follows the document's source language
    recent_files: list[str] = field(default_factory=list)
    autosave_seconds: int = 30
    last_folder: str = ""
    last_pack: str = "un-ga"  # what File > New proposes, and what an empty start uses
    last_body: str = "general-assembly"
    window_geometry: str = ""  # Qt's saveGeometry(), base64
    window_state: str = ""
    languagetool_url: str = ""  # an organisation's LanguageTool server; "" = none
    languagetool_local: str = ""  # the folder DraftDesk installed LanguageTool into; "" = none
    languagetool_offer_declined: bool = False  # "Not now" to the download: do not ask again

    def add_recent(self, path: Path) -> None:
        """Put `path` first in the recent files, without duplicates, at most MAX_RECENT."""
        text = str(Path(path).resolve())
        self.recent_files = [text, *(p for p in self.recent_files if p != text)][:MAX_RECENT]

    def remove_recent(self, path: Path | str) -> None:
        """Forget a recent file (it no longer opens)."""
        text = str(path)
        self.recent_files = [p for p in self.recent_files if p != text]


def load_settings(folder: Path) -> Settings:
    """The settings saved in `folder`; defaults for anything missing or malformed.

    A damaged settings file must never stop the editor from starting: unknown keys and
    values of the wrong type are ignored one by one.
    """
    settings = Settings()
    try:
        data = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return settings
    if not isinstance(data, dict):
        return settings
    for spec in fields(Settings):
        value: Any = data.get(spec.name)
        default = getattr(settings, spec.name)
        if value is None or type(value) is not type(default):
            continue
        if spec.name == "recent_files":
            value = [item for item in value if isinstance(item, str)][:MAX_RECENT]
        setattr(settings, spec.name, value)
    if settings.ui_language not in UI_LANGUAGES:
        settings.ui_language = "system"
    if settings.preview_language not in ("", "en", "fr"):
        settings.preview_language = ""
    settings.autosave_seconds = min(max(settings.autosave_seconds, 5), 600)
    return settings


def save_settings(settings: Settings, folder: Path) -> None:
    """Write the settings atomically; OSError propagates (the caller may ignore it)."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    atomic_write(folder / SETTINGS_FILE, payload.encode("utf-8"))
