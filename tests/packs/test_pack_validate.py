"""Validating pack folders: templates, slots, languages, French forms, reference.docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import jinja2.filters
import pytest

from draftdesk.cli import main
from draftdesk.packs.registry import PackRegistry
from draftdesk.packs.template_check import DRAFTDESK_FILTERS, SAFE_JINJA_FILTERS
from draftdesk.packs.validate import PackValidationError, Severity, validate_folder
from draftdesk.paths import templates_dir
from draftdesk.render.sandbox import TemplateRenderer
from tests.packs.builders import HOST_CLAUSE, extension_folder
from tests.packs.conftest import UserFolders

CLAUSE = "clauses/welcomes-host-offer.toml"


def _lines(folder: Path) -> list[str]:
    """The validation report of `folder` as lines, with the folder left out."""
    report = validate_folder(folder, PackRegistry())
    return [line.removeprefix(f"{folder}/") for line in report.lines()]


def _with_clause(work: Path, clause: str) -> Path:
    return extension_folder(work, **{CLAUSE: clause})


@pytest.mark.parametrize("name", ["un-ga", "oic-cfm"])
def test_builtin_packs_validate_clean(name: str) -> None:
    """The built-in packs have no errors and no warnings."""
    report = validate_folder(templates_dir() / name, PackRegistry([templates_dir()]))
    assert report.lines() == []
    assert report.pack is not None and report.pack.id == name


def test_slots_must_be_declared_and_used(user_folders: UserFolders) -> None:
    """A template using an undeclared name, and a slot a language forgets, name their line."""
    french = HOST_CLAUSE.rpartition("fr = ")[2]
    clause = HOST_CLAUSE.replace(
        french, '"""\nl’offre {{ country | de }}\nd’accueillir {{ sesion }}"""\n'
    )
    assert _lines(_with_clause(user_folders.work, clause)) == [
        f"{CLAUSE}:16: [templates].fr: slot 'session' is declared but not used",
        f"{CLAUSE}:18: [templates].fr: uses {{{{ sesion }}}} but the clause declares no slot "
        "'sesion'",
    ]


def test_template_syntax_error_names_its_line(user_folders: UserFolders) -> None:
    """A syntax error in a layout template names the file and the template's line."""
    folder = extension_folder(
        user_folders.work, **{"layout/opening.fr.j2": "{{ body_definite }},\n{% if x %}oops"}
    )
    assert _lines(folder) == [
        "layout/opening.fr.j2:2: template error: Unexpected end of template. Jinja was "
        "looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block "
        "that needs to be closed is 'if'."
    ]


def test_layout_template_reads_only_its_context(user_folders: UserFolders) -> None:
    """A layout template reading a name the context lacks is refused with its line."""
    folder = extension_folder(
        user_folders.work, **{"layout/closing.en.j2": "[reference] {{ title }}\n{{ secrets }}"}
    )
    assert _lines(folder) == [
        "layout/closing.en.j2:2: uses {{ secrets }}, which layout templates do not have"
    ]


def test_trial_render_catches_runtime_faults(user_folders: UserFolders) -> None:
    """A template that parses but fails on real values fails validation, naming the clause."""
    clause = HOST_CLAUSE.replace(
        '{{ session | session_ordinal }} session"\nfr', '{{ session | date }}"\nfr'
    )
    assert _lines(_with_clause(user_folders.work, clause)) == [
        f"{CLAUSE}:15: [templates].en: 73 is not a date (YYYY-MM-DD)"
    ]


def test_missing_label_language_is_a_warning(user_folders: UserFolders) -> None:
    """A label without French shows the key in the French palette: a warning."""
    clause = HOST_CLAUSE.replace(', fr = "Accueillir l’offre d’un pays hôte"', "")
    report = validate_folder(_with_clause(user_folders.work, clause), PackRegistry())
    assert [(i.severity, i.line, i.field, i.message) for i in report.issues] == [
        (Severity.WARNING, 4, "label", "no FR label: the clause palette will show its key")
    ]


def test_agreeing_french_opener_without_feminine_warns(user_folders: UserFolders) -> None:
    """A "convaincu" without fr_f warns; invariable = true silences it; "Notant" never does."""
    phrases = (
        '[preambular.firmly-convinced]\nen = "Firmly convinced"\nfr = "Fermement convaincu"\n\n'
        '[preambular.noting-again]\nen = "Noting again"\nfr = "Notant de nouveau"\n\n'
        '[operative.is-grateful]\nen = "Is grateful"\nfr = "Sait gré"\ninvariable = true\n'
    )
    folder = extension_folder(user_folders.work, **{"phrases/extra.toml": phrases})
    assert _lines(folder) == [
        "phrases/extra.toml:3: warning: [preambular.firmly-convinced]: 'Fermement convaincu': "
        "'convaincu' looks like it agrees with the body; give the feminine form as fr_f "
        "(or set invariable = true)"
    ]


