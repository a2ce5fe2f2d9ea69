"""Double-click on a .ddpack (Windows): preview the template pack, ask, then install it."""

from __future__ import annotations

import contextlib
import sys

from draftdesk.cli import main


def ask(question: str) -> bool:
    """A yes/no question in the console window (default: no)."""
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "o", "oui")
    except EOFError:
        return False


def open_pack(archive: str) -> int:
    """Show what the pack adds and who signed it; install it if the user agrees."""
    status = main(["pack", "show", archive])
    if status != 0:
        return status
    if not ask("Install this template pack? / Installer ce modèle ?"):
        return 0
    status = main(["pack", "install", archive])
    if status == 2 and ask(
        "Install it anyway (unsigned, or signed by a key you do not trust)? "
        "/ L'installer quand même ?"
    ):
        status = main(["pack", "install", "--allow-unsigned", archive])
    return status


def pause() -> None:
    """Keep the console window open until the user has read it."""
    with contextlib.suppress(EOFError):  # no console input (a script, a test)
        input("Press Enter to close. / Appuyez sur Entrée pour fermer.")


if __name__ == "__main__":
    code = open_pack(sys.argv[1]) if len(sys.argv) == 2 else 2
    pause()
    sys.exit(code)
