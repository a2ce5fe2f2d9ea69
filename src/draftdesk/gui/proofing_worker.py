"""Proofing off the typing thread: dictionaries load and LanguageTool answers in the background."""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from draftdesk.errors import DraftDeskError
from draftdesk.gui.context import AppContext
from draftdesk.model.document import Document
from draftdesk.packs.locations import user_data_folder
from draftdesk.packs.model import Pack
from draftdesk.paths import resources_dir
from draftdesk.proofing.findings import Finding, Report
from draftdesk.proofing.rules_document import GLOSSARY_FILE, Term, load_glossary
from draftdesk.proofing.spelling import (
    DICTIONARY_FILES,
    HunspellDictionary,
    Speller,
    Spelling,
)
from draftdesk.proofing.wordlist import USER_DICTIONARY_FILE, UserDictionary, WordList
from draftdesk.proofing.wordlist import built_in_words as _built_in_words

if TYPE_CHECKING:
    from draftdesk.proofing.checker import Checker
    from draftdesk.proofing.context import DocumentFacts
    from draftdesk.proofing.lt_settings import LanguageToolSettings


def user_dictionary_path(context: AppContext) -> Path:
    """The user dictionary the CLI uses too; a throw-away run keeps its own, in its folder."""
    if not context.persist:
        return context.config_dir / USER_DICTIONARY_FILE
    return user_data_folder() / USER_DICTIONARY_FILE


class _SharedSpelling(Spelling):
    """Spelling whose Hunspell dictionaries were loaded once for the whole process."""

    def __init__(
        self, folder: Path, lists: dict[str, list[WordList]], loaded: dict[str, HunspellDictionary]
    ) -> None:
        super().__init__(folder, lists)
        self.loaded = loaded

    def speller(self, lang: str) -> Speller:
        """The speller of `lang` on the shared dictionary (own word lists, own verdicts)."""
        speller = self._spellers.get(lang)
        dictionary = self.loaded.get(lang)
        if speller is None and dictionary is not None:
            speller = Speller(lang, dictionary, list(self.lists.get(lang, [])))
            self._spellers[lang] = speller
        return speller or super().speller(lang)


@dataclass(slots=True)
class SpellingCache:
    """The Hunspell dictionaries, loaded once and shared by every window of the process.

    Loading them takes seconds and they never change while the application runs, so a
    second window (or File ▸ New) reuses them; word lists and verdicts stay per window.
    """

    dictionaries: dict[str, HunspellDictionary] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, user_dictionary: Path) -> Spelling:
        """Spelling in both languages with this user dictionary (slow the first time)."""
        folder = resources_dir() / "dictionaries"
        with self.lock:
            for lang, name in DICTIONARY_FILES.items():
                if lang not in self.dictionaries:
                    self.dictionaries[lang] = HunspellDictionary(folder, name)
        user = UserDictionary(user_dictionary)
        lists: dict[str, list[WordList]] = {
            lang: [_built_in_words(folder, lang), user] for lang in DICTIONARY_FILES
        }
        return _SharedSpelling(folder, lists, dict(self.dictionaries))


SPELLING_CACHE = SpellingCache()
"""Filled on first use by a background job, never at import (loading takes seconds)."""


def glossary_for(pack: Pack) -> list[Term]:
    """The built-in EN/FR term pairs plus the pack's own, as the CLI loads them."""
    files = [resources_dir() / "dictionaries" / GLOSSARY_FILE]
    if pack.root is not None:
        files.append(pack.root / GLOSSARY_FILE)
    return load_glossary(files)


class _Signals(QObject):
    done = Signal(int, object)  # the job's token, its result


class _Job(QRunnable):
    """Runs one callable on a pool thread; its result (or exception) goes back by signal."""

    def __init__(self, token: int, work: Callable[[], object]) -> None:
        super().__init__()
        self.token = token
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        """Never let an exception escape into Qt's thread: hand it back instead."""
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI, never lost in the thread
            result = exc
        # RuntimeError: the window that asked was closed meanwhile; nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self.signals.done.emit(self.token, result)


@dataclass(slots=True, frozen=True)
class GrammarResult:
    """What one LanguageTool run found, and the notice if LanguageTool could not answer."""

    url: str
    findings: list[Finding]
    notices: list[str]


@dataclass(slots=True, frozen=True)
class FirstCheck:
    """The dictionaries and the first whole-document check, both made in the background."""

    spelling: Spelling
    checker: Checker
    report: Report
    generation: int  # the controller's edit count the checked copy reflects


