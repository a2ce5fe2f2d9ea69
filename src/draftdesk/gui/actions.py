"""Menus, toolbar and keyboard shortcuts of the main window (Word's keys where Word has one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from draftdesk.gui.i18n import _

if TYPE_CHECKING:
    from draftdesk.gui.main_window import MainWindow

Keys = QKeySequence.StandardKey | str | None


class WindowActions:
    """Every command of the window as a QAction, placed in the menus and the toolbar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.all: list[QAction] = []
        w = window
        std = QKeySequence.StandardKey
        icon = QStyle.StandardPixmap
        self.new = self._make(_("&New…"), w.files.new_document, std.New, icon.SP_FileIcon)
        self.open = self._make(
            _("&Open…"), w.files.open_dialog, std.Open, icon.SP_DialogOpenButton
        )
        self.save = self._make(_("&Save"), w.files.save, std.Save, icon.SP_DialogSaveButton)
        self.save_as = self._make(_("Save &As…"), w.files.save_as, "Ctrl+Shift+S")
        self.export = self._make(_("&Export to Word…"), w.files.export_dialog, "Ctrl+E")
        # Not F5: Word users know it as Go To, and this one may discard edits (it asks).
        self.reload = self._make(_("&Reload from Disk"), w.files.reload, "Ctrl+Shift+R")
        self.quit = self._make(_("&Quit"), w.close, std.Quit)
        self.undo = self._make(_("&Undo"), w.undo, std.Undo)
        self.redo = self._make(_("&Redo"), w.redo, "Ctrl+Y")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo, self.redo):  # the toolbar keeps a short, steady label
            action.setIconText(action.text().replace("&", ""))
        self.preferences = self._make(_("&Preferences…"), w.tools.preferences, "Ctrl+,")
        self.details = self._make(_("&Details of the Resolution"), w.show_details, "Ctrl+D")
        self.add_preambular = self._make(
            _("New &Preambular Paragraph"), w.ops.add_preambular, "Ctrl+Shift+P"
        )
        self.add_operative = self._make(
            _("New &Operative Paragraph"), w.ops.add_operative, "Ctrl+Shift+O"
        )
        self.add_sub = self._make(_("New &Sub-paragraph"), w.ops.add_subparagraph, "Ctrl+Shift+B")
        self.footnote = self._make(_("&Footnote…"), w.ops.insert_footnote, "Ctrl+Alt+F")
        self.crossref = self._make(_("&Cross-reference…"), w.ops.insert_crossref, "Ctrl+Alt+R")
        self.italic = self._make(_("&Italic"), w.ops.toggle_italic, std.Italic)
        self.find_clause = self._make(_("Find &Clause or Opener"), w.find_clause, "Ctrl+K")
        self.move_up = self._make(_("Move &Up"), w.ops.move_up, "Alt+Shift+Up", icon.SP_ArrowUp)
        self.move_down = self._make(
            _("Move &Down"), w.ops.move_down, "Alt+Shift+Down", icon.SP_ArrowDown
        )
        self.indent = self._make(
            _("Make Sub-paragraph (&Indent)"), w.ops.indent, "Alt+Shift+Right"
        )
        self.outdent = self._make(_("&Outdent"), w.ops.outdent, "Alt+Shift+Left")
        self.delete = self._make(_("De&lete Paragraph"), w.ops.delete_paragraph, "Ctrl+Shift+Del")
        self.confirm = self._make(_("&Mark Translation as Up to Date"), w.ops.confirm_translation)
        self.next_untranslated = self._make(
            _("&Next Paragraph to Translate"), w.ops.next_untranslated, "F8"
        )
        self.filter = self._make(
            _("Show Only Paragraphs to &Translate"), w.toggle_filter, "Ctrl+Shift+T"
        )
        self.filter.setCheckable(True)
        self.preview_en = self._make(
            _("Preview in &English"), lambda: w.set_preview("en"), "Ctrl+1"
        )
        self.preview_fr = self._make(
            _("Preview in &French"), lambda: w.set_preview("fr"), "Ctrl+2"
        )
        self.focus_en = self._make(
            _("Edit English Text"), lambda: w.focus_language("en"), "Ctrl+3"
        )
        self.focus_fr = self._make(_("Edit French Text"), lambda: w.focus_language("fr"), "Ctrl+4")
        self.outline = self._make(_("Go to &Outline"), w.focus_outline, "Ctrl+0")
        self.shortcuts = self._make(
            _("&Keyboard Shortcuts"), w.tools.show_shortcuts, std.HelpContents
        )
        self.about = self._make(_("&About DraftDesk"), w.tools.about)
        self.import_file = self._make(
            _("&Import Word or Text File…"), w.files.import_dialog, "Ctrl+Shift+I"
        )
        self.packs = self._make(_("&Template Packs…"), w.tools.manage_packs)
        self.check_now = self._make(_("&Check Now"), lambda: w.proofing.check_now(), "F7")
        self.show_findings = self._make(_("Show &Findings"), lambda: w.proofing.show_panel())
        self.recent_menu = QMenu(_("Open &Recent"), window)
        self.recent_menu.setObjectName("recent-menu")
        self._menus()
        self._toolbar()

    def _make(
        self,
        text: str,
        slot: Callable[[], object],
        keys: Keys = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work wherever the focus is
        self.all.append(action)
        return action

    def _menus(self) -> None:
        bar = self.window.menuBar()
        file = bar.addMenu(_("&File"))
        file.addActions([self.new, self.open])
        file.addMenu(self.recent_menu)
        file.addSeparator()
        file.addActions([self.save, self.save_as, self.reload])
        file.addSeparator()
        file.addAction(self.export)
        file.addAction(self.import_file)
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu(_("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.details, self.find_clause])
        edit.addSeparator()
        edit.addAction(self.preferences)
        insert = bar.addMenu(_("&Insert"))
        insert.addActions([self.add_preambular, self.add_operative, self.add_sub])
        insert.addSeparator()
        insert.addActions([self.footnote, self.crossref, self.italic])
        paragraph = bar.addMenu(_("&Paragraph"))
        paragraph.addActions([self.move_up, self.move_down, self.indent, self.outdent])
        paragraph.addSeparator()
        paragraph.addAction(self.delete)
        translation = bar.addMenu(_("&Translation"))
        translation.addActions([self.next_untranslated, self.confirm, self.filter])
        review = bar.addMenu(_("&Review"))
        review.addActions([self.check_now, self.show_findings])
        view = bar.addMenu(_("&View"))
        view.addActions([self.preview_en, self.preview_fr])
        view.addSeparator()
        view.addActions([self.outline, self.focus_en, self.focus_fr])
        tools = bar.addMenu(_("T&ools"))
        tools.addAction(self.packs)
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addActions([self.shortcuts, self.about])

    def _toolbar(self) -> None:
        bar = QToolBar(_("Main toolbar"), self.window)
        bar.setObjectName("main-toolbar")
        bar.setAccessibleName(_("Main toolbar"))
        bar.setMovable(False)
        self.window.addToolBar(bar)
        bar.addActions([self.new, self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addActions([self.footnote, self.crossref])
        bar.addSeparator()
        bar.addActions([self.move_up, self.move_down, self.indent, self.outdent])
        bar.addSeparator()
        bar.addAction(self.export)
        self.toolbar = bar
