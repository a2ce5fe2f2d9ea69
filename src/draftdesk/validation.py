"""Whole-document checks against its pack: everything renders, every reference resolves."""

from __future__ import annotations

from dataclasses import dataclass, field

from draftdesk.errors import RenderError
from draftdesk.model.document import Document, TranslationState
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry
from draftdesk.render.builder import Renderer
from draftdesk.render.layout import Layout


@dataclass(slots=True)
class ValidationReport:
    """What a valid document holds, and the warnings that do not stop an export."""

    preambular: int = 0
    operative: int = 0
    subparagraphs: int = 0
    footnotes: int = 0
    layouts: dict[str, Layout] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    translation: dict[str, dict[TranslationState, int]] = field(default_factory=dict)

    def summary(self) -> str:
        """One line: counts and the translation state of each language."""
        parts = [
            f"{self.preambular} preambular and {self.operative} operative paragraphs",
            f"{self.subparagraphs} sub-paragraphs",
            f"{self.footnotes} footnotes",
        ]
        for lang, states in self.translation.items():
            missing = states.get(TranslationState.MISSING, 0)
            stale = states.get(TranslationState.STALE, 0)
            if missing or stale:
                parts.append(f"{lang.upper()}: {missing} missing, {stale} stale")
        return ", ".join(parts)


def pack_for(document: Document, registry: PackRegistry) -> Pack:
    """The pack a document was written with, checking the body exists in it.

    A document that records `pack_version` gets exactly that version; when it is not
    installed, MissingPackVersionError (a PackError) names the closest installed version,
    which the GUI can offer. Documents without a version get the newest.
    """
    meta = document.metadata
    pack = registry.get(meta.pack, meta.pack_version or None)
    if document.metadata.body not in pack.bodies:
        raise RenderError(
            f"metadata.body: {document.metadata.body!r} is not a body of pack "
            f"{pack.id!r} (bodies: {', '.join(pack.bodies)})"
        )
    return pack


def validate_document(document: Document, pack: Pack) -> ValidationReport:
    """Render every language of `document`; RenderError on the first fault found."""
    meta = document.metadata
    report = ValidationReport(
        preambular=len(document.preamble),
        operative=len(document.operative),
        subparagraphs=sum(len(list(p.walk())) - 1 for _, p in document.top_level()),
        footnotes=len(document.footnotes),
    )
    renderer = Renderer(pack)
    for lang in meta.languages:
        layout = renderer.layout(document, lang)
        report.layouts[lang] = layout
        printed = {note.footnote_id for note in layout.notes}
        for footnote in document.footnotes:
            if footnote.id not in printed:
                report.warnings.append(
                    f"footnote {footnote.id!r} is never referenced in {lang.upper()}"
                )
        if lang != meta.source_language:
            states: dict[TranslationState, int] = {}
            for paragraph in document.all_paragraphs():
                state = paragraph.translation_state(lang, meta.source_language)
                states[state] = states.get(state, 0) + 1
            report.translation[lang] = states
    return report
