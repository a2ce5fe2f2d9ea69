"""Shared fixtures: the built-in packs, the example documents and the reference texts."""

from __future__ import annotations

import pytest

from draftdesk.model import fileformat
from draftdesk.model.document import Document
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import examples_dir

UN_EXAMPLE = examples_dir() / "un-oic-cooperation-2017.draftdesk"
OIC_EXAMPLE = examples_dir() / "oic-cfm-48-digital-transformation.draftdesk"


@pytest.fixture(scope="session")
def registry() -> PackRegistry:
    """The built-in packs."""
    return PackRegistry()


@pytest.fixture(scope="session")
def un_pack(registry: PackRegistry) -> Pack:
    """The UN General Assembly pack."""
    return registry.get("un-ga")


@pytest.fixture(scope="session")
def oic_pack(registry: PackRegistry) -> Pack:
    """The OIC Council of Foreign Ministers pack."""
    return registry.get("oic-cfm")


@pytest.fixture
def un_document() -> Document:
    """A fresh copy of the UN example (tests may edit it)."""
    return fileformat.load(UN_EXAMPLE)


@pytest.fixture
def oic_document() -> Document:
    """A fresh copy of the OIC example."""
    return fileformat.load(OIC_EXAMPLE)


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's DraftDesk folders (packs, settings, autosave)."""
    home = tmp_path_factory.mktemp("user")
    for variable, name in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / name))
    monkeypatch.setenv("DRAFTDESK_DATA_DIR", str(home / "data" / "DraftDesk"))
    # language-tool-python's own download folder: one on the developer's machine must not
    # turn on local grammar checking in the tests.
    monkeypatch.setenv("LTP_PATH", str(home / "cache" / "language_tool_python"))
    monkeypatch.setenv("DRAFTDESK_CONFIG_DIR", str(home / "config" / "DraftDesk"))
