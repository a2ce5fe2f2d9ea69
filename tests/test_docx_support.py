"""Helpers of the DOCX tests (schema check, LibreOffice, XML access) and tests of the helpers."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from draftdesk.export.docx import export_docx
from draftdesk.model import fileformat
from draftdesk.model.document import Document
from draftdesk.packs.model import Pack
from draftdesk.render import build_layout
from draftdesk.render.layout import Layout

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
SCHEMA_CHECK = Path(__file__).resolve().parents[2] / "shared" / "tools" / "docx_schema_check.py"


def q(name: str) -> str:
    """Clark name of a `w:` element or attribute."""
    return f"{{{W}}}{name}"


def part(data: bytes, name: str) -> etree._Element:
    """The parsed XML part `name` (e.g. "word/document.xml") of a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def export(document: Document, pack: Pack, lang: str) -> tuple[Layout, bytes]:
    """The layout of `document` in `lang` and its DOCX."""
    layout = build_layout(document, pack, lang)
    return layout, export_docx(layout, pack)


def load(path: Path) -> Document:
    """A document from a .draftdesk file."""
    return fileformat.load(path)


def assert_schema_valid(*paths: Path, only_if_present: bool = False) -> None:
    """Every file passes ../shared/tools/docx_schema_check.py --strict.

    Without the checker the test is skipped, naming it; with `only_if_present` the check is
    silently left out instead, for tests whose other assertions must still run (the
    dedicated schema tests report the skip).
    """
    if not SCHEMA_CHECK.is_file():
        if only_if_present:
            return
        pytest.skip(f"{SCHEMA_CHECK} is absent (../shared beside the repository)")
    result = subprocess.run(
        [sys.executable, str(SCHEMA_CHECK), "--strict", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("RESULT: VALID") == len(paths)


def soffice() -> str:
    """The LibreOffice binary, or skip the test naming what is missing."""
    binary = shutil.which("soffice")
    if binary is None:
        pytest.skip("soffice (LibreOffice, Debian libreoffice-writer-nogui) is not installed")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    return binary


def to_pdf(files: list[Path], out: Path) -> list[Path]:
    """Convert .docx files to PDF with LibreOffice in a private profile; the PDF paths."""
    binary = soffice()
    profile = out / "lo-profile"
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        check=True,
        timeout=300,
        env={**os.environ, "HOME": str(out)},
    )
    pdfs = [out / f"{path.stem}.pdf" for path in files]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return pdfs


def pdf_pages(pdf: Path) -> list[str]:
    """The pages of a PDF as `pdftotext -layout` prints them."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def outline(data: bytes) -> str:
    """A reviewable text picture of a .docx: each paragraph's style and text, then notes.

    Italic runs are shown as /text/, superscript as ^text^, footnote references as [^id],
    custom marks as [^id:mark], NOTEREF fields as {NOTEREF bookmark = cached}, tabs as →.
    """
    document = part(data, "word/document.xml")
    styles = part(data, "word/styles.xml")
    names = {
        style.get(q("styleId")): style.find(q("name")).get(q("val"))
        for style in styles.iter(q("style"))
    }
    lines = [_paragraph_line(p, names) for p in document.iter(q("p"))]
    notes = part(data, "word/footnotes.xml")
    for note in notes.iter(q("footnote")):
        if note.get(q("type")) is None:
            lines += [f"note {note.get(q('id'))} " + _paragraph_line(p, names) for p in note]
    return "\n".join(line for line in lines if line.strip()) + "\n"


def _paragraph_line(p: etree._Element, names: dict[str, str]) -> str:
    style = p.find(f"{q('pPr')}/{q('pStyle')}")
    text: list[str] = []
    field: list[str] | None = None  # instruction and cached result of an open field
    custom_mark = False  # the next w:t is the custom mark of a footnote reference
    for r in p.iter(q("r")):
        rpr = r.find(q("rPr"))
        italic = rpr is not None and rpr.find(q("i")) is not None
        sup = rpr is not None and rpr.find(q("vertAlign")) is not None
        for child in r:
            tag = etree.QName(child).localname
            piece = child.text or ""
            if tag == "fldChar":
                kind = child.get(q("fldCharType"))
                if kind == "begin":
                    field = []
                elif kind == "separate" and field is not None:
                    field.append(" =")
                elif kind == "end" and field is not None:
                    text.append("{" + "".join(field).replace(" \\f \\h", "").strip() + "}")
                    field = None
            elif tag == "instrText" and field is not None:
                field.append(piece.strip())
            elif tag == "t" and field is not None:
                field.append(f" {piece}")
            elif tag == "t" and custom_mark:
                text.append(f"{piece}]")
                custom_mark = False
            elif tag == "t":
                piece = f"/{piece}/" if italic else piece
                text.append(f"^{piece}^" if sup else piece)
            elif tag == "tab":
                text.append("→")
            elif tag == "footnoteReference":
                custom_mark = child.get(q("customMarkFollows")) == "1"
                text.append(f"[^{child.get(q('id'))}" + (":" if custom_mark else "]"))
            elif tag == "footnoteRef":
                text.append("[mark]")
    label = "" if style is None else names.get(style.get(q("val")), style.get(q("val")))
    return f"{label}: {''.join(text)}" if text or label else ""


def test_schema_check_rejects_a_broken_export(un_pack: Pack, tmp_path: Path) -> None:
    """The check the DOCX tests rely on fails a file whose note reference has no note."""
    from tests.conftest import UN_EXAMPLE

    _, data = export(load(UN_EXAMPLE), un_pack, "en")
    broken = tmp_path / "broken.docx"
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                content = content.replace(
                    b'w:footnoteReference w:id="3"', b'w:footnoteReference w:id="99"'
                )
            target.writestr(name, content)
    if not SCHEMA_CHECK.is_file():
        pytest.skip(f"{SCHEMA_CHECK} is absent (../shared beside the repository)")
    result = subprocess.run(
        [sys.executable, str(SCHEMA_CHECK), str(broken)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert 'w:footnoteReference w:id="99" has no w:footnote with that id' in result.stdout
