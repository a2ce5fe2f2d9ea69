"""The `.draftdesk` file format: round trip, named faults on bad input, atomic save."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import draftdesk.atomic
from draftdesk.errors import DocumentError, NewerFormatError
from draftdesk.model import fileformat
from draftdesk.model.document import Paragraph, Provenance, TranslationState
from draftdesk.model.inline import parse_inline
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE

EXAMPLES = [UN_EXAMPLE, OIC_EXAMPLE]
PARAGRAPH_FIELDS = ("id", "opener", "clause", "slots", "text", "provenance")


def _data(example: Path = UN_EXAMPLE) -> dict[str, Any]:
    """The parsed JSON of an example, to be mutated by a test."""
    return json.loads(example.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: Any, name: str = "bad.draftdesk") -> Path:
    """Write `data` as JSON into tmp_path and return the file."""
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _load_error(tmp_path: Path, mutate: Callable[[dict[str, Any]], object]) -> DocumentError:
    """Mutate the UN example, write it and return the DocumentError raised by load()."""
    data = _data()
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(DocumentError) as info:
        fileformat.load(path)
    return info.value


def _assert_names(error: DocumentError, path: Path, json_path: str, *faults: str) -> None:
    """The error's text is "FILE: JSON-PATH: fault" and mentions every fault substring."""
    message = str(error)
    assert error.source == str(path)
    assert error.path == json_path
    assert message.startswith(f"{path}: {json_path}: "), message
    for fault in faults:
        assert fault in message, message


def _paragraphs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Paragraph JSON with the fields a round trip must keep (children default to [])."""
    return [
        {
            **{key: item.get(key) for key in PARAGRAPH_FIELDS},
            "children": _paragraphs(item.get("children", [])),
        }
        for item in items
    ]


# Round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_is_stable(example: Path) -> None:
    """dumps → loads → dumps gives the identical string for both examples."""
    first = fileformat.dumps(fileformat.load(example))
    second = fileformat.dumps(fileformat.loads(first, source="first-dump"))
    assert second == first
    assert first.endswith("}\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_keeps_the_paragraphs(example: Path) -> None:
    """Dumped paragraphs keep id, opener, clause, slots, text and provenance of the file."""
    original = _data(example)
    dumped = json.loads(fileformat.dumps(fileformat.load(example)))
    for part in ("preamble", "operative"):
        assert _paragraphs(dumped[part]) == _paragraphs(original[part])
    assert dumped["annexes"] == original["annexes"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_keeps_metadata_and_header(example: Path) -> None:
    """Dumped metadata and header are exactly those of the file."""
    original = _data(example)
    dumped = json.loads(fileformat.dumps(fileformat.load(example)))
    assert dumped["format"] == original["format"] == "draftdesk"
    assert dumped["format_version"] == original["format_version"] == 1
    assert dumped["metadata"] == original["metadata"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_keeps_the_footnotes(example: Path) -> None:
    """Dumped footnotes (id, symbol and shorthand text) are exactly those of the file."""
    original = _data(example)
    dumped = json.loads(fileformat.dumps(fileformat.load(example)))
    assert dumped["footnotes"] == original["footnotes"]


# Bad input: file level ------------------------------------------------------------------


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    """Malformed JSON is refused with the file, line and column of the fault."""
    path = tmp_path / "broken.draftdesk"
    path.write_text('{\n  "format": "draftdesk",\n  "format_version": 1,,\n}\n', encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        fileformat.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: malformed JSON at line 3, column "), message
    assert "line" in message and "column" in message


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are refused naming the file and the offset."""
    path = tmp_path / "latin1.draftdesk"
    raw = '{"format": "draftdesk", "x": "café"}'.encode("latin-1")
    path.write_bytes(raw)
    with pytest.raises(DocumentError) as info:
        fileformat.load(path)
    offset = raw.index(b"\xe9")
    assert str(info.value) == f"{path}: not UTF-8 text (invalid byte at offset {offset})"


def test_top_level_list_is_refused(tmp_path: Path) -> None:
    """A JSON list at the top level is refused at path $."""
    path = _write(tmp_path, [_data()])
    with pytest.raises(DocumentError) as info:
        fileformat.load(path)
    _assert_names(info.value, path, "$", "expected a JSON object at the top level")


def test_missing_format_is_refused(tmp_path: Path) -> None:
    """A JSON object without "format" is not a DraftDesk document."""
    error = _load_error(tmp_path, lambda d: d.pop("format"))
    _assert_names(error, tmp_path / "bad.draftdesk", "$", 'missing "format": "draftdesk"')


