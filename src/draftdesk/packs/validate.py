"""Validating a pack folder: every fault found, each naming its file, line and field.

The order: the files a pack may hold, the typed schema of every TOML file, then loading
(with its base pack), then the templates (statically and by a trial render), the French
forms of agreeing openers, the reference document and what an extension overrides.
Errors stop an install; warnings are shown and do not.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from draftdesk.errors import PackError
from draftdesk.model.document import LANGUAGES, Part
from draftdesk.packs.archive import read_folder
from draftdesk.packs.loader import LAYOUT_NAMES, read_toml_file
from draftdesk.packs.model import Pack
from draftdesk.packs.phrase_check import missing_feminine
from draftdesk.packs.reference_check import check_reference_docx
from draftdesk.packs.registry import PackRegistry
from draftdesk.packs.schema import CLAUSE, MANIFEST, PHRASES, Schema, check
from draftdesk.packs.template_check import (
    TemplateFault,
    clause_faults,
    layout_faults,
    layout_names,
    trial_renders,
)
from draftdesk.packs.toml_lines import field_name, key_lines, line_of

_MULTILINE_QUOTES = ('"' * 3, "'" * 3)
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


class Severity(StrEnum):
    """Whether an issue stops the pack from being installed."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class PackIssue:
    """One fault of a pack: file (relative to the pack), line, field and message."""

    file: str
    message: str
    line: int | None = None
    field: str = ""
    severity: Severity = Severity.ERROR

    def format(self, root: str) -> str:
        """`ROOT/FILE:LINE: [warning: ]FIELD: MESSAGE`, the form every message takes."""
        where = f"{root}/{self.file}" if self.file else root
        if self.line:
            where += f":{self.line}"
        label = "warning: " if self.severity is Severity.WARNING else ""
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{subject}{self.message}"


class PackValidationError(PackError):
    """A pack has errors; the message is the first, `issues` holds them all."""

    def __init__(self, report: PackReport) -> None:
        self.report = report
        errors = report.errors
        more = (
            f" (and {len(errors) - 1} more: see 'draftdesk pack validate')" if errors[1:] else ""
        )
        super().__init__(errors[0].format(report.root) + more)


