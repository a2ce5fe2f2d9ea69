"""Subcommand `import`: an existing resolution (.docx or text) into a .draftdesk file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from draftdesk.importers.build import build_document
from draftdesk.importers.compare import check_rendering
from draftdesk.importers.importer import ImportOptions, import_file
from draftdesk.importers.report import format_report
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `import` to the command line."""
    parser = commands.add_parser(
        "import",
        help="import a resolution from a Word (.docx) or text file",
        description="Read an existing resolution (Word or plain text, English or French), "
        "print what was recognised and every change made, and save it as a .draftdesk file.",
    )
    parser.add_argument("file", type=Path, help="the .docx or .txt file to import")
    parser.add_argument("--pack", help="pack id (default: detected from the text)")
    parser.add_argument("--body", help="body key in the pack (default: detected)")
    parser.add_argument("--lang", choices=["en", "fr"], help="language (default: detected)")
    parser.add_argument(
        "-o", "--output", required=True, type=Path, help="the .draftdesk file to write"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    """`draftdesk import`: import, render to check, print the report, save atomically."""
    output: Path = args.output
    if output.exists() and not args.force:
        print(f"draftdesk: {output}: already exists (use --force to overwrite)", file=sys.stderr)
        return EXIT_BAD_INPUT
    if output.resolve() == args.file.resolve():
        print(f"draftdesk: {output}: would overwrite the file being imported", file=sys.stderr)
        return EXIT_BAD_INPUT
    registry = PackRegistry()
    options = ImportOptions(pack=args.pack, body=args.body, lang=args.lang)
    result = import_file(args.file, registry, options)
    pack = registry.get(result.pack_id)
    built = build_document(result, pack)
    check = check_rendering(result, built, pack)  # renders: a fault stops before saving
    sys.stdout.write(format_report(result, built, check))
    fileformat.save(built.document, output)
    print(f"{output}: written ({result.lang.upper()}, {pack.id}, {result.body})")
    return EXIT_OK