def test_format_version_as_string_is_refused(tmp_path: Path) -> None:
    """format_version "1" (a string) is refused at $.format_version."""
    error = _load_error(tmp_path, lambda d: d.__setitem__("format_version", "1"))
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.format_version",
        "format_version must be a positive whole number",
    )


def test_newer_format_version_is_refused(tmp_path: Path) -> None:
    """format_version 99 raises NewerFormatError saying a newer DraftDesk wrote version 99."""
    error = _load_error(tmp_path, lambda d: d.__setitem__("format_version", 99))
    assert isinstance(error, NewerFormatError)
    message = str(error)
    assert "newer" in message
    assert "version 99" in message
    assert "update DraftDesk" in message
    _assert_names(error, tmp_path / "bad.draftdesk", "$.format_version")


def test_missing_metadata_is_refused(tmp_path: Path) -> None:
    """A document without metadata is refused at $.metadata."""
    error = _load_error(tmp_path, lambda d: d.pop("metadata"))
    _assert_names(error, tmp_path / "bad.draftdesk", "$.metadata", "missing")


def test_missing_metadata_pack_is_refused(tmp_path: Path) -> None:
    """metadata without "pack" is refused at $.metadata.pack."""
    error = _load_error(tmp_path, lambda d: d["metadata"].pop("pack"))
    _assert_names(error, tmp_path / "bad.draftdesk", "$.metadata.pack", "missing")


# Bad input: paragraphs and references --------------------------------------------------


def test_unknown_paragraph_field_is_refused(tmp_path: Path) -> None:
    """An unknown field in a paragraph is refused at its own path."""
    error = _load_error(tmp_path, lambda d: d["operative"][3].__setitem__("foo", 1))
    _assert_names(error, tmp_path / "bad.draftdesk", "$.operative[3].foo", "unknown field")


def test_duplicate_paragraph_id_names_the_earlier_path(tmp_path: Path) -> None:
    """A repeated paragraph id is refused naming where it was first used."""
    data = _data()
    assert data["preamble"][0]["id"] == "pp-01"
    error = _load_error(tmp_path, lambda d: d["operative"][2].__setitem__("id", "pp-01"))
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.operative[2].id",
        "'pp-01' is already used at $.preamble[0].id",
    )


def test_invalid_paragraph_id_is_refused(tmp_path: Path) -> None:
    """An id with capitals and a space is refused at the id's path."""
    error = _load_error(tmp_path, lambda d: d["preamble"][4].__setitem__("id", "Bad Id"))
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.preamble[4].id", "'Bad Id' is not a valid id"
    )


def test_unknown_text_language_is_refused(tmp_path: Path) -> None:
    """A text in language "de" is refused at the language key's path."""
    error = _load_error(tmp_path, lambda d: d["preamble"][2]["text"].__setitem__("de", "Text"))
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.preamble[2].text.de", "unknown language 'de'"
    )


def test_text_that_is_not_a_string_is_refused(tmp_path: Path) -> None:
    """A paragraph text that is a number is refused at its path."""
    error = _load_error(tmp_path, lambda d: d["operative"][1]["text"].__setitem__("en", 5))
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.operative[1].text.en", "expected text, found"
    )


def test_unknown_footnote_in_text_is_refused(tmp_path: Path) -> None:
    """A footnote reference to an unknown id names the text's path and the id."""

    def mutate(data: dict[str, Any]) -> None:
        text = data["preamble"][1]["text"]
        assert "[^fn-oic-name]" in text["fr"]
        text["fr"] = text["fr"].replace("[^fn-oic-name]", "[^fn-nowhere]")

    error = _load_error(tmp_path, mutate)
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.preamble[1].text.fr", "unknown footnote 'fn-nowhere'"
    )


def test_cross_reference_to_missing_paragraph_is_refused(tmp_path: Path) -> None:
    """[[para:nope]] names the text's path and the missing id."""
    error = _load_error(
        tmp_path, lambda d: d["operative"][2]["text"].__setitem__("en", "as in [[para:nope]]")
    )
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.operative[2].text.en",
        "does not exist",
        "'nope'",
    )


def test_self_reference_is_refused(tmp_path: Path) -> None:
    """A paragraph that cross-references itself is refused at its text's path."""
    error = _load_error(
        tmp_path, lambda d: d["operative"][2]["text"].__setitem__("fr", "voir [[para:op-03]]")
    )
    _assert_names(error, tmp_path / "bad.draftdesk", "$.operative[2].text.fr", "refers to itself")


def test_deleted_paragraph_still_referenced_is_refused(tmp_path: Path) -> None:
    """Deleting op-24 while op-01 cross-references it is refused naming op-24."""

    def mutate(data: dict[str, Any]) -> None:
        ids = [p["id"] for p in data["operative"]]
        assert ids[0] == "op-01" and ids[23] == "op-24"
        data["operative"][0]["text"]["en"] += " (see [[para:op-24]])"
        del data["operative"][23]
        assert "op-24" not in [p["id"] for p in data["operative"]]

    error = _load_error(tmp_path, mutate)
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.operative[0].text.en", "does not exist", "'op-24'"
    )


