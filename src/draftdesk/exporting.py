"""Exporting an open document to files (DOCX, text) in one or both languages, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from draftdesk.atomic import atomic_write
from draftdesk.errors import DraftDeskError
from draftdesk.export.registry import EXPORTERS, Exporter
from draftdesk.model.document import Document
from draftdesk.packs.model import Pack
from draftdesk.render.builder import Renderer
from draftdesk.render.layout import Layout

Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all) while an export runs."""


class ExportError(DraftDeskError):
    """An export could not be written; nothing was left half written."""


@dataclass(slots=True, frozen=True)
class ExportRequest:
    """What to export: a format name from EXPORTERS, languages and the chosen file name."""

    fmt: str
    languages: tuple[str, ...]
    target: Path

    @property
    def exporter(self) -> Exporter:
        """The exporter of `fmt` (ExportError when this DraftDesk lacks it)."""
        exporter = EXPORTERS.get(self.fmt)
        if exporter is None:
            raise ExportError(f"no {self.fmt!r} exporter (available: {', '.join(EXPORTERS)})")
        return exporter

    def targets(self) -> dict[str, Path]:
        """One file per language: the chosen name, with ".en"/".fr" added for several."""
        suffix = self.exporter.suffix
        base = self.target if self.target.suffix == suffix else self.target.with_suffix(suffix)
        if len(self.languages) == 1:
            return {self.languages[0]: base}
        return {lang: base.with_name(f"{base.stem}.{lang}{suffix}") for lang in self.languages}


def default_languages(document: Document) -> tuple[str, ...]:
    """Every language of the document, source language first."""
    meta = document.metadata
    rest = [lang for lang in meta.languages if lang != meta.source_language]
    return (meta.source_language, *rest) if meta.source_language in meta.languages else tuple(rest)


def render_layouts(
    document: Document, pack: Pack, languages: tuple[str, ...]
) -> dict[str, Layout]:
    """Layouts of the languages to export, rendered before anything is written.

    Rendering is done on the caller's thread (it reads the live document); drawing and
    writing files can then run elsewhere on these independent Layouts.
    """
    renderer = Renderer(pack)
    return {lang: renderer.layout(document, lang) for lang in languages}


def write_exports(
    request: ExportRequest,
    layouts: dict[str, Layout],
    pack: Pack,
    progress: Progress | None = None,
) -> list[Path]:
    """Draw each layout and write every file atomically; ExportError names the file.

    All payloads are produced before the first file is written, so a failing exporter
    never leaves one language written and the other not.
    """
    exporter = request.exporter
    targets = request.targets()
    total = 2 * len(targets)
    done = 0
    payloads: dict[Path, bytes] = {}
    for lang, target in targets.items():
        try:
            payloads[target] = exporter.export(layouts[lang], pack)
        except DraftDeskError as exc:
            raise ExportError(f"{target}: {exc}") from None
        done += 1
        if progress:
            progress(done, total)
    for target, payload in payloads.items():
        try:
            atomic_write(target, payload)
        except OSError as exc:
            raise ExportError(f"{target}: cannot be written ({exc.strerror or exc})") from None
        done += 1
        if progress:
            progress(done, total)
    return list(payloads)
