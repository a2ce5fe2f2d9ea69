"""Offline spelling in English and French: Hunspell dictionaries read by spylls, plus word lists.

Engine chosen by measurement (Debian 12, Python 3.11, this machine; words of the two
reference texts in French, 3,937 words / 906 distinct, and of the English examples, 3,627 /
795, cut by `wordlist.tokenize`, with 50 seeded typos per language):

=====================  =====  ============  ===============  ============  ==========
engine                 lang   load          distinct words    flagged       typos
                                            checked (cold)    (no lists)    caught
=====================  =====  ============  ===============  ============  ==========
spylls 0.1.7 +         fr     1.9 s         604 ms            18            50/50
Hunspell (Dicollecte)
pyspellchecker 0.9.1   fr     0.15 s        9 ms              42            50/50
spylls + Hunspell      en     1.5 s         28 ms             11            50/50
(LibreOffice en_GB)
pyspellchecker         en     0.14 s        5 ms              20            50/50
=====================  =====  ============  ===============  ============  ==========

pyspellchecker's frequency lists reject ordinary UN words ("œuvre", "interreligieux",
"délégitimer", "programme", "peacebuilding"), so every text would raise false alarms the
built-in list could never keep up with. Hunspell flagged proper names, the PDF's own split
words ("objec tifs", "d omaines": real errors), one abbreviation and two UN terms
("socioéconomique", "interinstitutions"). Hunspell understands elisions and
hyphenated forms itself. Its cost is speed, which this module buys back: a verdict is
cached per distinct word (a document's vocabulary is small), bare dictionary stems are
accepted without the affix machinery, and elisions ("l’", "qu’") are split off before the
look-up so "l’Organisation" and "d’Organisation" share one. With that, the French cold
pass above takes 325 ms and a warm one well under 1 ms. Suggestions do not use spylls
(its French suggestions take ~40 s a word): edit-distance-1 candidates are matched
against the stems and confirmed with a handful of look-ups.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from draftdesk.errors import DraftDeskError
from draftdesk.proofing.dictionary_store import load_dictionary
from draftdesk.proofing.wordlist import Token, WordList, split_elision, strip_possessive, tokenize

DICTIONARY_FILES: Final[dict[str, str]] = {"en": "en_GB", "fr": "fr"}
"""Base names of the Hunspell files (.aff/.dic) in resources/dictionaries/ per language."""

_ALPHABET: Final[dict[str, str]] = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ",
}
_MAX_SUGGESTIONS: Final[int] = 5
_MAX_CONFIRMATIONS: Final[int] = 30
# English derives words with prefixes the entries lack ("re" + "commendation") and its
# look-ups are cheap (~0.1 ms), so likely slips are confirmed by look-up; French entries
# cover nearly every word, and its look-ups of non-words cost ~3 ms each.
_CONFIRM_LIKELY: Final[dict[str, bool]] = {"en": True, "fr": False}
_INFLECTIONS: Final[tuple[str, ...]] = ("s", "x", "es", "e", "d", "ed", "ing", "nt")


class SpellingUnavailableError(DraftDeskError):
    """The dictionary of a language is missing or unreadable."""


@dataclass(slots=True, frozen=True)
class Misspelling:
    """A word the dictionary and word lists do not know, or a word split in two."""

    start: int
    end: int
    word: str
    suggestions: tuple[str, ...] = ()
    split: bool = False  # "d omaines": the fix joins the two halves


class HunspellDictionary:
    """One Hunspell dictionary with a cache of verdicts and a set of bare stems.

    Read through `dictionary_store.load_dictionary`: spylls' own data, compacted.
    """

    def __init__(self, folder: Path, name: str) -> None:
        aff, dic = folder / f"{name}.aff", folder / f"{name}.dic"
        if not (aff.is_file() and dic.is_file()):
            raise SpellingUnavailableError(f"{dic} or {aff} is missing")
        try:
            self._dictionary = load_dictionary(str(folder / name))
        except Exception as exc:  # spylls raises bare errors on corrupt files
            raise SpellingUnavailableError(f"{dic}: cannot be read ({exc})") from None
        aff_data = self._dictionary.aff
        forbidden = {aff_data.FORBIDDENWORD, aff_data.ONLYINCOMPOUND}
        unusable = forbidden | {aff_data.NEEDAFFIX}
        words = self._dictionary.dic.words
        # Entries valid as they stand, accepted without the affix machinery...
        self.stems: frozenset[str] = frozenset(w.stem for w in words if not w.flags & unusable)
        # ...and every entry, for suggestions (Dicollecte marks most French nouns
        # NEEDAFFIX: the singular comes from an empty suffix, so a look-up confirms it).
        self.entries: frozenset[str] = frozenset(w.stem for w in words if not w.flags & forbidden)
        self._verdicts: dict[str, bool] = {}

    def lookup(self, word: str) -> bool:
        """True when Hunspell accepts `word` (cached)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = self._dictionary.lookup(word)
        return verdict

    def forget_verdicts(self) -> None:
        """Drop cached look-ups (for measurements of a cold check)."""
        self._verdicts.clear()

    def knows_stem(self, word: str) -> bool:
        """True when `word` is a bare dictionary entry (in its case or lower-cased)."""
        return word in self.stems or (word[:1].isupper() and word.lower() in self.stems)