def test_extension_overrides_are_warnings(user_folders: UserFolders) -> None:
    """Replacing a base clause or phrase is allowed, and said."""
    folder = extension_folder(
        user_folders.work,
        **{
            "clauses/decides-to-remain-seized.toml": (
                templates_dir() / "un-ga" / "clauses" / "decides-to-remain-seized.toml"
            ).read_text(encoding="utf-8"),
            "phrases/extra.toml": '[operative.decides]\nen = "Decides"\nfr = "Décide"\n',
        },
    )
    assert _lines(folder) == [
        "clauses/decides-to-remain-seized.toml: warning: replaces the clause "
        "'decides-to-remain-seized' of 'un-ga'",
        "phrases/extra.toml:1: warning: [operative.decides]: replaces the operative phrase "
        "'decides' of 'un-ga'",
    ]


def test_schema_errors_stop_before_loading(user_folders: UserFolders) -> None:
    """With schema errors, only they are reported (loading would repeat them worse)."""
    folder = extension_folder(
        user_folders.work,
        **{"phrases/extra.toml": '[preambular.x]\nen = "X"\n', "pack.toml": "[pack]\nid = 3\n"},
    )
    assert _lines(folder) == [
        "pack.toml:1: [pack].author: is required",
        "pack.toml:1: [pack].name: is required",
        "pack.toml:1: [pack].version: is required",
        "pack.toml:2: [pack].id: expected text, found a number (3)",
        "phrases/extra.toml:1: [preambular.x].fr: is required",
    ]
    with pytest.raises(PackValidationError) as info:
        validate_folder(folder, PackRegistry()).raise_for_errors()
    assert str(info.value) == (
        f"{folder}/pack.toml:1: [pack].author: is required (and 4 more: see 'draftdesk pack "
        "validate')"
    )


def _minimal_docx(styles: list[str]) -> bytes:
    """A .docx whose styles part defines `styles` (by name)."""
    defined = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="{name}"/></w:style>'
        for i, name in enumerate(styles)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/styles.xml",
            '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"{defined}</w:styles>",
        )
    return buffer.getvalue()


def test_reference_docx_styles(user_folders: UserFolders) -> None:
    """All the exporter's styles: clean; some missing: a warning naming them."""
    from draftdesk.export.docx.styles import required_style_names

    names = sorted(required_style_names())
    complete = extension_folder(user_folders.work, **{"reference.docx": _minimal_docx(names)})
    assert _lines(complete) == []
    partial = extension_folder(
        user_folders.work, "2.0.0", **{"reference.docx": _minimal_docx(names[2:])}
    )
    assert _lines(partial) == [
        f"reference.docx: warning: word/styles.xml: defines no style {names[0]!r}, "
        f"{names[1]!r}: the DOCX export adds DraftDesk's own"
    ]


def test_filter_allowlist_matches_the_sandbox() -> None:
    """Every filter a template may use exists in the sandbox; every DraftDesk one is allowed."""
    renderer = TemplateRenderer("en", {})
    available = set(renderer._env.filters)
    assert available >= DRAFTDESK_FILTERS | SAFE_JINJA_FILTERS
    assert available - set(jinja2.filters.FILTERS) <= DRAFTDESK_FILTERS


def test_validate_command(user_folders: UserFolders, capsys: pytest.CaptureFixture[str]) -> None:
    """`pack validate DIR` prints a summary and exits 0, or every fault and exits 2."""
    folder = extension_folder(user_folders.work)
    assert main(["pack", "validate", str(folder)]) == 0
    assert capsys.readouterr().out == (
        f"{folder}: valid — un-ga-exampleland 1.0.0, 1 clause(s), 0 warning(s)\n"
    )
    (folder / "clauses" / "run.py").write_text("import os\n", encoding="utf-8")
    assert main(["pack", "validate", str(folder)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{folder}/clauses/run.py: not a file a pack may hold (a pack holds pack.toml, "
        "phrases/*.toml, clauses/*.toml, layout/NAME.LANG.j2, reference.docx, signature.toml, "
        "README.md, CHANGELOG.md and LICENSE)",
        f"draftdesk: {folder}: 1 error(s)",
    ]
