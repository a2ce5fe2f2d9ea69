"""Open documents: save atomically, never overwrite someone else's change unasked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from draftdesk.commands import SetMetadata
from draftdesk.errors import DocumentError, NewerFormatError
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.session import FileChangedOnDiskError, new_session, open_session, recovered_session
from tests.conftest import UN_EXAMPLE


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "un.draftdesk"
    shutil.copy(UN_EXAMPLE, path)
    return path


def test_open_edit_save_round_trip(tmp_path: Path, registry: PackRegistry) -> None:
    """An edit is saved to the file and the session is no longer modified."""
    path = _copy(tmp_path)
    session = open_session(path, registry)
    assert not session.modified and session.display_name() == "un.draftdesk"
    session.editor.execute(SetMetadata("symbol", "A/72/L.99"))
    assert session.modified
    assert session.save() == path.resolve()
    assert not session.modified
    assert fileformat.load(path).metadata.symbol == "A/72/L.99"


def test_change_on_disk_is_detected_before_overwriting(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """Someone else's save is not overwritten silently; overwrite=True does it on request."""
    path = _copy(tmp_path)
    session = open_session(path, registry)
    other = fileformat.load(path)
    other.metadata.symbol = "A/72/L.OTHER"
    fileformat.save(other, path)
    assert session.changed_on_disk()
    session.editor.execute(SetMetadata("symbol", "A/72/L.MINE"))
    with pytest.raises(FileChangedOnDiskError, match="changed by another program"):
        session.save()
    assert fileformat.load(path).metadata.symbol == "A/72/L.OTHER"
    session.save(overwrite=True)
    assert fileformat.load(path).metadata.symbol == "A/72/L.MINE"
    assert not session.changed_on_disk()


def test_touching_without_changing_is_not_a_change(tmp_path: Path, registry: PackRegistry) -> None:
    """A new modification time with the same bytes (a backup tool) raises no alarm."""
    path = _copy(tmp_path)
    session = open_session(path, registry)
    path.write_bytes(path.read_bytes())
    assert not session.changed_on_disk()


def test_failed_save_keeps_the_previous_file(tmp_path: Path, registry: PackRegistry) -> None:
    """Saving under a path whose folder is a file fails with one clear line; nothing lost."""
    path = _copy(tmp_path)
    before = path.read_bytes()
    session = open_session(path, registry)
    session.editor.execute(SetMetadata("symbol", "A/72/L.99"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DocumentError, match="could not be saved") as caught:
        session.save(blocker / "copy.draftdesk")
    assert str(blocker) in str(caught.value)
    assert session.modified and session.path == path.resolve()
    assert path.read_bytes() == before


def test_save_as_adds_the_suffix_and_new_needs_a_name(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """ "Save As resolution" writes resolution.draftdesk; an untitled save must be named."""
    session = new_session(registry, "un-ga", "general-assembly")
    assert session.display_name("Sans titre") == "Sans titre"
    with pytest.raises(DocumentError, match="choose where"):
        session.save()
    written = session.save(tmp_path / "resolution")
    assert written.name == "resolution.draftdesk"
    assert fileformat.load(written).metadata.body == "general-assembly"


def test_bad_files_are_refused_with_their_reason(tmp_path: Path, registry: PackRegistry) -> None:
    """Invalid JSON and a newer format version each give their own error."""
    bad = tmp_path / "bad.draftdesk"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(DocumentError, match="malformed JSON at line 1"):
        open_session(bad, registry)
    newer = tmp_path / "newer.draftdesk"
    newer.write_text(
        UN_EXAMPLE.read_text(encoding="utf-8").replace(
            '"format_version": 1', '"format_version": 99'
        ),
        encoding="utf-8",
    )
    with pytest.raises(NewerFormatError, match="newer DraftDesk"):
        open_session(newer, registry)


def test_recovered_session_is_unsaved_and_saves_to_its_file(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """A recovered document counts as modified until saved back to the original file."""
    path = _copy(tmp_path)
    document = fileformat.load(path)
    document.metadata.symbol = "A/72/L.RECOVERED"
    session = recovered_session(document, path, registry)
    assert session.modified
    session.save()
    assert fileformat.load(path).metadata.symbol == "A/72/L.RECOVERED"
    assert not session.modified
