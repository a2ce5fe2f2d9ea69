"""What the whole application shares: packs, settings, folders and the autosave store."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from draftdesk.autosave import AutosaveStore
from draftdesk.packs.registry import PackRegistry
from draftdesk.settings import Settings, load_settings, save_settings

APP_NAME = "DraftDesk"


@dataclass(slots=True)
class AppContext:
    """Passed to every window: where settings and autosaves live, and the pack registry.

    `persist` is False for throw-away runs (screenshots, benchmarks): they read nothing
    from and write nothing to the user's folders.
    """

    registry: PackRegistry
    settings: Settings
    config_dir: Path
    state_dir: Path
    persist: bool = True
    autosave: bool = True

    @property
    def autosave_store(self) -> AutosaveStore:
        """The autosave folder (inside the user state folder)."""
        return AutosaveStore(self.state_dir / "autosave")

    def save_settings(self) -> None:
        """Remember the settings; a read-only config folder is not worth a dialog."""
        if not self.persist:
            return
        with contextlib.suppress(OSError):
            save_settings(self.settings, self.config_dir)


def user_context(registry: PackRegistry | None = None) -> AppContext:
    """The context of a normal run: platformdirs folders, saved settings."""
    config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    state = Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    return AppContext(registry or PackRegistry(), load_settings(config), config, state)


def scratch_context(folder: Path, registry: PackRegistry | None = None) -> AppContext:
    """A context that keeps everything under `folder` and persists nothing."""
    return AppContext(
        registry or PackRegistry(),
        Settings(),
        folder / "config",
        folder / "state",
        persist=False,
        autosave=False,
    )
