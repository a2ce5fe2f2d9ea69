"""Loading a pack folder into a Pack, with messages that name the file and the field."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from draftdesk import __version__
from draftdesk.errors import PackError
from draftdesk.language import FrenchForms
from draftdesk.model.document import LANGUAGES, Part
from draftdesk.packs.model import (
    Body,
    Clause,
    FieldSpec,
    HouseStyle,
    OpenerStyle,
    Pack,
    Phrase,
    SlotSpec,
    SlotType,
)
from draftdesk.packs.versions import is_at_least

PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
LAYOUT_NAMES = ("masthead", "opening", "closing")
MAX_PACK_FILE_BYTES = 2 * 1024 * 1024
REFERENCE_DOCX = "reference.docx"


def load_pack(root: Path, base: Pack | None = None) -> Pack:
    """Read `pack.toml`, phrases, clauses and layout templates of the pack folder `root`.

    A pack whose manifest says `extends = "ID"` needs `base`, the loaded pack ID (a
    PackRegistry finds it): the result holds the base's content with this pack's added
    on top, this pack winning where both define the same key.
    """
    manifest_path = root / "pack.toml"
    manifest = _read_toml(manifest_path)
    info = _table(manifest, "pack", manifest_path)
    pack_id = _text(info, "id", manifest_path, "[pack]")
    if not PACK_ID.match(pack_id):
        raise PackError(
            f"{manifest_path}: [pack].id {pack_id!r} must be lower-case letters, digits and '-'"
        )
    version = _text(info, "version", manifest_path, "[pack]")
    if not VERSION.match(version):
        raise PackError(f"{manifest_path}: [pack].version {version!r} must look like 1.2.3")
    extends = _check_base(info.get("extends"), base, manifest_path)
    languages = info.get("languages", list(base.languages if base else LANGUAGES))
    if not isinstance(languages, list) or not set(languages) <= set(LANGUAGES):
        raise PackError(
            f"{manifest_path}: [pack].languages must be a list of {', '.join(LANGUAGES)}"
        )
    if base is not None and not set(languages) <= set(base.languages):
        raise PackError(
            f"{manifest_path}: [pack].languages {languages} are not all languages of "
            f"its base pack {base.id!r} ({', '.join(base.languages)})"
        )
    min_draftdesk = str(info.get("min_draftdesk", "0.0.0"))
    if not is_at_least(__version__, min_draftdesk):
        raise PackError(
            f"{manifest_path}: [pack].min_draftdesk: the pack needs DraftDesk "
            f"{min_draftdesk} or later (this is {__version__})"
        )
    pack = Pack(
        id=pack_id,
        name=_text(info, "name", manifest_path, "[pack]"),
        version=version,
        author=str(info.get("author", "")),
        description=str(info.get("description", "")),
        languages=list(languages),
        min_draftdesk=min_draftdesk,
        style=_read_style(
            manifest.get("style", {}),
            manifest_path,
            replace(base.style) if base else HouseStyle(),
        ),
        bodies=_read_bodies(manifest.get("bodies", {}), manifest_path),
        entities=_read_entities(manifest.get("entities", {}), manifest_path),
        fields=_read_fields(manifest.get("fields", {}), manifest_path),
        root=root,
        extends=extends,
        base=base,
    )
    phrases = _read_phrases(root / "phrases")
    if base is not None:
        pack.bodies = {**base.bodies, **pack.bodies}
        pack.entities = {**base.entities, **pack.entities}
        pack.fields = {**base.fields, **pack.fields}
        phrases = {part: {**base.phrases.get(part, {}), **own} for part, own in phrases.items()}
    if not pack.bodies:
        raise PackError(f"{manifest_path}: the pack defines no [bodies.*]")
    pack.phrases = phrases
    pack.clauses = _read_clauses(root / "clauses", pack)
    pack.layout = _read_layout(root / "layout")
    reference = root / REFERENCE_DOCX
    pack.reference_docx = reference if reference.is_file() else None
    if base is not None:
        pack.clauses = {**base.clauses, **pack.clauses}
        pack.layout = {**base.layout, **pack.layout}
        pack.reference_docx = pack.reference_docx or base.reference_docx
    return pack


def _check_base(extends: Any, base: Pack | None, path: Path) -> str | None:
    """The id in `[pack].extends`, checked against the base pack given to load_pack."""
    if extends is None:
        if base is not None:
            raise PackError(f"{path}: a base pack was given but [pack].extends is not set")
        return None
    if not isinstance(extends, str) or not PACK_ID.match(extends):
        raise PackError(f"{path}: [pack].extends {extends!r} must be a pack id such as 'un-ga'")
    if base is None:
        raise PackError(
            f"{path}: the pack extends {extends!r}: load it through a PackRegistry, "
            "which finds the base pack"
        )
    if base.id != extends:
        raise PackError(f"{path}: the pack extends {extends!r}, not {base.id!r}")
    return extends


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml_file(path)[1]


def read_toml_file(path: Path) -> tuple[str, dict[str, Any]]:
    """The source text and data of a pack's TOML file; PackError naming it on any fault."""
    try:
        if path.stat().st_size > MAX_PACK_FILE_BYTES:
            raise PackError(f"{path}: larger than {MAX_PACK_FILE_BYTES // 1024} KiB")
        source = path.read_text(encoding="utf-8")
        return source, tomllib.loads(source)
    except FileNotFoundError:
        raise PackError(f"{path}: missing") from None
    except UnicodeDecodeError:
        raise PackError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: {exc}") from None
    except RecursionError:
        # tomllib recurses once per nested array or inline table: a hostile file nests deep.
        raise PackError(f"{path}: arrays or tables nested too deeply") from None


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PackError(f"{path}: missing table [{key}]")
    return value


