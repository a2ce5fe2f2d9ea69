"""Document + pack + language → Layout: the one pipeline behind every export and the preview."""

from __future__ import annotations

import re
from typing import Any

from babel import Locale

from draftdesk.errors import RenderError
from draftdesk.language import LanguageError, format_hijri_range, session_ordinal
from draftdesk.model.document import Document, Footnote, Paragraph, Part
from draftdesk.model.inline import FootnoteRef, Text, parse_inline
from draftdesk.numbering import ParagraphNumbers, number_footnotes, number_paragraphs
from draftdesk.packs.model import Pack
from draftdesk.render.layout import Block, BlockRole, Layout, Note, Run
from draftdesk.render.paragraphs import ParagraphRenderer
from draftdesk.render.runs import RunCache
from draftdesk.render.sandbox import TemplateRenderer

_LINE_KEY = re.compile(r"^\[([a-z][a-z0-9-]*)\]\s?(.*)$")
_KEY_ROLES = {"sponsors": BlockRole.SPONSORS, "title": BlockRole.TITLE}
_BABEL_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


class Renderer:
    """Renders documents of one pack, keeping compiled templates between renders.

    The GUI preview re-renders on every edit; compiling the pack's templates once per
    language instead of once per render halves the time of a render.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._templates: dict[str, TemplateRenderer] = {}
        self._runs: dict[str, RunCache] = {}

    def layout(
        self, document: Document, lang: str, numbers: ParagraphNumbers | None = None
    ) -> Layout:
        """Render `document` in `lang` into a Layout; RenderError on any fault.

        `numbers` may be given when the caller already numbered the document as it is now.
        """
        templates = self._templates.get(lang)
        if templates is None:
            templates = self._templates[lang] = TemplateRenderer(lang, self.pack.entities)
        runs = self._runs.get(lang)
        if runs is None:
            runs = self._runs[lang] = RunCache(lang)
        runs.start()
        return _build(document, self.pack, lang, templates, runs, numbers)


def build_layout(document: Document, pack: Pack, lang: str) -> Layout:
    """Render `document` in `lang` with `pack` into a Layout; RenderError on any fault."""
    return Renderer(pack).layout(document, lang)


def _build(
    document: Document,
    pack: Pack,
    lang: str,
    templates: TemplateRenderer,
    runs: RunCache,
    numbers: ParagraphNumbers | None = None,
) -> Layout:
    meta = document.metadata
    if lang not in meta.languages:
        raise RenderError(
            f"the document has no {lang.upper()} version (languages: {', '.join(meta.languages)})"
        )
    if meta.pack != pack.id:
        raise RenderError(f"the document uses pack {meta.pack!r}, not {pack.id!r}")
    body = pack.body(meta.body)
    if body is None:
        raise RenderError(
            f"body {meta.body!r} is not defined in pack {pack.id!r} "
            f"(bodies: {', '.join(pack.bodies)})"
        )
    if numbers is None:
        numbers = number_paragraphs(document)
    renderer = ParagraphRenderer(document, pack, body, lang, numbers, templates)
    context = template_context(document, pack, lang)
    layout = Layout(
        lang,
        title=meta.title.get(lang, ""),
        subject=meta.symbol,
        font=pack.style.font,
        font_size=pack.style.font_size,
        paper=pack.style.paper,
    )

    layout.blocks += _template_blocks(
        pack, "masthead", lang, context, templates, runs, BlockRole.MASTHEAD
    )
    layout.blocks += _template_blocks(
        pack, "opening", lang, context, templates, runs, BlockRole.OPENING
    )
    style = pack.style
    parts = (
        (document.preamble, Part.PREAMBLE, BlockRole.PREAMBULAR,
         style.preamble_terminator, style.preamble_last_terminator),
        (document.operative, Part.OPERATIVE, BlockRole.OPERATIVE,
         style.operative_terminator, style.operative_last_terminator),
    )  # fmt: skip
    for paragraphs, part, role, terminator, last_terminator in parts:
        for index, paragraph in enumerate(paragraphs):
            end = last_terminator if index == len(paragraphs) - 1 else terminator
            layout.blocks += _paragraph_blocks(
                renderer, runs, paragraph, part, role, end, style.subparagraph_intro
            )
    layout.blocks += _template_blocks(
        pack, "closing", lang, context, templates, runs, BlockRole.CLOSING
    )
    for annex in document.annexes:
        title = annex.title.get(lang, "")
        layout.blocks.append(
            Block(
                BlockRole.ANNEX_TITLE,
                runs.finish(_text_items(title, "annex title"), lang),
                paragraph_id=annex.id,
            )
        )
        for paragraph in annex.paragraphs:
            layout.blocks += _paragraph_blocks(
                renderer,
                runs,
                paragraph,
                Part.ANNEX,
                BlockRole.ANNEX,
                "",
                style.subparagraph_intro,
            )
    _number_notes(document, layout, runs)
    return layout


def template_context(document: Document, pack: Pack, lang: str) -> dict[str, Any]:
    """What masthead, opening and closing templates may use (plain data, no objects)."""
    meta = document.metadata
    body = pack.bodies[meta.body]
    meeting = meta.meeting
    hijri = ""
    if meeting is not None:
        if meeting.hijri and meeting.hijri.get(lang):
            hijri = meeting.hijri[lang]
        elif meeting.start is not None:
            try:
                hijri = format_hijri_range(meeting.start, meeting.end or meeting.start, lang)
            except LanguageError as exc:
                if any("hijri" in source for source in pack.layout.values()):
                    raise RenderError(f"metadata.meeting: {exc}") from None
    locale = Locale.parse(_BABEL_LOCALES[lang])
    original = locale.languages.get(meta.original_language, meta.original_language)
    return {
        "lang": lang,
        "symbol": meta.symbol,
        "distribution": meta.distribution,
        "date": meta.date.isoformat() if meta.date else "",
        "original_language": original,
        "session": meta.session or 0,
        "session_ordinal": session_ordinal(meta.session, lang) if meta.session else "",
        "agenda_item": meta.agenda_item,
        "agenda_title": meta.agenda_title.get(lang, ""),
        "sponsors": list(meta.sponsors.get(lang, [])),
        "sponsors_note": meta.sponsors_note or "",
        "title": meta.title.get(lang, ""),
        "body": body.name.get(lang, ""),
        "body_definite": body.definite.get(lang, ""),
        "meeting_place": meeting.place.get(lang, "") if meeting else "",
        "meeting_start": meeting.start.isoformat() if meeting and meeting.start else "",
        "meeting_end": meeting.end.isoformat() if meeting and meeting.end else "",
        "hijri": hijri,
        "fields": {
            key: _field_value(value, lang) for key, value in pack.field_values(meta.fields).items()
        },
    }


def _field_value(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and set(value) <= {"en", "fr"}:
        return value.get(lang, "")
    return value


def _template_blocks(
    pack: Pack,
    name: str,
    lang: str,
    context: dict[str, Any],
    templates: TemplateRenderer,
    cache: RunCache,
    role: BlockRole,
) -> list[Block]:
    source = pack.layout_template(name, lang)
    if not source.strip():
        return []
    output = templates.render(source, context, where=f"pack {pack.id!r}: layout/{name}.{lang}.j2")
    blocks: list[Block] = []
    for line in output.splitlines():
        if not line.strip():
            continue
        key = ""
        match = _LINE_KEY.match(line.strip())
        text = line.strip()
        if match:
            key, text = match.group(1), match.group(2)
        block_role = _KEY_ROLES.get(key, role)
        items = _text_items(text, f"layout/{name}.{lang}.j2")
        runs = cache.finish(items, lang, bold=block_role is BlockRole.SPONSORS, place_marks=False)
        blocks.append(Block(block_role, runs, key=key or name))
    return blocks


def _text_items(text: str, where: str) -> list[Text | FootnoteRef]:
    items = parse_inline(text, where=where)
    return [item for item in items if isinstance(item, (Text, FootnoteRef))]


def _paragraph_blocks(
    renderer: ParagraphRenderer,
    runs: RunCache,
    paragraph: Paragraph,
    part: Part,
    role: BlockRole,
    terminator: str,
    intro: str,
    level: int = 0,
) -> list[Block]:
    """Blocks of a paragraph and its sub-paragraphs; the last leaf carries `terminator`."""
    own_terminator = intro if paragraph.children else terminator
    lang = renderer.lang
    key = renderer.cache_key(paragraph, part)
    if key is None:
        finished = runs.finish(renderer.items(paragraph, part), lang, own_terminator)
    else:
        finished = runs.paragraph(
            paragraph.id,
            (*key, own_terminator),
            paragraph.text.get(lang, []),
            lambda: renderer.items(paragraph, part),
            own_terminator,
        )
    label = renderer.numbers.label(paragraph.id, lang)
    block_role = BlockRole.SUBPARAGRAPH if level else role
    blocks = [
        Block(
            block_role,
            finished,
            label=label,
            level=level,
            paragraph_id=paragraph.id,
        )
    ]
    for index, child in enumerate(paragraph.children):
        last = index == len(paragraph.children) - 1
        child_terminator = terminator if last else ";"
        blocks += _paragraph_blocks(
            renderer, runs, child, part, role, child_terminator, intro, level + 1
        )
    return blocks


def _number_notes(document: Document, layout: Layout, runs: RunCache) -> None:
    """Give every mark its number and collect the notes in order of first reference."""
    references = [run.note for block in layout.blocks for run in block.runs if run.note]
    marks = number_footnotes(references, document.footnotes)
    seen: set[str] = set()
    for block in layout.blocks:
        for index, run in enumerate(block.runs):
            if run.note is None:
                continue
            block.runs[index] = Run(
                marks[run.note], superscript=True, note=run.note, repeat=run.note in seen
            )
            seen.add(run.note)
    footnotes: dict[str, Footnote] = {}
    for note in document.footnotes:
        footnotes.setdefault(note.id, note)  # the first of a duplicated id, as footnote()
    for ident in marks:
        footnote = footnotes.get(ident)
        assert footnote is not None  # marks only hold existing footnotes
        items = [
            item
            for item in footnote.text.get(layout.lang, [])
            if isinstance(item, (Text, FootnoteRef))
        ]
        layout.notes.append(Note(ident, marks[ident], runs.finish(items, layout.lang)))
