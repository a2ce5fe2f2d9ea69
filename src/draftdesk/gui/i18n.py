"""Interface translations: gettext catalogues (resources/i18n/*.po) read with Babel.

Every string the interface shows goes through `_` (or is marked with `N_` where it is
defined and translated where it is shown). The French catalogue is `fr.po`; a test checks
that it translates every marked string. `.po` files are read directly (no compiled `.mo`
to keep in step), which takes a few milliseconds at start-up.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from draftdesk.paths import resources_dir

UI_LANGUAGES = ("en", "fr")
"""Languages the interface is available in (English is the source of the strings)."""


class Catalogue:
    """Translations of the interface strings into one language (identity for English)."""

    def __init__(self, lang: str, messages: dict[str, str]) -> None:
        self.lang = lang
        self.messages = messages

    def gettext(self, message: str) -> str:
        """The translation of `message`, or `message` itself when it has none."""
        return self.messages.get(message) or message


def catalogue_path(lang: str) -> Path:
    """The `.po` file of an interface language."""
    return resources_dir() / "i18n" / f"{lang}.po"


def load_catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang`; English (or a missing file) translates to itself."""
    if lang == "en":
        return Catalogue("en", {})
    # Here, not at the top: an English interface never reads a catalogue (26 ms saved).
    from babel.messages.pofile import read_po

    path = catalogue_path(lang)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    except OSError:
        return Catalogue("en", {})
    messages = {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }
    return Catalogue(lang, messages)


def system_language() -> str:
    """The interface language the system asks for ("fr" for fr_FR, fr_CA …), else "en".

    LANGUAGE / LC_ALL / LC_MESSAGES / LANG are read first (what Qt also reads on Unix),
    then the locale module (which asks Windows and macOS).
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX"):
            return _ui_language(value.split(":")[0])
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return _ui_language(code)


def choose_language(setting: str) -> str:
    """The interface language for a setting: "system" follows the system locale."""
    if setting in UI_LANGUAGES:
        return setting
    return system_language()


def _ui_language(code: str) -> str:
    lang = code.replace("-", "_").split("_")[0].lower()
    if lang.startswith("french"):  # Windows spells it "French_France"
        return "fr"
    return lang if lang in UI_LANGUAGES else "en"


# The current catalogue. Like gettext's own global, it is set once by `install` when the
# application starts (or the user switches language) and read by every `_` call.
_current = Catalogue("en", {})


def install(lang: str) -> Catalogue:
    """Make `lang` the interface language for every later `_` call; returns its catalogue."""
    global _current
    _current = load_catalogue(lang)
    return _current


def current_language() -> str:
    """The interface language in use."""
    return _current.lang


def _(message: str) -> str:
    """Translate an interface string into the current interface language."""
    return _current.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark only"
    """Mark a string for translation where it is defined; `_` translates it when shown."""
    return message


COMMAND_NAMES = (
    N_("Insert paragraph"),
    N_("Delete paragraph"),
    N_("Move paragraph"),
    N_("Edit text"),
    N_("Change clause"),
    N_("Add footnote"),
    N_("Edit details"),
    N_("Edit footnote"),
    N_("Delete footnote"),
    N_("Edit"),
    N_("Insert footnote"),
    N_("Insert cross-reference"),
)
"""Names the core gives its commands; the Edit menu shows them translated."""
