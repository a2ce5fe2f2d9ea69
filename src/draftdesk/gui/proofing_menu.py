"""Acting on a finding: its context menu (suggestions, Add to Dictionary, Ignore), going to it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QWidget

from draftdesk.errors import DraftDeskError
from draftdesk.gui.i18n import N_, _
from draftdesk.gui.outline import Selection
from draftdesk.proofing.findings import Finding, Target, TextEdit
from draftdesk.proofing.fixes import fix_command
from draftdesk.proofing.ignores import RemoveIgnores, ignore_command, is_ignored
from draftdesk.proofing.wordlist import UserDictionary

if TYPE_CHECKING:
    from draftdesk.gui.controller import DocumentController
    from draftdesk.gui.inline_edit import MenuHook
    from draftdesk.gui.main_window import MainWindow
    from draftdesk.gui.proofing_highlight import FindingsHighlighter
    from draftdesk.gui.proofing_worker import ProofingService

REPLACE = N_("Replace")
IGNORE = N_("Ignore")
IGNORE_ALL = N_("Ignore all")
STOP_IGNORING = N_("Stop ignoring")
"""Names of the undo steps, translated where the Edit menu shows them."""
MAX_SUGGESTIONS = 5
_SPELLING = ("spelling", "split-word")


def user_dictionary(service: ProofingService) -> UserDictionary | None:
    """The user dictionary the window's spelling trusts (one file for both languages)."""
    spelling = service.spelling
    if spelling is None:
        return None
    for words in spelling.lists.values():
        for entry in words:
            if isinstance(entry, UserDictionary):
                return entry
    return None


class FindingActions:
    """Acts on findings through the core: every change is an undoable command.

    `rechecked` is called after the user dictionary changed, so every underline and the
    findings list drop the word at once.
    """

    def __init__(
        self,
        controller: DocumentController,
        service: ProofingService,
        rechecked: Callable[[], None],
        report: Callable[[str], None],
    ) -> None:
        self.controller = controller
        self.service = service
        self.rechecked = rechecked
        self.report = report

    def replace(self, finding: Finding, suggestion: str) -> bool:
        """Put `suggestion` in place of the flagged text (one undo step named "Replace")."""
        edit = TextEdit(finding.start, finding.end, suggestion, finding.excerpt)
        chosen = dataclasses.replace(finding, fix=edit)
        return self.controller.execute(fix_command([chosen], REPLACE))

    def add_to_dictionary(self, finding: Finding) -> bool:
        """Accept the flagged word from now on, in every document (the user dictionary)."""
        user = user_dictionary(self.service)
        if user is None:
            return False
        try:
            user.add(finding.excerpt)
        except DraftDeskError as exc:
            self.report(str(exc))
            return False
        if self.service.spelling is not None:
            self.service.spelling.forget_verdicts()
        self.rechecked()
        return True

    def ignore(self, findings: list[Finding], *, everywhere: bool = False) -> bool:
        """Ignore these findings here ("Ignore") or the word/rule everywhere ("Ignore All")."""
        command = ignore_command(findings, everywhere=everywhere)
        command.name = IGNORE_ALL if everywhere else IGNORE
        return self.controller.execute(command)

    def stop_ignoring(self, findings: list[Finding]) -> bool:
        """Show these findings again (one undo step)."""
        return self.controller.execute(RemoveIgnores(findings, STOP_IGNORING))

    def field_menu_hook(self, highlighter: FindingsHighlighter) -> MenuHook:
        """The paragraph field's menu hook: the entries of the finding right-clicked, if any."""

        def hook(menu: QMenu, position: int) -> None:
            # The click lands between characters: the last letter of a word counts too.
            finding = highlighter.finding_at(position) or highlighter.finding_at(position - 1)
            if finding is not None:
                self.fill(menu, finding)

        return hook

    def list_menu(
        self,
        parent: QWidget,
        finding: Finding,
        fixes: tuple[Callable[[], None], Callable[[], None]] | None,
    ) -> QMenu:
        """The findings list's menu: Fix and Fix All of This Kind (when given), then `fill`."""
        menu = QMenu(parent)
        if fixes is not None:
            menu.addAction(_("Fix"), fixes[0])
            menu.addAction(_("Fix All of This Kind"), fixes[1])
            menu.addSeparator()
        self.fill(menu, finding)
        return menu

    def _replacing(self, finding: Finding, suggestion: str) -> Callable[[], object]:
        return lambda: self.replace(finding, suggestion)

    def fill(self, menu: QMenu, finding: Finding) -> None:
        """Put the finding's entries at the top of `menu` (the editor's own follow)."""
        entries: list[QAction] = []

        def add(text: str, name: str, run: Callable[[], object] | None = None) -> QAction:
            action = QAction(text, menu)
            action.setObjectName(name)
            if run is None:
                action.setEnabled(False)
            else:
                action.triggered.connect(lambda _checked=False, run=run: run())
            entries.append(action)
            return action

        def separator() -> None:
            line = QAction(menu)
            line.setSeparator(True)
            entries.append(line)

        add(finding.message, "finding-message")
        if finding.target is Target.TEXT:
            suggestions = finding.suggestions[:MAX_SUGGESTIONS]
            for suggestion in suggestions:
                add(suggestion, "finding-suggestion", self._replacing(finding, suggestion))
            if not suggestions and finding.rule in _SPELLING:
                add(_("(no suggestions)"), "finding-no-suggestion")
        separator()
        if finding.rule == "spelling" and user_dictionary(self.service) is not None:
            add(
                _("Add to Dictionary"),
                "finding-add-to-dictionary",
                lambda: self.add_to_dictionary(finding),
            )
        if is_ignored(finding, self.controller.document.ignores):
            add(_("Stop Ignoring"), "finding-stop-ignoring", lambda: self.stop_ignoring([finding]))
        else:
            add(_("Ignore"), "finding-ignore", lambda: self.ignore([finding]))
            everywhere = add(
                _("Ignore All"),
                "finding-ignore-all",
                lambda: self.ignore([finding], everywhere=True),
            )
            everywhere.setToolTip(_("Ignore this in every paragraph of this document"))
        first = menu.actions()[0] if menu.actions() else None
        if first is None:
            menu.addActions(entries)
        else:
            separator()
            menu.insertActions(first, entries)


def show_menu(menu: QMenu, where: QPoint) -> None:
    """Run a context menu at a global position, then let it go."""
    menu.exec(where)
    menu.deleteLater()


def go_to_finding(window: MainWindow, finding: Finding, *, select: bool = True) -> None:
    """Show the finding's paragraph (or footnote, or details); with `select`, focus its
    language and select the flagged text."""
    if finding.footnote_id:
        window.outline.select(Selection("footnote", finding.footnote_id))
        return
    if finding.paragraph_id is None:
        window.show_details()
        return
    window.select_paragraph(finding.paragraph_id)
    columns = window.editor.columns
    if not select or finding.lang not in columns:
        return
    field = columns[finding.lang].text
    field.setFocus()
    window.editor.active_lang = finding.lang
    if finding.target is Target.TEXT:
        cursor = field.textCursor()
        length = field.document().characterCount() - 1
        cursor.setPosition(min(finding.start, length))
        cursor.setPosition(min(finding.end, length), QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
