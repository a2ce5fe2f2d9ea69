"""The `draftdesk` command line: exit codes, one-line messages, nothing written on bad input."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from draftdesk.cli import main
from draftdesk.export.text import layout_to_text
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.validation import pack_for, validate_document
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE

Mutation = Callable[[dict[str, Any]], object]


def _run(argv: Sequence[str]) -> int:
    """The process exit code of `draftdesk ARGV` (argparse exits through SystemExit)."""
    try:
        return main(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2


def _bad_document(tmp_path: Path, mutate: Mutation) -> Path:
    """The UN example mutated by `mutate`, written to tmp_path/bad.draftdesk."""
    data = json.loads(UN_EXAMPLE.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "bad.draftdesk"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _one_error_line(capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    """stderr is exactly one "draftdesk: …" line holding every needle; no traceback anywhere."""
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    line = lines[0]
    assert line.startswith("draftdesk: "), line
    assert captured.err == line + "\n"
    for needle in needles:
        assert needle in line, line
    return line


# Success ------------------------------------------------------------------------------


def test_validate_un_example(capsys: pytest.CaptureFixture[str]) -> None:
    """validate on the UN example exits 0 and reports 27 preambular and 25 operative."""
    assert _run(["validate", str(UN_EXAMPLE)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith(f"{UN_EXAMPLE}: valid — ")
    assert "27 preambular and 25 operative paragraphs" in captured.out
    assert "7 footnotes" in captured.out


def test_validate_oic_example(capsys: pytest.CaptureFixture[str]) -> None:
    """validate on the OIC example exits 0 and reports 5 preambular and 5 operative."""
    assert _run(["validate", str(OIC_EXAMPLE)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith(f"{OIC_EXAMPLE}: valid — ")
    assert "5 preambular and 5 operative paragraphs" in captured.out


def test_export_french_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """export --lang fr --format txt prints the French text to stdout and exits 0."""
    assert _run(["export", str(UN_EXAMPLE), "--lang", "fr", "--format", "txt"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert lines[:3] == ["Nations Unies", "A/72/L.20", "Assemblée générale"]
    assert "L’Assemblée générale," in lines


def test_export_all_languages_writes_one_file_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export --lang all -o x.txt writes x.en.txt and x.fr.txt, each with its masthead."""
    target = tmp_path / "x.txt"
    assert _run(["export", str(UN_EXAMPLE), "--lang", "all", "-o", str(target)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.en.txt", "x.fr.txt"]
    english = (tmp_path / "x.en.txt").read_text(encoding="utf-8")
    french = (tmp_path / "x.fr.txt").read_text(encoding="utf-8")
    assert english.startswith("United Nations\nA/72/L.20\nGeneral Assembly\n")
    assert french.startswith("Nations Unies\nA/72/L.20\nAssemblée générale\n")
    captured = capsys.readouterr()
    assert captured.err == ""
    assert f"{tmp_path / 'x.en.txt'}: EN text written" in captured.out
    assert f"{tmp_path / 'x.fr.txt'}: FR text written" in captured.out


def test_export_single_language_writes_exactly_that_file(tmp_path: Path) -> None:
    """export --lang en -o out.txt writes out.txt only, equal to the rendered English."""
    target = tmp_path / "out.txt"
    assert _run(["export", str(OIC_EXAMPLE), "--lang", "en", "-o", str(target)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    document = fileformat.load(OIC_EXAMPLE)
    report = validate_document(document, pack_for(document, PackRegistry()))
    assert target.read_text(encoding="utf-8") == layout_to_text(report.layouts["en"])


# Bad documents --------------------------------------------------------------------------


def _set(where: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Mutation:
    """A mutation setting `key` of the object chosen by `where`."""
    return lambda data: where(data).__setitem__(key, value)


BAD_DOCUMENTS: dict[str, tuple[Mutation, tuple[str, ...]]] = {
    "unknown-clause": (
        _set(lambda d: d["operative"][1], "clause", "no-such-clause"),
        ("op-02", "'no-such-clause'"),
    ),
    "unknown-opener": (
        _set(lambda d: d["operative"][1], "opener", "no-such-opener"),
        ("op-02", "'no-such-opener'"),
    ),
    "unknown-footnote": (
        _set(lambda d: d["operative"][1]["text"], "en", "see[^fn-nowhere]"),
        ("$.operative[1].text.en", "unknown footnote 'fn-nowhere'"),
    ),
    "missing-cross-reference": (
        _set(lambda d: d["operative"][1]["text"], "en", "as in [[para:nope]]"),
        ("$.operative[1].text.en", "'nope'"),
    ),
    "unknown-pack": (
        _set(lambda d: d["metadata"], "pack", "nope"),
        ("pack 'nope' is not installed",),
    ),
    "unknown-body": (
        _set(lambda d: d["metadata"], "body", "nope"),
        ("'nope' is not a body", "general-assembly"),
    ),
    "slot-of-wrong-type": (
        _set(lambda d: d["operative"][23]["slots"], "session", "seventy"),
        ("op-24", "'session'", "'seventy'"),
    ),
    "missing-required-slot": (
        lambda d: d["operative"][23]["slots"].pop("session"),
        ("op-24", "request-report-session", "'session'"),
    ),
    "newer-format": (
        _set(lambda d: d, "format_version", 99),
        ("newer", "version 99"),
    ),
}


@pytest.mark.parametrize("command", ["validate", "export"])
@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_bad_document_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    """A bad document exits 2 with one line naming the file and the fault; nothing written."""
    mutate, needles = BAD_DOCUMENTS[case]
    path = _bad_document(tmp_path, mutate)
    out = tmp_path / "out.txt"
    argv = ["validate", str(path)] if command == "validate" else ["export", str(path)]
    if command == "export":
        argv += ["--lang", "en", "-o", str(out)]
    assert _run(argv) == 2
    _one_error_line(capsys, str(path), *needles)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.draftdesk"]


def test_malformed_json_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Malformed JSON exits 2 with one line naming the file, line and column; nothing written."""
    path = tmp_path / "bad.draftdesk"
    path.write_text('{"format": "draftdesk",\n "format_version": 1\n', encoding="utf-8")
    out = tmp_path / "out.txt"
    assert _run(["export", str(path), "--lang", "all", "-o", str(out)]) == 2
    _one_error_line(capsys, f"draftdesk: {path}: malformed JSON at line ", "column")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.draftdesk"]


def test_language_not_in_document_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang en on a French-only document exits 2 naming the file; nothing written."""

    def french_only(data: dict[str, Any]) -> None:
        data["metadata"]["languages"] = ["fr"]
        data["metadata"]["source_language"] = "fr"

    path = _bad_document(tmp_path, french_only)
    out = tmp_path / "out.txt"
    assert _run(["export", str(path), "--lang", "en", "-o", str(out)]) == 2
    line = _one_error_line(capsys, str(path))
    assert line == f"draftdesk: {path}: the document has no EN version"
    assert not out.exists()


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate on a file that does not exist exits 2 naming it."""
    path = tmp_path / "absent.draftdesk"
    assert _run(["validate", str(path)]) == 2
    assert _one_error_line(capsys) == f"draftdesk: {path}: no such file"


# Usage errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["export"], "file"),
        (["export", str(UN_EXAMPLE), "--format", "pdf"], "'pdf'"),
        (["frobnicate"], "'frobnicate'"),
        (["export", str(UN_EXAMPLE), "--lang", "de"], "'de'"),
    ],
    ids=["export-without-file", "format-pdf", "unknown-subcommand", "lang-de"],
)
def test_usage_error_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    """Usage errors exit 2 with a single "draftdesk: …" line and no usage dump."""
    assert _run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "usage:" not in captured.err
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("draftdesk: ")
    assert needle in lines[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints "DraftDesk 0.1.0" and exits 0."""
    assert _run(["--version"]) == 0
    assert capsys.readouterr().out == "DraftDesk 0.1.0\n"


# new ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pack", "body", "name"),
    [
        ("un-ga", "general-assembly", "General Assembly"),
        ("oic-cfm", "council-of-foreign-ministers", "Council of Foreign Ministers"),
    ],
    ids=["un-ga", "oic-cfm"],
)
def test_new_creates_a_valid_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pack: str, body: str, name: str
) -> None:
    """new --pack P --body B writes a file that loads, validates and exports."""
    target = tmp_path / "new.draftdesk"
    assert _run(["new", "--pack", pack, "--body", body, "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == f"{target}: new {name} resolution ({pack} 1.0.0)\n"
    document = fileformat.load(target)
    assert document.metadata.pack == pack
    assert document.metadata.body == body
    assert document.preamble == [] and document.operative == []
    assert _run(["validate", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "0 preambular and 0 operative paragraphs" in captured.out


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running new again without --force exits 2 and leaves the file's bytes unchanged."""
    target = tmp_path / "new.draftdesk"
    argv = ["new", "--pack", "un-ga", "--body", "general-assembly", "-o", str(target)]
    assert _run(argv) == 0
    capsys.readouterr()
    target.write_bytes(target.read_bytes() + b" ")  # mark the file so a rewrite would show
    before = target.read_bytes()
    assert _run(argv) == 2
    line = _one_error_line(capsys, str(target))
    assert line == f"draftdesk: {target}: already exists (use --force to overwrite)"
    assert target.read_bytes() == before
    assert _run([*argv, "--force"]) == 0
    assert target.read_bytes() != before


def test_new_with_unknown_body_names_the_bodies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """new --body nope exits 2 listing the pack's bodies; no file is written."""
    target = tmp_path / "new.draftdesk"
    assert _run(["new", "--pack", "un-ga", "--body", "nope", "-o", str(target)]) == 2
    _one_error_line(capsys, "'nope'", "un-ga", "general-assembly")
    assert not target.exists()


def test_new_with_unknown_pack_names_the_packs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """new --pack nope exits 2 listing the installed packs; no file is written."""
    target = tmp_path / "new.draftdesk"
    assert _run(["new", "--pack", "nope", "--body", "x", "-o", str(target)]) == 2
    line = _one_error_line(capsys)
    assert line == "draftdesk: pack 'nope' is not installed (available: oic-cfm, un-ga)"
    assert not target.exists()
