"""The window's pane sizes, remembered per user in the settings and restored at start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter

SEPARATOR = ","
"""Joins the splitters' base64 states in Settings.window_state (base64 has no comma)."""


def save_splitters(splitters: Sequence[QSplitter]) -> str:
    """Every splitter's saveState(), base64, in order, as one settings string."""
    return SEPARATOR.join(
        bytes(splitter.saveState().toBase64().data()).decode("ascii") for splitter in splitters
    )


def restore_splitters(splitters: Sequence[QSplitter], saved: str) -> bool:
    """Put back what `save_splitters` wrote; False (sizes untouched) for anything else.

    A settings file from another version, or edited by hand, must not give a window
    whose panes are collapsed: all splitters are restored, or none.
    """
    parts = saved.split(SEPARATOR) if saved else []
    if len(parts) != len(splitters):
        return False
    try:
        states = [QByteArray.fromBase64(part.encode("ascii")) for part in parts]
    except UnicodeEncodeError:
        return False
    before = [splitter.saveState() for splitter in splitters]
    for splitter, state in zip(splitters, states, strict=True):
        if not splitter.restoreState(state) or 0 in splitter.sizes():
            for undo, old in zip(splitters, before, strict=True):
                undo.restoreState(old)
            return False
    return True
