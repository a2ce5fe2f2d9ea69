"""`draftdesk import FILE [--pack] [--body] [--lang] -o OUT`: report, file, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.model import fileformat

GOLDEN = Path(__file__).parent.parent / "golden"
UN_REFERENCE = GOLDEN / "reference-un-a-72-l20.fr.txt"


def test_import_prints_the_report_and_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "un.draftdesk"
    assert main(["import", str(UN_REFERENCE), "-o", str(output)]) == 0
    out = capsys.readouterr().out
    report = (GOLDEN / "import-un-a-72-l20.report.txt").read_text(encoding="utf-8")
    assert out == report + f"{output}: written (FR, un-ga, general-assembly)\n"
    document = fileformat.load(output)
    assert (len(document.preamble), len(document.operative)) == (27, 25)
    assert main(["validate", str(output)]) == 0
    assert "27 preambular and 25 operative paragraphs" in capsys.readouterr().out
    assert main(["export", str(output), "--lang", "fr", "--format", "txt"]) == 0
    assert "21. Encourage les institutions spécialisées" in capsys.readouterr().out


def test_existing_output_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "un.draftdesk"
    output.write_text("my work", encoding="utf-8")
    assert main(["import", str(UN_REFERENCE), "-o", str(output)]) == 2
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "my work"
    assert main(["import", str(UN_REFERENCE), "-o", str(output), "--force"]) == 0
    assert fileformat.load(output).metadata.pack == "un-ga"


def test_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("Rappelant sa résolution 70/1,\n1. Décide d’agir.\n", encoding="utf-8")
    output = tmp_path / "out.draftdesk"
    arguments = ["import", str(source), "-o", str(output)]
    assert main([*arguments, "--pack", "oic-cfm", "--body", "islamic-summit", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith(
        "draft.txt (plain text, UTF-8): French (given), pack oic-cfm (given), "
        "body islamic-summit (given)"
    )
    meta = fileformat.load(output).metadata
    assert (meta.pack, meta.body, meta.languages) == ("oic-cfm", "islamic-summit", ["fr"])


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--pack", "un-sc"], "pack 'un-sc' is not installed (available:"),
        (["--pack", "un-ga", "--body", "security-council"], "body 'security-council' is not"),
    ],
)
def test_bad_pack_or_body(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    output = tmp_path / "out.draftdesk"
    assert main(["import", str(UN_REFERENCE), "-o", str(output), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.splitlines()) == 1
    assert not output.exists()


def test_bad_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.draftdesk"
    with pytest.raises(SystemExit) as raised:
        main(["import", str(UN_REFERENCE), "-o", str(output), "--lang", "es"])
    assert raised.value.code == 2
    assert "argument --lang: invalid choice: 'es'" in capsys.readouterr().err
    assert not output.exists()


def test_refuses_to_overwrite_the_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("The General Assembly,\n1. Decides.\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(source), "--force"]) == 2
    assert "would overwrite the file being imported" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8").startswith("The General Assembly")
