"""Findings underlined in the paragraph editors as the user types (wavy red for spelling)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from draftdesk.gui.controller import Change, ChangeKind
from draftdesk.gui.proofing_worker import ProofingService
from draftdesk.proofing.findings import Finding, Severity, Target, editor_text
from draftdesk.proofing.ignores import is_ignored

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow

RECHECK_DELAY_MS = 150
"""A pause in typing this long re-checks the paragraph (the check itself takes < 5 ms)."""

SPELLING_COLOUR = "#d32f2f"
GRAMMAR_COLOUR = "#1565c0"
STYLE_COLOUR = "#e65100"
NOTE_COLOUR = "#7b1fa2"
_SPELLING_RULES = ("spelling", "split-word")


def underline_colour(finding: Finding) -> str:
    """Red for spelling, blue for grammar, orange for house-style errors and warnings."""
    if finding.rule in _SPELLING_RULES:
        return SPELLING_COLOUR
    if finding.rule == "grammar":
        return GRAMMAR_COLOUR
    return NOTE_COLOUR if finding.severity is Severity.INFO else STYLE_COLOUR


def underline_format(finding: Finding) -> QTextCharFormat:
    """A wavy underline (dotted for notes) in the finding's colour."""
    fmt = QTextCharFormat()
    style = (
        QTextCharFormat.UnderlineStyle.DotLine
        if finding.severity is Severity.INFO
        else QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(QColor(underline_colour(finding)))
    fmt.setToolTip(finding.message)
    return fmt


@dataclass(slots=True, frozen=True)
class _Span:
    start: int
    end: int
    checked: str  # the characters the span held when checked
    finding: Finding


class FindingsHighlighter(QSyntaxHighlighter):
    """Underlines the findings of one language of a paragraph in its text field.

    Spans count in the paragraph's stored text with one U+FFFC per footnote or
    cross-reference — exactly what the field holds, since it shows each of them as one
    object character. A span whose characters changed since the check (the user typed
    on) is not drawn until the next check, so no underline lands on the wrong word.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[_Span] = []

    def set_findings(self, findings: list[Finding], text: str) -> None:
        """Underline `findings`, checked against `text` (the field's text at the check)."""
        self._spans = [
            _Span(f.start, f.end, text[f.start : f.end], f)
            for f in findings
            if f.target is Target.TEXT and f.end > f.start and f.end <= len(text)
        ]
        document = self.document()
        # Re-formatting announces a contents change; the field would take it for typing
        # and record an edit. Formats are display only, so the document keeps quiet.
        blocked = document.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            document.blockSignals(blocked)

    def findings(self) -> list[Finding]:
        """The findings currently underlined (or waiting for their text to come back)."""
        return [span.finding for span in self._spans]

    def finding_at(self, position: int) -> Finding | None:
        """The finding under a cursor position of the field, if any."""
        for span in self._spans:
            if span.start <= position < span.end:
                return span.finding
        return None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Underline each span that still holds the characters it was checked with."""
        base = self.currentBlock().position()
        for span in self._spans:
            start, end = span.start - base, span.end - base
            if start < 0 or end > len(text) or text[start:end] != span.checked:
                continue
            self.setFormat(start, end - start, underline_format(span.finding))


class LiveProofing(QObject):
    """Keeps the underlines of the paragraph being edited up to date, after each pause."""

    def __init__(
        self,
        window: MainWindow,
        service: ProofingService,
        grammar: Callable[[str, str], list[Finding]] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        # LanguageTool's findings for (paragraph, language), from the last Check Now.
        self.grammar = grammar or (lambda _paragraph, _lang: [])
        self.highlighters = {
            lang: FindingsHighlighter(column.text.document())
            for lang, column in window.editor.columns.items()
        }
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_DELAY_MS)
        self._timer.timeout.connect(self.recheck)
        window.controller.changed.connect(self._changed)
        window.outline.selected.connect(lambda _selection: self.schedule())
        service.ready.connect(self.schedule)

    def schedule(self, langs: tuple[str, ...] = ("en", "fr")) -> None:
        """Re-check the shown paragraph after the next pause."""
        self._pending.update(langs)
        self._timer.start()

    def _changed(self, change: Change) -> None:
        if change.kind is ChangeKind.TEXT:
            if change.target == self.window.editor.paragraph_id:
                self.schedule((change.lang,) if change.lang else ("en", "fr"))
            return
        if change.kind is not ChangeKind.FOOTNOTE:
            self.service.forget_facts()  # numbering or the whole document changed
        self.schedule()

    def recheck(self) -> None:
        """Check the paragraph shown in the editor now (on the GUI thread: < 5 ms)."""
        self._timer.stop()
        langs, self._pending = self._pending or {"en", "fr"}, set()
        paragraph_id = self.window.editor.paragraph_id
        document = self.window.controller.document
        for lang in langs:
            highlighter = self.highlighters.get(lang)
            if highlighter is None:
                continue
            paragraph = document.find_paragraph(paragraph_id) if paragraph_id else None
            if paragraph is None or lang not in document.metadata.languages:
                highlighter.set_findings([], "")
                continue
            # The model's text, not toPlainText(): that turns no-break spaces into spaces.
            text = editor_text(paragraph.text.get(lang, []))
            findings = self.service.check_paragraph(document, paragraph.id, lang)
            findings += self.grammar(paragraph.id, lang)
            shown = [f for f in findings if not is_ignored(f, document.ignores)]
            highlighter.set_findings(shown, text)
