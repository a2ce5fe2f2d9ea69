"""The proofing messages in the two interface languages, complete in both."""

from __future__ import annotations

import string
from typing import Final

from draftdesk.language import apply_french_typography

UI_LANGUAGES: Final[tuple[str, ...]] = ("en", "fr")

# French templates are written with ordinary spaces and straight apostrophes; the catalogue
# sets them in French typography once (placeholders survive it untouched).
_CATALOGUE: Final[dict[str, dict[str, str]]] = {
    "empty-paragraph": {
        "en": "The paragraph is empty.",
        "fr": "Le paragraphe est vide.",
    },
    "preamble-opener": {
        "en": "A preambular paragraph starts with a participle or an adjective "
        "(“Recalling”, “Aware of”), not “{word}”.",
        "fr": "Un alinéa du préambule commence par un participe ou un adjectif "
        "(« Rappelant », « Consciente de »), et non par « {word} ».",
    },
    "operative-opener": {
        "en": "An operative paragraph starts with a verb in the present tense "
        "(“Decides”, “Requests”), not “{word}”.",
        "fr": "Un paragraphe du dispositif commence par un verbe au présent "
        "(« Décide », « Prie »), et non par « {word} ».",
    },
    "unknown-opener": {
        "en": "The opener “{key}” is not in the phrase library of pack {pack}.",
        "fr": "L'expression d'ouverture « {key} » ne figure pas dans le répertoire "
        "du paquet {pack}.",
    },
    "opener-as-text": {
        "en": "“{phrase}” is typed as text: choose it as the opener so that it is set "
        "in the house style.",
        "fr": "« {phrase} » est saisi comme texte : choisissez-le comme expression "
        "d'ouverture pour qu'il suive la présentation maison.",
    },
    "opener-repeated": {
        "en": "The opener “{phrase}” is repeated at the start of the text.",
        "fr": "L'expression d'ouverture « {phrase} » est répétée au début du texte.",
    },
    "opener-agreement": {
        "en": "“{word}” does not agree with {body}: write “{expected}”.",
        "fr": "« {word} » ne s'accorde pas avec {body} : écrire « {expected} ».",
    },
    "typed-number": {
        "en": "“{label}” is typed, but paragraphs are numbered automatically: "
        "the paragraph would print as “{printed}…”.",
        "fr": "« {label} » est saisi, mais la numérotation est automatique : "
        "le paragraphe serait imprimé « {printed}… ».",
    },
    "typed-end-punctuation": {
        "en": "“{mark}” is typed at the end: end punctuation is added by rule.",
        "fr": "« {mark} » est saisi à la fin : la ponctuation finale est ajoutée automatiquement.",
    },
    "end-punctuation": {
        "en": "The text ends with “{mark}”, so the paragraph would end “{printed}”.",
        "fr": "Le texte se termine par « {mark} » : le paragraphe se terminerait "
        "par « {printed} ».",
    },
    "ordinal-suffix": {
        "en": "Write the ordinal “{expected}”, not “{found}”.",
        "fr": "Écrire l'ordinal « {expected} », et non « {found} ».",
    },
    "ordinal-ambiguous": {
        "en": "“{found}” is wrong: write “1er” (masculine) or “1re” (feminine).",
        "fr": "« {found} » est fautif : écrire « 1er » (masculin) ou « 1re » (féminin).",
    },
    "space-before-punctuation": {
        "en": "No space before “{mark}”.",
        "fr": "Pas d'espace avant « {mark} ».",
    },
    "nbsp-narrow": {
        "en": "Use a narrow no-break space (U+202F) here, not {found} (the export corrects it).",
        "fr": "Employer ici une espace fine insécable (U+202F), et non {found} "
        "(l'export la corrige).",
    },
    "nbsp-word": {
        "en": "Use a no-break space (U+00A0) before “:”, not {found} (the export corrects it).",
        "fr": "Employer une espace insécable (U+00A0) avant « : », et non {found} "
        "(l'export la corrige).",
    },
    "straight-quotes-en": {
        "en": "Straight quotation mark: English uses “ ” (the export converts it).",
        "fr": "Guillemet droit : l'anglais emploie “ ” (l'export le convertit).",
    },
    "straight-quotes-fr": {
        "en": "Straight quotation mark: French uses « » (the export converts it).",
        "fr": "Guillemet droit : le français emploie « » (l'export le convertit).",
    },
    "double-space": {
        "en": "Several spaces in a row (the export keeps one).",
        "fr": "Plusieurs espaces de suite (l'export n'en garde qu'une).",
    },
    "citation-date": {
        "en": "Resolution {symbol} is cited without its date: its first mention gives "
        "the date of adoption (“{symbol} of [date]”).",
        "fr": "La résolution {symbol} est citée sans sa date : sa première mention donne "
        "la date d'adoption (« {symbol} du [date] »).",
    },
    "citation-year": {
        "en": "Security Council resolution {symbol} is cited without its year: "
        "write “{symbol} (year)”.",
        "fr": "La résolution {symbol} du Conseil de sécurité est citée sans son année : "
        "écrire « {symbol} (année) ».",
    },
    "footnote-unreferenced": {
        "en": "Footnote “{footnote}” is never referenced in the {language} text.",
        "fr": "La note « {footnote} » n'est jamais appelée dans le texte {language}.",
    },
    "footnote-unknown": {
        "en": "The text refers to footnote “{footnote}”, which does not exist.",
        "fr": "Le texte renvoie à la note « {footnote} », qui n'existe pas.",
    },
    "translation-missing": {
        "en": "The {language} text is missing.",
        "fr": "Le texte {language} manque.",
    },
    "translation-stale": {
        "en": "The {language} text was translated from an earlier version of the {source} text.",
        "fr": "Le texte {language} a été traduit d'une version antérieure du texte {source}.",
    },
    "footnote-missing-language": {
        "en": "Footnote “{footnote}” has no {language} text.",
        "fr": "La note « {footnote} » n'a pas de texte {language}.",
    },
    "title-missing": {
        "en": "The document has no {language} title.",
        "fr": "Le document n'a pas de titre {language}.",
    },
    "glossary-term": {
        "en": "The {other} text says “{other_term}”, but the {language} text does not "
        "say “{term}”.",
        "fr": "Le texte {other} dit « {other_term} », mais le texte {language} ne dit pas "
        "« {term} ».",
    },
    "spelling": {
        "en": "“{word}” is not in the {language} dictionary.",
        "fr": "« {word} » ne figure pas dans le dictionnaire {language}.",
    },
    "split-word": {
        "en": "“{found}” looks like one word split in two: “{expected}”.",
        "fr": "« {found} » semble être un mot coupé en deux : « {expected} ».",
    },
    "grammar": {
        "en": "LanguageTool: {message}",
        "fr": "LanguageTool : {message}",
    },
    "grammar-unavailable": {
        "en": "LanguageTool is not available ({reason}): grammar was not checked; "
        "the other checks ran.",
        "fr": "LanguageTool n'est pas disponible ({reason}) : la grammaire n'a pas été "
        "vérifiée ; les autres vérifications ont été faites.",
    },
    "summary": {
        "en": "{errors} errors, {warnings} warnings, {notes} notes",
        "fr": "{errors} erreurs, {warnings} avertissements, {notes} remarques",
    },
    "ignored": {
        "en": "{count} ignored",
        "fr": "{count} ignorée(s)",
    },
    "spelling-unavailable": {
        "en": "No {language} dictionary could be loaded ({reason}): spelling was not checked.",
        "fr": "Aucun dictionnaire {language} n'a pu être chargé ({reason}) : l'orthographe "
        "n'a pas été vérifiée.",
    },
}

