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
