"""Document properties and language settings: what Word's File > Info and proofing read."""

from __future__ import annotations

from datetime import UTC, datetime

from draftdesk.export.docx.reference import DocxDocument
from draftdesk.export.docx.styleparts import set_default_language
from draftdesk.export.docx.wml import VAL, clean, w
from draftdesk.render.layout import BlockRole, Layout

# UN English is British English (Concise Oxford with -ize); French is France's French.
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR"}


def language_tag(lang: str) -> str:
    """The BCP 47 tag Word proofs a layout language with ("fr" → "fr-FR")."""
    return LANGUAGE_TAGS.get(lang, lang)


def set_language(document: DocxDocument, lang_tag: str) -> None:
    """Language of the document defaults and of the theme fonts."""
    set_default_language(document.styles.element, lang_tag)
    theme_lang = document.settings.element.find(w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(VAL, lang_tag)


def set_properties(document: DocxDocument, layout: Layout, lang_tag: str) -> None:
    """Core properties: the title as printed, the symbol as subject, the language."""
    title = next(
        (
            "".join(run.text for run in block.runs if not run.is_note)
            for block in layout.blocks
            if block.role is BlockRole.TITLE
        ),
        layout.title,
    )
    props = document.core_properties
    props.title = clean(title).replace("\n", " ")[:1024]
    props.subject = clean(layout.subject)
    props.language = lang_tag
    props.keywords = clean(layout.subject)
    props.comments = ""
    props.last_modified_by = "DraftDesk"
    props.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
