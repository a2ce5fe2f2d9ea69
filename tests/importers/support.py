"""Running an import end to end in tests: result, document, rendering check, text export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from draftdesk.export.text import layout_to_text
from draftdesk.importers.build import Built, build_document
from draftdesk.importers.compare import RenderCheck, check_rendering
from draftdesk.importers.importer import ImportOptions, import_file
from draftdesk.importers.lexicon import WordChecker
from draftdesk.importers.report import format_report
from draftdesk.importers.result import Change, ImportItem, ImportResult, ItemKind
from draftdesk.packs.registry import PackRegistry


@dataclass
class Imported:
    """Everything an import gives, for assertions."""

    result: ImportResult
    built: Built
    check: RenderCheck

    @property
    def text(self) -> str:
        """The text export of the imported document in its language."""
        return layout_to_text(self.check.layout)

    @property
    def report(self) -> str:
        """The report `draftdesk import` prints."""
        return format_report(self.result, self.built, self.check)

    def kinds(self) -> list[tuple[ItemKind, str]]:
        """(kind, label) of every item, in order."""
        return [(item.kind, item.label) for item in self.result.items]

    def of(self, kind: ItemKind) -> list[ImportItem]:
        """The items of one kind."""
        return [item for item in self.result.items if item.kind is kind]

    def changes(self) -> list[Change]:
        """Every change made to the text, global and per item."""
        return self.result.changes + [c for item in self.result.items for c in item.changes]


def run_import(
    path: Path,
    registry: PackRegistry,
    options: ImportOptions | None = None,
    checker: WordChecker | None = None,
) -> Imported:
    """Import `path`, build the document and check its rendering."""
    result = import_file(path, registry, options, checker)
    pack = registry.get(result.pack_id)
    built = build_document(result, pack)
    return Imported(result, built, check_rendering(result, built, pack))


def write_text(
    folder: Path, text: str, name: str = "resolution.txt", encoding: str = "utf-8"
) -> Path:
    """A text file holding `text` in `encoding`."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path
