"""Checked access to parsed JSON that names the path of every fault ("$.operative[3].id")."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from draftdesk.errors import DocumentError
from draftdesk.model.document import LANGUAGES
from draftdesk.model.inline import Inline, parse_inline

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MAX_TEXT_CHARS = 200_000


class JsonReader:
    """Walks the JSON with the current path so every error says where it is."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.seen_ids: dict[str, str] = {}

    def fail(self, path: str, message: str) -> DocumentError:
        """The error to raise for a fault at `path`."""
        return DocumentError(message, source=self.source, path=path)

    def obj(self, value: Any, path: str, allowed: set[str] | None = None) -> dict[str, Any]:
        """An object, with only `allowed` keys when given."""
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, found {kind_of(value)}")
        if allowed is not None:
            unknown = sorted(set(value) - allowed)
            if unknown:
                raise self.fail(f"{path}.{unknown[0]}", "unknown field")
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        """A list."""
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, found {kind_of(value)}")
        return value

    def string(self, value: Any, path: str, *, optional: bool = False) -> str:
        """Text of bounded length ("" for a missing optional value)."""
        if value is None and optional:
            return ""
        if not isinstance(value, str):
            raise self.fail(path, f"expected text, found {kind_of(value)}")
        if len(value) > MAX_TEXT_CHARS:
            raise self.fail(path, f"text of {len(value)} characters exceeds {MAX_TEXT_CHARS}")
        if "\x00" in value:
            raise self.fail(path, "text contains a NUL character")
        return value

    def integer(self, value: Any, path: str, *, optional: bool = False) -> int | None:
        """A whole number (None for a missing optional value)."""
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(path, f"expected a whole number, found {kind_of(value)}")
        return value

    def iso_date(self, value: Any, path: str) -> date | None:
        """A date written YYYY-MM-DD, or None."""
        if value is None:
            return None
        text = self.string(value, path)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(path, f"{text!r} is not a date (expected YYYY-MM-DD)") from None

    def language(self, value: Any, path: str) -> str:
        """A language code DraftDesk knows ("en", "fr")."""
        code = self.string(value, path)
        if code not in LANGUAGES:
            raise self.fail(
                path, f"unknown language {code!r} (expected one of {', '.join(LANGUAGES)})"
            )
        return code

    def per_language(self, value: Any, path: str) -> dict[str, str]:
        """Text per language code."""
        if value is None:
            return {}
        data = self.obj(value, path)
        return {
            self.language(k, f"{path}.{k}"): self.string(v, f"{path}.{k}") for k, v in data.items()
        }

    def identifier(self, value: Any, path: str) -> str:
        """A well-formed id not used before in the document."""
        ident = self.string(value, path)
        if not ID_PATTERN.match(ident):
            raise self.fail(
                path,
                f"{ident!r} is not a valid id (lower-case letters, digits "
                "and '-', at most 64 characters)",
            )
        if ident in self.seen_ids:
            raise self.fail(path, f"id {ident!r} is already used at {self.seen_ids[ident]}")
        self.seen_ids[ident] = path
        return ident

    def inline(self, value: Any, path: str) -> list[Inline]:
        """Inline shorthand parsed into items."""
        try:
            return parse_inline(self.string(value, path), where=path)
        except DocumentError as exc:
            raise self.fail(path, exc.detail) from None


def kind_of(value: Any) -> str:
    """What a JSON value is, in the words of an error message."""
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
