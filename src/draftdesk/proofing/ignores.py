"""Ignored findings: which findings a document's ignores hide, and undoable commands to edit them.

Ignores live in the document (`Document.ignores`, the optional `ignores` field of the file)
so that they travel with it: a colleague opening the file does not see them again. The GUI
("Ignore", "Ignore All", "Stop Ignoring") and tests use the same commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from draftdesk.errors import CommandError
from draftdesk.model.document import Document, Ignore
from draftdesk.proofing.findings import Finding, Report

IGNORE = "Ignore"
IGNORE_ALL = "Ignore all"
STOP_IGNORING = "Stop ignoring"
"""Names of the undo steps (the GUI translates them where the Edit menu shows them)."""


def ignore_for(finding: Finding, *, everywhere: bool = False) -> Ignore:
    """The ignore hiding `finding`: in its paragraph or footnote, or in the whole document.

    "Everywhere" keeps the rule, the language and the flagged text: "Ignore All" on a
    spelling finding accepts that word in every paragraph of this document only.
    """
    if everywhere:
        return Ignore(finding.rule, finding.lang, finding.excerpt)
    return Ignore(
        finding.rule, finding.lang, finding.excerpt, finding.paragraph_id, finding.footnote_id
    )


def hides(ignore: Ignore, finding: Finding) -> bool:
    """True when `ignore` applies to `finding` (same rule, language and flagged text, and
    the same paragraph or footnote unless the ignore holds for the whole document)."""
    if (ignore.rule, ignore.lang, ignore.text) != (finding.rule, finding.lang, finding.excerpt):
        return False
    if ignore.paragraph_id is not None and ignore.paragraph_id != finding.paragraph_id:
        return False
    return ignore.footnote_id is None or ignore.footnote_id == finding.footnote_id


def is_ignored(finding: Finding, ignores: Iterable[Ignore]) -> bool:
    """True when any of `ignores` hides `finding`."""
    return any(hides(ignore, finding) for ignore in ignores)


def split_ignored(
    findings: Iterable[Finding], ignores: Iterable[Ignore]
) -> tuple[list[Finding], list[Finding]]:
    """(findings to show, findings ignored), each in the order given."""
    rules = list(ignores)
    shown: list[Finding] = []
    hidden: list[Finding] = []
    for finding in findings:
        (hidden if rules and is_ignored(finding, rules) else shown).append(finding)
    return shown, hidden


def without_ignored(report: Report, ignores: Iterable[Ignore]) -> tuple[Report, int]:
    """The report without ignored findings, and how many were left out."""
    shown, hidden = split_ignored(report.findings, ignores)
    return Report(shown, list(report.notices)), len(hidden)


@dataclass(slots=True)
class AddIgnores:
    """Ignore findings from now on (one undo step); entries already present are skipped."""

    ignores: list[Ignore]
    name: str = IGNORE
    _added: list[Ignore] = field(default_factory=list)

    def apply(self, document: Document) -> None:
        """Append the new entries; CommandError when every one is already there."""
        self._added = []
        for ignore in self.ignores:
            if ignore not in document.ignores and ignore not in self._added:
                self._added.append(ignore)
        if not self._added:
            raise CommandError("these findings are already ignored")
        document.ignores.extend(self._added)

    def revert(self, document: Document) -> None:
        """Remove exactly the entries the last apply added."""
        for ignore in self._added:
            if ignore in document.ignores:
                document.ignores.remove(ignore)


@dataclass(slots=True)
class RemoveIgnores:
    """Stop ignoring: drop every entry that hides one of `findings` (one undo step)."""

    findings: list[Finding]
    name: str = STOP_IGNORING
    _removed: list[tuple[int, Ignore]] = field(default_factory=list)

    def apply(self, document: Document) -> None:
        """Remove the hiding entries; CommandError when none of the findings is ignored."""
        self._removed = [
            (index, ignore)
            for index, ignore in enumerate(document.ignores)
            if any(hides(ignore, finding) for finding in self.findings)
        ]
        if not self._removed:
            raise CommandError("none of these findings is ignored")
        for index, _ignore in reversed(self._removed):
            del document.ignores[index]

    def revert(self, document: Document) -> None:
        """Put the entries back where they were."""
        for index, ignore in self._removed:
            document.ignores.insert(index, ignore)


def ignore_command(findings: Iterable[Finding], *, everywhere: bool = False) -> AddIgnores:
    """The command ignoring these findings ("Ignore", or "Ignore all" with `everywhere`)."""
    return AddIgnores(
        [ignore_for(finding, everywhere=everywhere) for finding in findings],
        IGNORE_ALL if everywhere else IGNORE,
    )
