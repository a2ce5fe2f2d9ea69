"""Whether a window can be shown here (checked before Qt is imported, so no crash)."""

from __future__ import annotations

import importlib.util
import os
import sys


def has_display() -> bool:
    """True when a window can open: Windows and macOS always, Linux with X11 or Wayland.

    QT_QPA_PLATFORM set by the user (e.g. "offscreen") counts as a display: Qt will use it.
    """
    if sys.platform in ("win32", "darwin"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def gui_available() -> bool:
    """True when PySide6 is installed (the `gui` extra of the package).

    Found, not imported: once imported, PySide6 reads the source of every module imported
    after it (its __feature__ hook), and the application imports the headless core first
    to spare it that (see draftdesk.gui.app). A broken install fails at that import.
    """
    try:
        return importlib.util.find_spec("PySide6") is not None
    except (ImportError, ValueError):
        return False