def _text(data: dict[str, Any], key: str, path: Path, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{path}: {where}.{key} must be non-empty text")
    return value


def _per_language(value: Any, path: Path, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return dict.fromkeys(LANGUAGES, value)
    if not isinstance(value, dict) or not all(
        lang in LANGUAGES and isinstance(text, str) for lang, text in value.items()
    ):
        raise PackError(f"{path}: {where} must be text or a table of en/fr texts")
    return dict(value)


def _read_style(data: Any, path: Path, style: HouseStyle) -> HouseStyle:
    """`style` (the defaults or the base pack's) with the settings of [style] applied."""
    if not isinstance(data, dict):
        raise PackError(f"{path}: [style] must be a table")
    for key, value in data.items():
        if not hasattr(style, key):
            raise PackError(f"{path}: [style].{key} is not a house-style setting")
        current = getattr(style, key)
        try:
            if isinstance(current, OpenerStyle):
                value = OpenerStyle(value)
            elif isinstance(current, bool):
                if not isinstance(value, bool):
                    raise ValueError
            elif isinstance(current, float):
                value = float(value)
            elif not isinstance(value, str):
                raise ValueError
        except (ValueError, TypeError):
            raise PackError(f"{path}: [style].{key} = {value!r} is not valid") from None
        setattr(style, key, value)
    return style


def _read_bodies(data: Any, path: Path) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for key, value in (data or {}).items():
        where = f"[bodies.{key}]"
        if not isinstance(value, dict):
            raise PackError(f"{path}: {where} must be a table")
        gender = value.get("gender", "f")
        number = value.get("number", "sg")
        if gender not in ("m", "f") or number not in ("sg", "pl"):
            raise PackError(f"{path}: {where} gender must be m|f and number sg|pl")
        name = _per_language(value.get("name"), path, f"{where}.name")
        definite = _per_language(value.get("definite", name), path, f"{where}.definite")
        bodies[key] = Body(key, name, gender, number, definite)
    return bodies


def _read_entities(data: Any, path: Path) -> dict[str, dict[str, str]]:
    return {
        key: _per_language(value, path, f"[entities.{key}]") for key, value in (data or {}).items()
    }


def _read_fields(data: Any, path: Path) -> dict[str, FieldSpec]:
    fields: dict[str, FieldSpec] = {}
    for name, spec in (data or {}).items():
        where = f"[fields.{name}]"
        if not isinstance(spec, dict):
            raise PackError(f"{path}: {where} must be a table")
        per_language = bool(spec.get("per_language", False))
        default = spec.get("default", dict.fromkeys(LANGUAGES, "") if per_language else "")
        if per_language:
            default = _per_language(default, path, f"{where}.default")
        elif not isinstance(default, (str, int)):
            raise PackError(f"{path}: {where}.default must be text or a number")
        fields[name] = FieldSpec(
            name,
            _per_language(spec.get("label", name), path, f"{where}.label"),
            default,
            per_language,
        )
    return fields


def _read_phrases(folder: Path) -> dict[Part, dict[str, Phrase]]:
    phrases: dict[Part, dict[str, Phrase]] = {Part.PREAMBLE: {}, Part.OPERATIVE: {}}
    parts = {"preambular": Part.PREAMBLE, "operative": Part.OPERATIVE}
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        data = _read_toml(path)
        for section, entries in data.items():
            if section not in parts or not isinstance(entries, dict):
                raise PackError(
                    f"{path}: top-level tables must be [preambular.*] or "
                    f"[operative.*], found [{section}]"
                )
            library = phrases[parts[section]]
            for key, entry in entries.items():
                where = f"[{section}.{key}]"
                if key in library:
                    raise PackError(f"{path}: {where} is already defined in another file")
                if not isinstance(entry, dict):
                    raise PackError(f"{path}: {where} must be a table")
                forms = FrenchForms(
                    m=_text(entry, "fr", path, where),
                    f=entry.get("fr_f"),
                    mp=entry.get("fr_mp"),
                    fp=entry.get("fr_fp"),
                )
                library[key] = Phrase(
                    key,
                    parts[section],
                    _text(entry, "en", path, where),
                    forms,
                    str(entry.get("notes", "")),
                )
    return phrases


def _read_clauses(folder: Path, pack: Pack) -> dict[str, Clause]:
    clauses: dict[str, Clause] = {}
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        data = _read_toml(path)
        key = path.stem
        part_name = data.get("part")
        if part_name not in ("preambular", "operative"):
            raise PackError(f'{path}: part must be "preambular" or "operative"')
        part = Part.PREAMBLE if part_name == "preambular" else Part.OPERATIVE
        opener = data.get("opener")
        if opener is not None and pack.phrase(part, opener) is None:
            raise PackError(f"{path}: opener {opener!r} is not a {part_name} phrase of the pack")
        templates = data.get("templates")
        if not isinstance(templates, dict) or not all(
            isinstance(templates.get(lang), str) for lang in pack.languages
        ):
            raise PackError(
                f"{path}: [templates] needs a template for each of {', '.join(pack.languages)}"
            )
        slots: dict[str, SlotSpec] = {}
        for name, spec in (data.get("slots") or {}).items():
            where = f"[slots.{name}]"
            if not isinstance(spec, dict):
                raise PackError(f"{path}: {where} must be a table")
            try:
                slot_type = SlotType(str(spec.get("type")))
            except ValueError:
                raise PackError(
                    f"{path}: {where}.type {spec.get('type')!r} is not one of "
                    f"{', '.join(t.value for t in SlotType)}"
                ) from None
            slots[name] = SlotSpec(
                name,
                slot_type,
                _per_language(spec.get("label", name), path, f"{where}.label"),
                bool(spec.get("required", True)),
                spec.get("default"),
            )
        clauses[key] = Clause(
            key,
            part,
            opener,
            _per_language(data.get("label", key), path, "label"),
            slots,
            {lang: templates[lang] for lang in pack.languages},
            source=str(path),
        )
    return clauses


def _read_layout(folder: Path) -> dict[str, str]:
    layout: dict[str, str] = {}
    for name in LAYOUT_NAMES:
        for lang in LANGUAGES:
            path = folder / f"{name}.{lang}.j2"
            if path.is_file():
                if path.stat().st_size > MAX_PACK_FILE_BYTES:
                    raise PackError(f"{path}: larger than {MAX_PACK_FILE_BYTES // 1024} KiB")
                layout[f"{name}.{lang}"] = path.read_text(encoding="utf-8")
    return layout
