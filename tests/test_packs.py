"""Template packs: the built-in packs, French agreement by body, sandboxing, malformed packs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jinja2.exceptions import SecurityError

import draftdesk.packs.registry
from draftdesk.cli import main
from draftdesk.commands import new_document
from draftdesk.errors import PackError, RenderError
from draftdesk.model import fileformat
from draftdesk.model.document import Document, Footnote, Paragraph, Part
from draftdesk.model.inline import parse_inline
from draftdesk.packs import Pack, PackRegistry, SlotType, load_pack
from draftdesk.paths import templates_dir
from draftdesk.render import Layout, build_layout
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE

SAMPLE_FOOTNOTE = "fn-sample"


def _sample_value(kind: SlotType, pack: Pack) -> Any:
    """A valid stored value for a slot of type `kind`."""
    return {
        SlotType.TEXT: {"en": "x", "fr": "x"},
        SlotType.ORDINAL: 73,
        SlotType.NUMBER: 3,
        SlotType.DATE: "2020-01-01",
        SlotType.DATE_RANGE: {"start": "2020-01-01", "end": "2020-01-03"},
        SlotType.CITATIONS: [{"symbol": "37/4", "date": "1982-10-22"}],
        SlotType.ENTITY: next(iter(pack.entities)),
        SlotType.FOOTNOTE: SAMPLE_FOOTNOTE,
        SlotType.LIST: {"en": ["a"], "fr": ["a"]},
    }[kind]


def _document(pack: Pack, body: str | None = None) -> Document:
    """An empty document of `pack` (first body unless given) with one footnote.

    Session, meeting and pack fields come from the OIC example, because the OIC
    masthead and opening need them (a bare new OIC document is tested in test_cli).
    """
    document = new_document(pack, body or next(iter(pack.bodies)))
    example = fileformat.load(OIC_EXAMPLE).metadata
    document.metadata.session = example.session
    document.metadata.meeting = example.meeting
    document.metadata.fields = dict(example.fields)
    document.footnotes.append(
        Footnote(
            SAMPLE_FOOTNOTE,
            {"en": parse_inline("A/72/1."), "fr": parse_inline("A/72/1.")},
        )
    )
    return document


def _paragraph_text(layout: Layout, paragraph_id: str) -> str:
    """The rendered text of one paragraph's block."""
    blocks = [b for b in layout.blocks if b.paragraph_id == paragraph_id]
    assert len(blocks) == 1
    return blocks[0].text


