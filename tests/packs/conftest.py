"""Fixtures of the pack tests: every user folder and the temporary folder live in tmp_path."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from draftdesk.packs.locations import CONFIG_DIR_VARIABLE, DATA_DIR_VARIABLE
from draftdesk.packs.registry import PackRegistry
from draftdesk.packs.trust import TrustedKeys


@dataclass(frozen=True)
class UserFolders:
    """The user's data and settings folders, the system temporary folder and a work folder."""

    data: Path
    config: Path
    temp: Path
    work: Path

    @property
    def packs(self) -> Path:
        """Where packs are installed."""
        return self.data / "packs"


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UserFolders:
    """Point DraftDesk's data, settings and temporary folders into tmp_path.

    Autouse: no pack test can reach the real user folders, the CLI included (it reads
    $DRAFTDESK_DATA_DIR / $DRAFTDESK_CONFIG_DIR).
    """
    folders = UserFolders(
        tmp_path / "user-data", tmp_path / "user-config", tmp_path / "temp", tmp_path / "work"
    )
    folders.temp.mkdir()
    folders.work.mkdir()
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folders.data))
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(folders.config))
    monkeypatch.setattr(tempfile, "tempdir", str(folders.temp))
    return folders


@pytest.fixture
def user_registry(user_folders: UserFolders) -> PackRegistry:
    """The built-in packs and those installed in the test's data folder."""
    return PackRegistry(installed=user_folders.packs)


@pytest.fixture
def trusted(user_folders: UserFolders) -> TrustedKeys:
    """The (initially empty) trusted keys of the test's settings folder."""
    return TrustedKeys.load(user_folders.config)
