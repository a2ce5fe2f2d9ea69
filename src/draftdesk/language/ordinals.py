"""Ordinal and cardinal numbers in words and figures, English and French."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from num2words import num2words

from draftdesk.language.errors import LanguageError, check_language

__all__ = [
    "OrdinalFigure",
    "capitalize_first",
    "cardinal_words",
    "ordinal_figure",
    "ordinal_words",
    "session_ordinal",
]

_MAX_WORDS: Final[int] = 999

# num2words keeps the plural s of "quatre-vingts" / "deux cents" before the ordinal suffix
# ("quatre-vingtsième", "deux centsième"; upstream issue #409). French drops it.
_NUM2WORDS_FR_PLURAL_S: Final[re.Pattern[str]] = re.compile(r"(vingt|cent)sième")


def _check_range(n: int, low: int) -> None:
    if not low <= n <= _MAX_WORDS:
        raise LanguageError(f"Cannot spell {n} in words: only {low} to {_MAX_WORDS} supported.")


def ordinal_words(n: int, lang: str, *, feminine: bool = False) -> str:
    """Spell the ordinal of ``n`` (1-999): "forty-eighth" / "quarante-huitième".

    ``feminine`` only matters for French 1 ("première"); every other French ordinal in
    -ième is the same in both genders, and English ordinals never inflect.
    """
    check_language(lang)
    _check_range(n, 1)
    if lang == "en":
        return str(num2words(n, lang="en", to="ordinal"))
    if n == 1:
        return "première" if feminine else "premier"
    words = str(num2words(n, lang="fr", to="ordinal"))
    return _NUM2WORDS_FR_PLURAL_S.sub(r"\1ième", words)


def session_ordinal(n: int, lang: str) -> str:
    """Return the ordinal of session ``n`` for running text: "seventy-third" / "première".

    French "session" is feminine, so session 1 is "première session".
    """
    return ordinal_words(n, lang, feminine=check_language(lang) == "fr")


@dataclass(slots=True, frozen=True)
class OrdinalFigure:
    """An ordinal in figures, split so the suffix can be raised: digits "49", suffix "e"."""

    digits: str
    suffix: str

    def __str__(self) -> str:
        """Return the plain-text form, e.g. "49e" or "21st"."""
        return f"{self.digits}{self.suffix}"


def _english_suffix(n: int) -> str:
    # 11, 12 and 13 (and 111, 112, ...) take "th" despite ending in 1, 2, 3.
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal_figure(n: int, lang: str, *, feminine: bool = False) -> OrdinalFigure:
    """Return ``n`` as an ordinal in figures: EN "1st", "22nd", "111th"; FR "1er", "1re", "49e".

    French never uses "ème": only the first takes "er"/"re" (feminine), the rest take "e".
    """
    check_language(lang)
    if n < 0:
        raise LanguageError(f"Cannot write a negative ordinal ({n}).")
    if lang == "en":
        suffix = _english_suffix(n)
    elif n == 1:
        suffix = "re" if feminine else "er"
    else:
        suffix = "e"
    return OrdinalFigure(str(n), suffix)


def cardinal_words(n: int, lang: str) -> str:
    """Spell the cardinal ``n`` (0-999): "three" / "trois"."""
    check_language(lang)
    _check_range(n, 0)
    return str(num2words(n, lang=lang))


def capitalize_first(text: str) -> str:
    """Upper-case only the first character: "seventy-second" -> "Seventy-second".

    Unlike ``str.capitalize`` the rest of the text is left alone, and accented initials
    work ("écrit" -> "Écrit").
    """
    if not text:
        return text
    first = text[0].upper()
    # A few characters upper-case to two letters ("ß" -> "SS"); keep them as they are.
    return (first if len(first) == 1 else text[0]) + text[1:]
