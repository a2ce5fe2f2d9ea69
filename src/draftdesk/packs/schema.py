"""Typed schemas of pack.toml, phrase files and clause files, checked with file and line.

The schemas are Python values rather than JSON Schema documents: one definition serves
the checks and the messages (which name the file, the line and the field in DraftDesk's
wording), reuses the model's enums and patterns, and needs no extra dependency.
`templates/README.md` documents the same fields for pack authors.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from draftdesk.model.document import LANGUAGES
from draftdesk.packs.model import HouseStyle, OpenerStyle, SlotType
from draftdesk.packs.versions import VERSION_PATTERN

PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,199}$")
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Bidirectional controls can make an author's name read as someone else's (Trojan Source).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@dataclass(frozen=True, slots=True)
class Text:
    """A string, optionally matching a pattern or one of fixed choices."""

    pattern: re.Pattern[str] | None = None
    hint: str = ""
    choices: tuple[str, ...] = ()
    max_length: int = 500
    identity: bool = False  # shown to users as who/what a pack is: no bidi tricks


@dataclass(frozen=True, slots=True)
class Number:
    """A number (whole numbers only when `whole`)."""

    whole: bool = False
    minimum: float = 0
    maximum: float = 10_000


@dataclass(frozen=True, slots=True)
class Flag:
    """true or false."""


@dataclass(frozen=True, slots=True)
class ListOf:
    """A list of items of one schema."""

    item: Schema
    min_items: int = 0
    unique: bool = False


@dataclass(frozen=True, slots=True)
class PerLanguage:
    """Text for every language, or a table with one text per language."""

    max_length: int = 500


@dataclass(frozen=True, slots=True)
class AnyValue:
    """Any TOML value except dates (slot defaults are checked when a document renders)."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with known keys (`fields`), or free keys matching `key_pattern` (`extra`)."""

    fields: Mapping[str, Schema] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    extra: Schema | None = None
    key_pattern: re.Pattern[str] | None = None
    key_hint: str = ""


Schema = Text | Number | Flag | ListOf | PerLanguage | AnyValue | Table


@dataclass(frozen=True, slots=True)
class Finding:
    """One schema fault: the key path inside the file and what is wrong."""

    path: tuple[str, ...]
    message: str


def check(data: Any, schema: Schema, path: tuple[str, ...] = ()) -> list[Finding]:
    """Every fault of `data` against `schema`, in file order."""
    if isinstance(schema, Table):
        return _check_table(data, schema, path)
    if isinstance(schema, ListOf):
        if not isinstance(data, list):
            return [Finding(path, f"expected a list, found {_kind(data)}")]
        findings: list[Finding] = []
        if len(data) < schema.min_items:
            findings.append(Finding(path, f"needs at least {schema.min_items} item(s)"))
        if schema.unique and len(set(map(repr, data))) != len(data):
            findings.append(Finding(path, "lists an item twice"))
        for index, item in enumerate(data):
            findings += check(
                item, schema.item, (*path[:-1], f"{path[-1] if path else ''}[{index}]")
            )
        return findings
    if isinstance(schema, PerLanguage):
        if isinstance(data, str):
            return _check_text(data, Text(max_length=schema.max_length), path)
        if not isinstance(data, dict):
            return [Finding(path, f"expected text or a table of en/fr texts, found {_kind(data)}")]
        findings = []
        for lang, text in data.items():
            if lang not in LANGUAGES:
                findings.append(Finding((*path, lang), f"unknown language (use {_or(LANGUAGES)})"))
            else:
                findings += check(text, Text(max_length=schema.max_length), (*path, lang))
        return findings
    if isinstance(schema, Text):
        return _check_text(data, schema, path)
    if isinstance(schema, Flag):
        return (
            []
            if isinstance(data, bool)
            else [Finding(path, f"expected true or false, found {_kind(data)}")]
        )
    if isinstance(schema, Number):
        return _check_number(data, schema, path)
    if isinstance(data, (datetime.date, datetime.time)):
        return [Finding(path, 'dates are written as text ("2024-03-22")')]
    return []


def _check_table(data: Any, schema: Table, path: tuple[str, ...]) -> list[Finding]:
    if not isinstance(data, dict):
        return [Finding(path, f"expected a table, found {_kind(data)}")]
    findings = [
        Finding((*path, key), "is required") for key in sorted(schema.required - set(data))
    ]
    for key, value in data.items():
        sub = schema.fields.get(key)
        if sub is None and schema.extra is not None:
            if schema.key_pattern and not schema.key_pattern.match(key):
                findings.append(Finding((*path, key), f"is not a valid key ({schema.key_hint})"))
                continue
            sub = schema.extra
        if sub is None:
            known = ", ".join(schema.fields) or "none"
            findings.append(Finding((*path, key), f"unknown key (known: {known})"))
            continue
        findings += check(value, sub, (*path, key))
    return findings


