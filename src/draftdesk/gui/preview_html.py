"""Layout blocks as rows of the rich-text HTML subset Qt lays out (no Qt needed here)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from draftdesk.render.layout import Block, BlockRole, Layout, Note, Run

# Qt's HTML reader turns U+202F (the French thin no-break space before ; : ! ?) into an
# ordinary, breakable space unless spaces are preserved; the renderer's runs never hold
# runs of spaces or line breaks, so preserving them changes nothing else.
_KEEP_SPACES = "white-space:pre-wrap; "

INDENT_PX = 48
"""First-line indent of resolution paragraphs, and the step of each sub-paragraph level."""
LABEL_PX = 40
"""Room for a paragraph number before the text starts (Word: the number, then a tab)."""

# Masthead lines by template key: how a UN or OIC masthead sets them.
_KEY_STYLES = {
    "org": "font-weight:bold; font-size:large;",
    "symbol": "text-align:right; font-weight:bold; font-size:large;",
    "organ": "font-weight:bold;",
    "heading": "text-align:center; font-weight:bold;",
    "on": "text-align:center;",
    "distribution": "text-align:right;",
    "date": "text-align:right;",
    "original": "text-align:right;",
    "session": "font-weight:bold;",
    "agenda-title": "font-weight:bold;",
}
_ROLE_STYLES = {
    BlockRole.TITLE: "font-weight:bold;",
    BlockRole.ANNEX_TITLE: "text-align:center; font-weight:bold;",
    BlockRole.CLOSING: "text-align:center;",
}


def runs_html(runs: list[Run]) -> str:
    """Runs as inline HTML: italics, bold, superscripts and footnote marks."""
    return "".join(_run_html(run, escape(run.text)) for run in runs)


def _run_html(run: Run, text: str) -> str:
    if run.note is not None or run.superscript:
        text = f"<sup>{text}</sup>"
    if run.italic:
        text = f"<i>{text}</i>"
    if run.bold:
        text = f"<b>{text}</b>"
    return text


def _inline(runs: list[Run]) -> tuple[str, str]:
    """(html, shape) of runs in one pass.

    In the shape, the digits of numbered footnote marks read 0: text laid out alike
    whatever its marks' numbers, when the font's digits are all as wide. "" when the
    runs have no numbered mark.
    """
    parts: list[str] = []
    zeroed: list[tuple[int, str]] = []
    for run in runs:
        if run.note is not None and run.text.isdigit():
            zeroed.append((len(parts), _run_html(run, "0" * len(run.text))))
        parts.append(_run_html(run, escape(run.text)))
    if not zeroed:
        return "".join(parts), ""
    html = "".join(parts)
    for place, part in zeroed:
        parts[place] = part
    return html, "".join(parts)


def row_geometry(block: Block) -> tuple[int, int]:
    """(left indent of the paragraph, first-line indent) in pixels.

    Numbered paragraphs keep LABEL_PX of the first-line indent for their number.
    """
    role = block.role
    if role is BlockRole.SUBPARAGRAPH:
        return INDENT_PX * block.level, LABEL_PX
    if role is BlockRole.OPENING:
        return INDENT_PX, 0
    if role in (BlockRole.PREAMBULAR, BlockRole.OPERATIVE, BlockRole.ANNEX):
        return 0, INDENT_PX + (LABEL_PX if block.label else 0)
    return 0, 0


def note_html(runs: list[Run]) -> str:
    """A footnote's text (without its mark) as one HTML paragraph."""
    return f'<p style="{_KEEP_SPACES}text-indent:28px;">{runs_html(runs)}</p>'


def block_bodies(block: Block) -> tuple[str, str]:
    """A block's body as HTML, and its shape (see _inline; "" without numbered marks)."""
    _indent, first_line = row_geometry(block)
    style = _ROLE_STYLES.get(block.role, "")
    if block.role is BlockRole.MASTHEAD:
        style += _KEY_STYLES.get(block.key, "")
    head = f'<p style="{_KEEP_SPACES}text-indent:{first_line}px; {style}">'
    html, shape = _inline(block.runs)
    return f"{head}{html}</p>", f"{head}{shape}</p>" if shape else ""


