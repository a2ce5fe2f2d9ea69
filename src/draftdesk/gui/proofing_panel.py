"""The findings panel: what the proofing found, grouped by paragraph, with one-click fixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.controller import Change, ChangeKind
from draftdesk.gui.findings_tree import FINDING_ROLE, fill_tree, paragraph_title, summary
from draftdesk.gui.grammar_live import LiveGrammar
from draftdesk.gui.i18n import N_, _, current_language
from draftdesk.gui.languagetool_setup import LanguageToolOffer, LanguageToolSetup
from draftdesk.gui.proofing_highlight import LiveProofing
from draftdesk.gui.proofing_menu import FindingActions, go_to_finding, show_menu
from draftdesk.gui.proofing_worker import GrammarResult, ProofingService
from draftdesk.proofing.findings import Finding, editor_text
from draftdesk.proofing.fixes import fix_command, same_kind
from draftdesk.proofing.ignores import is_ignored, split_ignored

DICTIONARY_LOAD_DELAY_MS = 1500

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow

FIX = N_("Fix")
FIX_ALL = N_("Fix all")
"""Names of the undo steps ("Undo Fix"), translated where the Edit menu shows them."""

RECHECK_DELAY_MS = 300
PANEL_HEIGHT = 190


class ProofingPanel(QDockWidget):
    """A dock listing the findings of the document; double-click goes to the paragraph.

    House style and spelling are re-checked after each pause in typing (only the edited
    paragraph, unless paragraphs moved); grammar is asked of the LanguageTool server from
    the preferences when the user chooses Check Now, in the background, and for each edited
    paragraph after a pause. Findings can be ignored (kept in the document) and shown again.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(_("Findings"), window)
        self.main = window
        self.setObjectName("findings-dock")
        self.service = ProofingService(window.context, self)
        self.live = LiveProofing(window, self.service, self.grammar_for)
        self.finding_actions = FindingActions(
            window.controller, self.service, self.recheck_everything, self._add_notice
        )
        for lang, column in window.editor.columns.items():
            highlighter = self.live.highlighters[lang]
            column.text.menu_hook = self.finding_actions.field_menu_hook(highlighter)
        self.findings: list[Finding] = []
        self.grammar: list[Finding] = []
        self.notices: list[str] = []
        self._dirty: set[str] | None = None  # None: everything; else these paragraphs
        inner = QWidget(self)
        self.status = QLabel(_("Loading the dictionaries…"), inner)
        self.status.setWordWrap(True)
        self.notice = QLabel(inner)
        self.notice.setObjectName("findings-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#9a6700;")
        self.notice.hide()
        self.offer = LanguageToolOffer(inner)
        self.setup = LanguageToolSetup(window.context, self.offer, self)
        self.setup.installed_now.connect(lambda _where: self.check_now())
        self.live_grammar = LiveGrammar(
            window.controller, lambda: self.service.pack, self.setup.grammar_settings, self
        )
        self.live_grammar.found.connect(self._grammar_found)
        self.live_grammar.unavailable.connect(self._add_notice)
        self.tree = QTreeWidget(inner)
        self.tree.setObjectName("findings-tree")
        self.tree.setAccessibleName(_("Findings"))
        self.tree.setHeaderHidden(True)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.go_to(item))
        self.tree.currentItemChanged.connect(lambda *_items: self._update_buttons())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.check_button = QPushButton(_("Check Now"), inner)
        self.fix_button = QPushButton(_(FIX), inner)
        self.fix_all_button = QPushButton(_("Fix All of This Kind"), inner)
        self.ignore_button = QPushButton(_("Ignore"), inner)
        self.ignore_button.setObjectName("findings-ignore")
        self.show_ignored = QCheckBox(_("Show ignored"), inner)
        self.show_ignored.setObjectName("findings-show-ignored")
        self.check_button.clicked.connect(self.check_now)
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_all_button.clicked.connect(self.fix_all_of_kind)
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.show_ignored.toggled.connect(lambda _on: self._show())
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.show_ignored)
        buttons.addStretch(1)
        buttons.addWidget(self.ignore_button)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(self.offer)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setWidget(inner)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        window.controller.changed.connect(self._changed)
        self.service.ready.connect(self._ready)
        self.service.grammar_done.connect(self._grammar_done)
        # Loading the dictionaries holds the interpreter for seconds; start it once the
        # window is on screen, so the first paint is not delayed by it.
        # The panel is the timer's context: a window closed before then cancels it.
        QTimer.singleShot(DICTIONARY_LOAD_DELAY_MS, self, self._start_service)
        self._update_buttons()

    # Checking ------------------------------------------------------------------------------

    def show_panel(self) -> None:
        """Show the panel (checking first if edits are waiting)."""
        self._reveal()
        self.refresh()

    def _reveal(self) -> None:
        if not self.isVisible():
            self.show()
            # A strip under the editor: the editor and preview keep most of the height.
            self.main.resizeDocks([self], [PANEL_HEIGHT], Qt.Orientation.Vertical)
        self.raise_()

    def check_now(self) -> None:
        """Check the whole document now; grammar too when LanguageTool is set up.

        Without a server or a local LanguageTool, the download is offered (once).
        """
        self._reveal()
        self._dirty = None
        self.refresh()
        where = self.setup.grammar_settings()
        if where is None:
            self.setup.offer_download()
        elif self.service.start_grammar(self.main.controller.document, where):
            self.status.setText(_("Asking LanguageTool about the grammar…"))

    def offer_offline_grammar(self) -> None:
        """The user asked for grammar on this computer (Preferences): offer the download."""
        self._reveal()
        self.setup.offer_download(asked=True)

    def recheck_everything(self) -> None:
        """Check every paragraph again (the user dictionary changed)."""
        self._dirty = None
        self.refresh()
        self.live.schedule()

    def refresh(self) -> None:
        """Re-check what changed since the last check and show the findings."""
        self._timer.stop()
        if not self.service.is_ready:
            return
        document = self.main.controller.document
        if self._dirty is None:
            report = self.service.check_document(document)
            self.findings = report.findings
            for notice in report.notices:
                self._add_notice(notice)
        else:
            for paragraph_id in self._dirty:
                kept = [f for f in self.findings if f.paragraph_id != paragraph_id]
                for lang in document.metadata.languages:
                    kept += self.service.check_paragraph(document, paragraph_id, lang)
                self.findings = kept
        self._dirty = set()
        self._show()

    def _changed(self, change: Change) -> None:
        if change.kind is ChangeKind.DOCUMENT and (
            self.main.controller.session.pack is not self.service.pack
        ):
            self.service.set_pack(self.main.controller.session.pack, current_language())
        if change.kind is ChangeKind.TEXT and change.target and self._dirty is not None:
            self._dirty.add(change.target)
        else:
            self._dirty = None
        if self.isVisible():
            self._timer.start()

    def _ready(self) -> None:
        if self.service.load_error:
            self._add_notice(
                _("Spelling is not checked: {reason}").format(reason=self.service.load_error)
            )
        first = self.service.take_first_check(self.main.controller.generation)
        if first is not None:
            # Checked in the background on a copy of the document as it still is.
            self._timer.stop()
            self._dirty = set()
            self.findings = first.findings
            for notice in first.notices:
                self._add_notice(notice)
            self._show()
            return
        self._dirty = None
        self.refresh()

    def _grammar_done(self, result: GrammarResult) -> None:
        self.grammar = result.findings
        for notice in result.notices:
            self._add_notice(notice)
        self._show()
        self.live.schedule()

    def _grammar_found(self, paragraph_id: str, lang: str, findings: list[Finding]) -> None:
        """Grammar of one edited paragraph, as typed: it replaces what Check Now said of it."""
        key = (paragraph_id, lang)
        before = [f for f in self.grammar if (f.paragraph_id, f.lang) == key]
        if before == findings:
            return  # nothing new: the list (and what is selected in it) stays as it is
        self.grammar = [f for f in self.grammar if (f.paragraph_id, f.lang) != key] + findings
        self.live.schedule((lang,))
        if self.isVisible():
            self._show()

    def grammar_for(self, paragraph_id: str, lang: str) -> list[Finding]:
        """LanguageTool's findings in one language of a paragraph that still apply."""
        return [
            f
            for f in self.all_findings()
            if f.rule == "grammar" and f.paragraph_id == paragraph_id and f.lang == lang
        ]

    def _add_notice(self, notice: str) -> None:
        if notice in self.notices:
            return  # said once is enough: the other checks carry on
        self.notices.append(notice)
        self.notice.setText("\n".join(self.notices))
        self.notice.show()

    # Showing -------------------------------------------------------------------------------

    def all_findings(self) -> list[Finding]:
        """The findings to act on: current ones the document does not ignore."""
        return split_ignored(self.current_findings(), self.main.controller.document.ignores)[0]

    def ignored_findings(self) -> list[Finding]:
        """Current findings the document ignores (listed with "Show ignored")."""
        return split_ignored(self.current_findings(), self.main.controller.document.ignores)[1]

    def current_findings(self) -> list[Finding]:
        """House style and spelling, plus grammar findings whose text has not changed since."""
        document = self.main.controller.document
        current = []
        for finding in self.grammar:
            paragraph = document.find_paragraph(finding.paragraph_id or "")
            text = editor_text(paragraph.text.get(finding.lang, [])) if paragraph else ""
            if text[finding.start : finding.end] == finding.excerpt:
                current.append(finding)
        return self.findings + current

    def _show(self) -> None:
        document = self.main.controller.document
        findings, ignored = split_ignored(self.current_findings(), document.ignores)
        listed = findings + ignored if self.show_ignored.isChecked() else findings
        order: list[str | None] = [p.id for p in document.all_paragraphs()]
        numbers = self.main.controller.numbers()
        fill_tree(self.tree, listed, ignored, order, lambda ident: paragraph_title(numbers, ident))
        self.status.setText(summary(findings, ignored))
        self._update_buttons()

    # Acting --------------------------------------------------------------------------------

    def selected_finding(self) -> Finding | None:
        """The finding selected in the list (None on a paragraph heading)."""
        item = self.tree.currentItem()
        finding = item.data(0, FINDING_ROLE) if item is not None and item.parent() else None
        return finding if isinstance(finding, Finding) else None

    def _start_service(self) -> None:
        controller = self.main.controller
        self.service.start(
            controller.session.pack, current_language(), controller.document, controller.generation
        )

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        ignored = finding is not None and self._is_ignored(finding)
        fixable = finding is not None and finding.fixable and not ignored
        self.fix_button.setEnabled(fixable)
        self.fix_all_button.setEnabled(fixable)
        self.ignore_button.setEnabled(finding is not None)
        self.ignore_button.setText(_("Stop Ignoring") if ignored else _("Ignore"))

    def _is_ignored(self, finding: Finding) -> bool:
        return is_ignored(finding, self.main.controller.document.ignores)

    def ignore_selected(self) -> None:
        """Ignore the selected finding (kept in the document), or show it again if ignored."""
        finding = self.selected_finding()
        if finding is not None and self._is_ignored(finding):
            self.finding_actions.stop_ignoring([finding])
        elif finding is not None:
            self.finding_actions.ignore([finding])

    def finding_menu(self, finding: Finding) -> QMenu:
        """The findings list's context menu: Fix, Fix All of This Kind, and the finding's own."""
        fixes = finding.fixable and not self._is_ignored(finding)
        return self.finding_actions.list_menu(
            self.tree, finding, (self.fix_selected, self.fix_all_of_kind) if fixes else None
        )

    def _tree_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is not None and item.parent() is not None:
            self.tree.setCurrentItem(item)
            finding = self.selected_finding()
            if finding is not None:
                show_menu(self.finding_menu(finding), self.tree.viewport().mapToGlobal(point))

    def fix_selected(self) -> None:
        """Apply the selected finding's fix (one undo step named "Fix")."""
        finding = self.selected_finding()
        if finding is not None and finding.fixable:
            self.main.controller.execute(fix_command([finding], FIX))

    def fix_all_of_kind(self) -> None:
        """Apply every fix of the same rule and flagged text (one undo step)."""
        finding = self.selected_finding()
        if finding is not None and finding.fixable:
            kind = same_kind(self.all_findings(), finding)
            self.main.controller.execute(fix_command(kind, FIX_ALL))

    def go_to(self, item: QTreeWidgetItem) -> None:
        """Show the paragraph (or footnote, or details) and select the flagged text."""
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            go_to_finding(self.main, finding, select=item.parent() is not None)
