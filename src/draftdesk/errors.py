"""Errors that reach the user as one clear line (CLI exit code 2, a dialog in the GUI)."""

from __future__ import annotations


class DraftDeskError(Exception):
    """Base of every error DraftDesk reports to the user instead of a traceback."""


class DocumentError(DraftDeskError):
    """A document is malformed or inconsistent: names the file, the JSON path and the fault."""

    def __init__(self, message: str, *, source: str = "", path: str = "") -> None:
        self.source = source
        self.path = path
        self.detail = message
        where = ": ".join(part for part in (source, path) if part)
        super().__init__(f"{where}: {message}" if where else message)


class NewerFormatError(DocumentError):
    """The file was written by a newer DraftDesk than this one."""


class PackError(DraftDeskError):
    """A template pack is missing, malformed or unsafe."""


class RenderError(DraftDeskError):
    """A document cannot be rendered with its pack (unknown clause, failing template…)."""


class CommandError(DraftDeskError):
    """An editing command cannot be applied to the document as it is."""