# What the {language} placeholder says, in each interface language.
_LANGUAGE_NAMES: Final[dict[str, dict[str, str]]] = {
    "en": {"en": "English", "fr": "French"},
    "fr": {"en": "anglais", "fr": "français"},
}


class Messages:
    """Formats proofing messages in one interface language.

    The GUI may wrap this catalogue in its own translation mechanism later; every message
    exists in English and French (a test checks both are complete and take the same
    placeholders).
    """

    def __init__(self, ui_lang: str = "en") -> None:
        if ui_lang not in UI_LANGUAGES:
            raise ValueError(f"no proofing messages in {ui_lang!r} (have: en, fr)")
        self.ui_lang = ui_lang
        self._templates = {
            key: apply_french_typography(texts[ui_lang]) if ui_lang == "fr" else texts[ui_lang]
            for key, texts in _CATALOGUE.items()
        }

    def language(self, lang: str) -> str:
        """The name of a document language in the interface language ("French", "anglais")."""
        return _LANGUAGE_NAMES[self.ui_lang].get(lang, lang)

    def __call__(self, message_id: str, /, **params: str) -> str:
        """The message `message_id` with its placeholders filled in."""
        return self._templates[message_id].format(**params)


def catalogue_keys() -> dict[str, dict[str, set[str]]]:
    """Each message's placeholders per interface language (for the completeness test)."""
    formatter = string.Formatter()
    return {
        key: {
            lang: {name for _, name, _, _ in formatter.parse(text) if name}
            for lang, text in texts.items()
        }
        for key, texts in _CATALOGUE.items()
    }
