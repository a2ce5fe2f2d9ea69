"""Garbage in: a clear one-line message naming the file, exit code 2, nothing written."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from draftdesk.cli import main


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _zip_of_photos(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo1.jpg", b"\xff\xd8\xff\xe0" + bytes(200))


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def _junk(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(8000))


def _twenty_megabytes(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b"The General Assembly,\n")
        line = b"Recalling its resolution 70/1 of 25 September 2015,\n"
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            handle.write(line)


def _old_word(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))


def _opendocument(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")


def _truncated_docx(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + bytes(60))


def _broken_xml(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document><<<")


def _blank(path: Path) -> None:
    path.write_text("  \n\n\t\n", encoding="utf-8")


def _no_resolution(path: Path) -> None:
    path.write_text("--- *** ---\n", encoding="utf-8")


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("empty.txt", _empty, "is empty: there is nothing to import"),
    ("photos.docx", _zip_of_photos, "is a ZIP archive, not a Word document"),
    ("report.docx", _pdf, "is a PDF, not a Word or text file"),
    ("junk.bin", _junk, "is not a text file (binary data at character"),
    ("junk.docx", _junk, "is not a Word document: a .docx file is a ZIP package"),
    ("huge.txt", _twenty_megabytes, "MiB, far larger than a resolution's text (4 MiB limit)"),
    ("old.doc", _old_word, "is an old Word 97-2003 (.doc) file"),
    ("draft.docx", _opendocument, "is an OpenDocument file (LibreOffice)"),
    ("cut.docx", _truncated_docx, "looks like a ZIP file but is damaged or truncated"),
    ("broken.docx", _broken_xml, "is not a readable Word document"),
    ("blank.txt", _blank, "holds only blank space"),
    ("marks.txt", _no_resolution, "no resolution paragraphs found"),
]


@pytest.mark.parametrize(("name", "make", "message"), CASES, ids=[case[0] for case in CASES])
def test_garbage_is_refused_clearly(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    make: Callable[[Path], None],
    message: str,
) -> None:
    source = tmp_path / name
    make(source)
    output = tmp_path / "out.draftdesk"
    assert main(["import", str(source), "-o", str(output)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"draftdesk: {source}: ")
    assert message in lines[0]
    assert "Traceback" not in captured.err
    assert not output.exists()
    assert not list(tmp_path.glob(".out.draftdesk.*"))  # no temporary file left behind


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.draftdesk"
    assert main(["import", str(tmp_path / "missing.txt"), "-o", str(output)]) == 2
    assert capsys.readouterr().err.strip().endswith("missing.txt: no such file")
    assert main(["import", str(tmp_path), "-o", str(output)]) == 2
    assert "is a folder, not a file to import" in capsys.readouterr().err
