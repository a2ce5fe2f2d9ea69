"""`python -m draftdesk.gui [FILE]`: start the desktop application without the command line.

The installer's shortcut uses this: it skips importing every subcommand group of
`draftdesk.cli`, which the window does not need.
"""

from __future__ import annotations

import sys
from pathlib import Path

from draftdesk import collector


def main(argv: list[str] | None = None) -> int:
    """Open the window, with the file named on the command line if there is one."""
    args = sys.argv[1:] if argv is None else argv
    collector.pause()  # until the window has painted (run() resumes it)
    from draftdesk.gui.app import run  # after the pause: most of the start-up is imports

    return run(Path(args[0]) if args else None)


if __name__ == "__main__":
    sys.exit(main())