def test_unclosed_italic_is_refused(tmp_path: Path) -> None:
    """An italic marker that is never closed is refused at the text's path."""
    error = _load_error(
        tmp_path, lambda d: d["preamble"][2]["text"].__setitem__("en", "the *Charter")
    )
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.preamble[2].text.en",
        "italic marker '*' is not closed",
    )


def test_empty_footnote_reference_is_refused(tmp_path: Path) -> None:
    """A footnote reference without an id ("[^]") is refused at the text's path."""
    error = _load_error(
        tmp_path, lambda d: d["preamble"][2]["text"].__setitem__("fr", "la Charte[^] et")
    )
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.preamble[2].text.fr",
        "malformed footnote reference",
        "[^]",
    )


def test_subparagraphs_four_deep_are_refused(tmp_path: Path) -> None:
    """Sub-paragraphs nested four levels below a paragraph are refused at the 4th level."""

    def child(ident: str, children: list[dict[str, Any]]) -> dict[str, Any]:
        return {"id": ident, "text": {"en": ident, "fr": ident}, "children": children}

    def mutate(data: dict[str, Any]) -> None:
        data["operative"][1]["children"] = [
            child("sub-1", [child("sub-2", [child("sub-3", [child("sub-4", [])])])])
        ]

    error = _load_error(tmp_path, mutate)
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.operative[1].children[0].children[0].children[0].children",
        "at most 3 levels deep",
    )


def test_subparagraphs_three_deep_are_accepted(tmp_path: Path) -> None:
    """Three levels of sub-paragraphs load and come back in the dump."""
    data = _data()
    data["operative"][1]["children"] = [
        {
            "id": "sub-1",
            "text": {"en": "a", "fr": "a"},
            "children": [
                {
                    "id": "sub-2",
                    "text": {"en": "b", "fr": "b"},
                    "children": [{"id": "sub-3", "text": {"en": "c", "fr": "c"}}],
                }
            ],
        }
    ]
    document = fileformat.load(_write(tmp_path, data, "deep.draftdesk"))
    assert [p.id for p in document.operative[1].walk()] == ["op-02", "sub-1", "sub-2", "sub-3"]


# Bad input: metadata and footnotes ------------------------------------------------------


@pytest.mark.parametrize("session", [0, 1000])
def test_session_out_of_range_is_refused(tmp_path: Path, session: int) -> None:
    """Sessions outside 1-999 are refused at $.metadata.session."""
    error = _load_error(tmp_path, lambda d: d["metadata"].__setitem__("session", session))
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.metadata.session",
        f"session {session} is out of range (1-999)",
    )


def test_impossible_date_is_refused(tmp_path: Path) -> None:
    """Month 13 is refused at $.metadata.date, quoting the value."""
    error = _load_error(tmp_path, lambda d: d["metadata"].__setitem__("date", "2017-13-01"))
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.metadata.date", "'2017-13-01' is not a date"
    )


def test_meeting_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    """A meeting whose end precedes its start is refused at $.metadata.meeting.end."""
    meeting = {"place": {"en": "X", "fr": "X"}, "start": "2022-03-23", "end": "2022-03-22"}
    error = _load_error(tmp_path, lambda d: d["metadata"].__setitem__("meeting", meeting))
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.metadata.meeting.end", "ends before it starts"
    )


def test_unknown_sponsors_note_is_refused(tmp_path: Path) -> None:
    """sponsors_note naming no footnote is refused at $.metadata.sponsors_note."""
    error = _load_error(
        tmp_path, lambda d: d["metadata"].__setitem__("sponsors_note", "fn-missing")
    )
    _assert_names(
        error,
        tmp_path / "bad.draftdesk",
        "$.metadata.sponsors_note",
        "unknown footnote 'fn-missing'",
    )