class ProofingService(QObject):
    """The window's checker: ready once the dictionaries are loaded in the background.

    House style and spelling of one paragraph run on the GUI thread (well under 5 ms once
    loaded); LanguageTool runs on a pool thread against a copy of the document.
    """

    ready = Signal()
    grammar_done = Signal(object)  # GrammarResult

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.spelling: Spelling | None = None
        self.load_error: str | None = None
        self.checker: Checker | None = None
        self._pack: Pack | None = None
        self._ui_lang = "en"
        self._facts: DocumentFacts | None = None
        self._callbacks: dict[int, Callable[[object], None]] = {}
        self._token = 0
        self.grammar_running = False
        self.first_check: FirstCheck | None = None

    @property
    def pack(self) -> Pack | None:
        """The pack the checker proofs for."""
        return self._pack

    @property
    def is_ready(self) -> bool:
        """True once the dictionaries are loaded and a checker exists."""
        return self.checker is not None

    def start(
        self, pack: Pack, ui_lang: str, document: Document | None = None, generation: int = 0
    ) -> None:
        """Load the dictionaries in the background (at once if another window did).

        With `document`, the first whole-document check runs in the background too, on a
        copy: cold, it takes hundreds of milliseconds on a long resolution, a freeze the
        user would feel right after opening it. `generation` says which edit it reflects.
        """
        self._pack, self._ui_lang = pack, ui_lang
        self.first_check = None
        path = user_dictionary_path(self.context)
        snapshot = copy.deepcopy(document) if document is not None else None

        def work() -> object:
            spelling = SPELLING_CACHE.get(path)
            if snapshot is None:
                return spelling
            from draftdesk.proofing.checker import Checker  # the rules: not needed to start

            glossary = glossary_for(pack)
            checker = Checker(pack, spelling=spelling, glossary=glossary, ui_lang=ui_lang)
            try:
                report = checker.check_document(snapshot, grammar=False)
            except DraftDeskError:
                return spelling  # the panel's own check on the GUI thread words the problem
            return FirstCheck(spelling, checker, report, generation)

        self._run(work, self._loaded)

    def take_first_check(self, generation: int) -> Report | None:
        """The background check's report, if the document is still as it was checked."""
        first, self.first_check = self.first_check, None
        if first is None or first.generation != generation:
            return None
        return first.report

    def set_pack(self, pack: Pack, ui_lang: str) -> None:
        """Another document (perhaps of another pack): a new checker, same dictionaries."""
        self._pack, self._ui_lang = pack, ui_lang
        self._facts = None
        if self.spelling is not None:
            from draftdesk.proofing.checker import Checker  # the rules: not needed to start

            self.checker = Checker(
                pack, spelling=self.spelling, glossary=glossary_for(pack), ui_lang=ui_lang
            )

    def _loaded(self, result: object) -> None:
        if isinstance(result, Exception):
            # Without dictionaries the house-style checks still run; the panel says why.
            self.load_error = str(result)
            self.spelling = None
        elif isinstance(result, Spelling):
            self.spelling = result
        elif isinstance(result, FirstCheck):
            self.spelling = result.spelling
            if result.checker.pack is self._pack:  # the verdicts it cached are kept with it
                self.checker = result.checker
                self.first_check = result
                self.ready.emit()
                return
        if self._pack is not None:
            from draftdesk.proofing.checker import Checker  # the rules: not needed to start

            self.checker = Checker(
                self._pack,
                spelling=self.spelling,
                glossary=glossary_for(self._pack),
                ui_lang=self._ui_lang,
            )
        self.ready.emit()

    def forget_facts(self) -> None:
        """Paragraphs were added, moved or removed: numbering facts must be worked out again."""
        self._facts = None

    def check_paragraph(self, document: Document, paragraph_id: str, lang: str) -> list[Finding]:
        """House style and spelling of one paragraph in one language; [] until ready."""
        if self.checker is None or document.find_paragraph(paragraph_id) is None:
            return []
        try:
            if self._facts is None:
                self._facts = self.checker.prepare(document)
            return self.checker.check_paragraph(document, paragraph_id, lang, self._facts)
        except DraftDeskError:
            return []  # a document the checker cannot judge: the panel says why

    def check_document(self, document: Document) -> Report:
        """House style and spelling of the whole document (no grammar); empty until ready."""
        if self.checker is None:
            return Report()
        try:
            self._facts = self.checker.prepare(document)
            return self.checker.check_document(document, grammar=False)
        except DraftDeskError as exc:
            return Report(notices=[str(exc)])

    def start_grammar(self, document: Document, where: LanguageToolSettings) -> bool:
        """Ask LanguageTool (a server, or the local installation) about every paragraph.

        In the background: the pool thread works on a copy, the user goes on typing in the
        original.
        """
        url = where.server_url or where.local_folder
        if self._pack is None or self.grammar_running or not url:
            return False
        snapshot = copy.deepcopy(document)
        pack, ui_lang = self._pack, self._ui_lang
        self.grammar_running = True

        def work() -> GrammarResult:
            # Imported here: requests and language-tool-python would slow the start-up.
            from draftdesk.proofing.checker import Checker
            from draftdesk.proofing.languagetool import LanguageToolGrammar

            grammar = LanguageToolGrammar(where)
            checker = Checker(pack, grammar=grammar, ui_lang=ui_lang)
            findings: list[Finding] = []
            try:
                for paragraph in snapshot.all_paragraphs():
                    for lang in snapshot.metadata.languages:
                        findings += checker.check_grammar(snapshot, paragraph.id, lang)
            finally:
                grammar.close()
            return GrammarResult(url, findings, checker.notices)

        self._run(work, self._grammar_finished)
        return True

    def _grammar_finished(self, result: object) -> None:
        self.grammar_running = False
        if isinstance(result, GrammarResult):
            self.grammar_done.emit(result)
        elif isinstance(result, Exception):
            self.grammar_done.emit(GrammarResult("", [], [str(result)]))

    def _run(self, work: Callable[[], object], on_done: Callable[[object], None]) -> None:
        self._token += 1
        self._callbacks[self._token] = on_done
        job = _Job(self._token, work)
        # A bound method of this QObject: delivered on the GUI thread, and dropped by Qt
        # if the window is gone by the time a slow job ends. The pool owns the job (and
        # its signal object) until it has run.
        job.signals.done.connect(self._deliver)
        QThreadPool.globalInstance().start(job)

    def _deliver(self, token: int, result: object) -> None:
        callback = self._callbacks.pop(token, None)
        if callback is not None:
            callback(result)
