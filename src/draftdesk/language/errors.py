"""Errors and language-code checks shared by the language helpers."""

from __future__ import annotations

from typing import Final

__all__ = [
    "BABEL_LOCALES",
    "SUPPORTED_LANGUAGES",
    "LanguageError",
    "babel_locale",
    "check_language",
]

#: The only language codes the drafting core knows about.
SUPPORTED_LANGUAGES: Final[tuple[str, ...]] = ("en", "fr")

# Plain "en" in Babel is American English ("October 22, 1982", serial comma); UN English
# follows British usage, so English always goes through en_GB.
BABEL_LOCALES: Final[dict[str, str]] = {"en": "en_GB", "fr": "fr_FR"}


class LanguageError(ValueError):
    """Raised for an unsupported language code or a value that cannot be put into words."""


def check_language(lang: str) -> str:
    """Return ``lang`` unchanged if it is "en" or "fr", otherwise raise ``LanguageError``."""
    if lang not in SUPPORTED_LANGUAGES:
        raise LanguageError(
            f"Unsupported language code {lang!r}: expected one of "
            f"{', '.join(repr(code) for code in SUPPORTED_LANGUAGES)}."
        )
    return lang


def babel_locale(lang: str) -> str:
    """Return the Babel locale identifier to use for ``lang`` ("en_GB" or "fr_FR")."""
    return BABEL_LOCALES[check_language(lang)]
