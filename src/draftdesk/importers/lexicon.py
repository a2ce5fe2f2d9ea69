"""Which words exist: the check behind joining words split by a stray space or a hyphen."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from draftdesk.packs.model import Pack

WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
"""A word: letters, with inner hyphens or apostrophes ("Moyen-Orient", "aujourd’hui")."""

_LETTERS = re.compile(r"[^\W\d_]+")


class WordChecker(Protocol):
    """Says whether a word is a known word of a language (a spelling dictionary, or less)."""

    def is_known(self, word: str, lang: str) -> bool:
        """True when `word` is a word of `lang`."""
        ...


class KnownWords:
    """The words of the text being imported and of the pack's phrase library.

    A fragment left by a stray space ("d omaines", "le ur", "objec tifs") occurs once, while
    the whole word occurs elsewhere in the same resolution; so a word is known here when it
    occurs at least twice in the text, or in the phrase library. A real spelling dictionary
    (the proofing module) can replace this through the WordChecker protocol.
    """

    def __init__(self, counts: Counter[str], library: set[str]) -> None:
        self.counts = counts
        self.library = library

    @classmethod
    def from_texts(cls, texts: Iterable[str], packs: Iterable[Pack]) -> KnownWords:
        """Count the words of `texts`; add every word of the phrase libraries of `packs`."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(word.casefold() for word in _LETTERS.findall(text))
        library: set[str] = set()
        for pack in packs:
            for phrases in pack.phrases.values():
                for phrase in phrases.values():
                    forms = [phrase.en, phrase.fr.m, phrase.fr.f, phrase.fr.mp, phrase.fr.fp]
                    for form in forms:
                        if form:
                            library.update(w.casefold() for w in _LETTERS.findall(form))
        return cls(counts, library)

    def is_known(self, word: str, lang: str) -> bool:
        """True when the word occurs twice in the text, or in the phrase library."""
        key = word.casefold()
        return self.counts[key] >= 2 or key in self.library


def letters_only(word: str) -> bool:
    """True for a word made of letters only (no digits, no punctuation)."""
    return bool(_LETTERS.fullmatch(word))
