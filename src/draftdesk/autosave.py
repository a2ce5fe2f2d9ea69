"""Autosave of open documents to the user state folder, and recovery after a crash.

Each running editor holds a slot: `<id>.lock` (locked for the life of the process),
`<id>.draftdesk` (the document as last autosaved) and `<id>.json` (where it came from).
The operating system drops the lock when a process dies, however it dies (even SIGKILL),
so a slot whose lock can be taken belongs to a crashed editor: its document is offered
for recovery at the next start.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from draftdesk.atomic import atomic_write
from draftdesk.errors import DocumentError
from draftdesk.model import fileformat
from draftdesk.model.document import Document

AUTOSAVE_SECONDS = 30
"""How often the GUI autosaves a modified document (structural edits save at once)."""


def _try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


@dataclass(slots=True)
class Recovery:
    """An autosaved document left behind by an editor that did not close normally."""

    slot_id: str
    folder: Path
    original: Path | None
    saved_at: datetime
    title: str

    @property
    def document_path(self) -> Path:
        """The autosaved `.draftdesk` file."""
        return self.folder / f"{self.slot_id}.draftdesk"

    def load(self) -> Document:
        """The autosaved document (DocumentError if it cannot be read)."""
        return fileformat.load(self.document_path)

    def discard(self) -> None:
        """Delete the autosave (after it was recovered, or when the user declines it)."""
        for suffix in (".draftdesk", ".json", ".lock"):
            (self.folder / f"{self.slot_id}{suffix}").unlink(missing_ok=True)


class AutosaveSlot:
    """The autosave of one open document, locked by this process while it runs."""

    def __init__(self, folder: Path, slot_id: str, lock: IO[bytes]) -> None:
        self.folder = folder
        self.slot_id = slot_id
        self._lock: IO[bytes] | None = lock
        self.writes = 0

    @property
    def document_path(self) -> Path:
        """Where this slot keeps the document."""
        return self.folder / f"{self.slot_id}.draftdesk"

    @property
    def meta_path(self) -> Path:
        """Where this slot records the original file and the time of the autosave."""
        return self.folder / f"{self.slot_id}.json"

    def write(self, document: Document, original: Path | None, title: str) -> None:
        """Autosave `document` atomically; DocumentError naming the folder on failure."""
        meta = {
            "original": str(original) if original else None,
            "saved_at": datetime.now(UTC).isoformat(),
            "title": title,
            "pid": os.getpid(),
        }
        try:
            atomic_write(self.document_path, fileformat.dumps(document).encode("utf-8"))
            atomic_write(self.meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            raise DocumentError(
                f"autosave failed ({exc.strerror or exc})", source=str(self.folder)
            ) from None
        self.writes += 1

    def clear(self) -> None:
        """Forget the autosaved copy (the document was just saved to its file)."""
        self.document_path.unlink(missing_ok=True)
        self.meta_path.unlink(missing_ok=True)

    def close(self) -> None:
        """Clean shutdown: remove the autosave and release the lock."""
        self.clear()
        self.release()
        (self.folder / f"{self.slot_id}.lock").unlink(missing_ok=True)

    def release(self) -> None:
        """Let go of the lock, leaving the files as a crash would (used by tests)."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None


class AutosaveStore:
    """The folder of autosave slots (the platformdirs user state folder in the GUI)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def open_slot(self) -> AutosaveSlot:
        """A new slot for one open document, locked by this process."""
        self.folder.mkdir(parents=True, exist_ok=True)
        slot_id = uuid.uuid4().hex[:12]
        handle = (self.folder / f"{slot_id}.lock").open("ab")
        if not _try_lock(handle):  # pragma: no cover - a fresh random name is never locked
            handle.close()
            raise DocumentError("cannot lock a new autosave slot", source=str(self.folder))
        return AutosaveSlot(self.folder, slot_id, handle)

    def recoverable(self) -> list[Recovery]:
        """Autosaves whose editor is gone, newest first; unreadable leftovers are skipped."""
        found: list[Recovery] = []
        if not self.folder.is_dir():
            return found
        for lock_path in self.folder.glob("*.lock"):
            # A slot cleared after a save whose editor then died leaves only its lock.
            # Only old ones: a lock file just created may not be locked yet.
            lonely = not (self.folder / f"{lock_path.stem}.draftdesk").exists()
            if lonely and _age(lock_path) > 60 and self._abandoned(lock_path.stem):
                lock_path.unlink(missing_ok=True)
        for meta_path in self.folder.glob("*.json"):
            slot_id = meta_path.stem
            if not (self.folder / f"{slot_id}.draftdesk").is_file():
                continue
            if not self._abandoned(slot_id):
                continue
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                saved_at = datetime.fromisoformat(meta["saved_at"])
                original = Path(meta["original"]) if meta.get("original") else None
                title = str(meta.get("title") or "")
            except (OSError, ValueError, KeyError, TypeError):
                continue
            found.append(Recovery(slot_id, self.folder, original, saved_at, title))
        found.sort(key=lambda recovery: recovery.saved_at, reverse=True)
        return found

    def _abandoned(self, slot_id: str) -> bool:
        """True when no running process holds the slot's lock."""
        lock_path = self.folder / f"{slot_id}.lock"
        if not lock_path.exists():
            return True
        try:
            with lock_path.open("ab") as handle:
                return _try_lock(handle)  # closing the handle releases it again
        except OSError:
            return False
