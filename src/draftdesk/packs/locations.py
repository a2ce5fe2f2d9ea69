"""Where installed packs and the trusted keys live in the user's folders (platformdirs).

Only the command line and the GUI call these; every other function takes the folders as
parameters, so tests pass temporary folders and never touch the user's own.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "DraftDesk"
DATA_DIR_VARIABLE = "DRAFTDESK_DATA_DIR"
"""Overrides the data folder: portable installs, managed desktops, test runs."""
CONFIG_DIR_VARIABLE = "DRAFTDESK_CONFIG_DIR"
"""Overrides the settings folder (where trusted-keys.toml lives)."""
TRUSTED_KEYS_FILE = "trusted-keys.toml"
PACK_SUFFIX = ".ddpack"
"""How the file of a shared template pack ends (what the installer associates)."""


def user_data_folder() -> Path:
    """The user's DraftDesk data folder (or $DRAFTDESK_DATA_DIR)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def user_config_folder() -> Path:
    """The user's DraftDesk settings folder (or $DRAFTDESK_CONFIG_DIR)."""
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    return Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))


def user_packs_dir() -> Path:
    """Where packs are installed, one `ID/VERSION/` folder each."""
    return user_data_folder() / "packs"


def trusted_keys_path(config_folder: Path) -> Path:
    """The trusted-keys settings file inside a settings folder."""
    return config_folder / TRUSTED_KEYS_FILE