def _copy_pack(tmp_path: Path, name: str = "un-ga", folder: str | None = None) -> Path:
    """A copy of a built-in pack under tmp_path/packs/FOLDER."""
    target = tmp_path / "packs" / (folder or name)
    shutil.copytree(templates_dir() / name, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    """Replace one occurrence of `old` in a text file (which must contain it)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _pack_error(root: Path) -> str:
    """The message of the PackError raised when loading `root`."""
    with pytest.raises(PackError) as info:
        load_pack(root)
    return str(info.value)


# The built-in packs ----------------------------------------------------------------------


def test_builtin_pack_ids(registry: PackRegistry) -> None:
    """The registry finds exactly the two built-in packs, sorted."""
    assert registry.ids() == ["oic-cfm", "un-ga"]


def test_builtin_packs_load_with_their_ids(un_pack: Pack, oic_pack: Pack) -> None:
    """Each built-in pack loads with the id, version, languages and bodies it declares."""
    assert (un_pack.id, un_pack.version, un_pack.languages) == ("un-ga", "1.0.0", ["en", "fr"])
    assert (oic_pack.id, oic_pack.version) == ("oic-cfm", "1.0.0")
    assert list(un_pack.bodies) == ["general-assembly"]
    assert "council-of-foreign-ministers" in oic_pack.bodies


def test_phrase_libraries_are_large_enough(un_pack: Pack, oic_pack: Pack) -> None:
    """Across both packs: at least 60 preambular and 50 operative distinct phrases."""
    preambular = {(p.id, k) for p in (un_pack, oic_pack) for k in p.phrases[Part.PREAMBLE]}
    operative = {(p.id, k) for p in (un_pack, oic_pack) for k in p.phrases[Part.OPERATIVE]}
    assert len(preambular) >= 60
    assert len(operative) >= 50


def test_at_least_eight_clause_templates(un_pack: Pack, oic_pack: Pack) -> None:
    """Across both packs there are at least 8 clause templates."""
    assert len(un_pack.clauses) + len(oic_pack.clauses) >= 8


@pytest.mark.parametrize("pack_id", ["un-ga", "oic-cfm"])
def test_every_phrase_has_english_and_french(registry: PackRegistry, pack_id: str) -> None:
    """Every phrase has non-empty English and French (masculine) forms and the right part."""
    pack = registry.get(pack_id)
    for part, library in pack.phrases.items():
        assert library, part
        for key, phrase in library.items():
            assert phrase.key == key
            assert phrase.part is part
            assert phrase.en.strip(), key
            assert phrase.fr.m.strip(), key
            for form in (phrase.fr.f, phrase.fr.mp, phrase.fr.fp):
                assert form is None or form.strip(), key


@pytest.mark.parametrize("pack_id", ["un-ga", "oic-cfm"])
def test_every_clause_default_opener_exists(registry: PackRegistry, pack_id: str) -> None:
    """Every clause's default opener is a phrase of the clause's own part."""
    pack = registry.get(pack_id)
    for clause in pack.clauses.values():
        if clause.opener is not None:
            assert pack.phrase(clause.part, clause.opener) is not None, clause.key


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("pack_id", ["un-ga", "oic-cfm"])
def test_every_clause_renders_with_sample_slots(
    registry: PackRegistry, pack_id: str, lang: str
) -> None:
    """Every clause renders in EN and FR from sample values of its slot types."""
    pack = registry.get(pack_id)
    document = _document(pack)
    for key, clause in pack.clauses.items():
        paragraph = Paragraph(
            id=f"c-{key}",
            clause=key,
            slots={name: _sample_value(spec.type, pack) for name, spec in clause.slots.items()},
        )
        target = document.preamble if clause.part is Part.PREAMBLE else document.operative
        target.append(paragraph)
    layout = build_layout(document, pack, lang)
    for key in pack.clauses:
        text = _paragraph_text(layout, f"c-{key}")
        assert len(text) > 10, (key, text)
        assert "{{" not in text and "{%" not in text, (key, text)


def test_clause_slot_values_reach_the_text(un_pack: Pack) -> None:
    """Sample slot values appear in the rendered clause, in each language's form."""
    document = _document(un_pack)
    document.operative.append(
        Paragraph(
            id="op-report",
            clause="request-report-session",
            slots={"session": 73, "subject": {"en": "on cats", "fr": "des chats"}},
        )
    )
    english = _paragraph_text(build_layout(document, un_pack, "en"), "op-report")
    french = _paragraph_text(build_layout(document, un_pack, "fr"), "op-report")
    assert english == (
        "Requests the Secretary-General to report to it at its seventy-third session on cats."
    )
    assert "soixante-treizième session" in french
    assert "des chats" in french


# French agreement by body -----------------------------------------------------------------


def _convinced(pack: Pack, body: str, lang: str = "fr") -> str:
    """The rendered preambular paragraph "Convinced …" for `body`."""
    document = _document(pack, body)
    document.preamble.append(
        Paragraph(
            id="pp-convinced",
            opener="convinced",
            text={"en": parse_inline("that peace matters"), "fr": parse_inline("que la paix")},
        )
    )
    return _paragraph_text(build_layout(document, pack, lang), "pp-convinced")


def test_feminine_body_agrees(un_pack: Pack) -> None:
    """The General Assembly (f, sg) is "Convaincue"."""
    assert _convinced(un_pack, "general-assembly") == "Convaincue que la paix,"
    assert _convinced(un_pack, "general-assembly", "en") == "Convinced that peace matters,"


def test_masculine_and_plural_bodies_agree(tmp_path: Path) -> None:
    """A masculine body is "Convaincu", a masculine plural one "Convaincus"."""
    root = _copy_pack(tmp_path)
    manifest = root / "pack.toml"
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write(
            "\n[bodies.committee]\n"
            'name = { en = "Committee", fr = "Comité" }\n'
            'gender = "m"\nnumber = "sg"\n'
            "\n[bodies.states-parties]\n"
            'name = { en = "States Parties", fr = "États parties" }\n'
            'gender = "m"\nnumber = "pl"\n'
            "\n[bodies.delegations]\n"
            'name = { en = "Delegations", fr = "Délégations" }\n'
            'gender = "f"\nnumber = "pl"\n'
        )
    pack = load_pack(root)
    assert _convinced(pack, "general-assembly") == "Convaincue que la paix,"
    assert _convinced(pack, "committee") == "Convaincu que la paix,"
    assert _convinced(pack, "states-parties") == "Convaincus que la paix,"
    assert _convinced(pack, "delegations") == "Convaincues que la paix,"


def test_rewritten_body_gender_changes_agreement(tmp_path: Path) -> None:
    """Rewriting the General Assembly's gender to "m" in pack.toml gives "Convaincu"."""
    root = _copy_pack(tmp_path)
    _replace(root / "pack.toml", 'gender = "f"', 'gender = "m"')
    assert _convinced(load_pack(root), "general-assembly") == "Convaincu que la paix,"


# Hostile templates ----------------------------------------------------------------------

HOSTILE: dict[str, tuple[str, str]] = {
    "mro": ("{{ ''.__class__.__mro__ }}", "not allowed in a pack"),
    "subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed in a pack"),
    "cycler-globals": ("{{ cycler.__init__.__globals__ }}", "not allowed in a pack"),
    "self-init": ("{{ self.__init__ }}", "not allowed in a pack"),
    "huge-range": ("{{ range(10**9)|list }}", "'range' is undefined"),
    "output-limit": (
        "{% for i in 'x'*100 %}{% for j in 'y'*2000 %}z{% endfor %}{% endfor %}",
        "the template produced more than 100000 characters",
    ),
    "undefined": ("{{ undefined_name }}", "'undefined_name' is undefined"),
    "include": ("{% include 'x' %}", "the template failed"),
    "syntax-error": ("{{ x ", "template error at line 1"),
}


