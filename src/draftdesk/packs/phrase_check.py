"""Does a French opener agree with the body? A heuristic that asks for the feminine form.

"Convaincu" must become "Convaincue" for the General Assembly; "Rappelant" and "Décide"
never change. An opener whose French form holds an adjective or past participle in the
masculine (ending in -é, -i, -u, -eux, -ent, -if, -al …) before its first article or
possessive, and that is not a compound with "ayant", probably agrees: without `fr_f`
the Assembly would be "Convaincu". The check is a warning; `invariable = true` in the
phrase silences it.
"""

from __future__ import annotations

import re

_ENDINGS = ("é", "i", "u", "eux", "ent", "if", "al", "ait", "iet")
_NOT_AGREEING = frozenset(
    {
        "gré",  # "Sait gré à"
        "sait",
        "fait",  # "Fait siens" (verbs; "Satisfait" still agrees)
        "nouveau",  # "de nouveau"
        "aussi",
        "ainsi",
        "ici",
        "parmi",
        "lieu",
        "vertu",
        "accord",
        "souvent",
        "également",
        "instamment",
        "vivement",
    }
)
_STOP = frozenset(
    {"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette"}
    | {"son", "sa", "ses", "leur", "leurs", "notre", "nos"}
)
_AUXILIARY = frozenset({"ayant", "étant"})
_WORD = re.compile(r"[\w’'-]+")


def agreeing_word(french: str) -> str | None:
    """The word of a masculine French opener that probably agrees with the body, or None."""
    previous = ""
    for match in _WORD.finditer(french):
        word = match.group(0)
        lower = word.lower()
        if lower in _STOP or lower.startswith(("l’", "l'")):
            return None  # past the first article the words agree with a noun, not the body
        if (
            lower not in _NOT_AGREEING
            and previous not in _AUXILIARY
            and not lower.endswith(("ment", "ant"))  # adverbs, present participles
            and lower.endswith(_ENDINGS)
        ):
            return word
        previous = lower
    return None


def missing_feminine(french: str, feminine: str | None, invariable: bool) -> str | None:
    """A warning when an opener looks like it agrees but gives no feminine form."""
    if feminine is not None or invariable:
        return None
    word = agreeing_word(french)
    if word is None:
        return None
    return (
        f"{french!r}: {word!r} looks like it agrees with the body; give the feminine "
        "form as fr_f (or set invariable = true)"
    )
