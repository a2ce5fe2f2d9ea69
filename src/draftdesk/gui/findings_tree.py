"""The findings list: findings grouped under their paragraph in document order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from draftdesk.gui.i18n import _
from draftdesk.model.document import Part
from draftdesk.numbering import ParagraphNumbers
from draftdesk.proofing.findings import Finding, Severity

FINDING_ROLE = int(Qt.ItemDataRole.UserRole)
"""Where each line keeps its Finding (a heading keeps its group's first)."""
_IGNORED_COLOUR = "#8a8a8a"


def fill_tree(
    tree: QTreeWidget,
    listed: list[Finding],
    ignored: list[Finding],
    order: list[str | None],
    title: Callable[[str | None], str],
) -> None:
    """List `listed` under one heading per paragraph in `order` (then the rest), keeping
    the selected finding selected; `ignored` ones are greyed and say so."""
    groups: dict[str | None, list[Finding]] = {}
    for finding in listed:
        groups.setdefault(finding.paragraph_id, []).append(finding)
    item = tree.currentItem()
    selected = item.data(0, FINDING_ROLE) if item is not None and item.parent() else None
    current = None
    tree.clear()
    style = tree.style()
    icons = {
        Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        Severity.INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
    }
    for paragraph_id in [*order, None]:
        group = groups.get(paragraph_id)
        if not group:
            continue
        top = QTreeWidgetItem([f"{title(paragraph_id)} ({len(group)})"])
        top.setData(0, FINDING_ROLE, group[0])
        for finding in sorted(group, key=lambda f: (f.lang, f.severity.rank, f.start)):
            child = QTreeWidgetItem([f"{finding.lang.upper()} · {finding.message}"])
            child.setIcon(0, icons[finding.severity])
            child.setData(0, FINDING_ROLE, finding)
            child.setToolTip(0, finding.rule)
            if finding in ignored:
                child.setText(0, _("{finding} (ignored)").format(finding=child.text(0)))
                child.setForeground(0, QBrush(QColor(_IGNORED_COLOUR)))
            top.addChild(child)
            current = child if finding == selected else current
        tree.addTopLevelItem(top)
        top.setExpanded(True)
    if current is not None:
        tree.setCurrentItem(current)  # the list was rebuilt under the selection


def summary(findings: list[Finding], ignored: list[Finding]) -> str:
    """The counts line under the list, e.g. 2 errors, 1 warnings, 0 notes (3 ignored)."""
    text = (
        _("{errors} errors, {warnings} warnings, {notes} notes").format(
            errors=sum(f.severity is Severity.ERROR for f in findings),
            warnings=sum(f.severity is Severity.WARNING for f in findings),
            notes=sum(f.severity is Severity.INFO for f in findings),
        )
        if findings
        else _("No findings.")
    )
    if ignored:
        text += " " + _("({count} ignored)").format(count=len(ignored))
    return text


def paragraph_title(numbers: ParagraphNumbers, paragraph_id: str | None) -> str:
    """The heading of a paragraph's findings: "Operative paragraph 5", "Sub-paragraph 2 (a)"."""
    position = numbers.positions.get(paragraph_id or "")
    if position is None:
        return _("Footnotes, title and document")
    if position.path:
        label = numbers.label(paragraph_id or "", "en")
        return _("Sub-paragraph {label}").format(label=f"{position.top_index} {label}")
    if position.part is Part.PREAMBLE:
        return _("Preambular paragraph {number}").format(number=position.top_index)
    return _("Operative paragraph {number}").format(number=position.top_index)
