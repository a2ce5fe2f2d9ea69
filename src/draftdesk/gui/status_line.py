"""The status bar: what the document holds and still needs translating, and the autosave."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from draftdesk.gui.i18n import _
from draftdesk.model.document import Document, TranslationState

COUNTS_DELAY_MS = 300  # the counts walk every paragraph: they wait for a pause in typing


class StatusLine(QObject):
    """Fills a window's status bar: paragraph and footnote counts, translation work left,
    and when the document was last autosaved."""

    def __init__(self, bar: QStatusBar, document: Callable[[], Document]) -> None:
        super().__init__(bar)
        self._document = document
        self.counts = QLabel(bar)
        self.counts.setAccessibleName(_("Document summary"))
        self.saved = QLabel(bar)
        self.saved.setAccessibleName(_("Autosave status"))
        bar.addWidget(self.counts, 1)
        bar.addPermanentWidget(self.saved)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNTS_DELAY_MS)
        self._timer.timeout.connect(self.update_counts)

    def changed(self) -> None:
        """The document changed: count again after a pause."""
        self._timer.start()

    def update_counts(self) -> None:
        """Count paragraphs and footnotes, and what each other language still needs."""
        document = self._document()
        meta = document.metadata
        text = _("{pre} preambular, {op} operative paragraphs, {notes} footnotes").format(
            pre=len(document.preamble), op=len(document.operative), notes=len(document.footnotes)
        )
        for lang in meta.languages:
            if lang == meta.source_language:
                continue
            states = [
                p.translation_state(lang, meta.source_language) for p in document.all_paragraphs()
            ]
            missing = states.count(TranslationState.MISSING)
            stale = states.count(TranslationState.STALE)
            if missing or stale:
                text += " · " + _("{lang}: {missing} to translate, {stale} out of date").format(
                    lang=lang.upper(), missing=missing, stale=stale
                )
        self.counts.setText(text)

    def show_autosaved(self) -> None:
        """Say when the last autosave happened."""
        self.saved.setText(_("Autosaved at {time}").format(time=time.strftime("%H:%M:%S")))
