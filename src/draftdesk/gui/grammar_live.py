"""Grammar as you type: the edited paragraph goes to LanguageTool after a pause, in a thread."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from draftdesk.gui.background import Background
from draftdesk.gui.controller import Change, ChangeKind, DocumentController
from draftdesk.gui.i18n import current_language
from draftdesk.model.document import Annex, Document, Part
from draftdesk.proofing.findings import Finding, editor_text

if TYPE_CHECKING:
    from draftdesk.packs.model import Pack
    from draftdesk.proofing.languagetool import LanguageToolGrammar
    from draftdesk.proofing.lt_settings import LanguageToolSettings

GRAMMAR_DELAY_MS = 900
"""A pause this long sends the paragraph to LanguageTool (a request takes 50–500 ms)."""

_Key = tuple[str, str]  # paragraph id, language


@dataclass(slots=True)
class _Answer:
    """What one request found, the text it was asked about (to drop stale answers) and the
    connection it used (kept for the next request if the settings are still the same)."""

    key: _Key
    text: str
    findings: list[Finding]
    notices: list[str]
    tool: LanguageToolGrammar
    where: LanguageToolSettings


def paragraph_snapshot(document: Document, paragraph_id: str) -> Document:
    """A copy of the document holding only this paragraph, in its part (what grammar needs:
    its text, its opener and the body the opener agrees with)."""
    paragraph = copy.deepcopy(document.find_paragraph(paragraph_id))
    if paragraph is None:
        raise KeyError(paragraph_id)
    paragraph.children = []
    snapshot = Document(copy.deepcopy(document.metadata))
    part = document.part_of(paragraph_id)
    if part is Part.PREAMBLE:
        snapshot.preamble = [paragraph]
    elif part is Part.OPERATIVE:
        snapshot.operative = [paragraph]
    else:
        snapshot.annexes = [Annex("annex-1", paragraphs=[paragraph])]
    return snapshot


class LiveGrammar(QObject):
    """Sends each edited paragraph (one language at a time) to LanguageTool after a pause.

    One request runs at a time, on its own thread, against a copy of the paragraph; an
    answer about text the user has changed since is dropped and the paragraph asked about
    again. When LanguageTool cannot be reached the notice is given once and no further
    request is made until the settings point somewhere else.
    """

    found = Signal(str, str, object)  # paragraph id, language, list[Finding]
    unavailable = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        pack: Callable[[], Pack | None],
        where: Callable[[], LanguageToolSettings | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pack = pack
        self.where = where
        self.pending: list[_Key] = []
        self.running = False
        self.dropped = 0  # answers about text changed since (for tests and curiosity)
        self._tool: LanguageToolGrammar | None = None
        self._tool_for: LanguageToolSettings | None = None
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GRAMMAR_DELAY_MS)
        self._timer.timeout.connect(self.run_next)
        controller.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        if change.kind is not ChangeKind.TEXT or not change.target:
            return
        langs = (
            (change.lang,) if change.lang else tuple(self.controller.document.metadata.languages)
        )
        for lang in langs:
            self.request(change.target, lang)

    def request(self, paragraph_id: str, lang: str) -> None:
        """Check this paragraph's language after the next pause (if grammar is configured)."""
        if self.where() is None:
            return
        key = (paragraph_id, lang)
        if key not in self.pending:
            self.pending.append(key)
        self._timer.start()

    def run_next(self) -> bool:
        """Send the next waiting paragraph now; False when none was sent."""
        where = self.where()
        if where != self._tool_for:
            self._switch(where)
        if where is None or self._failed:
            self.pending.clear()
            return False
        if self.running or not self.pending:
            return False
        document = self.controller.document
        pack = self.pack()
        key = self.pending.pop(0)
        paragraph = document.find_paragraph(key[0])
        if pack is None or paragraph is None or key[1] not in document.metadata.languages:
            return self.run_next()
        text = editor_text(paragraph.text.get(key[1], []))
        snapshot = paragraph_snapshot(document, key[0])
        self.running = True
        ui_lang, tool = current_language(), self._tool
        self._tool = None  # lent to the request; handed back with its answer

        def work(_job: Background) -> _Answer:
            from draftdesk.proofing.checker import Checker
            from draftdesk.proofing.languagetool import LanguageToolGrammar

            # Made on the first request and kept: a local LanguageTool starts once.
            used = tool or LanguageToolGrammar(where)
            checker = Checker(pack, grammar=used, ui_lang=ui_lang)
            findings = checker.check_grammar(snapshot, key[0], key[1])
            return _Answer(key, text, findings, checker.notices, used, where)

        Background.run(self, "grammar-live", work, self._answered)
        return True

    def _answered(self, answer: object) -> None:
        self.running = False
        if isinstance(answer, Exception):
            self._failed = True
            self.unavailable.emit(str(answer))
        elif isinstance(answer, _Answer):
            if answer.where == self._tool_for and self._tool is None:
                self._tool = answer.tool
            else:
                answer.tool.close()  # the settings changed meanwhile
            for notice in answer.notices:
                self._failed = True  # said once; no more requests until the settings change
                self.unavailable.emit(notice)
            paragraph = self.controller.document.find_paragraph(answer.key[0])
            current = editor_text(paragraph.text.get(answer.key[1], [])) if paragraph else None
            if current == answer.text:
                if not answer.notices:
                    self.found.emit(answer.key[0], answer.key[1], answer.findings)
            elif paragraph is not None:
                self.dropped += 1  # typed on meanwhile: ask about the new text instead
                self.request(*answer.key)
        if self.pending:
            self._timer.start()

    def _switch(self, where: LanguageToolSettings | None) -> None:
        """The settings changed: forget the old connection (stopping a local server)."""
        tool, self._tool, self._tool_for = self._tool, None, where
        self._failed = False
        if tool is not None:
            tool.close()

    def close(self) -> None:
        """Stop a local LanguageTool server, if one was started."""
        self._timer.stop()
        self._tool_for = None  # a request still running closes its connection on return
        if self._tool is not None:
            self._tool.close()
        self._tool = None