@dataclass(slots=True)
class Speller:
    """Spelling of one language: a Hunspell dictionary and the word lists it trusts."""

    lang: str
    dictionary: HunspellDictionary
    lists: list[WordList] = field(default_factory=list)
    _known: dict[str, bool] = field(default_factory=dict)
    _suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def known(self, word: str) -> bool:
        """True when `word` is spelled right (dictionary, word lists, elisions, hyphens)."""
        verdict = self._known.get(word)
        if verdict is None:
            verdict = self._known[word] = self._judge(word)
        return verdict

    def forget_verdicts(self) -> None:
        """Drop cached verdicts (after the user dictionary changed)."""
        self._known.clear()
        self._suggestions.clear()

    def _judge(self, word: str) -> bool:
        if any(words.accepts(word) for words in self.lists):
            return True
        if self.dictionary.knows_stem(word):
            return True
        if self.lang == "fr":
            elided, rest = split_elision(word)
            if elided:
                return rest.isupper() or self.known(rest)
        else:
            bare = strip_possessive(word)
            if bare != word:
                return self.known(bare)
        if self.dictionary.lookup(word):
            return True
        if "-" in word:
            # UN compounds ("post-conflict", "ONU-Femmes"): every part must be a word.
            parts = [part for part in word.split("-") if part]
            return bool(parts) and all(part.isupper() or self.known(part) for part in parts)
        return False

    def suggest(self, word: str) -> tuple[str, ...]:
        """Up to five corrections at one edit from `word`, most plausible first (cached)."""
        cached = self._suggestions.get(word)
        if cached is None:
            cached = self._suggestions[word] = self._suggest(word)
        return cached

    def _suggest(self, word: str) -> tuple[str, ...]:
        elided, rest = split_elision(word) if self.lang == "fr" else ("", word)
        capital = rest[:1].isupper()
        base = rest.lower() if capital else rest
        found: list[str] = []
        confirmations = 0
        for likely, candidate in _edits(base, _ALPHABET[self.lang]):
            if candidate in found:
                continue
            cased = candidate[:1].upper() + candidate[1:] if capital else candidate
            if self.dictionary.knows_stem(cased) or any(w.accepts(cased) for w in self.lists):
                found.append(candidate)
            elif confirmations < _MAX_CONFIRMATIONS and (
                (likely and _CONFIRM_LIKELY[self.lang]) or self._near_entry(candidate)
            ):
                confirmations += 1
                if self.dictionary.lookup(cased):
                    found.append(candidate)
            if len(found) >= _MAX_SUGGESTIONS:
                break
        return tuple(elided + (c[:1].upper() + c[1:] if capital else c) for c in found)

    def _near_entry(self, candidate: str) -> bool:
        """True when `candidate` is an entry or an entry plus a common ending."""
        entries = self.dictionary.entries
        return candidate in entries or any(
            candidate.endswith(ending) and candidate[: -len(ending)] in entries
            for ending in _INFLECTIONS
        )


