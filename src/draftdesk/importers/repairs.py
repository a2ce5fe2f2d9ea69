"""Corrections inside a paragraph: hyphenation, split words, stray spaces, glued ordinals."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from draftdesk.importers.cleanup import SOFT_JOIN
from draftdesk.importers.lexicon import WordChecker
from draftdesk.importers.result import Change, ChangeKind

_LETTERS = r"[^\W\d_]"
_SOFT = re.compile(rf"({_LETTERS}+){SOFT_JOIN}({_LETTERS}+)")
_SPACE_BEFORE_HYPHEN = re.compile(rf"({_LETTERS}{{2,}}) -({_LETTERS}{{2,}})")
_SPACE_BEFORE_COMMA = re.compile(rf"({_LETTERS}{{2,}}) +([,.])(?=\s|$)")
_GLUED_ORDINAL = re.compile(r"(?<![\w/])(\d{1,3})(?:ème|ième|eme|ieme|e)([a-zà-ÿ]{3,})")
_ELISION_SPACE = re.compile(
    r"(?<![\w’'])((?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)[’']) (?=[^\W\d_])"
)
_TOKEN = re.compile(rf"{_LETTERS}+(?:[’'-]{_LETTERS}+)*|\S")


@dataclass(slots=True)
class Repairs:
    """Applies the corrections to texts and collects the changes it made."""

    checker: WordChecker
    lang: str
    split_words: bool = True  # only for text that went through a PDF
    changes: list[Change] = field(default_factory=list)

    def apply(self, text: str, where: str) -> str:
        """Every correction, in an order where one never undoes another."""
        text = self._soft_joins(text, where)
        text = self._sub(
            _SPACE_BEFORE_HYPHEN, r"\1-\2", text, where, "a stray space before a hyphen"
        )
        text = self._sub(
            _SPACE_BEFORE_COMMA, r"\1\2", text, where, "a stray space before punctuation"
        )
        if self.lang == "fr":
            text = self._sub(
                _GLUED_ORDINAL, r"\1e \2", text, where, "an ordinal glued to the next word"
            )
            text = self._sub(_ELISION_SPACE, r"\1", text, where, "a space after an elision")
        if self.split_words:
            text = self._split_words(text, where)
        return text

    def _sub(
        self, pattern: re.Pattern[str], replacement: str, text: str, where: str, why: str
    ) -> str:
        def replace(match: re.Match[str]) -> str:
            after = match.expand(replacement)
            self._record(ChangeKind.CORRECTED, where, match.group(), after, why)
            return after

        return pattern.sub(replace, text)

    def _soft_joins(self, text: str, where: str) -> str:
        """A hyphen at a line end: gone when the joined word exists, kept otherwise."""

        def decide(match: re.Match[str]) -> str:
            left, right = match.group(1), match.group(2)
            if self.checker.is_known(left + right, self.lang):
                self._record(
                    ChangeKind.JOINED,
                    where,
                    f"{left}- {right}",
                    left + right,
                    "a word hyphenated at the end of a line",
                )
                return left + right
            return f"{left}-{right}"

        return _SOFT.sub(decide, text)

    def _split_words(self, text: str, where: str) -> str:
        """Join "d omaines" into "domaines" when only the joined word is a known word."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        joins: list[tuple[int, int, str]] = []
        index = 0
        while index + 1 < len(tokens):
            start, end, left = tokens[index]
            next_start, next_end, right = tokens[index + 1]
            if (
                next_start == end + 1
                and text[end] == " "
                and _is_word(left)
                and _is_word(right)
                and right[0].islower()
                and self._should_join(left, right)
            ):
                joins.append((start, next_end, left + right))
                index += 2
                continue
            index += 1
        for start, end, joined in joins:
            why = "a word split by a stray space"
            self._record(ChangeKind.CORRECTED, where, text[start:end], joined, why)
        for start, end, joined in reversed(joins):
            text = text[:start] + joined + text[end:]
        return text

    def _should_join(self, left: str, right: str) -> bool:
        known: Callable[[str], bool] = lambda word: self.checker.is_known(word, self.lang)  # noqa: E731
        if not known(left + right):
            return False
        return not known(left) or not known(right)

    def _record(self, kind: ChangeKind, where: str, before: str, after: str, why: str) -> None:
        self.changes.append(Change(kind, where, before, after, why))


def _is_word(token: str) -> bool:
    return token.isalpha()
