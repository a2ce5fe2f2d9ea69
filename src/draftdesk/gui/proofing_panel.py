"""The findings panel: what the proofing found, grouped by paragraph, with one-click fixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.controller import Change, ChangeKind
from draftdesk.gui.i18n import N_, _, current_language
from draftdesk.gui.outline import Selection
from draftdesk.gui.proofing_highlight import LiveProofing
from draftdesk.gui.proofing_worker import GrammarResult, ProofingService
from draftdesk.model.document import Part
from draftdesk.proofing.findings import Finding, Severity, Target, editor_text
from draftdesk.proofing.fixes import fix_command, same_kind

DICTIONARY_LOAD_DELAY_MS = 1500

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow

FIX = N_("Fix")
FIX_ALL = N_("Fix all")
"""Names of the undo steps ("Undo Fix"), translated where the Edit menu shows them."""

RECHECK_DELAY_MS = 300
PANEL_HEIGHT = 190
_FINDING = int(Qt.ItemDataRole.UserRole)


class ProofingPanel(QDockWidget):
    """A dock listing the findings of the document; double-click goes to the paragraph.

    House style and spelling are re-checked after each pause in typing (only the edited
    paragraph, unless paragraphs moved); grammar is asked of the LanguageTool server from
    the preferences when the user chooses Check Now, in the background.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(_("Findings"), window)
        self.main = window
        self.setObjectName("findings-dock")
        self.service = ProofingService(window.context, self)
        self.live = LiveProofing(window, self.service, self.grammar_for)
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
        self.tree = QTreeWidget(inner)
        self.tree.setObjectName("findings-tree")
        self.tree.setAccessibleName(_("Findings"))
        self.tree.setHeaderHidden(True)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.go_to(item))
        self.tree.currentItemChanged.connect(lambda *_items: self._update_buttons())
        self.check_button = QPushButton(_("Check Now"), inner)
        self.fix_button = QPushButton(_(FIX), inner)
        self.fix_all_button = QPushButton(_("Fix All of This Kind"), inner)
        self.check_button.clicked.connect(self.check_now)
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_all_button.clicked.connect(self.fix_all_of_kind)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
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
        """Check the whole document now; grammar too when a LanguageTool server is set."""
        self._reveal()
        self._dirty = None
        self.refresh()
        url = self.main.context.settings.languagetool_url
        if url and self.service.start_grammar(self.main.controller.document, url):
            self.status.setText(_("Asking LanguageTool about the grammar…"))

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
        self._dirty = None
        self.refresh()

    def _grammar_done(self, result: GrammarResult) -> None:
        self.grammar = result.findings
        for notice in result.notices:
            self._add_notice(notice)
        self._show()
        self.live.schedule()

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
        findings = self.all_findings()
        groups: dict[str | None, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(finding.paragraph_id, []).append(finding)
        order: list[str | None] = [p.id for p in document.all_paragraphs()]
        order.append(None)
        self.tree.clear()
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Severity.INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        for paragraph_id in order:
            group = groups.get(paragraph_id)
            if not group:
                continue
            top = QTreeWidgetItem([f"{self._title(paragraph_id)} ({len(group)})"])
            top.setData(0, _FINDING, group[0])
            for finding in sorted(group, key=lambda f: (f.lang, f.severity.rank, f.start)):
                child = QTreeWidgetItem([f"{finding.lang.upper()} · {finding.message}"])
                child.setIcon(0, icons[finding.severity])
                child.setData(0, _FINDING, finding)
                child.setToolTip(0, finding.rule)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.status.setText(
            _("{errors} errors, {warnings} warnings, {notes} notes").format(
                errors=sum(f.severity is Severity.ERROR for f in findings),
                warnings=sum(f.severity is Severity.WARNING for f in findings),
                notes=sum(f.severity is Severity.INFO for f in findings),
            )
            if findings
            else _("No findings.")
        )
        self._update_buttons()

    def _title(self, paragraph_id: str | None) -> str:
        numbers = self.main.controller.numbers()
        position = numbers.positions.get(paragraph_id or "")
        if position is None:
            return _("Footnotes, title and document")
        if position.path:
            label = numbers.label(paragraph_id or "", "en")
            return _("Sub-paragraph {label}").format(label=f"{position.top_index} {label}")
        if position.part is Part.PREAMBLE:
            return _("Preambular paragraph {number}").format(number=position.top_index)
        return _("Operative paragraph {number}").format(number=position.top_index)

    # Acting --------------------------------------------------------------------------------

    def selected_finding(self) -> Finding | None:
        """The finding selected in the list (None on a paragraph heading)."""
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            return None
        finding = item.data(0, _FINDING)
        return finding if isinstance(finding, Finding) else None

    def _start_service(self) -> None:
        self.service.start(self.main.controller.session.pack, current_language())

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        fixable = finding is not None and finding.fixable
        self.fix_button.setEnabled(fixable)
        self.fix_all_button.setEnabled(fixable)

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
        finding = item.data(0, _FINDING)
        if not isinstance(finding, Finding):
            return
        if finding.footnote_id:
            self.main.outline.select(Selection("footnote", finding.footnote_id))
            return
        if finding.paragraph_id is None:
            self.main.show_details()
            return
        self.main.select_paragraph(finding.paragraph_id)
        columns = self.main.editor.columns
        if item.parent() is None or finding.lang not in columns:
            return
        field = columns[finding.lang].text
        field.setFocus()
        self.main.editor.active_lang = finding.lang
        if finding.target is Target.TEXT:
            cursor = field.textCursor()
            length = field.document().characterCount() - 1
            cursor.setPosition(min(finding.start, length))
            cursor.setPosition(min(finding.end, length), QTextCursor.MoveMode.KeepAnchor)
            field.setTextCursor(cursor)
