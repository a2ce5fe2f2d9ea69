"""How a paragraph's languages read: their names and order, translation status, hints."""

from __future__ import annotations

from collections.abc import Sequence

from draftdesk.gui.i18n import _, current_language
from draftdesk.model.document import LANGUAGES, Metadata, Paragraph, Part, TranslationState
from draftdesk.model.inline import plain_text

UP_TO_DATE = "✓"
"""The outline's translation column for a paragraph with nothing left to translate."""
NEEDS_WORK = {TranslationState.MISSING: "#b3261e", TranslationState.STALE: "#9a6700"}
"""The states a translator must look at, and their colours."""
QUIET_GREEN = "#4f7f52"  # "nothing to do" must not draw the eye

TAIL_EXAMPLES = {
    (Part.PREAMBLE, "en"): "…, in particular paragraph 5 thereof",
    (Part.PREAMBLE, "fr"): "…, en particulier le paragraphe 5",
    (Part.OPERATIVE, "en"): "…, and requests the Secretary-General to report thereon",
    (Part.OPERATIVE, "fr"): "…, et prie le Secrétaire général de faire rapport à ce sujet",
}
"""What may follow a clause's words, in the column's language (not the interface's)."""


def language_name(lang: str) -> str:
    """The interface name of a document language."""
    return _("English") if lang == "en" else _("French")


def reading_order(document_languages: Sequence[str] = LANGUAGES) -> tuple[str, ...]:
    """The languages in the order lists show them: the interface language first when the
    document has it (a French interface on a French draft reads French first), else the
    usual English, French.

    The bilingual editor's columns do not follow it: they mirror the printed side by side.
    """
    ui = current_language()
    if ui in document_languages and ui in LANGUAGES:
        return (ui, *(lang for lang in LANGUAGES if lang != ui))
    return LANGUAGES


def in_both_languages(forms: dict[str, str], document_languages: Sequence[str]) -> str:
    """ "English: Approves" and "French: Approuve" on two lines, in reading order."""
    return "\n".join(
        _("{language}: {phrase}").format(language=language_name(lang), phrase=forms[lang])
        for lang in reading_order(document_languages)
    )


def status_text(state: TranslationState) -> str:
    """The paragraph editor's status line of one language."""
    return {
        TranslationState.SOURCE: _("source text"),
        TranslationState.CURRENT: _("up to date"),
        TranslationState.STALE: _("out of date: the source changed"),
        TranslationState.MISSING: _("translation missing"),
    }[state]


def status_style(state: TranslationState) -> str:
    """Red for missing, amber for out of date, quiet otherwise."""
    colour = NEEDS_WORK.get(state)
    return f"color:{colour}; font-weight:bold;" if colour else "color:palette(mid);"


def translation_summary(paragraph: Paragraph, meta: Metadata) -> tuple[str, str]:
    """(words, colour) of a paragraph's translation in the outline.

    "✓" in a quiet green when every translation is up to date, else "FR missing" or
    "FR out of date". A resolution in a single language has nothing to say. Asked for every
    line the outline paints, so the tooltip is a function of its own.
    """
    source = meta.source_language
    notes, colour, translated = [], "", False
    for lang in reading_order(meta.languages):
        if lang == source or lang not in meta.languages:
            continue
        translated = True
        state = paragraph.translation_state(lang, source)
        if state in NEEDS_WORK:
            word = _("missing") if state is TranslationState.MISSING else _("out of date")
            notes.append(f"{lang.upper()} {word}")
            colour = colour or NEEDS_WORK[state]
    if not translated:
        return "", ""
    if not notes:
        return UP_TO_DATE, QUIET_GREEN
    return ", ".join(notes), colour


def translation_tooltip(paragraph: Paragraph, meta: Metadata) -> str:
    """What each translation's state means for this paragraph, a line per language."""
    source = meta.source_language
    return "\n".join(
        _explain(paragraph, lang, source, paragraph.translation_state(lang, source))
        for lang in reading_order(meta.languages)
        if lang != source and lang in meta.languages
    )


def _explain(paragraph: Paragraph, lang: str, source: str, state: TranslationState) -> str:
    """One line of the outline's status tooltip: what the state of `lang` means here."""
    names = {"lang": lang.upper(), "source": source.upper()}
    if state is TranslationState.MISSING:
        return _("{lang}: not translated yet; the {source} text has words to translate.").format(
            **names
        )
    if state is TranslationState.STALE:
        return _(
            "{lang}: out of date, the {source} text changed since; check the translation, "
            "then mark it as up to date."
        ).format(**names)
    if not plain_text(paragraph.text.get(source, [])).strip():
        return _(
            "{lang}: nothing to translate; openers and clauses come in every language."
        ).format(**names)
    return _("{lang}: the translation is up to date with the {source} text.").format(**names)


def tail_placeholder(part: Part, lang: str) -> str:
    """The hint in a clause paragraph's optional text: an example in the column's language."""
    part = Part.PREAMBLE if part is Part.PREAMBLE else Part.OPERATIVE
    return _("For example: “{example}”. The closing punctuation is added for you.").format(
        example=TAIL_EXAMPLES[(part, lang)]
    )


def text_placeholder(lang: str, opener: str | None) -> str:
    """The hint in a free-text paragraph's field: what follows the opener, if it has one."""
    if opener is None:
        if lang == "en":
            return _("English text of the paragraph…")
        return _("French text of the paragraph…")
    if lang == "en":
        return _("English text after “{opener}”…").format(opener=opener)
    return _("French text after “{opener}”…").format(opener=opener)
