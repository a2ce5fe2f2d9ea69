"""The `draftdesk` command line: new, validate, export (exit codes 0 / 1 / 2)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from draftdesk import __version__
from draftdesk.atomic import atomic_write
from draftdesk.commands import new_document
from draftdesk.errors import DocumentError, DraftDeskError
from draftdesk.export.text import layout_to_text
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.validation import pack_for, validate_document

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


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
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    new = commands.add_parser("new", help="create an empty resolution from a pack")
    new.add_argument("--pack", required=True, help="pack id, e.g. un-ga or oic-cfm")
    new.add_argument("--body", required=True, help="body key, e.g. general-assembly")
    new.add_argument("--source-language", choices=["en", "fr"], default="en")
    new.add_argument("-o", "--output", required=True, type=Path, help="the .draftdesk file")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    validate = commands.add_parser("validate", help="check a .draftdesk file")
    validate.add_argument("file", type=Path)

    export = commands.add_parser("export", help="export a resolution")
    export.add_argument("file", type=Path)
    export.add_argument("--lang", choices=["en", "fr", "all"], default="all")
    export.add_argument("--format", choices=["txt"], default="txt", dest="fmt")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="output file ('-' for standard output); with --lang all the "
        "language code is added to its name",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    registry = PackRegistry()
    try:
        if args.command == "new":
            return _new(args, registry)
        if args.command == "validate":
            return _validate(args, registry)
        if args.command == "export":
            return _export(args, registry)
    except DocumentError as exc:
        print(f"draftdesk: {exc}", file=sys.stderr)  # already names the file and the path
        return EXIT_BAD_INPUT
    except DraftDeskError as exc:
        where = getattr(args, "file", None)
        print(f"draftdesk: {where}: {exc}" if where else f"draftdesk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    parser.print_help()
    return EXIT_OK


def _new(args: argparse.Namespace, registry: PackRegistry) -> int:
    output: Path = args.output
    if output.exists() and not args.force:
        print(f"draftdesk: {output}: already exists (use --force to overwrite)", file=sys.stderr)
        return EXIT_BAD_INPUT
    pack = registry.get(args.pack)
    document = new_document(pack, args.body, source_language=args.source_language)
    fileformat.save(document, output)
    print(
        f"{output}: new {pack.bodies[args.body].name['en']} resolution ({pack.id} {pack.version})"
    )
    return EXIT_OK


def _validate(args: argparse.Namespace, registry: PackRegistry) -> int:
    document = fileformat.load(args.file)
    report = validate_document(document, pack_for(document, registry))
    print(f"{args.file}: valid — {report.summary()}")
    for warning in report.warnings:
        print(f"{args.file}: warning: {warning}")
    return EXIT_OK


def _export(args: argparse.Namespace, registry: PackRegistry) -> int:
    document = fileformat.load(args.file)
    languages = document.metadata.languages if args.lang == "all" else [args.lang]
    if args.lang != "all" and args.lang not in document.metadata.languages:
        print(
            f"draftdesk: {args.file}: the document has no {args.lang.upper()} version",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    # Render everything before writing anything, so bad input never leaves half an export.
    report = validate_document(document, pack_for(document, registry))
    outputs = {lang: layout_to_text(report.layouts[lang]) for lang in languages}
    output: Path | None = args.output
    if len(languages) == 1 and (output is None or str(output) == "-"):
        sys.stdout.write(outputs[languages[0]])
        return EXIT_OK
    for lang, text in outputs.items():
        target = _target(output, args.file, lang, several=len(languages) > 1)
        try:
            atomic_write(target, text.encode("utf-8"))
        except OSError as exc:
            print(
                f"draftdesk: {target}: cannot be written ({exc.strerror or exc})", file=sys.stderr
            )
            return EXIT_BAD_INPUT
        print(f"{target}: {lang.upper()} text written")
    return EXIT_OK


def _target(output: Path | None, source: Path, lang: str, *, several: bool) -> Path:
    if output is None:
        return Path(f"{source.stem}.{lang}.txt")
    if several:
        return output.with_name(f"{output.stem}.{lang}{output.suffix or '.txt'}")
    return output
