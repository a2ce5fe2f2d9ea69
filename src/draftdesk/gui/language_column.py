"""One language of the paragraph editor, and how a language's translation state reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _, current_language
from draftdesk.gui.inline_edit import ChipLabeler, InlineTextEdit
from draftdesk.model.document import LANGUAGES, Metadata, Paragraph, Part, TranslationState
from draftdesk.model.inline import plain_text

if TYPE_CHECKING:
    from draftdesk.gui.paragraph_editor import ParagraphEditor

QWIDGETSIZE_MAX = 16777215
"""Qt's largest widget size: a maximum height that does not limit."""

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


class HintedTextEdit(InlineTextEdit):
    """A text field whose placeholder wraps over several lines (Qt draws only the first,
    which cuts an example sentence off in a narrow column)."""

    def __init__(self, labeler: ChipLabeler, parent: QWidget | None = None) -> None:
        super().__init__(labeler, parent)
        palette = self.palette()
        self.hint_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        # Qt still draws its one-line placeholder: in no colour, under the wrapped one.
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(0, 0, 0, 0))
        self.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The text, then the whole placeholder when there is no text."""
        super().paintEvent(event)
        hint = self.placeholderText()
        if not hint or not self.document().isEmpty():
            return
        margin = int(self.document().documentMargin())
        painter = QPainter(self.viewport())
        painter.setPen(self.hint_colour)
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, hint)
        painter.end()


class LanguageColumn:
    """One language of the paragraph: status line, text field, and how it will print.

    Its widgets go into one grid with the other language's, row by row, so both text
    fields and both "prints as" boxes line up whatever their contents.
    """

    def __init__(self, lang: str, editor: ParagraphEditor, parent: QWidget) -> None:
        self.lang = lang
        self.heading = QLabel(parent)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(parent)
        # Wrapped and right-aligned: a long status must not widen its column.
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAccessibleName(
            _("Translation status ({language})").format(language=language_name(lang))
        )
        self.text = HintedTextEdit(
            lambda kind, ident: editor.chip_label(kind, ident, lang), parent
        )
        self.text.setObjectName(f"text-{lang}")
        self.text.setAccessibleName(
            _("{language} text of the paragraph").format(language=language_name(lang))
        )
        self.text.setPlaceholderText(text_placeholder(lang, None))
        self.text.setMinimumHeight(110)
        self.confirm = QPushButton(_("Mark as up to date"), parent)
        self.confirm.setAccessibleName(
            _("Mark the {language} text as up to date").format(language=language_name(lang))
        )
        self.confirm.setToolTip(
            _("The translation still says the same: clear the out-of-date mark")
        )
        self.rendered = QLabel(parent)
        self.rendered.setWordWrap(True)
        self.rendered.setTextFormat(Qt.TextFormat.RichText)
        self.rendered.setAccessibleName(
            _("How the paragraph prints in {language}").format(language=language_name(lang))
        )
        self.rendered.setFrameShape(QFrame.Shape.StyledPanel)
        self.rendered.setMargin(6)
        self.rendered.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prints = QLabel(_("Prints as:"), parent)
        self.prints.setWordWrap(True)
        self.tail_caption = QLabel(_("Your own text after the clause (optional):"), parent)
        self.tail_caption.setWordWrap(True)
        self.column = 0

    def place(self, grid: QGridLayout, column: int) -> None:
        """Put the widgets in `column` of the editor's grid (rows: top, text, prints as)."""
        # The button goes under the status, not beside it: on one line, an out-of-date
        # column grew wider than the other and pushed French out of the window.
        line = QHBoxLayout()
        line.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.status, 1)
        top = QVBoxLayout()
        top.addLayout(line)
        top.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignRight)
        top.addStretch(1)  # the headings of both languages on one line, whatever shows
        grid.addLayout(top, 0, column)
        self.column = column
        self.arrange(grid, clause=False)

    def arrange(self, grid: QGridLayout, *, clause: bool) -> None:
        """Free text: the text field, then how it prints. A clause: what the clause prints
        first (read only, changed through the slot fields), then the optional text after it.
        """
        for widget in (self.text, self.prints, self.rendered, self.tail_caption):
            grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        if clause:
            self.prints.setText(_("Written by the clause (change it with the fields above):"))
            grid.addWidget(self.prints, 1, self.column)
            grid.addWidget(self.rendered, 2, self.column, top)
            grid.addWidget(self.tail_caption, 3, self.column)
            grid.addWidget(self.text, 4, self.column)
            self.text.setMaximumHeight(self.text.minimumHeight())
        else:
            self.prints.setText(_("Prints as:"))
            grid.addWidget(self.text, 2, self.column)
            grid.addWidget(self.prints, 3, self.column)
            grid.addWidget(self.rendered, 4, self.column, top)
            self.text.setMaximumHeight(QWIDGETSIZE_MAX)  # grows with the window
        self.tail_caption.setVisible(clause)

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - as a widget would say it
        """Grey out a language the document does not have."""
        for widget in (self.heading, self.status, self.text, self.confirm, self.rendered):
            widget.setEnabled(enabled)
