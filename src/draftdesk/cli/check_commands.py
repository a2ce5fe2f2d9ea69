"""`draftdesk check FILE [--lang en|fr|all] [--json]`: house style, spelling and grammar."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from draftdesk.model import fileformat
from draftdesk.packs.locations import user_data_folder
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import resources_dir
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.findings import Finding, Report, Severity
from draftdesk.proofing.ignores import without_ignored
from draftdesk.proofing.languagetool import LanguageToolGrammar
from draftdesk.proofing.lt_settings import LanguageToolSettings
from draftdesk.proofing.messages import Messages
from draftdesk.proofing.rules_document import GLOSSARY_FILE, load_glossary
from draftdesk.proofing.spelling import Spelling
from draftdesk.proofing.wordlist import (
    USER_DICTIONARY_FILE,
    UserDictionary,
    WordList,
    built_in_words,
)
from draftdesk.validation import pack_for

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
"""Overrides the user data folder (where the user dictionary lives), as for packs."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `check` to the command line."""
    check = commands.add_parser(
        "check",
        help="proofread a resolution (house style, spelling, grammar)",
        description="Exit code 1 when an error is found, 0 when there is none, 2 on bad input.",
    )
    check.add_argument("file", type=Path)
    check.add_argument("--lang", choices=["en", "fr", "all"], default="all")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument(
        "--ui-lang", choices=["en", "fr"], default="en", help="language of the messages"
    )
    check.add_argument("--no-spelling", action="store_true", help="skip the spelling check")
    check.add_argument(
        "--show-ignored",
        action="store_true",
        help="also list the findings the document marks as ignored",
    )
    check.add_argument(
        "--dictionary",
        type=Path,
        help="the user dictionary (default: dictionary.txt in the DraftDesk data folder)",
    )
    check.add_argument(
        "--languagetool",
        metavar="URL",
        help="check grammar with this LanguageTool server (e.g. http://lt.example.org:8081)",
    )
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Load, check and print; the exit code says whether an error was found."""
    document = fileformat.load(args.file)
    if args.lang != "all" and args.lang not in document.metadata.languages:
        print(
            f"draftdesk: {args.file}: the document has no {args.lang.upper()} version",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    languages = document.metadata.languages if args.lang == "all" else [args.lang]
    pack = pack_for(document, PackRegistry())
    dictionaries = resources_dir() / "dictionaries"
    spelling = None
    if not args.no_spelling:
        user = UserDictionary(args.dictionary or _user_dictionary_path())
        lists: dict[str, list[WordList]] = {
            lang: [built_in_words(dictionaries, lang), user] for lang in ("en", "fr")
        }
        spelling = Spelling(dictionaries, lists)
    glossary_files = [dictionaries / GLOSSARY_FILE]
    if pack.root is not None:
        glossary_files.append(pack.root / GLOSSARY_FILE)
    grammar = None
    if args.languagetool:
        grammar = LanguageToolGrammar(LanguageToolSettings(server_url=args.languagetool))
    checker = Checker(
        pack,
        spelling=spelling,
        grammar=grammar,
        glossary=load_glossary(glossary_files),
        ui_lang=args.ui_lang,
    )
    try:
        report = checker.check_document(document, languages)
    finally:
        if grammar is not None:
            grammar.close()
    ignored = 0
    if not args.show_ignored:
        report, ignored = without_ignored(report, document.ignores)
    if args.json:
        print(json.dumps(_json(args.file, report, ignored), ensure_ascii=False, indent=2))
    else:
        _print_human(args.file, report, Messages(args.ui_lang), ignored)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _user_dictionary_path() -> Path:
    return user_data_folder() / USER_DICTIONARY_FILE


def _json(path: Path, report: Report, ignored: int) -> dict[str, object]:
    return {
        "file": str(path),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "notes": report.count(Severity.INFO),
        "ignored": ignored,
        "notices": report.notices,
        "findings": [finding.to_json() for finding in report.findings],
    }


def _where(finding: Finding) -> str:
    place = finding.paragraph_id or finding.footnote_id or finding.target.value
    if finding.slot:
        place += f" slot {finding.slot}"
    if finding.end > finding.start:
        place += f" {finding.start}-{finding.end}"
    return f"{place} ({finding.lang.upper()})"


def _print_human(path: Path, report: Report, say: Messages, ignored: int) -> None:
    for notice in report.notices:
        print(f"{path}: {notice}", file=sys.stderr)
    for finding in report.findings:
        fix = " [fix]" if finding.fixable else ""
        print(
            f"{path}: {_where(finding)}: {finding.severity.value}: {finding.message} "
            f"[{finding.rule}]{fix}"
        )
    summary = say(
        "summary",
        errors=str(report.count(Severity.ERROR)),
        warnings=str(report.count(Severity.WARNING)),
        notes=str(report.count(Severity.INFO)),
    )
    if ignored:
        summary += "; " + say("ignored", count=str(ignored))
    print(f"{path}: {summary}")
