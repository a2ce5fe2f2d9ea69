"""The main window: outline and palette, the bilingual editor, and the live preview."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QWidget

from draftdesk.gui.actions import WindowActions
from draftdesk.gui.context import AppContext
from draftdesk.gui.controller import Change, ChangeKind, DocumentController
from draftdesk.gui.files import DocumentFiles
from draftdesk.gui.first_paint import FirstPaint
from draftdesk.gui.i18n import _
from draftdesk.gui.messages import show_error
from draftdesk.gui.metadata_form import MetadataForm
from draftdesk.gui.outline import OutlineView, Selection
from draftdesk.gui.palette import PalettePane
from draftdesk.gui.paragraph_ops import ParagraphOps
from draftdesk.gui.preview import PreviewPane
from draftdesk.gui.splitter_state import restore_splitters, save_splitters
from draftdesk.gui.status_line import StatusLine
from draftdesk.gui.welcome import WelcomePage
from draftdesk.gui.window_tools import WindowTools
from draftdesk.model.document import Paragraph, Part
from draftdesk.paths import resources_dir
from draftdesk.session import Session

if TYPE_CHECKING:
    from draftdesk.gui.footnote_editor import FootnoteEditor
    from draftdesk.gui.paragraph_editor import ParagraphEditor
    from draftdesk.gui.proofing_panel import ProofingPanel

WELCOME, PARAGRAPH, DETAILS, FOOTNOTE = range(4)


class MainWindow(QMainWindow):
    """One resolution: outline + palette on the left, editor in the middle, preview right."""

    language_switch_requested = Signal()
    proofing_built = Signal(object)
    """The findings panel exists (built after the first paint, or when first asked for)."""
    settled = Signal()
    """The window has painted and built what it deferred: start-up is over."""

    def __init__(self, context: AppContext, session: Session) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("main-window")
        self.setWindowIcon(QIcon(str(resources_dir() / "icons" / "draftdesk.svg")))
        self.controller = DocumentController(session, self)
        self.files = DocumentFiles(self)
        self.outline = OutlineView(self)
        self.palette_pane = PalettePane(self)
        self.details = MetadataForm(self.controller, self)
        self.welcome = WelcomePage(self, autosave_seconds=context.settings.autosave_seconds)
        self.preview = PreviewPane(self)
        self._editor: ParagraphEditor | None = None
        self._footnote_editor: FootnoteEditor | None = None
        self.center = QStackedWidget(self)
        # The two editors take their places when first needed (see editor): a window
        # opens on the how-to page, and they and their modules would delay its first paint.
        for page in (self.welcome, QWidget(self), self.details, QWidget(self)):
            self.center.addWidget(page)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.outline)
        left.addWidget(self.palette_pane)
        left.setSizes([520, 380])
        self.left_splitter = left
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.preview)
        # Outline lines read as printed: give them room; a wider window widens the text.
        self.splitter.setSizes([530, 470, 400])
        for pane, stretch in enumerate((1, 2, 2)):
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status_line = StatusLine(self.statusBar(), lambda: self.controller.document)
        self.ops = ParagraphOps(self)
        self.tools = WindowTools(self)
        self.menu = WindowActions(self)
        self._proofing: ProofingPanel | None = None
        self._first_paint = FirstPaint(self, self._after_first_paint)
        self._connect()
        self.preview_lang = (
            context.settings.preview_language or session.document.metadata.source_language
        )
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)
        self._preview_timer.timeout.connect(self.update_preview)
        self.last_preview_update = 0.0
        self.files.fill_recent_menu()
        self.set_session(session)
        self._restore_geometry()

    @property
    def editor(self) -> ParagraphEditor:
        """The bilingual paragraph editor, built when first needed."""
        if self._editor is None:
            from draftdesk.gui.paragraph_editor import ParagraphEditor

            self._editor = ParagraphEditor(self.controller, self)
            self._editor.new_paragraph_requested.connect(self.ops.new_paragraph_after)
            self._place(PARAGRAPH, self._editor)
        return self._editor

    @property
    def footnote_editor(self) -> FootnoteEditor:
        """The footnote editor, built when first needed."""
        if self._footnote_editor is None:
            from draftdesk.gui.footnote_editor import FootnoteEditor

            self._footnote_editor = FootnoteEditor(self.controller, self)
            self._place(FOOTNOTE, self._footnote_editor)
        return self._footnote_editor

    def _place(self, number: int, page: QWidget) -> None:
        """Put `page` where its placeholder stands in the middle, keeping the page shown."""
        shown = self.center.currentIndex()
        placeholder = self.center.widget(number)
        assert placeholder is not None  # the four pages are placed in __init__
        self.center.removeWidget(placeholder)
        placeholder.deleteLater()
        self.center.insertWidget(number, page)
        self.center.setCurrentIndex(shown)

    @property
    def proofing(self) -> ProofingPanel:
        """The findings panel and the proofing behind it, built on first use."""
        return self._build_proofing() if self._proofing is None else self._proofing

    def _build_proofing(self) -> ProofingPanel:
        # Imported here: its modules and widgets are not needed for the first paint.
        from draftdesk.gui.proofing_panel import ProofingPanel

        self._proofing = ProofingPanel(self)
        self.proofing_built.emit(self._proofing)
        return self._proofing

    def proofing_if_built(self) -> ProofingPanel | None:
        """The findings panel if it exists yet, without building it."""
        return self._proofing

    def _after_first_paint(self) -> None:
        if self._proofing is None:  # built now, while the user looks at the window
            self._build_proofing()
        self.settled.emit()

    def _connect(self) -> None:
        c = self.controller
        c.changed.connect(self._on_change)
        c.modified_changed.connect(lambda _m: self.update_title())
        c.refused.connect(lambda message: show_error(self, _("Not possible"), message))
        c.structural_edit.connect(self.files.soon.start)
        c.layout_ready.connect(self._layout_ready)
        self.outline.selected.connect(self._selected)
        self.outline.move_requested.connect(self.ops.drop_move)
        self.palette_pane.insert_requested.connect(self.ops.insert_entry)
        self.preview.language_chosen.connect(self.set_preview)
        self.preview.paragraph_clicked.connect(
            lambda ident: self.outline.select(Selection("paragraph", ident))
        )
        self.welcome.details_requested.connect(self.show_details)
        self.welcome.palette_requested.connect(self.find_clause)

    # Session ---------------------------------------------------------------------------------

    def set_session(self, session: Session) -> None:
        """Show another document (new, opened, recovered)."""
        self.outline.forget_rendered()
        self.outline.clear_selection()
        if self._editor is not None:
            self._editor.paragraph_id = None
        self.center.setCurrentIndex(WELCOME)
        self.controller.replace_session(session)
        pack = session.pack
        metadata = session.document.metadata
        self.palette_pane.set_pack(pack, pack.bodies[metadata.body], metadata.languages)
        self.details.invalidate()
        self.preview_lang = (
            self.context.settings.preview_language or session.document.metadata.source_language
        )
        self.update_title()
        self.status_line.update_counts()
        self._update_actions()
        # Focus in the palette's search box: typing finds an opener at once, and the
        # outline does not select its first line (the how-to page stays in view).
        self.palette_pane.query.setFocus()

    def update_title(self) -> None:
        """File name, the unsaved mark and the application name."""
        session = self.controller.session
        untitled = _("Untitled")
        self.setWindowTitle(f"{session.display_name(untitled)}[*] — DraftDesk")
        self.setWindowModified(session.modified)
        undo, redo = self.controller.undo_name(), self.controller.redo_name()
        self.menu.undo.setText(_("&Undo {action}").format(action=_(undo)) if undo else _("&Undo"))
        self.menu.redo.setText(_("&Redo {action}").format(action=_(redo)) if redo else _("&Redo"))
        for action in (self.menu.undo, self.menu.redo):
            # The toolbar shows a short label; its tooltip names the step, as the menu does.
            action.setToolTip(action.text().replace("&", ""))
        self.menu.undo.setEnabled(undo is not None)
        self.menu.redo.setEnabled(redo is not None)
        self.menu.reload.setEnabled(session.path is not None)

    # Changes -------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        document = self.controller.document
        if change.kind is ChangeKind.TEXT and change.target:
            self.outline.update_paragraph(change.target)
        elif change.kind is ChangeKind.FOOTNOTE and change.target:
            self.outline.outline.refresh(change.target)
        else:
            self._rebuild_outline()
            if change.kind is ChangeKind.METADATA and change.target == "body":
                pack = self.controller.session.pack
                metadata = document.metadata
                self.palette_pane.set_pack(pack, pack.bodies[metadata.body], metadata.languages)
        page = self.center.currentIndex()
        if page == PARAGRAPH:
            if self.editor.paragraph() is None:
                self.center.setCurrentIndex(WELCOME)
            else:
                self.editor.on_change(change)
        elif page == DETAILS:
            self.details.on_change(change)
        elif page == FOOTNOTE:
            self.footnote_editor.on_change(change)
            if self.footnote_editor.footnote_id is None:
                self.center.setCurrentIndex(WELCOME)
        if change.kind is ChangeKind.STRUCTURE:
            self._preview_timer.stop()
            self.update_preview()
        else:
            self._preview_timer.start()
        self.status_line.changed()
        self._update_actions()

    def _rebuild_outline(self, keep: Selection | None = None) -> None:
        c = self.controller
        source = c.document.metadata.source_language
        self.outline.rebuild(
            c.document, c.session.pack, c.numbers(), c.footnote_marks(source), keep
        )

    def _layout_ready(self, lang: str) -> None:
        """The source language was rendered: outline lines read as printed, live marks."""
        if lang != self.controller.document.metadata.source_language:
            return
        layout = self.controller.last_layout(lang)
        if layout is not None:
            self.outline.show_printed(layout, self.controller.footnote_marks(lang))

    def update_preview(self) -> None:
        """Redraw the preview from the current Layout of the preview language."""
        lang = self.preview_lang
        self.preview.set_language(lang)
        layout = self.controller.layout(lang)
        if layout is None:
            self.preview.show_problem(self.controller.render_error(lang) or "")
        else:
            self.preview.show_layout(layout)
            self.preview.highlight(
                self.editor.paragraph_id if self.center.currentIndex() == PARAGRAPH else None
            )
        self.last_preview_update = time.perf_counter()

    # Selection -------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        """Paragraph commands are available only while a paragraph is being edited."""
        editing = self.editing_paragraph() and self.selected_paragraph() is not None
        for action in (
            self.menu.footnote, self.menu.crossref, self.menu.italic, self.menu.move_up,
            self.menu.move_down, self.menu.indent, self.menu.outdent, self.menu.delete,
            self.menu.add_sub, self.menu.confirm,
        ):  # fmt: skip
            action.setEnabled(editing)

    def _selected(self, selection: Selection) -> None:
        self._select_page(selection)
        self._update_actions()

    def _select_page(self, selection: Selection) -> None:
        if selection.kind == "paragraph":
            self.editor.show_paragraph(selection.ident)
            self.center.setCurrentIndex(PARAGRAPH)
            self.palette_pane.set_part(self.editor.part)
            self.preview.highlight(selection.ident)
        elif selection.kind == "details":
            self.center.setCurrentIndex(DETAILS)
            self.details.refresh()
            self.preview.highlight(None)
        elif selection.kind == "footnote":
            self.footnote_editor.show_footnote(selection.ident)
            self.center.setCurrentIndex(FOOTNOTE)
        else:
            part = selection.ident
            self.center.setCurrentIndex(WELCOME)
            if part in (Part.PREAMBLE.value, Part.OPERATIVE.value):
                self.palette_pane.set_part(Part(part))

    def selected_paragraph(self) -> Paragraph | None:
        """The paragraph selected in the outline, if any."""
        selection = self.outline.selection()
        if selection is None or selection.kind != "paragraph":
            return None
        return self.controller.document.find_paragraph(selection.ident)

    def editing_paragraph(self) -> bool:
        """True when the paragraph editor is the page shown in the middle."""
        return self.center.currentIndex() == PARAGRAPH

    def show_welcome(self) -> None:
        """Show the how-to page in the middle (nothing selected)."""
        self.center.setCurrentIndex(WELCOME)

    def select_paragraph(self, paragraph_id: str, *, focus_text: bool = False) -> None:
        """Select a paragraph in the outline and edit it."""
        self.outline.select(Selection("paragraph", paragraph_id))
        if focus_text:
            self.editor.focus_text()

    def toggle_filter(self) -> None:
        """Show only the paragraphs that need translating (or everything again)."""
        self.outline.apply_filter(self.menu.filter.isChecked(), self.controller.document)

    # View ------------------------------------------------------------------------------------

    def set_preview(self, lang: str) -> None:
        """Show the preview in `lang` (remembered for the next start)."""
        self.preview_lang = lang
        self.context.settings.preview_language = lang
        self.update_preview()

    def focus_language(self, lang: str) -> None:
        """Put the cursor in one language's text of the selected paragraph."""
        if self.center.currentIndex() == PARAGRAPH:
            self.editor.focus_text(lang)

    def focus_outline(self) -> None:
        """Move the keyboard focus to the outline."""
        self.outline.setFocus()

    def find_clause(self) -> None:
        """Move the keyboard focus to the palette's search box."""
        self.palette_pane.query.setFocus()
        self.palette_pane.query.selectAll()

    def show_details(self) -> None:
        """Edit the masthead, title and sponsors."""
        self.outline.select(Selection("details"))

    def undo(self) -> None:
        """Undo the last step (named in the Edit menu)."""
        name = self.controller.undo()
        if name:
            self.statusBar().showMessage(_("Undone: {action}").format(action=_(name)), 3000)

    def redo(self) -> None:
        """Redo the last undone step."""
        name = self.controller.redo()
        if name:
            self.statusBar().showMessage(_("Redone: {action}").format(action=_(name)), 3000)

    # Window ----------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode("ascii")))
        else:
            self.resize(1400, 900)
        restore_splitters((self.splitter, self.left_splitter), settings.window_state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes; remember the window; remove the autosave."""
        if not self.files.may_discard():
            event.ignore()
            return
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        settings.window_state = save_splitters((self.splitter, self.left_splitter))
        self.context.save_settings()
        self.files.close()
        event.accept()
