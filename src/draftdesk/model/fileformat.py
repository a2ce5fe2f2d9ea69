"""Reading and writing `.draftdesk` files: validated load, migrations, atomic save."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from draftdesk import FORMAT_VERSION, __version__
from draftdesk.atomic import atomic_write
from draftdesk.errors import DocumentError, NewerFormatError
from draftdesk.model.document import Document, Ignore
from draftdesk.model.inline import to_shorthand
from draftdesk.model.reader import read_document

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A resolution is a few hundred kilobytes; anything this large is not one."""


def load(path: str | Path) -> Document:
    """Load and validate a `.draftdesk` file; every fault is a DocumentError naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                f"file is {size // (1024 * 1024)} MiB, larger than any resolution "
                f"({MAX_FILE_BYTES // (1024 * 1024)} MiB limit)",
                source=str(path),
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise DocumentError("is a folder, not a .draftdesk file", source=str(path)) from None
    except OSError as exc:
        raise DocumentError(f"cannot be read ({exc.strerror})", source=str(path)) from None
    return loads(raw, source=str(path))


def loads(raw: bytes | str, *, source: str = "<document>") -> Document:
    """Parse and validate the bytes or text of a `.draftdesk` file."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                f"not UTF-8 text (invalid byte at offset {exc.start})", source=source
            ) from None
    else:
        text = raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", source=source
        ) from None
    except RecursionError:
        raise DocumentError("JSON nested too deeply", source=source) from None
    data = migrate(data, source=source)
    return read_document(data, source=source)


def migrate(data: Any, *, source: str) -> Any:
    """Check the format header and bring an older format version up to the current one."""
    if not isinstance(data, dict):
        raise DocumentError("expected a JSON object at the top level", source=source, path="$")
    if data.get("format") != "draftdesk":
        raise DocumentError(
            'not a DraftDesk document (missing "format": "draftdesk")', source=source, path="$"
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DocumentError(
            "format_version must be a positive whole number",
            source=source,
            path="$.format_version",
        )
    if version > FORMAT_VERSION:
        raise NewerFormatError(
            f"written by a newer DraftDesk (file format version {version}; this is DraftDesk "
            f"{__version__}, which reads up to version {FORMAT_VERSION}): update DraftDesk "
            "to open it",
            source=source,
            path="$.format_version",
        )
    # Version 1 is the first format: nothing to migrate yet. Later versions add steps here,
    # each turning version k into k + 1, so any older file reaches the current shape.
    return data


def dumps(document: Document) -> str:
    """Serialise a document as the current format version (stable key order, UTF-8)."""
    return json.dumps(to_data(document), ensure_ascii=False, indent=2) + "\n"


def save(document: Document, path: str | Path) -> None:
    """Write atomically; if anything fails the previous file at `path` is untouched.

    The error is raised as DocumentError naming the file.
    """
    path = Path(path)
    try:
        atomic_write(path, dumps(document).encode("utf-8"))
    except OSError as exc:
        raise DocumentError(
            f"could not be saved ({exc.strerror or exc}); the previous version is unchanged",
            source=str(path),
        ) from None


def to_data(document: Document) -> dict[str, Any]:
    """The JSON-ready dictionary of a document in the current format version."""
    meta = document.metadata
    meeting = None
    if meta.meeting is not None:
        meeting = {
            "place": meta.meeting.place,
            "start": meta.meeting.start.isoformat() if meta.meeting.start else None,
            "end": meta.meeting.end.isoformat() if meta.meeting.end else None,
            "hijri": meta.meeting.hijri,
        }
    data: dict[str, Any] = {
        "format": "draftdesk",
        "format_version": FORMAT_VERSION,
        "metadata": {
            "pack": meta.pack,
            "pack_version": meta.pack_version,
            "body": meta.body,
            "languages": meta.languages,
            "source_language": meta.source_language,
            "symbol": meta.symbol,
            "distribution": meta.distribution,
            "date": meta.date.isoformat() if meta.date else None,
            "original_language": meta.original_language,
            "session": meta.session,
            "agenda_item": meta.agenda_item,
            "agenda_title": meta.agenda_title,
            "sponsors": meta.sponsors,
            "sponsors_note": meta.sponsors_note,
            "title": meta.title,
            "meeting": meeting,
            "fields": meta.fields,
        },
        "preamble": [_paragraph_data(p) for p in document.preamble],
        "operative": [_paragraph_data(p) for p in document.operative],
        "annexes": [
            {
                "id": annex.id,
                "title": annex.title,
                "paragraphs": [_paragraph_data(p) for p in annex.paragraphs],
            }
            for annex in document.annexes
        ],
        "footnotes": [
            {
                "id": note.id,
                "symbol": note.symbol,
                "text": {lang: to_shorthand(items) for lang, items in note.text.items()},
            }
            for note in document.footnotes
        ],
    }
    if document.ignores:
        # Optional: written only when there is something to keep, so files without
        # ignored findings stay exactly as before.
        data["ignores"] = [_ignore_data(ignore) for ignore in document.ignores]
    return data


def _ignore_data(ignore: Ignore) -> dict[str, Any]:
    item: dict[str, Any] = {"rule": ignore.rule, "lang": ignore.lang, "text": ignore.text}
    if ignore.paragraph_id is not None:
        item["paragraph"] = ignore.paragraph_id
    if ignore.footnote_id is not None:
        item["footnote"] = ignore.footnote_id
    return item


def _paragraph_data(paragraph: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": paragraph.id,
        "opener": paragraph.opener,
        "clause": paragraph.clause,
        "slots": paragraph.slots,
        "text": {lang: to_shorthand(items) for lang, items in paragraph.text.items()},
    }
    provenance = {}
    for lang, entry in paragraph.provenance.items():
        item: dict[str, Any] = {"rev": entry.rev}
        if entry.source_language is not None:
            item["from"] = entry.source_language
            item["from_rev"] = entry.source_rev
        provenance[lang] = item
    if provenance:
        data["provenance"] = provenance
    if paragraph.children:
        data["children"] = [_paragraph_data(child) for child in paragraph.children]
    return data
