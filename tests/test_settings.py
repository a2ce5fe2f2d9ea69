"""Settings survive a restart and a damaged settings file never stops the editor."""

from __future__ import annotations

import json
from pathlib import Path

from draftdesk.settings import MAX_RECENT, Settings, load_settings, save_settings


def test_round_trip_and_recent_files(tmp_path: Path) -> None:
    """Recent files: newest first, no duplicates, at most MAX_RECENT."""
    settings = Settings(ui_language="fr")
    for index in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"{index}.draftdesk")
    settings.add_recent(tmp_path / "3.draftdesk")
    save_settings(settings, tmp_path / "config")
    loaded = load_settings(tmp_path / "config")
    assert loaded.ui_language == "fr"
    assert len(loaded.recent_files) == MAX_RECENT
    assert loaded.recent_files[0] == str((tmp_path / "3.draftdesk").resolve())
    assert loaded.recent_files.count(loaded.recent_files[0]) == 1
    loaded.remove_recent(loaded.recent_files[0])
    assert str((tmp_path / "3.draftdesk").resolve()) not in loaded.recent_files


def test_damaged_settings_fall_back_field_by_field(tmp_path: Path) -> None:
    """Wrong types and unknown values are ignored; good values are kept."""
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "ui_language": "de",
                "recent_files": ["a", 3],
                "autosave_seconds": "x",
                "preview_language": "fr",
            }
        ),
        encoding="utf-8",
    )
    loaded = load_settings(tmp_path)
    assert loaded.ui_language == "system"
    assert loaded.recent_files == ["a"]
    assert loaded.autosave_seconds == 30
    assert loaded.preview_language == "fr"
    (tmp_path / "settings.json").write_text("not json", encoding="utf-8")
    assert load_settings(tmp_path) == Settings()
