"""The `draftdesk` command line: one module per group of subcommands (exit codes 0 / 1 / 2)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias, cast

from draftdesk import __version__
from draftdesk.errors import DocumentError, DraftDeskError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

Handler = Callable[[argparse.Namespace], int]
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Each module's `register` adds its subcommands, each parser setting `handler`; a new group
# of subcommands is one more entry here. They are imported only when the command line is
# parsed, so opening the desktop application does not pay for proofing, import and packs.
GROUPS: tuple[str, ...] = (
    "draftdesk.cli.document_commands",
    "draftdesk.cli.import_commands",
    "draftdesk.cli.pack_commands",
    "draftdesk.cli.check_commands",
)
SUBCOMMANDS = frozenset({"new", "validate", "export", "import", "pack", "check"})
"""Names the groups register (a test keeps this in step), known without importing them."""


class _Parser(argparse.ArgumentParser):
    """argparse that words usage errors as one line and exits with code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"draftdesk: {message} (see 'draftdesk --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(
        prog="draftdesk",
        description="Draft UN and OIC resolutions in English and French.",
        epilog="Without a subcommand: 'draftdesk' opens the desktop application, "
        "'draftdesk FILE.draftdesk' opens a file in it, and "
        "'draftdesk --screenshot OUT.png [FILE]' renders its window to a PNG.",
    )
    parser.add_argument("--version", action="version", version=f"DraftDesk {__version__}")
    commands = cast("Subparsers", parser.add_subparsers(dest="command", parser_class=_Parser))
    for module in GROUPS:
        register: Callable[[Subparsers], None] = importlib.import_module(module).register
        register(commands)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    """The arguments of the desktop application: `draftdesk [FILE] [--screenshot OUT.png]`."""
    parser = _Parser(prog="draftdesk", description="Open the DraftDesk desktop application.")
    parser.add_argument("file", nargs="?", type=Path, help="a .draftdesk file to open")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="render the main window (1400x900) with FILE open to a PNG and exit",
    )
    parser.add_argument(
        "--ui-language",
        choices=["system", "en", "fr"],
        help="interface language (default: the saved setting, else the system's)",
    )
    return parser


def _wants_gui(argv: list[str]) -> bool:
    """No arguments, a document to open, or a GUI option: the desktop application."""
    if not argv:
        return True
    first = argv[0]
    if first.split("=")[0] in ("--screenshot", "--ui-language"):
        return True
    if first.startswith("-") or first in SUBCOMMANDS:
        return False
    return first.endswith(".draftdesk") or Path(first).is_file()


def subcommand_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommands a parser knows (argparse keeps them only in its actions)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _run_gui(argv: list[str]) -> int:
    """Start the GUI, importing Qt only now so the command line never needs it."""
    args = build_gui_parser().parse_args(argv)
    from draftdesk.gui.display import gui_available, has_display

    if not gui_available():
        print(
            "draftdesk: the desktop application needs PySide6 "
            "(pip install 'draftdesk[gui]'); the subcommands work without it",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.screenshot is None and not has_display():
        print(
            "draftdesk: no display to open a window on (DISPLAY/WAYLAND_DISPLAY unset); "
            "use --screenshot OUT.png or the subcommands (see 'draftdesk --help')",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.screenshot is None:
        from draftdesk import collector

        collector.pause()  # until the window has painted (draftdesk.gui.app.run resumes it)
    try:
        from draftdesk.gui.app import run
    except ImportError as exc:  # PySide6 is there but cannot load (a missing Qt library)
        print(f"draftdesk: the desktop application cannot start: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run(args.file, ui_language=args.ui_language, screenshot=args.screenshot)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (or the desktop application); returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(arguments):
        return _run_gui(arguments)
    parser = build_parser()
    args = parser.parse_args(arguments)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader of our output went away (`draftdesk export … | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except DocumentError as exc:
        print(f"draftdesk: {exc}", file=sys.stderr)  # already names the file and the path
        return EXIT_BAD_INPUT
    except DraftDeskError as exc:
        where = getattr(args, "file", None)
        print(f"draftdesk: {where}: {exc}" if where else f"draftdesk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