@dataclass(slots=True)
class PackReport:
    """What validating a pack found; `pack` is the loaded pack when it loads."""

    root: str
    issues: list[PackIssue] = field(default_factory=list)
    pack: Pack | None = None

    @property
    def errors(self) -> list[PackIssue]:
        """The issues that stop an install."""
        return [issue for issue in self.issues if issue.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[PackIssue]:
        """The issues shown but not blocking."""
        return [issue for issue in self.issues if issue.severity is Severity.WARNING]

    def lines(self) -> list[str]:
        """Every issue as one line: errors first, then by file and line."""
        ordered = sorted(
            self.issues, key=lambda i: (i.severity is Severity.WARNING, i.file, i.line or 0)
        )
        return [issue.format(self.root) for issue in ordered]

    def raise_for_errors(self) -> None:
        """PackValidationError when the pack has errors."""
        if self.errors:
            raise PackValidationError(self)


def validate_folder(
    folder: Path, registry: PackRegistry, display: str | None = None
) -> PackReport:
    """Validate the pack in `folder`, its base pack found in `registry`.

    `display` replaces the folder in messages (an archive's name when the folder is the
    temporary copy of a .ddpack).
    """
    report = PackReport(display or str(folder))
    try:
        read_folder(folder)
    except PackError as exc:
        report.issues.append(_from_error(exc, folder))
        return report
    raw = _check_schemas(folder, registry, report)
    if report.errors:
        return report
    try:
        pack = registry.load_folder(folder)
    except PackError as exc:
        report.issues.append(_from_error(exc, folder))
        return report
    report.pack = pack
    clause_keys = sorted(path.stem for path in (folder / "clauses").glob("*.toml"))
    _check_templates(folder, pack, clause_keys, raw, report)
    if not report.errors:
        _trial_render(pack, clause_keys, raw, report)
    _check_phrases(raw, report)
    if (folder / "reference.docx").is_file():
        _check_reference(folder / "reference.docx", report)
    if pack.base is not None:
        _report_overrides(pack.base, raw, report)
    return report


@dataclass(slots=True)
class _Source:
    """A TOML file of the pack: its data and the lines of its keys."""

    data: dict[str, Any]
    lines: dict[tuple[str, ...], int]
    text: list[str]

    def template_start(self, lang: str) -> tuple[int | None, int]:
        """The line of `[templates].LANG` and the offset of the template's first line
        (1 for a multi-line string whose quotes end the key's line: TOML drops that
        newline, so the template starts on the next line)."""
        line = line_of(self.lines, ("templates", lang))
        if line is None:
            return None, 0
        value = self.text[line - 1].partition("=")[2].strip()
        return line, 1 if value in _MULTILINE_QUOTES else 0


def _check_schemas(folder: Path, registry: PackRegistry, report: PackReport) -> dict[str, _Source]:
    files = [("pack.toml", MANIFEST)]
    files += [(f"phrases/{p.name}", PHRASES) for p in sorted(folder.glob("phrases/*.toml"))]
    files += [(f"clauses/{p.name}", CLAUSE) for p in sorted(folder.glob("clauses/*.toml"))]
    raw: dict[str, _Source] = {}
    for name, schema in files:
        source = _read(folder, name, schema, report)
        if source is not None:
            raw[name] = source
    manifest = raw.get("pack.toml")
    if manifest is None:
        return raw
    languages = _languages(manifest.data.get("pack", {}), registry)
    for name, source in raw.items():
        if name.startswith("clauses/"):
            _check_clause_languages(name, source, languages, report)
    return raw


def _read(folder: Path, name: str, schema: Schema, report: PackReport) -> _Source | None:
    try:
        text, data = read_toml_file(folder / name)
    except PackError as exc:
        issue = _from_error(exc, folder)
        found = _TOML_LINE.search(issue.message)
        if found:
            issue = PackIssue(issue.file, issue.message, int(found.group(1)))
        report.issues.append(issue)
        return None
    source = _Source(data, key_lines(text), text.splitlines())
    for finding in check(data, schema):
        line = line_of(source.lines, finding.path)
        report.issues.append(PackIssue(name, finding.message, line, field_name(finding.path)))
    return source


def _languages(info: Any, registry: PackRegistry) -> list[str]:
    """The languages the pack declares (its base pack's when it declares none)."""
    declared = info.get("languages") if isinstance(info, dict) else None
    if isinstance(declared, list):
        return [lang for lang in declared if lang in LANGUAGES]
    base = info.get("extends") if isinstance(info, dict) else None
    if isinstance(base, str):
        try:
            return registry.get(base).languages
        except PackError:
            pass  # loading reports the missing base pack
    return list(LANGUAGES)


def _check_clause_languages(
    name: str, source: _Source, languages: list[str], report: PackReport
) -> None:
    templates = source.data.get("templates")
    if isinstance(templates, dict):
        for lang in languages:
            if lang not in templates:
                report.issues.append(
                    PackIssue(
                        name,
                        f"no {lang.upper()} template (the pack is in {', '.join(languages)})",
                        line_of(source.lines, ("templates",)),
                        "[templates]",
                    )
                )
    label = source.data.get("label")
    if isinstance(label, dict):
        for lang in languages:
            if lang not in label:
                report.issues.append(
                    PackIssue(
                        name,
                        f"no {lang.upper()} label: the clause palette will show its key",
                        line_of(source.lines, ("label",)),
                        "label",
                        Severity.WARNING,
                    )
                )


def _check_templates(
    folder: Path, pack: Pack, clause_keys: list[str], raw: dict[str, _Source], report: PackReport
) -> None:
    env = ImmutableSandboxedEnvironment()
    for key in clause_keys:
        name = f"clauses/{key}.toml"
        clause = pack.clauses[key]
        for lang in pack.languages:
            faults = clause_faults(clause, lang, env)
            _add_template_faults(name, raw[name], lang, faults, report)
    known = layout_names(pack)
    for layout in LAYOUT_NAMES:
        for lang in pack.languages:
            path = folder / "layout" / f"{layout}.{lang}.j2"
            if path.is_file():
                for fault in layout_faults(path.read_text(encoding="utf-8"), known, env):
                    report.issues.append(
                        PackIssue(f"layout/{path.name}", fault.message, fault.line)
                    )


def _add_template_faults(
    name: str, source: _Source, lang: str, faults: list[TemplateFault], report: PackReport
) -> None:
    start, offset = source.template_start(lang)
    for fault in faults:
        line = start + offset + fault.line - 1 if start and fault.line else start
        report.issues.append(PackIssue(name, fault.message, line, f"[templates].{lang}"))


def _trial_render(
    pack: Pack, clause_keys: list[str], raw: dict[str, _Source], report: PackReport
) -> None:
    for key, lang, message in trial_renders(pack, clause_keys):
        if not key:
            file, _, rest = message.partition(": ")
            layout = rest.partition(": ")
            if file == f"pack {pack.id!r}" and layout[0].startswith("layout/"):
                report.issues.append(PackIssue(layout[0], layout[2]))
            else:
                report.issues.append(PackIssue("pack.toml", f"{lang.upper()} layout: {message}"))
            continue
        name = f"clauses/{key}.toml"
        line = line_of(raw[name].lines, ("templates", lang))
        report.issues.append(PackIssue(name, message, line, f"[templates].{lang}"))


def _check_phrases(raw: dict[str, _Source], report: PackReport) -> None:
    for name, source in raw.items():
        if not name.startswith("phrases/"):
            continue
        for section, entries in source.data.items():
            for key, entry in entries.items():
                warning = missing_feminine(
                    entry["fr"], entry.get("fr_f"), bool(entry.get("invariable", False))
                )
                if warning:
                    line = line_of(source.lines, (section, key, "fr"))
                    report.issues.append(
                        PackIssue(name, warning, line, f"[{section}.{key}]", Severity.WARNING)
                    )


def _check_reference(path: Path, report: PackReport) -> None:
    checked = check_reference_docx(path, path.name)
    prefix = f"{path.name}: "
    report.issues += [PackIssue(path.name, fault.removeprefix(prefix)) for fault in checked.errors]
    if checked.missing_styles:
        names = ", ".join(map(repr, checked.missing_styles))
        report.issues.append(
            PackIssue(
                path.name,
                f"defines no style {names}: the DOCX export adds DraftDesk's own",
                field="word/styles.xml",
                severity=Severity.WARNING,
            )
        )


def _report_overrides(base: Pack, raw: dict[str, _Source], report: PackReport) -> None:
    """Warn where an extension replaces what its base pack defines (the extension wins)."""
    parts = {"preambular": Part.PREAMBLE, "operative": Part.OPERATIVE}
    for name, source in raw.items():
        if name.startswith("phrases/"):
            for section, entries in source.data.items():
                for key in entries:
                    if key in base.phrases.get(parts[section], {}):
                        report.issues.append(
                            PackIssue(
                                name,
                                f"replaces the {section} phrase {key!r} of {base.id!r}",
                                line_of(source.lines, (section, key)),
                                f"[{section}.{key}]",
                                Severity.WARNING,
                            )
                        )
        elif name.startswith("clauses/") and Path(name).stem in base.clauses:
            report.issues.append(
                PackIssue(
                    name,
                    f"replaces the clause {Path(name).stem!r} of {base.id!r}",
                    severity=Severity.WARNING,
                )
            )


def _from_error(exc: PackError, folder: Path) -> PackIssue:
    """An issue from a PackError whose message starts with a path inside `folder`."""
    message = str(exc)
    prefix = f"{folder}{os.sep}"
    if message.startswith(prefix):
        file, _, rest = message[len(prefix) :].partition(": ")
        return PackIssue(file, rest)
    if message.startswith(f"{folder}: "):
        return PackIssue("", message[len(str(folder)) + 2 :])
    return PackIssue("", message)
