"""Words for spelling: cutting a text into words, and the word lists trusted besides Hunspell."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from draftdesk.atomic import atomic_write
from draftdesk.errors import DraftDeskError
from draftdesk.language.english import URL_PATTERN

# A chunk is a run of characters between spaces and punctuation that never belongs to a
# word; apostrophes, hyphens and full stops stay inside so "l’OCI", "Bosnie-Herzégovine",
# "A/72/L.20" and "U.S." come out whole and can be judged as a whole.
_CHUNK: Final[re.Pattern[str]] = re.compile(r"[^\s\ufffc«»“”‘\"()\[\]{},;:!?…*^—–]+")
_EDGE: Final[str] = "’'-."
# Chunks holding one of these are symbols, numbers, addresses or markup, never words.
_NOT_A_WORD: Final[re.Pattern[str]] = re.compile(r"[\d/@_=+#&%$\\|<>~.]")
# French elided words: l’, d’, qu’, jusqu’ … The rest of the word is checked on its own.
_ELISION: Final[re.Pattern[str]] = re.compile(
    r"^(?:[ldjmnstcLDJMNSTC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu|[Pp]resqu)[’']"
)
_POSSESSIVE: Final[tuple[str, ...]] = ("’s", "'s", "s’", "s'")


@dataclass(slots=True, frozen=True)
class Token:
    """A word to check and where it stands in the text."""

    start: int
    end: int
    word: str


def is_acronym(word: str) -> bool:
    """True for "OCI", "ICT", "XXI", "L’OCI": words in capitals, two letters or more."""
    return len(word) >= 2 and word.isupper()


def tokenize(text: str, skip: list[tuple[int, int]] | None = None) -> Iterator[Token]:
    """The words of `text` worth a dictionary look-up, with their offsets.

    Left out: URLs, anything holding a digit, a slash or a full stop (document symbols such
    as "A/72/L.20", ordinals such as "49e", abbreviations such as "U.S."), acronyms in
    capitals, single letters, and chunks overlapping a `skip` range (superscripts).
    """
    blocked = list(skip or [])
    if "://" in text or "www." in text:
        blocked += [match.span() for match in URL_PATTERN.finditer(text)]
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        start = match.start()
        if chunk[0] in _EDGE or chunk[-1] in _EDGE:
            stripped = chunk.lstrip(_EDGE)
            start += len(chunk) - len(stripped)
            chunk = stripped.rstrip(_EDGE)
        if len(chunk) < 2 or chunk.isupper() or _NOT_A_WORD.search(chunk):
            continue
        end = start + len(chunk)
        if blocked and any(start < b_end and b_start < end for b_start, b_end in blocked):
            continue
        yield Token(start, end, chunk)


def split_elision(word: str) -> tuple[str, str]:
    """("l’", "Organisation") for "l’Organisation"; ("", word) when nothing is elided."""
    match = _ELISION.match(word)
    if match is None or match.end() == len(word):
        return "", word
    return word[: match.end()], word[match.end() :]


def strip_possessive(word: str) -> str:
    """ "Secretary-General" for "Secretary-General’s" and "States" for "States’"."""
    if word.endswith(_POSSESSIVE[:2]) and len(word) > 3:
        return word[:-2]
    if word.endswith(("s’", "s'")) and len(word) > 3:
        return word[:-1]
    return word


BUILT_IN_LISTS = {"en": ("un-oic.en.txt", "un-oic.names.txt"), "fr": ("un-oic.fr.txt",)}
"""Files of resources/dictionaries/ that make up the built-in list of each language.

`un-oic.names.txt` holds names written alike in both languages (people, places, Arabic
terms); French uses its own spellings often enough ("Djedda", "Oummah") to keep it apart.
"""
USER_DICTIONARY_FILE = "dictionary.txt"


class WordListError(DraftDeskError):
    """A word list cannot be read or written."""


def _normalise(word: str) -> str:
    # Typed and pasted apostrophes differ; both spellings of "Sha’ban" are the same word.
    return word.strip().replace("'", "’")


class WordList:
    """Words accepted as spelled, with Hunspell's rules of case.

    An entry in lower case also accepts the word capitalised (sentence start) and in
    capitals; an entry with capitals ("Djedda") accepts only that form and all capitals.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._exact: set[str] = set()
        self._upper: set[str] = set()
        self.add_all(words)

    def __len__(self) -> int:
        return len(self._exact)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.accepts(word)

    def add_all(self, words: Iterable[str]) -> None:
        """Add words (blank lines and `#` comments are ignored)."""
        for raw in words:
            word = _normalise(raw)
            if word and not word.startswith("#"):
                self._exact.add(word)
                self._upper.add(word.upper())

    def accepts(self, word: str) -> bool:
        """True when the list holds `word` in a case it allows."""
        word = _normalise(word)
        if word in self._exact:
            return True
        if word[:1].isupper() and word[1:] == word[1:].lower():
            lowered = word[:1].lower() + word[1:]
            if lowered in self._exact:
                return True
        return len(word) > 1 and word.isupper() and word in self._upper

    def words(self) -> list[str]:
        """The entries, sorted."""
        return sorted(self._exact)

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> WordList:
        """A list read from UTF-8 files, one word a line; WordListError if one is unreadable."""
        words = cls()
        for path in paths:
            try:
                words.add_all(path.read_text(encoding="utf-8").splitlines())
            except (OSError, UnicodeDecodeError) as exc:
                raise WordListError(f"{path}: cannot be read as a word list ({exc})") from None
        return words


def built_in_words(dictionaries: Path, lang: str) -> WordList:
    """The built-in UN/OIC word list of `lang` from the `dictionaries` folder."""
    return WordList.from_files(dictionaries / name for name in BUILT_IN_LISTS[lang])


class UserDictionary(WordList):
    """The user's own words, kept in one UTF-8 file (one word a line) for both languages.

    Names and terms rarely differ between English and French drafts, so one list serves
    both. A missing file is an empty dictionary; every change is saved atomically.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        if path.exists():
            try:
                self.add_all(path.read_text(encoding="utf-8").splitlines())
            except (OSError, UnicodeDecodeError) as exc:
                raise WordListError(f"{path}: cannot be read as a word list ({exc})") from None

    def add(self, word: str) -> None:
        """Accept `word` from now on and save the file."""
        word = _normalise(word)
        if not word or any(c.isspace() for c in word):
            raise WordListError(f"{word!r} is not a single word")
        self.add_all([word])
        self._save()

    def remove(self, word: str) -> None:
        """Forget `word` and save the file."""
        word = _normalise(word)
        self._exact.discard(word)
        self._upper = {entry.upper() for entry in self._exact}
        self._save()

    def _save(self) -> None:
        payload = "".join(f"{word}\n" for word in self.words()).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, payload)
        except OSError as exc:
            raise WordListError(
                f"{self.path}: cannot be written ({exc.strerror or exc})"
            ) from None
