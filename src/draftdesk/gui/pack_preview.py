"""The preview shown before a .ddpack is installed: what it adds and who signed it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from draftdesk.gui.i18n import _, current_language
from draftdesk.model.document import Part
from draftdesk.packs.install import ClauseSummary, PackPreview
from draftdesk.packs.model import Pack
from draftdesk.packs.signing import SignatureState, SignatureStatus


def signature_text(status: SignatureStatus) -> str:
    """The signature status in the interface language (the core's describe() is English)."""
    state = status.state
    if state is SignatureState.TRUSTED:
        return _("Signed by {signer} (trusted key {key})").format(
            signer=status.signer, key=status.fingerprint
        )
    if state is SignatureState.UNTRUSTED:
        return _("Signed by {signer}, key {key} not trusted").format(
            signer=status.signer, key=status.fingerprint
        )
    if state is SignatureState.INVALID:
        return _("Signature invalid: the pack was changed after signing")
    if state is SignatureState.BUILTIN:
        return _("Built into DraftDesk")
    return _("Unsigned")


def needs_confirmation(status: SignatureStatus) -> bool:
    """Whether installing needs the user's explicit consent (unsigned or untrusted key)."""
    return status.state in (SignatureState.UNSIGNED, SignatureState.UNTRUSTED)


def clause_origin(summary: ClauseSummary) -> str:
    """ "New", "Replaces the base pack's" or "Inherited from BASE" for one clause."""
    if summary.origin == "new":
        return _("New")
    if summary.origin == "replaces":
        return _("Replaces the base pack’s clause")
    return _("Inherited from {base}").format(base=summary.origin)


def own_phrases(pack: Pack) -> list[tuple[Part, str]]:
    """Phrases the pack itself brings (an extension's inherited ones left out)."""
    found = []
    for part, phrases in pack.phrases.items():
        inherited = pack.base.phrases.get(part, {}) if pack.base else {}
        found += [(part, key) for key, p in phrases.items() if inherited.get(key) is not p]
    return found


def own_bodies(pack: Pack) -> list[str]:
    """Bodies the pack itself defines (an extension's inherited ones left out)."""
    inherited = pack.base.bodies if pack.base else {}
    return [key for key, body in pack.bodies.items() if inherited.get(key) is not body]


class PackPreviewDialog(QDialog):
    """What installing an archive would add; Install is offered only when it can proceed."""

    def __init__(self, preview: PackPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pack-preview-dialog")
        self.setWindowTitle(_("Install Template Pack"))
        self.resize(640, 520)
        self.preview = preview
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(), self)
        self.summary.setObjectName("pack-preview-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # fields inside are escaped
        layout.addWidget(self.summary)
        self.contents = QTreeWidget(self)
        self.contents.setObjectName("pack-preview-contents")
        self.contents.setAccessibleName(_("What the pack adds"))
        self.contents.setHeaderLabels([_("Item"), _("Kind"), _("Status")])
        self.contents.setColumnWidth(0, 300)
        self._fill_contents()
        layout.addWidget(self.contents, 1)
        self.refusal = preview.refusal(allow_unsigned=True)
        self.problems = QLabel(self._problems(), self)
        self.problems.setObjectName("pack-preview-problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(self.problems.text()))
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.install_button = buttons.addButton(
            _("&Install"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.install_button.setEnabled(self.refusal is None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _summary(self) -> str:
        shown = self.preview
        lines = []
        pack = shown.pack
        if pack is not None:
            lines.append(f"<b>{_escape(pack.name)}</b> — {pack.id} {pack.version}")
            lines.append(_("Author: {author}").format(author=_escape(pack.author)))
            if pack.description:
                lines.append(_escape(pack.description))
            if pack.base is not None:
                lines.append(
                    _("Adds to: {base} {version}").format(
                        base=pack.base.id, version=pack.base.version
                    )
                )
        lines.append(_("File: {path}").format(path=_escape(shown.archive.name)))
        status = _escape(signature_text(shown.signature))
        lines.append(_("Signature: {status}").format(status=status))
        if shown.installed_versions:
            lines.append(
                _("Versions already installed: {versions}").format(
                    versions=", ".join(shown.installed_versions)
                )
            )
        return "<br>".join(lines)

    def _fill_contents(self) -> None:
        pack = self.preview.pack
        if pack is None:
            return
        lang = current_language()
        clauses = QTreeWidgetItem(self.contents, [_("Clauses"), "", ""])
        for item in self.preview.clauses:
            label = item.label.get(lang) or item.label.get("en") or item.key
            kind = _("Operative") if item.part is Part.OPERATIVE else _("Preambular")
            QTreeWidgetItem(clauses, [label, kind, clause_origin(item)])
        phrases = own_phrases(pack)
        phrase_root = QTreeWidgetItem(self.contents, [_("Phrases"), "", ""])
        for part, key in phrases:
            phrase = pack.phrases[part][key]
            text = phrase.fr.m if lang == "fr" else phrase.en
            kind = _("Operative") if part is Part.OPERATIVE else _("Preambular")
            QTreeWidgetItem(phrase_root, [text, kind, _("New")])
        body_root = QTreeWidgetItem(self.contents, [_("Bodies"), "", ""])
        for key in own_bodies(pack):
            name = pack.bodies[key].name
            QTreeWidgetItem(body_root, [name.get(lang) or name.get("en") or key, "", _("New")])
        for root in (clauses, phrase_root, body_root):
            root.setText(1, _("{count} item(s)").format(count=root.childCount()))
            root.setExpanded(root.childCount() <= 40)

    def _problems(self) -> str:
        report = self.preview.report
        lines = list(report.lines())[:20]
        if self.refusal is not None and self.refusal not in lines:
            lines.insert(0, self.refusal)
        return "\n".join(lines)


def _escape(text: str) -> str:
    """Pack fields are someone else's text: shown as text, never as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