def _check_text(data: Any, schema: Text, path: tuple[str, ...]) -> list[Finding]:
    if not isinstance(data, str):
        return [Finding(path, f"expected text, found {_kind(data)}")]
    if len(data) > schema.max_length:
        return [Finding(path, f"is longer than {schema.max_length} characters")]
    control = _CONTROL.search(data)
    if control:
        return [Finding(path, f"contains a control character (U+{ord(control.group()):04X})")]
    bidi = _BIDI.search(data) if schema.identity else None
    if bidi:
        return [Finding(path, f"contains a bidirectional control (U+{ord(bidi.group()):04X})")]
    if schema.choices and data not in schema.choices:
        return [Finding(path, f"{data!r} is not one of {_or(schema.choices)}")]
    if schema.pattern and not schema.pattern.match(data):
        return [Finding(path, f"{data!r} is not valid ({schema.hint})")]
    if not data.strip() and (schema.pattern or schema.identity):
        return [Finding(path, "is empty")]
    return []


def _check_number(data: Any, schema: Number, path: tuple[str, ...]) -> list[Finding]:
    whole = isinstance(data, int) and not isinstance(data, bool)
    if not whole and (schema.whole or not isinstance(data, float)):
        expected = "a whole number" if schema.whole else "a number"
        return [Finding(path, f"expected {expected}, found {_kind(data)}")]
    if not schema.minimum <= data <= schema.maximum:
        return [Finding(path, f"{data} is out of range ({schema.minimum:g}-{schema.maximum:g})")]
    return []


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value[:40]!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a date/time ({value})"


def _or(choices: tuple[str, ...]) -> str:
    return ", ".join(choices)


def _style_schema() -> Table:
    """[style]: one entry per HouseStyle setting, typed like its default."""
    fields: dict[str, Schema] = {}
    for spec in dataclasses.fields(HouseStyle):
        default = spec.default
        if isinstance(default, OpenerStyle):
            fields[spec.name] = Text(choices=tuple(style.value for style in OpenerStyle))
        elif isinstance(default, bool):
            fields[spec.name] = Flag()
        elif isinstance(default, float):
            fields[spec.name] = Number(minimum=6, maximum=72)
        elif spec.name == "paper":
            fields[spec.name] = Text(choices=("A4", "Letter"))
        else:
            fields[spec.name] = Text(max_length=100)
    return Table(fields)


_VERSION = Text(pattern=VERSION_PATTERN, hint="MAJOR.MINOR.PATCH such as 1.2.0")
_PACK_ID = Text(pattern=PACK_ID, hint="lower-case letters, digits and '-'")


def _keyed(extra: Schema) -> Table:
    """A table of free keys such as [bodies.KEY] or [preambular.KEY]."""
    return Table(extra=extra, key_pattern=KEY, key_hint="lower-case letters, digits and '-'")


MANIFEST = Table(
    {
        "pack": Table(
            {
                "id": _PACK_ID,
                "name": Text(max_length=200, identity=True),
                "version": _VERSION,
                "author": Text(max_length=200, identity=True),
                "description": Text(max_length=2000, identity=True),
                "languages": ListOf(Text(choices=LANGUAGES), min_items=1, unique=True),
                "min_draftdesk": _VERSION,
                "extends": _PACK_ID,
                "extends_version": _VERSION,
                "license": Text(max_length=200),
                "homepage": Text(max_length=500),
            },
            required=frozenset({"id", "name", "version", "author"}),
        ),
        "style": _style_schema(),
        "bodies": _keyed(
            Table(
                {
                    "name": PerLanguage(),
                    "definite": PerLanguage(),
                    "gender": Text(choices=("m", "f")),
                    "number": Text(choices=("sg", "pl")),
                },
                required=frozenset({"name", "gender", "number"}),
            )
        ),
        "entities": _keyed(PerLanguage()),
        "fields": Table(
            extra=Table(
                {"label": PerLanguage(), "default": AnyValue(), "per_language": Flag()},
                required=frozenset({"label"}),
            ),
            key_pattern=IDENTIFIER,
            key_hint="lower-case letters, digits and '_', as templates write fields.NAME",
        ),
    },
    required=frozenset({"pack"}),
)
"""pack.toml"""

_PHRASE = Table(
    {
        "en": Text(max_length=300),
        "fr": Text(max_length=300),
        "fr_f": Text(max_length=300),
        "fr_mp": Text(max_length=300),
        "fr_fp": Text(max_length=300),
        "invariable": Flag(),
        "notes": Text(max_length=2000),
    },
    required=frozenset({"en", "fr"}),
)

PHRASES = Table({"preambular": _keyed(_PHRASE), "operative": _keyed(_PHRASE)})
"""phrases/*.toml"""

CLAUSE = Table(
    {
        "part": Text(choices=("preambular", "operative")),
        "opener": Text(pattern=KEY, hint="a phrase key such as 'requests'"),
        "label": PerLanguage(max_length=200),
        "notes": Text(max_length=2000),
        "slots": Table(
            extra=Table(
                {
                    "type": Text(choices=tuple(kind.value for kind in SlotType)),
                    "label": PerLanguage(max_length=200),
                    "required": Flag(),
                    "default": AnyValue(),
                },
                required=frozenset({"type"}),
            ),
            key_pattern=IDENTIFIER,
            key_hint="lower-case letters, digits and '_', as templates write {{ name }}",
        ),
        "templates": Table({lang: Text(max_length=20_000) for lang in LANGUAGES}),
    },
    required=frozenset({"part", "templates"}),
)
"""clauses/*.toml"""