def test_letter_as_footnote_symbol_is_refused(tmp_path: Path) -> None:
    """A footnote symbol "a" is refused at the footnote's symbol path."""
    error = _load_error(tmp_path, lambda d: d["footnotes"][0].__setitem__("symbol", "a"))
    _assert_names(
        error, tmp_path / "bad.draftdesk", "$.footnotes[0].symbol", "'a' is not a note symbol"
    )


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A 70 MiB file is refused with its size and the limit."""
    path = tmp_path / "huge.draftdesk"
    with path.open("wb") as handle:
        handle.truncate(70 * 1024 * 1024)
    with pytest.raises(DocumentError) as info:
        fileformat.load(path)
    assert str(info.value) == (
        f"{path}: file is 70 MiB, larger than any resolution (64 MiB limit)"
    )


def test_folder_is_refused(tmp_path: Path) -> None:
    """A folder path is refused as not a .draftdesk file."""
    folder = tmp_path / "folder.draftdesk"
    folder.mkdir()
    with pytest.raises(DocumentError) as info:
        fileformat.load(folder)
    assert str(info.value) == f"{folder}: is a folder, not a .draftdesk file"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    """A path to nothing is refused as no such file."""
    path = tmp_path / "absent.draftdesk"
    with pytest.raises(DocumentError) as info:
        fileformat.load(path)
    assert str(info.value) == f"{path}: no such file"


# Atomic save ----------------------------------------------------------------------------


def test_save_over_existing_file_reloads_equal(tmp_path: Path) -> None:
    """Saving over an existing file replaces it; the result reloads to the same document."""
    path = tmp_path / "doc.draftdesk"
    path.write_text("old content", encoding="utf-8")
    document = fileformat.load(UN_EXAMPLE)
    fileformat.save(document, path)
    assert path.read_text(encoding="utf-8") == fileformat.dumps(document)
    assert fileformat.load(path) == document
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.draftdesk"]


def test_failed_save_leaves_previous_file_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the final rename fails, the old bytes stay, no temp file remains, and we say so."""
    path = tmp_path / "doc.draftdesk"
    previous = UN_EXAMPLE.read_bytes()
    path.write_bytes(previous)
    document = fileformat.load(OIC_EXAMPLE)

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(draftdesk.atomic.os, "replace", refuse)
    with pytest.raises(DocumentError) as info:
        fileformat.save(document, path)
    monkeypatch.undo()
    assert str(info.value) == (
        f"{path}: could not be saved (No space left on device); the previous version is unchanged"
    )
    assert path.read_bytes() == previous
    assert sorted(os.listdir(tmp_path)) == ["doc.draftdesk"]


# Translation state ----------------------------------------------------------------------


def _paragraph(
    en: str, fr: str, en_rev: int = 1, fr_rev: int = 1, from_rev: int | None = 1
) -> Paragraph:
    """A paragraph drafted in English with a French translation made from `from_rev`."""
    return Paragraph(
        id="p-1",
        opener="recalling",
        text={"en": parse_inline(en), "fr": parse_inline(fr)},
        provenance={
            "en": Provenance(rev=en_rev),
            "fr": Provenance(rev=fr_rev, source_language="en", source_rev=from_rev),
        },
    )


def test_translation_made_from_older_source_is_stale() -> None:
    """A source at rev 3 with a translation made from rev 2 is STALE."""
    paragraph = _paragraph("its resolution", "sa résolution", en_rev=3, from_rev=2)
    assert paragraph.translation_state("fr", "en") is TranslationState.STALE


def test_translation_without_text_is_missing() -> None:
    """No French text while the English has text is MISSING (even if from_rev is older)."""
    assert _paragraph("its resolution", "").translation_state("fr", "en") is (
        TranslationState.MISSING
    )
    assert _paragraph("its resolution", "  ", en_rev=4, from_rev=1).translation_state(
        "fr", "en"
    ) is (TranslationState.MISSING)


def test_translation_in_step_is_current() -> None:
    """A translation made from the source's current rev is CURRENT."""
    paragraph = _paragraph("its resolution", "sa résolution", en_rev=2, fr_rev=5, from_rev=2)
    assert paragraph.translation_state("fr", "en") is TranslationState.CURRENT


def test_no_text_in_either_language_is_current() -> None:
    """A clause-only paragraph (no free text anywhere) needs no translator: CURRENT."""
    assert _paragraph("", "").translation_state("fr", "en") is TranslationState.CURRENT


def test_source_language_is_source() -> None:
    """The source language itself is SOURCE, whatever its provenance."""
    paragraph = _paragraph("its resolution", "", en_rev=3, from_rev=1)
    assert paragraph.translation_state("en", "en") is TranslationState.SOURCE


def test_stale_state_survives_a_round_trip(tmp_path: Path) -> None:
    """A stale translation written to a file is still stale after load (provenance kept)."""
    data = _data()
    data["operative"][1]["provenance"] = {
        "en": {"rev": 3},
        "fr": {"rev": 1, "from": "en", "from_rev": 2},
    }
    document = fileformat.load(_write(tmp_path, data, "stale.draftdesk"))
    paragraph = document.operative[1]
    assert paragraph.translation_state("fr", "en") is TranslationState.STALE
    assert document.operative[2].translation_state("fr", "en") is TranslationState.CURRENT
