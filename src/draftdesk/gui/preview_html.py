"""Drawing a Layout as the rich-text HTML subset QTextBrowser shows (no Qt needed here)."""

from __future__ import annotations

from html import escape

from draftdesk.render.layout import Block, BlockRole, Layout, Run

# Qt's HTML reader turns U+202F (the French thin no-break space before ; : ! ?) into an
# ordinary, breakable space unless spaces are preserved; the renderer's runs never hold
# runs of spaces or line breaks, so preserving them changes nothing else.
_KEEP_SPACES = "white-space:pre-wrap; "

INDENT_PX = 48
"""First-line indent of resolution paragraphs, and the step of each sub-paragraph level."""

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
    "agenda": "",
    "agenda-title": "font-weight:bold;",
}
_ROLE_STYLES = {
    BlockRole.MASTHEAD: "margin-top:0; margin-bottom:2px;",
    BlockRole.SPONSORS: "margin-top:12px; margin-bottom:8px;",
    BlockRole.TITLE: "margin-top:8px; margin-bottom:12px; font-weight:bold;",
    BlockRole.OPENING: f"margin-left:{INDENT_PX}px; margin-bottom:8px;",
    BlockRole.PREAMBULAR: f"text-indent:{INDENT_PX}px; margin-bottom:8px;",
    BlockRole.OPERATIVE: f"text-indent:{INDENT_PX}px; margin-bottom:8px;",
    BlockRole.ANNEX_TITLE: "text-align:center; font-weight:bold; margin-top:24px;",
    BlockRole.ANNEX: f"text-indent:{INDENT_PX}px; margin-bottom:8px;",
    BlockRole.CLOSING: "text-align:center; margin-top:16px;",
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


def block_html(block: Block) -> str:
    """One Layout block as one HTML paragraph (one text block in the preview)."""
    style = _ROLE_STYLES.get(block.role, "")
    if block.role is BlockRole.MASTHEAD:
        style += _KEY_STYLES.get(block.key, "")
    if block.role is BlockRole.SUBPARAGRAPH:
        style = f"margin-left:{INDENT_PX * block.level}px; margin-bottom:6px;"
    label = f"{escape(block.label)}&nbsp;&nbsp;&nbsp;" if block.label else ""
    anchor = f'<a name="{escape(block.paragraph_id)}"></a>' if block.paragraph_id else ""
    return f'<p style="{_KEEP_SPACES}{style}">{anchor}{label}{runs_html(block.runs)}</p>'


def notes_html(layout: Layout) -> list[str]:
    """The footnotes after a rule, each "mark  text", smaller."""
    if not layout.notes:
        return []
    parts = ['<hr width="30%" align="left"/>']
    for note in layout.notes:
        parts.append(
            f'<p style="{_KEEP_SPACES}font-size:small; margin-bottom:4px;">'
            f"<sup>{escape(note.mark)}</sup>&nbsp;{runs_html(note.runs)}</p>"
        )
    return parts


def layout_html(layout: Layout) -> str:
    """The whole resolution as an HTML document in the pack's font."""
    font = escape(layout.font)
    body = "".join(block_html(block) for block in layout.blocks)
    notes = "".join(notes_html(layout))
    return (
        f"<html><body style=\"font-family:'{font}',serif; font-size:{layout.font_size:g}pt;\">"
        f"{body}{notes}</body></html>"
    )