def _hostile_clause_pack(tmp_path: Path, template: str) -> Pack:
    """A copy of un-ga whose decides-to-remain-seized FR template is `template`."""
    root = _copy_pack(tmp_path)
    clause = root / "clauses" / "decides-to-remain-seized.toml"
    text = clause.read_text(encoding="utf-8")
    head, _, _ = text.partition("[templates]")
    clause.write_text(
        f'{head}[templates]\nen = "to remain seized"\nfr = {json.dumps(template)}\n',
        encoding="utf-8",
    )
    return load_pack(root)


def _assert_render_error(call: Any, *needles: str) -> str:
    """`call()` raises RenderError (not SecurityError) whose message holds every needle."""
    with pytest.raises(RenderError) as info:
        call()
    assert not isinstance(info.value, SecurityError)
    message = str(info.value)
    assert "\n" not in message, message
    for needle in needles:
        assert needle in message, message
    return message


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_clause_template_is_a_render_error(tmp_path: Path, name: str) -> None:
    """A hostile clause template raises RenderError naming the paragraph and clause."""
    template, fault = HOSTILE[name]
    pack = _hostile_clause_pack(tmp_path, template)
    document = _document(pack)
    document.operative.append(Paragraph(id="op-seized", clause="decides-to-remain-seized"))
    assert _paragraph_text(build_layout(document, pack, "en"), "op-seized") == (
        "Decides to remain seized."
    )
    message = _assert_render_error(lambda: build_layout(document, pack, "fr"), fault)
    assert message.startswith("paragraph 'op-seized' (FR): clause 'decides-to-remain-seized': "), (
        message
    )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_layout_template_is_a_render_error(tmp_path: Path, name: str) -> None:
    """A hostile layout/opening.fr.j2 raises RenderError naming the layout file."""
    template, fault = HOSTILE[name]
    root = _copy_pack(tmp_path)
    (root / "layout" / "opening.fr.j2").write_text(template, encoding="utf-8")
    pack = load_pack(root)
    document = fileformat.load(UN_EXAMPLE)
    build_layout(document, pack, "en")
    message = _assert_render_error(lambda: build_layout(document, pack, "fr"), fault)
    assert message.startswith("pack 'un-ga': layout/opening.fr.j2: "), message


