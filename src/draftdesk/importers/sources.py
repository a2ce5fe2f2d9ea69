"""Reading a file to import: what it really is, size limits, text decoding, Word or text."""

from __future__ import annotations

import codecs
import zipfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from draftdesk.errors import DocumentError
from draftdesk.importers.result import Change, Concern
from draftdesk.model.inline import Inline

MAX_TEXT_BYTES = 4 * 1024 * 1024
"""The longest resolution is a few hundred kilobytes of text; 4 MiB is not a resolution."""

MAX_DOCX_BYTES = 32 * 1024 * 1024
"""A Word resolution, emblem and all, is well under a megabyte."""

MAX_DOCX_XML_BYTES = 64 * 1024 * 1024
"""Uncompressed size allowed for the main document part (a zip bomb is refused)."""


class SourceError(DocumentError):
    """The file to import cannot be read as a resolution (wrong kind, empty, too large …)."""


class SourceFormat(StrEnum):
    """The two kinds of file DraftDesk imports."""

    DOCX = "Word document"
    TEXT = "plain text"


@dataclass(slots=True)
class SourceParagraph:
    """A paragraph of the source: inline items (footnote references by note key) and hints."""

    items: list[Inline]
    where: str
    list_label: str = ""  # the label Word's list numbering displays ("1.", "(a)")
    list_level: int | None = None  # Word list level (0 = top)
    style: str = ""  # Word paragraph style name
    centered: bool = False
    bold: bool = False  # every text run is bold (sponsors line, headings)
    first_line: int = 0  # plain text: first and last line numbers
    last_line: int = 0


@dataclass(slots=True)
class SourceNote:
    """A footnote of the source by the key its references use ("1", "*", a Word note id)."""

    key: str
    items: list[Inline]
    where: str
    symbol: str | None = None


@dataclass(slots=True)
class Source:
    """A file read for import: Word paragraphs, or the decoded text of a text file."""

    name: str
    format: SourceFormat
    encoding: str = ""
    text: str = ""  # plain text only: the decoded file
    paragraphs: list[SourceParagraph] = field(default_factory=list)
    notes: dict[str, SourceNote] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    concerns: list[Concern] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)  # Word title and subject


def read_source(path: Path) -> Source:
    """Read `path` as a Word document or a text file, judged by its content, not its name.

    Every problem is a SourceError naming the file: missing, empty, too large, a PDF, an
    old .doc, a ZIP that is not a Word document, binary data.
    """
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError("no such file", source=name) from None
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror})", source=name) from None
    if path.is_dir():
        raise SourceError("is a folder, not a file to import", source=name)
    if size == 0:
        raise SourceError("is empty: there is nothing to import", source=name)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror})", source=name) from None
    _refuse_known_formats(head, name)
    if head.startswith(b"PK"):
        if size > MAX_DOCX_BYTES:
            raise SourceError(_too_large(size, MAX_DOCX_BYTES, "a Word resolution"), source=name)
        _check_word_package(path, name)
        from draftdesk.importers.docx_reader import read_docx  # python-docx only when needed

        return read_docx(path, name)
    if path.suffix.lower() == ".docx":
        raise SourceError(
            "is not a Word document: a .docx file is a ZIP package and this one is not",
            source=name,
        )
    if size > MAX_TEXT_BYTES:
        raise SourceError(_too_large(size, MAX_TEXT_BYTES, "a resolution's text"), source=name)
    raw = path.read_bytes()
    text, encoding = decode_text(raw, name)
    return Source(name, SourceFormat.TEXT, encoding=encoding, text=text)


def _too_large(size: int, limit: int, what: str) -> str:
    mib = size / (1024 * 1024)
    return f"is {mib:.1f} MiB, far larger than {what} ({limit // (1024 * 1024)} MiB limit)"


def _refuse_known_formats(head: bytes, name: str) -> None:
    """Name the formats people most often try, so the message says what to do instead."""
    if head.startswith(b"%PDF"):
        raise SourceError(
            "is a PDF, not a Word or text file: copy its text into a .txt file (or save it "
            "as Word) and import that",
            source=name,
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError(
            "is an old Word 97-2003 (.doc) file: open it in Word and save it as .docx first",
            source=name,
        )
    if head.startswith(b"{\\rtf"):
        raise SourceError(
            "is an RTF file: open it in Word and save it as .docx (or as plain text) first",
            source=name,
        )


def _check_word_package(path: Path, name: str) -> None:
    """A .docx is a ZIP holding word/document.xml; say what else it is when it is not."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                if "mimetype" in names and "content.xml" in names:
                    kind = "an OpenDocument file (LibreOffice): save it as .docx first"
                elif "xl/workbook.xml" in names:
                    kind = "an Excel workbook, not a Word document"
                elif "ppt/presentation.xml" in names:
                    kind = "a PowerPoint presentation, not a Word document"
                else:
                    kind = "a ZIP archive, not a Word document (it has no word/document.xml)"
                raise SourceError(f"is {kind}", source=name)
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise SourceError(
                    "its document part unpacks to more than "
                    f"{MAX_DOCX_XML_BYTES // (1024 * 1024)} MiB: not a resolution",
                    source=name,
                )
    except zipfile.BadZipFile:
        raise SourceError(
            "looks like a ZIP file but is damaged or truncated", source=name
        ) from None
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror or exc})", source=name) from None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "latin-1": "ISO-8859-1",
}


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """Decode a text file; returns the text and the encoding's display name.

    A byte-order mark decides; else UTF-8 if it decodes; else UTF-16 without a mark (every
    other byte zero); else Windows-1252, the encoding of Western-European Windows. A
    statistical detector guesses among dozens of code pages and takes French Windows-1252
    for Central-European text ("à" read as "ŕ"); these are the encodings people actually
    save resolutions in. Binary data is refused.
    """
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), "")
    if not encoding:
        if _looks_utf16(raw):
            encoding = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        else:
            try:
                raw.decode("utf-8")
                encoding = "utf-8"
            except UnicodeDecodeError:
                encoding = "cp1252"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; ISO-8859-1 maps every byte.
        encoding = "latin-1"
        text = raw.decode(encoding)
    _refuse_binary(text, name)
    return text.lstrip("\ufeff"), _ENCODING_NAMES.get(encoding, encoding)


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _refuse_binary(text: str, name: str) -> None:
    """Control characters other than tab, newline, return and form feed mean binary data."""
    bad = 0
    first = -1
    for index, char in enumerate(text[:200_000]):
        if (ord(char) < 32 and char not in "\t\n\r\f") or char == "\x7f":
            bad += 1
            if first < 0:
                first = index
    if "\x00" in text or bad > max(8, len(text[:200_000]) // 1000):
        raise SourceError(
            f"is not a text file (binary data at character {first + 1}): import a .docx "
            "or a plain .txt file",
            source=name,
        )
    if not text.strip():
        raise SourceError("holds only blank space: there is nothing to import", source=name)
