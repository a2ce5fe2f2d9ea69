"""`draftdesk check`: exit codes 0 / 1 / 2, human and JSON output, --lang, French messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.model import fileformat
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.proofing.seeded import seeded_document


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Keep the user dictionary out of the user's own folders."""
    monkeypatch.setenv("DRAFTDESK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def _save_seeded(path: Path) -> Path:
    """The seeded document minus its dangling footnote reference, which no file may hold."""
    document = seeded_document()
    document.operative = [p for p in document.operative if p.id != "op-footnote"]
    fileformat.save(document, path)
    return path


@pytest.mark.parametrize("path", [UN_EXAMPLE, OIC_EXAMPLE], ids=["un", "oic"])
def test_clean_example_exits_0(
    path: Path, isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == f"{path}: 0 errors, 0 warnings, 0 notes\n"


def test_errors_exit_1_with_one_line_each(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _save_seeded(isolated / "seeded.draftdesk")
    assert main(["check", str(path), "--lang", "fr"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        f"{path}: op-ordinals 16-28 (FR): error: Write the ordinal “49e session”, "
        "not “49èmesession”. [ordinal-suffix] [fix]"
    ) in lines
    assert all("(EN)" not in line for line in lines)
    assert lines[-1].startswith(f"{path}: ") and lines[-1].endswith(" notes")


def test_json_output(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save_seeded(isolated / "seeded.draftdesk")
    assert main(["check", str(path), "--json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == sum(f["severity"] == "error" for f in data["findings"])
    spelling = next(f for f in data["findings"] if f["rule"] == "spelling")
    assert spelling == {
        "rule": "spelling",
        "severity": "error",
        "lang": "en",
        "target": "text",
        "paragraph": "op-spelling",
        "start": 4,
        "end": 13,
        "excerpt": "goverment",
        "message": "“goverment” is not in the English dictionary.",
        "suggestions": ["government"],
        "fix": {"start": 4, "end": 13, "replacement": "government"},
    }


def test_messages_in_french(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save_seeded(isolated / "seeded.draftdesk")
    assert main(["check", str(path), "--ui-lang", "fr", "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    expected = "«\u202fConvaincu\u202f» ne s’accorde pas avec l’Assemblée générale\u00a0: écrire"
    assert expected in out


def test_user_dictionary_silences_a_word(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _save_seeded(isolated / "seeded.draftdesk")
    words = isolated / "words.txt"
    words.write_text("goverment\n", encoding="utf-8")
    main(["check", str(path), "--lang", "en", "--json", "--dictionary", str(words)])
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "spelling" not in rules


def test_missing_file_exits_2(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(isolated / "missing.draftdesk")]) == 2
    assert "missing.draftdesk: no such file" in capsys.readouterr().err


def test_unknown_language_exits_2(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(UN_EXAMPLE), "--lang", "de"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_corrupt_file_exits_2(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = isolated / "broken.draftdesk"
    path.write_text("{ not json", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("draftdesk: ") and str(path) in err and "Traceback" not in err


def test_language_missing_from_document_exits_2(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = fileformat.load(UN_EXAMPLE)
    document.metadata.languages = ["en"]
    path = isolated / "english.draftdesk"
    fileformat.save(document, path)
    assert main(["check", str(path), "--lang", "fr"]) == 2
    assert "has no FR version" in capsys.readouterr().err
