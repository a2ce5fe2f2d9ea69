"""Subcommands on documents: new, validate, export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from draftdesk.atomic import atomic_write
from draftdesk.commands import new_document
from draftdesk.export.registry import EXPORTERS
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.validation import pack_for, validate_document

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `new`, `validate` and `export` to the command line."""
    new = commands.add_parser("new", help="create an empty resolution from a pack")
    new.add_argument("--pack", required=True, help="pack id, e.g. un-ga or oic-cfm")
    new.add_argument("--body", required=True, help="body key, e.g. general-assembly")
    new.add_argument("--source-language", choices=["en", "fr"], default="en")
    new.add_argument("-o", "--output", required=True, type=Path, help="the .draftdesk file")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(handler=run_new)

    validate = commands.add_parser("validate", help="check a .draftdesk file")
    validate.add_argument("file", type=Path)
    validate.set_defaults(handler=run_validate)

    export = commands.add_parser("export", help="export a resolution")
    export.add_argument("file", type=Path)
    export.add_argument("--lang", choices=["en", "fr", "all"], default="all")
    export.add_argument("--format", choices=sorted(EXPORTERS), default="txt", dest="fmt")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="output file ('-' for standard output, text only); with --lang all the "
        "language code is added to its name",
    )
    export.set_defaults(handler=run_export)


def run_new(args: argparse.Namespace) -> int:
    """`draftdesk new`: an empty resolution of a pack's body, never over an existing file."""
    output: Path = args.output
    if output.exists() and not args.force:
        print(f"draftdesk: {output}: already exists (use --force to overwrite)", file=sys.stderr)
        return EXIT_BAD_INPUT
    pack = PackRegistry().get(args.pack)
    document = new_document(pack, args.body, source_language=args.source_language)
    fileformat.save(document, output)
    print(
        f"{output}: new {pack.bodies[args.body].name['en']} resolution ({pack.id} {pack.version})"
    )
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    """`draftdesk validate`: load, render every language, print counts and warnings."""
    document = fileformat.load(args.file)
    report = validate_document(document, pack_for(document, PackRegistry()))
    print(f"{args.file}: valid — {report.summary()}")
    for warning in report.warnings:
        print(f"{args.file}: warning: {warning}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`draftdesk export`: render first, then write one file per language atomically."""
    document = fileformat.load(args.file)
    exporter = EXPORTERS[args.fmt]
    languages = document.metadata.languages if args.lang == "all" else [args.lang]
    if args.lang != "all" and args.lang not in document.metadata.languages:
        print(
            f"draftdesk: {args.file}: the document has no {args.lang.upper()} version",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    # Render everything before writing anything, so bad input never leaves half an export.
    pack = pack_for(document, PackRegistry())
    report = validate_document(document, pack)
    outputs = {lang: exporter.export(report.layouts[lang], pack) for lang in languages}
    output: Path | None = args.output
    if len(languages) == 1 and (output is None or str(output) == "-") and exporter.is_text:
        sys.stdout.write(outputs[languages[0]].decode("utf-8"))
        return EXIT_OK
    for lang, payload in outputs.items():
        target = _target(output, args.file, lang, exporter.suffix, several=len(languages) > 1)
        try:
            atomic_write(target, payload)
        except OSError as exc:
            print(
                f"draftdesk: {target}: cannot be written ({exc.strerror or exc})", file=sys.stderr
            )
            return EXIT_BAD_INPUT
        print(f"{target}: {lang.upper()} {exporter.name} written")
    return EXIT_OK


def _target(output: Path | None, source: Path, lang: str, suffix: str, *, several: bool) -> Path:
    if output is None or str(output) == "-":
        return Path(f"{source.stem}.{lang}{suffix}")
    if several:
        return output.with_name(f"{output.stem}.{lang}{output.suffix or suffix}")
    return output
