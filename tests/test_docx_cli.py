"""`draftdesk export FILE --format docx`: one Word file per language, named by language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from draftdesk.cli import main
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.test_docx_support import NS, assert_schema_valid, part


def _run(argv: Sequence[str]) -> int:
    try:
        return main(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2


def test_export_all_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--lang all -o X.docx writes X.en.docx and X.fr.docx, each in its language."""
    target = tmp_path / "A-72-L20.docx"
    assert (
        _run(["export", str(UN_EXAMPLE), "--format", "docx", "--lang", "all", "-o", str(target)])
        == 0
    )
    written = {lang: tmp_path / f"A-72-L20.{lang}.docx" for lang in ("en", "fr")}
    assert capsys.readouterr().out.splitlines() == [
        f"{written['en']}: EN Word document written",
        f"{written['fr']}: FR Word document written",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A-72-L20.en.docx", "A-72-L20.fr.docx"]
    assert_schema_valid(*written.values(), only_if_present=True)
    for lang, path in written.items():
        data = path.read_bytes()
        langs = set(part(data, "word/document.xml").xpath("//w:lang/@w:val", namespaces=NS))
        assert langs == {f"{lang}-{'GB' if lang == 'en' else 'FR'}"}


def test_export_one_language_default_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang fr without -o writes STEM.fr.docx in the current folder."""
    monkeypatch.chdir(tmp_path)
    assert _run(["export", str(OIC_EXAMPLE), "--format", "docx", "--lang", "fr"]) == 0
    path = tmp_path / f"{OIC_EXAMPLE.stem}.fr.docx"
    assert capsys.readouterr().out == f"{path.name}: FR Word document written\n"
    assert_schema_valid(path, only_if_present=True)
    heading = part(path.read_bytes(), "word/document.xml").xpath(
        "string(//w:p[w:pPr/w:pStyle/@w:val='MastheadHeading'])", namespaces=NS
    )
    assert heading == "RESOLUTION N° 1/48-IT"


def test_unwritable_target_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A target folder that does not exist: exit 2, one line naming the file, nothing left."""
    target = tmp_path / "missing" / "out.docx"
    assert (
        _run(["export", str(UN_EXAMPLE), "--format", "docx", "--lang", "en", "-o", str(target)])
        == 2
    )
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and str(target) in captured.err
    assert "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == []
