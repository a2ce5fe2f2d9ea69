"""Plain-text export: the testing and diffing format (one paragraph per line, then notes)."""

from __future__ import annotations

from draftdesk.render.layout import Layout, Run


def runs_text(runs: list[Run]) -> str:
    """Text of runs with footnote marks as `[n]` (symbol notes `[*]`)."""
    return "".join(f"[{run.text}]" if run.is_note else run.text for run in runs)


def layout_to_text(layout: Layout) -> str:
    """One line per block (label, space, text), a blank line, then `[mark] note text` lines."""
    lines = []
    for block in layout.blocks:
        text = runs_text(block.runs)
        lines.append(f"{block.label} {text}" if block.label else text)
    if layout.notes:
        lines.append("")
        lines.extend(f"[{note.mark}] {runs_text(note.runs)}" for note in layout.notes)
    return "\n".join(lines) + "\n"
