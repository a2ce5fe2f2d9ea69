"""Typed schemas of pack files, line numbers of TOML keys, and version arithmetic."""

from __future__ import annotations

import tomllib

import pytest

from draftdesk.packs.schema import CLAUSE, MANIFEST, PHRASES, Finding, check
from draftdesk.packs.toml_lines import field_name, key_lines, line_of
from draftdesk.packs.versions import closest_version, is_at_least, parse_version

MANIFEST_WITH_FAULTS = """\
[pack]
id = "Bad Id"
name = "A pack"
version = 1
langauges = ["en"]
languages = ["en", "en"]

[style]
operative_opener = "bold"
font_size = "twelve"

[bodies.council]
name = { en = "Council", de = "Rat" }
gender = "x"
"""


def _findings(source: str, schema: object) -> list[tuple[str, int | None, str]]:
    """(field, line, message) of every finding."""
    data = tomllib.loads(source)
    lines = key_lines(source)
    return [
        (field_name(f.path), line_of(lines, f.path), f.message)
        for f in check(data, schema)  # type: ignore[arg-type]
    ]


def test_manifest_faults_are_all_reported_with_lines() -> None:
    """Every fault of a manifest: its field, its line and what is wrong."""
    assert _findings(MANIFEST_WITH_FAULTS, MANIFEST) == [
        ("[pack].author", 1, "is required"),
        ("[pack].id", 2, "'Bad Id' is not valid (lower-case letters, digits and '-')"),
        ("[pack].version", 4, "expected text, found a number (1)"),
        (
            "[pack].langauges",
            5,
            "unknown key (known: id, name, version, author, description, languages, "
            "min_draftdesk, extends, extends_version, license, homepage)",
        ),
        ("[pack].languages", 6, "lists an item twice"),
        ("[style].operative_opener", 9, "'bold' is not one of italic, plain, caps"),
        ("[style].font_size", 10, "expected a number, found text ('twelve')"),
        ("[bodies.council].number", 12, "is required"),
        ("[bodies.council.name].de", 13, "unknown language (use en, fr)"),
        ("[bodies.council].gender", 14, "'x' is not one of m, f"),
    ]


def test_phrase_and_clause_schemas() -> None:
    """Phrase entries need en and fr as text; clause slots need a known type."""
    phrases = (
        '[preambular.aware]\nen = "Aware"\nfr = 3\n\n[operative.Bad_Key]\nen = "x"\nfr = "y"\n'
    )
    assert _findings(phrases, PHRASES) == [
        ("[preambular.aware].fr", 3, "expected text, found a number (3)"),
        ("[operative].Bad_Key", 5, "is not a valid key (lower-case letters, digits and '-')"),
    ]
    clause = (
        'part = "annex"\nopener = "requests"\n\n[slots.Session]\ntype = "ordinal"\n\n'
        '[slots.when]\ntype = "colour"\nrequired = "yes"\n\n[templates]\nen = "x"\nde = "y"\n'
    )
    assert _findings(clause, CLAUSE) == [
        ("part", 1, "'annex' is not one of preambular, operative"),
        (
            "[slots].Session",
            4,
            "is not a valid key (lower-case letters, digits and '_', as templates write "
            "{{ name }})",
        ),
        (
            "[slots.when].type",
            8,
            "'colour' is not one of text, date, date_range, citations, ordinal, number, "
            "entity, footnote, list",
        ),
        ("[slots.when].required", 9, "expected true or false, found text ('yes')"),
        ("[templates].de", 13, "unknown key (known: en, fr)"),
    ]


def test_dates_and_control_characters_are_refused() -> None:
    """A TOML date where text is expected, and control characters in text, are findings."""
    data = {"pack": {"id": "x", "name": "N\x07", "version": "1.0.0", "author": "A"}}
    assert check(data, MANIFEST) == [
        Finding(("pack", "name"), "contains a control character (U+0007)")
    ]
    clause = tomllib.loads('part = "operative"\n[templates]\nen = 1979-05-27\n')
    assert check(clause, CLAUSE) == [
        Finding(("templates", "en"), "expected text, found a date/time (1979-05-27)")
    ]


def test_key_lines_skip_multiline_strings() -> None:
    """Keys inside a multi-line string are text, not keys; dotted and quoted keys resolve."""
    source = (
        '[templates]\nen = """\nfr = "not a key"\n"""\nfr = "real"\n'
        '[slots."quoted key"]\ntype = "text"\nlabel.en = "x"\n'
    )
    lines = key_lines(source)
    assert lines[("templates", "fr")] == 5
    assert lines[("slots", "quoted key", "type")] == 7
    assert lines[("slots", "quoted key", "label", "en")] == 8
    assert line_of(lines, ("slots", "quoted key", "label", "fr")) == 6
    assert line_of(lines, ("nowhere",)) is None
    assert field_name(("part",)) == "part"


@pytest.mark.parametrize(
    ("requested", "available", "closest"),
    [
        ("1.2.0", ["1.0.0", "1.3.0", "2.0.0"], "1.3.0"),  # a newer one of the same major
        ("1.4.0", ["1.0.0", "1.3.0", "2.0.0"], "1.3.0"),  # else the newest older one
        ("1.2.5", ["1.2.3", "1.2.7", "1.9.0"], "1.2.7"),
        ("3.0.0", ["1.0.0", "2.5.0"], "2.5.0"),  # another major: the nearest
        ("0.9.0", ["1.0.0", "2.0.0"], "1.0.0"),
        ("garbage", ["1.0.0", "2.0.0"], "2.0.0"),
        ("1.0.0", [], None),
    ],
)
def test_closest_version(requested: str, available: list[str], closest: str | None) -> None:
    """The version offered to a document whose pack version is missing."""
    assert closest_version(requested, available) == closest


def test_version_parsing() -> None:
    """MAJOR.MINOR.PATCH without leading zeros; comparisons numeric, not textual."""
    assert parse_version("1.10.0") == (1, 10, 0)
    assert parse_version("1.02.0") is None
    assert parse_version("1.2") is None
    assert is_at_least("1.10.0", "1.9.0")
    assert not is_at_least("0.1.0", "99.0.0")
