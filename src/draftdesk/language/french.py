"""French typography, raised ordinal suffixes, agreement of openers and preposition contraction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from draftdesk.language.english import collapse_spaces, convert_straight_quotes, map_outside_urls
from draftdesk.language.errors import check_language

__all__ = [
    "H_ASPIRE",
    "TRAILING_PREPOSITIONS_FR",
    "FrenchForms",
    "agree",
    "apply_french_typography",
    "contract_a",
    "contract_de",
    "join_with_preposition",
    "pluralize_agreeing",
    "split_trailing_preposition",
    "superscript_spans",
]

NNBSP: Final[str] = "\u202f"  # espace fine insécable: before ; ! ? and inside « »
NBSP: Final[str] = "\u00a0"  # espace mot insécable: before :

# Any kind of space the author (or Word) may have put where a no-break space belongs.
_SP: Final[str] = "[ \u00a0\u202f\u2009]*"
_OPEN_GUILLEMET: Final[re.Pattern[str]] = re.compile("«" + _SP)
_CLOSE_GUILLEMET: Final[re.Pattern[str]] = re.compile(_SP + "»")
_HIGH_PUNCT: Final[re.Pattern[str]] = re.compile(f"({_SP})([;!?]+)")
_COLON: Final[re.Pattern[str]] = re.compile(f"({_SP}):")
# No space goes inside a cluster such as "?!" or "(?)": only before its first mark.
_NO_SPACE_AFTER: Final[str] = ";:!?(["

# Wrong ordinal suffixes: "49ème", "2ième", "37 ème", "38ÈME", "2me", "XXIème". Roman numerals
# only take the lower-case accented forms, so capitals like "MÈME" are never touched.
_BAD_ORDINAL: Final[re.Pattern[str]] = re.compile(
    r"(?<!\w)(?:(?P<digits>\d+)(?:[ \u00a0]?[iI]?[èÈ][mM][eE]|[iI]?[eE][mM][eE]|[iI]?me)"
    r"|(?P<roman>[IVXLCDM]+)i?ème)(?P<plural>[sS]?)(?!\w)"
)
_BAD_PREMIER: Final[re.Pattern[str]] = re.compile(r"(?<!\w)1[èÈeE][rR][eE](?P<plural>[sS]?)(?!\w)")

_SUFFIX_AFTER_ONE: Final[re.Pattern[str]] = re.compile(r"(?<!\w)1(ers?|res?)(?!\w)")
_SUFFIX_AFTER_DIGITS: Final[re.Pattern[str]] = re.compile(r"(?<!\w)(\d+)(es?)(?!\w)")
_SUFFIX_AFTER_ROMAN: Final[re.Pattern[str]] = re.compile(r"(?<!\w)([IVXLCDM]{2,})(es?)(?!\w)")
_VALID_ROMAN: Final[re.Pattern[str]] = re.compile(
    r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
)


def _space_high_punct(match: re.Match[str]) -> str:
    start = match.start()
    before = match.string[start - 1] if start > 0 else ""
    if not match.group(1) and before and before in _NO_SPACE_AFTER:
        return match.group()
    return NNBSP + match.group(2)


def _space_colon(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end : end + 2]
    is_time = not match.group(1) and before.isdigit() and after[:1].isdigit()
    is_scheme = after == "//"
    if is_time or is_scheme or (not match.group(1) and before and before in _NO_SPACE_AFTER):
        return match.group()
    return NBSP + ":"


def _fix_ordinal(match: re.Match[str]) -> str:
    number = match.group("digits") or match.group("roman")
    if number in ("1", "I"):
        # "1ème" could be "1er" or "1re": the gender is unknown, so leave it for a human.
        return match.group()
    return f"{number}e{match.group('plural').lower()}"


def _french_run(text: str) -> str:
    text = collapse_spaces(text)
    text = convert_straight_quotes(text, "«", "»")
    text = text.replace("'", "’")
    text = _OPEN_GUILLEMET.sub("«" + NNBSP, text)
    text = _CLOSE_GUILLEMET.sub(NNBSP + "»", text)
    text = _HIGH_PUNCT.sub(_space_high_punct, text)
    text = _COLON.sub(_space_colon, text)
    text = _BAD_PREMIER.sub(lambda m: "1re" + m.group("plural").lower(), text)
    return _BAD_ORDINAL.sub(_fix_ordinal, text)


def apply_french_typography(text: str) -> str:
    """Normalise one run of French text as the UN French service writes it.

    U+202F before ; ! ? (also at the very start of the run, which may follow a footnote mark)
    and inside « »; U+00A0 before : (not in "11:00" or "https://"); "…" → « … »; ' → ’;
    "49ème"/"2ième"/"XXIème" → "49e"/"2e"/"XXIe" and "1ère" → "1re"; runs of spaces collapse
    to one. URLs are left verbatim. Idempotent.
    """
    return map_outside_urls(text, _french_run)


def superscript_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of ordinal suffixes to raise: "1er", "1re", "2e", "XXIe"…

    The suffix must end the word ("2euros" is not an ordinal) and roman numerals must be at
    least two upper-case letters forming a valid numeral, so "Le", "Ce", "De" never match.
    """
    spans = [m.span(1) for m in _SUFFIX_AFTER_ONE.finditer(text)]
    spans += [m.span(2) for m in _SUFFIX_AFTER_DIGITS.finditer(text) if m.group(1) != "1"]
    spans += [
        m.span(2) for m in _SUFFIX_AFTER_ROMAN.finditer(text) if _VALID_ROMAN.fullmatch(m.group(1))
    ]
    return sorted(spans)