def _edits(word: str, alphabet: str) -> Iterator[tuple[bool, str]]:
    """Strings one edit away, the likeliest kinds of slip first, flagged as likely or not.

    Likely: a wrong or missing accent, a doubled or undoubled letter, two letters swapped
    (the commonest slips in UN texts); then deletions, insertions and replacements.
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right:
            for letter in alphabet:
                if letter != right[0] and _same_base(letter, right[0]):
                    yield True, left + letter + right[1:]
    for left, right in splits:
        if len(right) > 1 and right[0] == right[1]:
            yield True, left + right[1:]
        if right:
            yield True, left + right[0] + right
    for left, right in splits:
        if len(right) > 1:
            yield True, left + right[1] + right[0] + right[2:]
    for left, right in splits:
        if right:
            yield False, left + right[1:]
    for left, right in splits:
        for letter in alphabet:
            yield False, left + letter + right
    for left, right in splits:
        if right:
            for letter in alphabet:
                if letter != right[0]:
                    yield False, left + letter + right[1:]


_BASES: Final[dict[str, str]] = {
    **dict.fromkeys("àâä", "a"),
    **dict.fromkeys("éèêë", "e"),
    **dict.fromkeys("îï", "i"),
    **dict.fromkeys("ôö", "o"),
    **dict.fromkeys("ùûü", "u"),
    "ç": "c",
    "ÿ": "y",
}


def _same_base(a: str, b: str) -> bool:
    return _BASES.get(a, a) == _BASES.get(b, b)


class Spelling:
    """Spelling for every language, dictionaries loaded on first use.

    `dictionaries` is the folder holding the Hunspell files and the built-in word lists
    (resources/dictionaries/); `lists` maps a language to its word lists (built-in and the
    user's). Loading a dictionary takes 1–2 s: the GUI does it off the typing thread.
    """

    def __init__(self, dictionaries: Path, lists: dict[str, list[WordList]]) -> None:
        self.folder = dictionaries
        self.lists = lists
        self._spellers: dict[str, Speller] = {}

    def speller(self, lang: str) -> Speller:
        """The speller of `lang`, its dictionary loaded on first use (SpellingUnavailableError)."""
        speller = self._spellers.get(lang)
        if speller is None:
            if lang not in DICTIONARY_FILES:
                raise SpellingUnavailableError(f"no dictionary for {lang!r}")
            dictionary = HunspellDictionary(self.folder, DICTIONARY_FILES[lang])
            speller = Speller(lang, dictionary, list(self.lists.get(lang, [])))
            self._spellers[lang] = speller
        return speller

    def forget_verdicts(self) -> None:
        """Drop cached verdicts of every language (call after a word list changed)."""
        for speller in self._spellers.values():
            speller.forget_verdicts()
            speller.dictionary.forget_verdicts()

    def suggest(self, word: str, lang: str) -> tuple[str, ...]:
        """Corrections for `word` (the editor's context menu), most plausible first."""
        return self.speller(lang).suggest(word)

    def check(
        self, text: str, lang: str, skip: list[tuple[int, int]] | None = None
    ) -> list[Misspelling]:
        """Misspelled and split words of `text`, in order, with suggestions."""
        speller = self.speller(lang)
        tokens = list(tokenize(text, skip))
        unknown = {i for i, token in enumerate(tokens) if not speller.known(token.word)}
        hyphen_gap = " -" in text or "- " in text
        if not unknown and not hyphen_gap:
            return []
        found: dict[int, Misspelling] = {}  # by index of the (first) token
        consumed: set[int] = set()
        for index in range(len(tokens) - 1):
            if index in consumed:
                continue
            if index in unknown or index + 1 in unknown or hyphen_gap:
                split = _split_word(text, tokens[index], tokens[index + 1], speller)
                if split is not None:
                    found[index] = split
                    consumed.update((index, index + 1))
        for index in sorted(unknown - consumed):
            token = tokens[index]
            # Single letters are no tokens, but "d omaines" is one word split after its "d".
            split = _split_after_letter(text, token, speller)
            found[index] = split or Misspelling(
                token.start, token.end, token.word, speller.suggest(token.word)
            )
        return [found[index] for index in sorted(found)]


def _split_word(text: str, first: Token, second: Token, speller: Speller) -> Misspelling | None:
    """ "objec tifs" or "Moyen -Orient": two neighbours that are one word when joined."""
    gap = text[first.end : second.start]
    if gap not in (" ", " -", "- "):
        return None
    if gap == " " and speller.known(first.word) and speller.known(second.word):
        return None  # two words; a stray space by a hyphen is a slip even between words
    joined = first.word + gap.strip() + second.word
    if not speller.known(joined):
        return None
    return Misspelling(first.start, second.end, text[first.start : second.end], (joined,), True)


def _split_after_letter(text: str, token: Token, speller: Speller) -> Misspelling | None:
    """ "d omaines": a lone letter, a space, and the rest of the word."""
    start = token.start - 2
    if start < 0 or text[start + 1] != " " or not text[start].isalpha():
        return None
    if start > 0 and text[start - 1].isalnum():
        return None
    joined = text[start] + token.word
    if not speller.known(joined):
        return None
    return Misspelling(start, token.end, text[start : token.end], (joined,), True)
