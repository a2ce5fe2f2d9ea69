"""Drawing Layout blocks as the rich-text HTML subset Qt lays out (no Qt needed here)."""

from __future__ import annotations

from html import escape

from draftdesk.render.layout import Block, BlockRole, Run

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
    parts: list[str] = []
    for run in runs:
        text = escape(run.text)
        if run.is_note or run.superscript:
            text = f"<sup>{text}</sup>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


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


def body_html(block: Block | None, runs: list[Run] | None = None) -> str:
    """A block's text (without its number) as one HTML paragraph; or bare `runs` (notes)."""
    if block is None:
        return f'<p style="{_KEEP_SPACES}text-indent:28px;">{runs_html(runs or [])}</p>'
    _indent, first_line = row_geometry(block)
    style = _ROLE_STYLES.get(block.role, "")
    if block.role is BlockRole.MASTHEAD:
        style += _KEY_STYLES.get(block.key, "")
    return (
        f'<p style="{_KEEP_SPACES}text-indent:{first_line}px; {style}">{runs_html(block.runs)}</p>'
    )
