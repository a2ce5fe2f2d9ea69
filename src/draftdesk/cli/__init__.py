"""The `draftdesk` command line: one module per group of subcommands (exit codes 0 / 1 / 2)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TypeAlias, cast

from draftdesk import __version__
from draftdesk.cli import document_commands
from draftdesk.errors import DocumentError, DraftDeskError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

Handler = Callable[[argparse.Namespace], int]
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Each module's `register` adds its subcommands, each parser setting `handler`;
# a new group of subcommands is one more entry here.
GROUPS: tuple[Callable[[Subparsers], None], ...] = (document_commands.register,)


class _Parser(argparse.ArgumentParser):
    """argparse that words usage errors as one line and exits with code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"draftdesk: {message} (see 'draftdesk --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(
        prog="draftdesk", description="Draft UN and OIC resolutions in English and French."
    )
    parser.add_argument("--version", action="version", version=f"DraftDesk {__version__}")
    commands = cast("Subparsers", parser.add_subparsers(dest="command", parser_class=_Parser))
    for register in GROUPS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        return handler(args)
    except DocumentError as exc:
        print(f"draftdesk: {exc}", file=sys.stderr)  # already names the file and the path
        return EXIT_BAD_INPUT
    except DraftDeskError as exc:
        where = getattr(args, "file", None)
        print(f"draftdesk: {where}: {exc}" if where else f"draftdesk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
