"""Exports from the editor: file names per language, text content, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.exporting import (
    ExportError,
    ExportRequest,
    default_languages,
    render_layouts,
    write_exports,
)
from draftdesk.model.document import Document
from draftdesk.packs.model import Pack


def test_both_languages_get_their_own_file(
    tmp_path: Path, un_document: Document, un_pack: Pack
) -> None:
    """ "A-72-L20.txt" for EN and FR becomes A-72-L20.en.txt and A-72-L20.fr.txt."""
    languages = default_languages(un_document)
    assert languages == ("en", "fr")
    request = ExportRequest("txt", languages, tmp_path / "A-72-L20.txt")
    steps: list[tuple[int, int]] = []
    written = write_exports(
        request,
        render_layouts(un_document, un_pack, languages),
        un_pack,
        lambda done, total: steps.append((done, total)),
    )
    assert [p.name for p in written] == ["A-72-L20.en.txt", "A-72-L20.fr.txt"]
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert "The General Assembly," in written[0].read_text(encoding="utf-8")
    assert "L’Assemblée générale," in written[1].read_text(encoding="utf-8")


def test_one_language_uses_the_chosen_name(
    tmp_path: Path, un_document: Document, un_pack: Pack
) -> None:
    """A single language is written exactly where the user said."""
    request = ExportRequest("txt", ("fr",), tmp_path / "projet")
    [written] = write_exports(request, render_layouts(un_document, un_pack, ("fr",)), un_pack)
    assert written == tmp_path / "projet.txt"


def test_unwritable_target_names_the_file(
    tmp_path: Path, un_document: Document, un_pack: Pack
) -> None:
    """A folder that is a file: ExportError naming the target; nothing else written."""
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    request = ExportRequest("txt", ("en",), blocker / "out.txt")
    with pytest.raises(ExportError, match="cannot be written"):
        write_exports(request, render_layouts(un_document, un_pack, ("en",)), un_pack)
    with pytest.raises(ExportError, match="no 'pdf' exporter"):
        ExportRequest("pdf", ("en",), tmp_path / "x").targets()


def test_docx_export_writes_word_files(
    tmp_path: Path, un_document: Document, un_pack: Pack
) -> None:
    """With the DOCX exporter present both Word files are written and hold the text."""
    import zipfile

    request = ExportRequest("docx", ("en", "fr"), tmp_path / "A-72-L20.docx")
    written = write_exports(request, render_layouts(un_document, un_pack, ("en", "fr")), un_pack)
    with zipfile.ZipFile(written[1]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Assemblée générale" in body