@dataclass(slots=True, frozen=True)
class Row:
    """One printed line group: a block or a footnote, as the page shows it."""

    html: str  # the body, without its label
    label: str
    text: str  # plain text (tests, screen readers)
    indent: int  # left margin of the whole paragraph
    first_line: int  # extra indent of the first line, where the label sits
    paragraph_id: str | None = None
    small: bool = False
    shape: str = ""  # the body with its footnote numbers as 0s ("": no numbered marks)


def layout_rows(layout: Layout, rows_of: RowCache | None = None) -> list[Row]:
    """The rows of a Layout: its blocks, a blank separator, then its notes."""
    cache = rows_of if rows_of is not None else RowCache()
    rows = [cache.block_row(block) for block in layout.blocks]
    if layout.notes:
        rows.append(Row("", "", "", 0, 0))
    rows += [cache.note_row(note) for note in layout.notes]
    cache.forget_older()
    return rows


class RowCache:
    """Rows of the last layout by paragraph or footnote, so a re-render rebuilds only
    the rows whose text changed; a renumbered row keeps its HTML and takes a new label.
    """

    def __init__(self) -> None:
        self._blocks: dict[tuple[object, ...], tuple[Block, Row]] = {}
        self._notes: dict[str, tuple[Note, Row]] = {}
        self._used: set[tuple[object, ...]] = set()

    def block_row(self, block: Block) -> Row:
        """The row of a block (reused when its content is unchanged)."""
        key = (block.paragraph_id, block.role, block.key, block.level)
        self._used.add(key)
        cached = self._blocks.get(key)
        # The key holds every field of a block but its runs and label; runs are compared
        # once (a Block's own == would compare them before finding a new label).
        if cached is not None and cached[0].runs == block.runs:
            old, row = cached
            if old.label == block.label:
                return row
            if bool(old.label) == bool(block.label):
                # The same text renumbered: only the label changes.
                row = _block_row(block, row.html, row.shape)
                self._blocks[key] = (block, row)
                return row
        row = _block_row(block, *block_bodies(block))
        self._blocks[key] = (block, row)
        return row

    def note_row(self, note: Note) -> Row:
        """The row of a footnote (reused when its mark and text are unchanged)."""
        cached = self._notes.get(note.footnote_id)
        if cached is not None and cached[0] == note:
            return cached[1]
        text = "".join(run.text for run in note.runs)
        html = (
            cached[1].html
            if cached is not None and cached[0].runs == note.runs
            else note_html(note.runs)
        )
        row = Row(html, note.mark, f"{note.mark}\xa0{text}", 0, 28, small=True)
        self._notes[note.footnote_id] = (note, row)
        return row

    def forget_older(self) -> None:
        """Drop the rows of blocks the last layout no longer had."""
        if len(self._blocks) > len(self._used):
            for key in set(self._blocks) - self._used:
                del self._blocks[key]
        self._used = set()
        if len(self._notes) > 2 * len(self._blocks) + 100:
            self._notes.clear()


def _block_row(block: Block, html: str, shape: str) -> Row:
    indent, first_line = row_geometry(block)
    text = f"{block.label}\xa0\xa0\xa0{block.text}" if block.label else block.text
    return Row(html, block.label, text, indent, first_line, block.paragraph_id, shape=shape)


def copied_text(row: Row) -> str:
    """A row as copied text: the number, a tab, the text (as Word pastes a list)."""
    if not row.label:
        return row.text
    return f"{row.label}\t{row.text.removeprefix(row.label).lstrip(chr(0xA0))}"


def copied_html(row: Row) -> str:
    """A row as copied HTML: its paragraph with the number before a tab."""
    if not row.label:
        return row.html
    start = row.html.index(">") + 1
    return f"{row.html[:start]}{escape(row.label)}&#9;{row.html[start:]}"