@dataclass(slots=True, frozen=True)
class FrenchForms:
    """The French forms of an agreeing opener; missing forms are derived by ``agree``."""

    m: str
    f: str | None = None
    mp: str | None = None
    fp: str | None = None


def _pluralize_word(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


def pluralize_agreeing(form: str, counterpart: str) -> str:
    """Pluralise ``form``, an opener in one gender, by comparing it with the other gender.

    The words that differ between the two genders are the agreeing ones and take an "s"
    unless they end in s or x: ("Soucieuse de", "Soucieux de") → "Soucieuses de",
    ("Profondément préoccupé", "Profondément préoccupée") → "Profondément préoccupés".
    """
    words = form.split(" ")
    others = counterpart.split(" ")
    return " ".join(
        _pluralize_word(word) if i < len(others) and word != others[i] else word
        for i, word in enumerate(words)
    )


def agree(forms: FrenchForms, gender: str, number: str) -> str:
    """Return the form of ``forms`` agreeing with a body of ``gender`` ("m"/"f") and number.

    ``number`` is "sg" or "pl". With no feminine the word is invariable; missing plurals are
    derived with ``pluralize_agreeing``.
    """
    if gender not in ("m", "f"):
        raise ValueError(f"Gender must be 'm' or 'f', got {gender!r}.")
    if number not in ("sg", "pl"):
        raise ValueError(f"Number must be 'sg' or 'pl', got {number!r}.")
    if forms.f is None:
        # Invariable for gender: present participles ("Rappelant") never inflect at all.
        if number == "sg":
            return forms.m
        return forms.mp or forms.fp or forms.m
    if number == "sg":
        return forms.m if gender == "m" else forms.f
    if gender == "m":
        return forms.mp or pluralize_agreeing(forms.m, forms.f)
    return forms.fp or pluralize_agreeing(forms.f, forms.m)


TRAILING_PREPOSITIONS_FR: Final[tuple[str, ...]] = ("de", "d’", "à")

# Words whose h is aspirated: no elision before them ("de haut niveau", "de Hongrie").
H_ASPIRE: Final[frozenset[str]] = frozenset(
    {"haut", "hauts", "haute", "hautes", "hasard", "honte", "hongrie", "héros", "hollande"}
    | {"hausse", "hiérarchie", "honduras"}
)
_VOWELS: Final[str] = "aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"
_FIRST_WORD: Final[re.Pattern[str]] = re.compile(r"[^\s’',.;:!?()]+")
# Beginnings that already contain the preposition, so nothing must be added.
_HAS_DE: Final[tuple[str, ...]] = ("du ", "des ", "de ", "d’", "d'")
_HAS_A: Final[tuple[str, ...]] = ("au ", "aux ", "à ")


def _elides(following: str) -> bool:
    """Whether "de" elides before ``following`` (vowel or h muet)."""
    if not following:
        return False
    if following[0] in _VOWELS:
        return True
    if following[0] in "hH":
        word = _FIRST_WORD.match(following)
        return word is None or word.group().lower() not in H_ASPIRE
    return False


def join_with_preposition(prep: str, following: str) -> str:
    """Join a trailing preposition to ``following`` with French contraction and elision.

    de + "le rapport" → "du rapport", de + "les" → "des", de + "un" → "d’un", de + "haut"
    (h aspiré) → "de haut"; à + "le" → "au", à + "les" → "aux"; "la" and "l’" never contract.
    que + "il" → "qu’il". Other prepositions (par, sur, pour…) are joined with a space.
    If ``following`` already starts with the preposition ("du rapport") it is returned as is.
    Only the joined tail is returned, so the caller can style the opener separately.
    """
    if prep in ("de", "d’", "d'"):
        if following.startswith(_HAS_DE):
            return following
        for article, contracted in (("le ", "du "), ("les ", "des ")):
            if following.startswith((article, article.capitalize())):
                return contracted + following[len(article) :]
        return ("d’" + following) if _elides(following) else f"de {following}".rstrip()
    if prep == "à":
        if following.startswith(_HAS_A):
            return following
        for article, contracted in (("le ", "au "), ("les ", "aux ")):
            if following.startswith((article, article.capitalize())):
                return contracted + following[len(article) :]
        return f"à {following}".rstrip()
    if prep == "que":
        if following.startswith(("que ", "qu’", "qu'")):
            return following
        return ("qu’" + following) if _elides(following) else f"que {following}".rstrip()
    # par, avec, sur, pour, en: no contraction; just do not say it twice.
    if following.startswith(f"{prep} "):
        return following
    return f"{prep} {following}".rstrip()


def contract_de(text: str) -> str:
    """Template filter: ``join_with_preposition("de", text)``."""
    return join_with_preposition("de", text)


def contract_a(text: str) -> str:
    """Template filter: ``join_with_preposition("à", text)``."""
    return join_with_preposition("à", text)


_SPLIT_PREPOSITIONS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset({"of", "to", "by", "with", "for", "on", "about", "that", "in"}),
    "fr": frozenset({"de", "d’", "à", "par", "avec", "sur", "que", "pour", "en"}),
}


def split_trailing_preposition(opener: str, lang: str) -> tuple[str, str | None]:
    """Split a trailing preposition off an opener: "Prenant note de" → ("Prenant note", "de").

    Returns (opener, None) when the last word is not a preposition ("Rappelant", "Decides")
    or the opener is a single word. A straight "d'" is returned as "d’".
    """
    check_language(lang)
    parts = opener.strip().rsplit(None, 1)
    if len(parts) == 2:
        head, last = parts
        prep = last.replace("'", "’")
        if prep.lower() in _SPLIT_PREPOSITIONS[lang]:
            return head, prep
    return opener.strip(), None
