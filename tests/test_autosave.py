"""Autosave and crash recovery: a dead editor's document is offered, a live one's is not."""

from __future__ import annotations

import os
import time
from pathlib import Path

from draftdesk.autosave import AutosaveStore
from draftdesk.model import fileformat
from draftdesk.model.document import Document


def test_live_slot_is_not_offered_and_crashed_slot_is(
    tmp_path: Path, un_document: Document
) -> None:
    """While the lock is held nothing is recoverable; once released (crash) it is."""
    store = AutosaveStore(tmp_path / "state")
    slot = store.open_slot()
    un_document.metadata.symbol = "A/72/L.AUTOSAVED"
    original = tmp_path / "un.draftdesk"
    slot.write(un_document, original, "un.draftdesk")
    assert store.recoverable() == []
    slot.release()  # what the kernel does when the process dies
    [recovery] = store.recoverable()
    assert recovery.original == original
    assert recovery.title == "un.draftdesk"
    assert recovery.load().metadata.symbol == "A/72/L.AUTOSAVED"
    recovery.discard()
    assert store.recoverable() == []
    assert list((tmp_path / "state").iterdir()) == []


def test_clean_close_and_save_leave_nothing_to_recover(
    tmp_path: Path, un_document: Document
) -> None:
    """clear() after a save and close() at exit remove the autosave."""
    store = AutosaveStore(tmp_path)
    slot = store.open_slot()
    slot.write(un_document, None, "Untitled")
    slot.clear()
    slot.release()
    assert store.recoverable() == []
    lock = tmp_path / f"{slot.slot_id}.lock"
    os.utime(lock, (time.time() - 120, time.time() - 120))
    other = store.open_slot()
    other.write(un_document, None, "Untitled")
    other.close()
    assert store.recoverable() == []
    assert not any(tmp_path.iterdir())


def test_damaged_leftovers_are_skipped(tmp_path: Path, un_document: Document) -> None:
    """A metadata file that is not JSON does not stop the others from being offered."""
    store = AutosaveStore(tmp_path)
    good = store.open_slot()
    good.write(un_document, None, "good")
    good.release()
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "broken.draftdesk").write_text(fileformat.dumps(un_document), encoding="utf-8")
    assert [r.title for r in store.recoverable()] == ["good"]
    assert AutosaveStore(tmp_path / "missing").recoverable() == []
