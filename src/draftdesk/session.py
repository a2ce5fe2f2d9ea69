"""An open document: its file, pack, undo history and what the file on disk looked like."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from draftdesk.atomic import atomic_write
from draftdesk.commands import Editor, SetMetadata, new_document
from draftdesk.errors import DocumentError, DraftDeskError
from draftdesk.model import fileformat
from draftdesk.model.document import Document
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry
from draftdesk.validation import pack_for

SUFFIX = ".draftdesk"


class FileChangedOnDiskError(DraftDeskError):
    """The file was changed by another program since it was opened or last saved."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path}: was changed by another program since you opened it; "
            "saving now would overwrite those changes"
        )


class DiskChange(StrEnum):
    """How the open file compares with the version last read or written by us."""

    SAME = "same"
    CHANGED = "changed"  # another program wrote different contents
    DELETED = "deleted"  # the file is gone (deleted, moved or renamed away)


@dataclass(slots=True, frozen=True)
class DiskState:
    """What a file looked like when we last read or wrote it."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, path: Path) -> DiskState | None:
        """The current state of `path`, or None when there is no file."""
        try:
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, digest)

    @classmethod
    def of_bytes(cls, path: Path, payload: bytes) -> DiskState | None:
        """The state of `path` just written with `payload` (no second read)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, hashlib.sha256(payload).hexdigest())


@dataclass(slots=True)
class Session:
    """One open resolution: the editor (document + undo history), its pack and its file."""

    editor: Editor
    pack: Pack
    path: Path | None = None
    disk: DiskState | None = None
    recovered: bool = False  # restored from an autosave: the file on disk is older
    notes: list[str] = field(default_factory=list)

    @property
    def document(self) -> Document:
        """The document being edited."""
        return self.editor.document

    @property
    def modified(self) -> bool:
        """True when there are edits not yet saved to `path`."""
        return self.editor.modified or self.recovered

    def display_name(self, untitled: str = "Untitled") -> str:
        """The file name for the title bar ("A-72-L20.draftdesk"), or `untitled`."""
        return self.path.name if self.path else untitled

    def changed_on_disk(self) -> bool:
        """True when the file at `path` differs from what was last read or written.

        A file that vanished counts as changed only if we had one: saving recreates it.
        """
        if self.path is None or self.disk is None:
            return False
        try:
            stat = self.path.stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) == (self.disk.size, self.disk.mtime_ns):
            return False  # cheap check first: reading and hashing only when it moved
        now = DiskState.of(self.path)
        return now is not None and now.digest != self.disk.digest

    def disk_change(self) -> DiskChange:
        """SAME, CHANGED or DELETED: what happened to the file since we read or wrote it.

        Our own saves record what they wrote, so they never count as a change.
        """
        if self.path is None or self.disk is None:
            return DiskChange.SAME
        if not self.path.exists():
            return DiskChange.DELETED
        return DiskChange.CHANGED if self.changed_on_disk() else DiskChange.SAME

    def disk_digest(self) -> str | None:
        """The SHA-256 of the file's current contents (None without a readable file)."""
        if self.path is None:
            return None
        state = DiskState.of(self.path)
        return state.digest if state else None

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Save atomically to `path` (default: the current file) and mark the edits saved.

        Raises FileChangedOnDiskError when saving to the current file would overwrite a
        change made by someone else (unless `overwrite`), DocumentError when the write
        fails; in both cases the previous file is untouched.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DocumentError("choose where to save this new document first")
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        same_file = self.path is not None and _same(target, self.path)
        if same_file and not overwrite and self.changed_on_disk():
            raise FileChangedOnDiskError(target)
        payload = fileformat.dumps(self.document).encode("utf-8")
        _write(target, payload)
        self.path = target
        self.disk = DiskState.of_bytes(target, payload)
        self.editor.close_merging()
        self.editor.mark_saved()
        self.recovered = False
        return target


SWITCH_PACK_VERSION = "Switch pack version"
"""The name of the undo step `open_session(..., pack_version=…)` records."""


def open_session(
    path: Path, registry: PackRegistry, *, pack_version: str | None = None
) -> Session:
    """Open a `.draftdesk` file; DocumentError / PackError / RenderError name what is wrong.

    When the pack version the file records is not installed, pack_for raises
    MissingPackVersionError (with `.closest`); opening again with `pack_version` set to
    another installed version switches the document to it as an undoable, unsaved edit:
    the file keeps its version until the user saves.
    """
    path = Path(path)
    document = fileformat.load(path)
    editor = Editor(document)
    if pack_version is not None and pack_version != document.metadata.pack_version:
        editor.execute(SetMetadata("pack_version", pack_version, name=SWITCH_PACK_VERSION))
    pack = pack_for(document, registry)
    return Session(editor, pack, path.resolve(), DiskState.of(path))


def new_session(
    registry: PackRegistry, pack_id: str, body: str, *, source_language: str = "en"
) -> Session:
    """An untitled, empty resolution of `body` in pack `pack_id`."""
    pack = registry.get(pack_id)
    document = new_document(pack, body, source_language=source_language)
    return Session(Editor(document), pack)


def recovered_session(
    document: Document,
    path: Path | None,
    registry: PackRegistry,
    *,
    pack_version: str | None = None,
) -> Session:
    """A session for a document restored from an autosave: unsaved until saved again.

    The autosave is newer than the file, so the file's current state is recorded as the
    one "we read": saving goes back to it without a false changed-on-disk alarm. As with
    `open_session`, a missing pack version raises MissingPackVersionError, and
    `pack_version` switches the document to another installed version (one undoable step).
    """
    editor = Editor(document)
    if pack_version is not None and pack_version != document.metadata.pack_version:
        editor.execute(SetMetadata("pack_version", pack_version, name=SWITCH_PACK_VERSION))
    pack = pack_for(document, registry)
    disk = DiskState.of(path) if path is not None else None
    return Session(editor, pack, path, disk, recovered=True)


def _same(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def _write(target: Path, payload: bytes) -> None:
    try:
        atomic_write(target, payload)
    except OSError as exc:
        raise DocumentError(
            f"could not be saved ({exc.strerror or exc}); the previous version is unchanged",
            source=str(target),
        ) from None