def test_hostile_template_through_cli_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """export with a pack whose layout reaches for __subclasses__ exits 2 with one line."""
    root = _copy_pack(tmp_path)
    (root / "layout" / "opening.fr.j2").write_text(HOSTILE["subclasses"][0], encoding="utf-8")
    monkeypatch.setattr(draftdesk.packs.registry, "templates_dir", lambda: root.parent)
    out = tmp_path / "out.txt"
    code = main(["export", str(UN_EXAMPLE), "--lang", "fr", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in captured.out + captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("draftdesk: ")
    assert lines[0].startswith(f"draftdesk: {UN_EXAMPLE}: pack 'un-ga': layout/opening.fr.j2: ")
    assert "not allowed in a pack" in lines[0]
    assert not out.exists()


# Malformed packs ------------------------------------------------------------------------


def test_missing_manifest(tmp_path: Path) -> None:
    """A folder without pack.toml is refused naming pack.toml."""
    root = tmp_path / "empty"
    root.mkdir()
    assert _pack_error(root) == f"{root / 'pack.toml'}: missing"


def test_manifest_syntax_error(tmp_path: Path) -> None:
    """A TOML syntax error names pack.toml and the line."""
    root = _copy_pack(tmp_path)
    _replace(root / "pack.toml", 'version = "1.0.0"', "version = 1.0.0")
    message = _pack_error(root)
    assert message.startswith(f"{root / 'pack.toml'}: ")
    assert "(at line 7, column " in message


def test_pack_id_with_capitals(tmp_path: Path) -> None:
    """[pack].id with capitals is refused naming the field."""
    root = _copy_pack(tmp_path)
    _replace(root / "pack.toml", 'id = "un-ga"', 'id = "UN-GA"')
    message = _pack_error(root)
    assert message.startswith(f"{root / 'pack.toml'}: [pack].id 'UN-GA'")


def test_pack_version_not_semver(tmp_path: Path) -> None:
    """[pack].version "1.0" is refused naming the field."""
    root = _copy_pack(tmp_path)
    _replace(root / "pack.toml", 'version = "1.0.0"', 'version = "1.0"')
    assert _pack_error(root) == (
        f"{root / 'pack.toml'}: [pack].version '1.0' must look like 1.2.3"
    )


def test_unknown_opener_style(tmp_path: Path) -> None:
    """[style].preambular_opener = "bold" is refused naming the field and value."""
    root = _copy_pack(tmp_path)
    _replace(root / "pack.toml", 'preambular_opener = "italic"', 'preambular_opener = "bold"')
    assert _pack_error(root) == (
        f"{root / 'pack.toml'}: [style].preambular_opener = 'bold' is not valid"
    )


def test_body_gender_x(tmp_path: Path) -> None:
    """A body with gender "x" is refused naming the body."""
    root = _copy_pack(tmp_path)
    _replace(root / "pack.toml", 'gender = "f"', 'gender = "x"')
    message = _pack_error(root)
    assert message.startswith(f"{root / 'pack.toml'}: [bodies.general-assembly] gender")
    assert "m|f" in message


def test_phrase_missing_french(tmp_path: Path) -> None:
    """A phrase without "fr" is refused naming its file and table."""
    root = _copy_pack(tmp_path)
    house = root / "phrases" / "house.toml"
    _replace(house, 'fr = "Saluant"\n', "")
    assert _pack_error(root) == f"{house}: [preambular.commending].fr must be non-empty text"


def test_duplicate_phrase_across_files(tmp_path: Path) -> None:
    """A phrase key defined in two phrase files is refused naming the second file."""
    root = _copy_pack(tmp_path)
    extra = root / "phrases" / "zz-extra.toml"
    extra.write_text('[preambular.commending]\nen = "Commending"\nfr = "Saluant"\n', "utf-8")
    assert _pack_error(root) == (
        f"{extra}: [preambular.commending] is already defined in another file"
    )


def test_clause_part_annex(tmp_path: Path) -> None:
    """A clause whose part is "annex" is refused naming the clause file."""
    root = _copy_pack(tmp_path)
    clause = root / "clauses" / "decides-to-remain-seized.toml"
    _replace(clause, 'part = "operative"', 'part = "annex"')
    assert _pack_error(root) == f'{clause}: part must be "preambular" or "operative"'


def test_clause_unknown_opener(tmp_path: Path) -> None:
    """A clause whose opener is not a phrase of its part is refused naming it."""
    root = _copy_pack(tmp_path)
    clause = root / "clauses" / "decides-to-remain-seized.toml"
    _replace(clause, 'opener = "decides"', 'opener = "no-such-opener"')
    assert _pack_error(root) == (
        f"{clause}: opener 'no-such-opener' is not a operative phrase of the pack"
    )


def test_clause_missing_french_template(tmp_path: Path) -> None:
    """A clause without its FR template is refused naming [templates]."""
    root = _copy_pack(tmp_path)
    clause = root / "clauses" / "decides-to-remain-seized.toml"
    text = clause.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("fr = ")]
    clause.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _pack_error(root) == f"{clause}: [templates] needs a template for each of en, fr"


def test_clause_slot_type_colour(tmp_path: Path) -> None:
    """A slot of type "colour" is refused naming the slot and the known types."""
    root = _copy_pack(tmp_path)
    clause = root / "clauses" / "request-report-session.toml"
    _replace(clause, 'type = "ordinal"', 'type = "colour"')
    message = _pack_error(root)
    assert message.startswith(f"{clause}: [slots.session].type 'colour' is not one of ")
    assert "ordinal" in message and "citations" in message


def test_folder_name_must_match_pack_id(tmp_path: Path) -> None:
    """registry.get refuses a pack whose folder name differs from its [pack].id."""
    root = _copy_pack(tmp_path, folder="my-pack")
    registry = PackRegistry([root.parent])
    assert registry.ids() == ["my-pack"]
    with pytest.raises(PackError) as info:
        registry.get("my-pack")
    assert str(info.value) == (
        f"{root / 'pack.toml'}: id 'un-ga' does not match its folder name 'my-pack'"
    )


def test_registry_unknown_pack(tmp_path: Path) -> None:
    """registry.get of an absent pack lists the available ones."""
    _copy_pack(tmp_path)
    registry = PackRegistry([tmp_path / "packs"])
    with pytest.raises(PackError) as info:
        registry.get("nope")
    assert str(info.value) == "pack 'nope' is not installed (available: un-ga)"
