"""Sessions: what happened to the file on disk, and opening with another pack version."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from draftdesk.commands import SetMetadata
from draftdesk.model import fileformat
from draftdesk.packs.registry import MissingPackVersionError, PackRegistry
from draftdesk.render.builder import Renderer
from draftdesk.session import (
    SWITCH_PACK_VERSION,
    DiskChange,
    new_session,
    open_session,
    recovered_session,
)
from tests.conftest import UN_EXAMPLE


def _copy(tmp_path: Path, pack_version: str | None = None) -> Path:
    path = tmp_path / "un.draftdesk"
    shutil.copy(UN_EXAMPLE, path)
    if pack_version is not None:
        document = fileformat.load(path)
        document.metadata.pack_version = pack_version
        fileformat.save(document, path)
    return path


def test_disk_change_same_changed_deleted(tmp_path: Path, registry: PackRegistry) -> None:
    """Our own save is SAME; another program's save CHANGED (with its digest); gone DELETED."""
    path = _copy(tmp_path)
    session = open_session(path, registry)
    assert session.disk_change() is DiskChange.SAME
    session.editor.execute(SetMetadata("symbol", "A/72/L.MINE"))
    session.save()
    assert session.disk_change() is DiskChange.SAME
    mine = session.disk_digest()
    other = fileformat.load(path)
    other.metadata.symbol = "A/72/L.OTHER"
    fileformat.save(other, path)
    assert session.disk_change() is DiskChange.CHANGED
    assert session.disk_digest() not in (None, mine)
    path.unlink()
    assert session.disk_change() is DiskChange.DELETED
    assert session.disk_digest() is None


def test_untitled_session_never_changes_on_disk(registry: PackRegistry) -> None:
    """No file, nothing to compare: SAME, and no digest."""
    session = new_session(registry, "un-ga", "general-assembly")
    assert session.disk_change() is DiskChange.SAME
    assert session.disk_digest() is None


def test_missing_pack_version_then_open_with_closest(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """The recorded version is missing: the error names the closest; opening with it is an
    unsaved, undoable edit that renders, and the file changes only when saved."""
    path = _copy(tmp_path, pack_version="0.9.0")
    with pytest.raises(MissingPackVersionError) as info:
        open_session(path, registry)
    assert (info.value.pack_id, info.value.version, info.value.closest) == (
        "un-ga",
        "0.9.0",
        "1.0.0",
    )
    session = open_session(path, registry, pack_version=info.value.closest)
    assert (session.pack.id, session.pack.version) == ("un-ga", "1.0.0")
    assert session.document.metadata.pack_version == "1.0.0"
    assert session.modified
    assert [c.name for c in session.editor.undo_stack] == [SWITCH_PACK_VERSION]
    layout = Renderer(session.pack).layout(session.document, "en")
    assert any(b.text.startswith("Recalling its resolutions 37/4") for b in layout.blocks)
    assert fileformat.load(path).metadata.pack_version == "0.9.0"
    session.save()
    assert fileformat.load(path).metadata.pack_version == "1.0.0"
    assert not session.modified


def test_open_with_the_recorded_version_records_nothing(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """Asking for the version the file already has is a plain open."""
    session = open_session(_copy(tmp_path), registry, pack_version="1.0.0")
    assert not session.modified and session.editor.undo_stack == []


def test_recovered_with_a_missing_pack_version_then_with_the_closest(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """An autosave written with a pack version no longer installed: recovering names the
    closest; recovering with it switches the version as one undoable step, and the unsaved
    edits of the autosave are all there."""
    path = _copy(tmp_path, pack_version="0.9.0")
    document = fileformat.load(path)
    document.metadata.symbol = "A/72/L.RECOVERED"
    with pytest.raises(MissingPackVersionError) as info:
        recovered_session(document, path, registry)
    assert info.value.closest == "1.0.0"
    session = recovered_session(document, path, registry, pack_version=info.value.closest)
    assert (session.pack.id, session.pack.version) == ("un-ga", "1.0.0")
    assert session.recovered and session.modified
    assert [c.name for c in session.editor.undo_stack] == [SWITCH_PACK_VERSION]
    assert session.document.metadata.symbol == "A/72/L.RECOVERED"
    session.editor.undo()
    assert session.document.metadata.pack_version == "0.9.0"
    assert fileformat.load(path).metadata.pack_version == "0.9.0"  # the file is untouched
