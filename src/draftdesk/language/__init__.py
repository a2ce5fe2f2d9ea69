"""Language helpers for UN/OIC resolutions: dates, Hijri dates, numbers, lists, typography."""

from __future__ import annotations

from draftdesk.language.citations import Citation, format_citation, format_citations
from draftdesk.language.dates import format_date, format_date_range, format_date_span
from draftdesk.language.english import apply_english_typography
from draftdesk.language.errors import SUPPORTED_LANGUAGES, LanguageError, check_language
from draftdesk.language.french import (
    TRAILING_PREPOSITIONS_FR,
    FrenchForms,
    agree,
    apply_french_typography,
    contract_a,
    contract_de,
    join_with_preposition,
    pluralize_agreeing,
    split_trailing_preposition,
    superscript_spans,
)
from draftdesk.language.hijri import (
    HijriDate,
    format_hijri,
    format_hijri_range,
    format_hijri_span,
    hijri_month_name,
    to_hijri,
)
from draftdesk.language.lists import join_list
from draftdesk.language.ordinals import (
    OrdinalFigure,
    capitalize_first,
    cardinal_words,
    ordinal_figure,
    ordinal_words,
    session_ordinal,
)

__all__ = [
    "SUPPORTED_LANGUAGES",
    "TRAILING_PREPOSITIONS_FR",
    "Citation",
    "FrenchForms",
    "HijriDate",
    "LanguageError",
    "OrdinalFigure",
    "agree",
    "apply_english_typography",
    "apply_french_typography",
    "capitalize_first",
    "cardinal_words",
    "check_language",
    "contract_a",
    "contract_de",
    "format_citation",
    "format_citations",
    "format_date",
    "format_date_range",
    "format_date_span",
    "format_hijri",
    "format_hijri_range",
    "format_hijri_span",
    "hijri_month_name",
    "join_list",
    "join_with_preposition",
    "ordinal_figure",
    "ordinal_words",
    "pluralize_agreeing",
    "session_ordinal",
    "split_trailing_preposition",
    "superscript_spans",
    "to_hijri",
]
