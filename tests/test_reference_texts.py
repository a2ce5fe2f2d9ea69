"""The French exports of the examples reproduce the two reference resolutions word for word."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from draftdesk.cli import main
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE

GOLDEN = Path(__file__).parent / "golden"
_MARK = re.compile(r"\[[^\]\s]{1,3}\]")
_TOKEN = re.compile(r"\[[^\]\s]{1,3}\]|[^\s\[]+|\[")

# Differences accepted between the PDF extraction and DraftDesk's output. Each is a typo
# of the original or an artefact of extracting text from a PDF; DraftDesk's text is the
# correct one. (old, new) pairs are applied to the reference before comparison.
UN_ACCEPTED = [
    ("d omaines", "domaines"),  # word split by a stray space
    ("le ur", "leur"),  # idem
    ("objec tifs", "objectifs"),  # idem
    ("Moyen -Orient", "Moyen-Orient"),  # space before a hyphen
    ("Bosnie -Herzégovine", "Bosnie-Herzégovine"),  # idem (after line joining)
    ("ONU -Femmes", "ONU-Femmes"),  # idem
    ("Coopération islamique, l’Organisation", "coopération islamique, l’Organisation"),
    ("\n 21 Encourage", "\n 21. Encourage"),  # operative 21 lost its full stop
    ("générale , soixante-sixième", "générale, soixante-sixième"),  # space before a comma
]
OIC_ACCEPTED = [
    ("institutions;", "institutions ;"),  # missing no-break space before ";"
    ("49èmesession", "49e session"),  # "ème" ordinal and missing space
    ("11 :00", "11:00"),  # space inside a time in the reference line
    ("'", "’"),  # the original mixes straight and typographic apostrophes
]


def _export(source: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["export", str(source), "--lang", "fr", "--format", "txt"]) == 0
    return capsys.readouterr().out


def _split_export(text: str, title: str) -> tuple[list[str], dict[str, list[str]]]:
    """Tokens of the export from the title to the end of the body, and notes by mark."""
    body, _, notes = text.partition("\n\n")
    lines = body.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body_tokens = _tokens("\n".join(lines[start:]))
    note_tokens: dict[str, list[str]] = {}
    for line in notes.splitlines():
        mark, _, rest = line.partition(" ")
        note_tokens[mark.strip("[]")] = _tokens(rest)
    return body_tokens, note_tokens


def _split_reference(
    path: Path, accepted: list[tuple[str, str]]
) -> tuple[list[str], dict[str, list[str]]]:
    """Tokens of the reference body and its notes, with PDF furniture set aside."""
    text = path.read_text(encoding="utf-8")
    # Superscripts extracted as lines of their own: 1/er → 1er, n/o → no.
    text = re.sub(r"(\d)\s*\n(er|re|e)\s*\n", r"\1\2", text)
    text = re.sub(r"\bn\s*\n(o)\s*\n", r"n\1", text)
    # A line ending in a hyphen continues on the next line (al-/Hikma, Bosnie -/Herzégovine).
    text = re.sub(r"-\s*\n\s*", "-", text)
    for old, new in accepted:
        assert old in text, f"accepted difference {old!r} no longer occurs in the reference"
        text = text.replace(old, new)
    body: list[str] = []
    notes: dict[str, list[str]] = {}
    state = "body"
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("https://"):
            state = "links"
            continue
        if state == "links":
            state = "body"
        if line.startswith("______"):
            state = "notes"
            continue
        if state == "notes":
            marker = re.match(r"^(\*|\d{1,2})(?:\s+(.*))?$", line)
            if marker:
                current = marker.group(1)
                notes[current] = []
                line = marker.group(2) or ""
            if _tokens(line):
                notes.setdefault(current, []).extend(_tokens(line))
            continue
        if re.fullmatch(r"\d{1,2}", line) and body:
            body.append(f"[{line}]")  # a footnote mark on a line of its own
            continue
        body.extend(_tokens(line))
    return body, notes


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\u202f", " ").replace("\u00a0", " "))


def _assert_same(expected: list[str], actual: list[str], what: str) -> None:
    if expected != actual:
        diff = "\n".join(
            difflib.unified_diff(expected, actual, "reference", "draftdesk", lineterm="", n=4)
        )
        pytest.fail(f"{what} differs from the reference:\n{diff}")


@pytest.mark.parametrize(
    ("example", "reference", "title", "accepted"),
    [
        (
            UN_EXAMPLE,
            "reference-un-a-72-l20.fr.txt",
            "Coopération entre l’Organisation des Nations Unies et l’Organisation de la "
            "coopération islamique",
            UN_ACCEPTED,
        ),
        (OIC_EXAMPLE, "reference-oic-cfm-48-1.fr.txt", "RESOLUTION N°", OIC_ACCEPTED),
    ],
)
def test_french_export_reproduces_reference(
    example: Path,
    reference: str,
    title: str,
    accepted: list[tuple[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    body, notes = _split_export(_export(example, capsys), title)
    expected_body, expected_notes = _split_reference(GOLDEN / reference, accepted)
    _assert_same(expected_body, body, "the body")
    assert sorted(notes) == sorted(expected_notes)
    for mark, tokens in expected_notes.items():
        _assert_same(tokens, notes[mark], f"footnote {mark}")


def test_un_reference_footnotes_repeat(capsys: pytest.CaptureFixture[str]) -> None:
    """Footnotes 2 and 5 are each referenced twice and printed once; * is not counted."""
    text = _export(UN_EXAMPLE, capsys)
    body, _, notes = text.partition("\n\n")
    marks = _MARK.findall(body)
    assert marks == ["[*]", "[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[2]", "[5]"]
    assert [line.split(" ")[0] for line in notes.splitlines()] == [
        "[*]", "[1]", "[2]", "[3]", "[4]", "[5]", "[6]",
    ]  # fmt: skip
    operative = [line for line in body.splitlines() if re.match(r"^\d+\. ", line)]
    assert [int(line.split(".")[0]) for line in operative] == list(range(1, 26))
    assert (
        operative[0]
        == "1. Prend note avec satisfaction du rapport du Secrétaire général[2]\u202f;"
    )
    assert operative[-1].endswith("l’Organisation de la coopération islamique\u202f».")
