"""A pack that `extends = "un-ga"`: merged content, conflicts, chains, palette and CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.commands import new_document
from draftdesk.errors import PackError
from draftdesk.export.text import layout_to_text
from draftdesk.model.document import Paragraph, Part
from draftdesk.packs import OpenerStyle, PackRegistry, load_pack
from draftdesk.packs.catalog import build
from draftdesk.packs.install import install
from draftdesk.packs.trust import TrustedKeys
from draftdesk.palette import EntryKind, palette_entries
from draftdesk.paths import templates_dir
from draftdesk.render import build_layout
from tests.packs.builders import EXTENSION_ID, extension_folder, write_pack
from tests.packs.conftest import UserFolders

STYLE_AND_LAYOUT = {
    "pack.toml": (
        '[pack]\nid = "un-ga-caps"\nname = "Capitals"\nversion = "1.0.0"\nauthor = "A"\n'
        'extends = "un-ga"\nlanguages = ["en"]\n\n[style]\noperative_opener = "caps"\n\n'
        '[entities.secretary-general]\nen = "the Secretary-General of the United Nations"\n'
        'fr = "le Secrétaire général de l’ONU"\n'
    ),
    "layout/opening.en.j2": "*{{ body_definite | capfirst }}, meeting in plenary,*",
}


def _registry_with(folder: Path) -> PackRegistry:
    """Built-in packs plus the packs in `folder` (one sub-folder per pack)."""
    return PackRegistry([templates_dir(), folder])


def test_extension_adds_clauses_and_phrases_on_top_of_its_base(user_folders: UserFolders) -> None:
    """The merged pack holds the base's clauses and phrases and the extension's own."""
    extension_folder(user_folders.work / "packs")
    (user_folders.work / "packs" / "ext-1.0.0").rename(user_folders.work / "packs" / EXTENSION_ID)
    registry = _registry_with(user_folders.work / "packs")
    pack = registry.get(EXTENSION_ID)
    base = registry.get("un-ga")
    assert pack.base is base and pack.extends == "un-ga"
    assert set(pack.clauses) == set(base.clauses) | {"welcomes-host-offer"}
    assert pack.clauses["request-report-session"] is base.clauses["request-report-session"]
    assert pack.phrase(Part.PREAMBLE, "resolved-to") is not None
    assert pack.phrase(Part.PREAMBLE, "recalling") is base.phrase(Part.PREAMBLE, "recalling")
    assert pack.bodies == base.bodies and pack.languages == ["en", "fr"]
    assert pack.layout == base.layout and pack.style == base.style
    assert "welcomes-host-offer" not in base.clauses  # the base pack is left as it was

    entries = palette_entries(pack, pack.bodies["general-assembly"])
    clause_keys = [entry.key for entry in entries if entry.kind is EntryKind.CLAUSE]
    assert "welcomes-host-offer" in clause_keys and "request-report-session" in clause_keys


def test_extension_style_layout_and_entities_win(user_folders: UserFolders) -> None:
    """[style] keys, layout templates and entities of the extension replace the base's."""
    write_pack(user_folders.work / "packs" / "un-ga-caps", STYLE_AND_LAYOUT)
    pack = _registry_with(user_folders.work / "packs").get("un-ga-caps")
    assert pack.style.operative_opener is OpenerStyle.CAPS
    assert pack.style.preambular_opener is OpenerStyle.ITALIC  # kept from un-ga
    assert pack.languages == ["en"]
    document = new_document(pack, "general-assembly")
    document.operative.append(Paragraph(id="op-1", clause="takes-note-of-report"))
    text = layout_to_text(build_layout(document, pack, "en"))
    assert text.splitlines()[-2:] == [
        "The General Assembly, meeting in plenary,",
        "1. TAKES NOTE WITH APPRECIATION of the report of the Secretary-General of the "
        "United Nations.",
    ]


def test_override_of_a_base_clause_wins(user_folders: UserFolders) -> None:
    """A clause file named like a base clause replaces it in the merged pack."""
    root = extension_folder(
        user_folders.work,
        **{
            "clauses/decides-to-remain-seized.toml": (
                'part = "operative"\nopener = "decides"\n[templates]\n'
                'en = "to remain actively seized of the matter"\n'
                'fr = "de demeurer activement saisie de la question"\n'
            )
        },
    )
    pack = PackRegistry([templates_dir()]).load_folder(root)
    assert pack.clauses["decides-to-remain-seized"].templates["en"] == (
        "to remain actively seized of the matter"
    )


def test_extension_languages_must_be_its_base_languages(user_folders: UserFolders) -> None:
    """An extension cannot add a language its base pack's clauses lack."""
    write_pack(
        user_folders.work / "packs" / "x",
        {
            "pack.toml": '[pack]\nid = "x"\nname = "X"\nversion = "1.0.0"\n'
            'extends = "x-base"\nlanguages = ["en", "fr"]\n'
        },
    )
    files = dict(STYLE_AND_LAYOUT)
    files["pack.toml"] = files["pack.toml"].replace("un-ga-caps", "x-base")
    write_pack(user_folders.work / "packs" / "x-base", files)
    with pytest.raises(PackError) as info:
        _registry_with(user_folders.work / "packs").get("x")
    assert str(info.value) == (
        f"{user_folders.work / 'packs' / 'x' / 'pack.toml'}: [pack].languages ['en', 'fr'] are "
        "not all languages of its base pack 'x-base' (en)"
    )


def test_extends_loops_and_missing_bases(user_folders: UserFolders) -> None:
    """A loop of extends, a missing base and a too-old base are clear errors."""
    packs = user_folders.work / "packs"
    for name, base in (("a", "b"), ("b", "a"), ("c", "nowhere"), ("d", "un-ga")):
        minimum = 'extends_version = "2.0.0"\n' if name == "d" else ""
        write_pack(
            packs / name,
            {
                "pack.toml": f'[pack]\nid = "{name}"\nname = "N"\nversion = "1.0.0"\n'
                f'extends = "{base}"\n{minimum}'
            },
        )
    registry = _registry_with(packs)
    expected = {
        "a": f"{packs / 'b' / 'pack.toml'}: [pack].extends makes a loop (a → b → a)",
        "c": f"{packs / 'c' / 'pack.toml'}: [pack].extends: the base pack 'nowhere' 0.0.0 or "
        "later is needed (available: not installed)",
        "d": f"{packs / 'd' / 'pack.toml'}: [pack].extends: the base pack 'un-ga' 2.0.0 or "
        "later is needed (available: 1.0.0)",
    }
    for name, message in expected.items():
        with pytest.raises(PackError) as info:
            registry.get(name)
        assert str(info.value) == message


def test_load_pack_needs_the_base(user_folders: UserFolders) -> None:
    """load_pack alone cannot merge an extension: it says to go through a PackRegistry."""
    root = extension_folder(user_folders.work)
    with pytest.raises(PackError) as info:
        load_pack(root)
    assert str(info.value) == (
        f"{root / 'pack.toml'}: the pack extends 'un-ga': load it through a PackRegistry, "
        "which finds the base pack"
    )


def test_show_lists_own_and_inherited_clauses(
    user_folders: UserFolders, trusted: TrustedKeys, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pack show ID` marks the extension's clauses [new] and the base's [un-ga]."""
    registry = PackRegistry(installed=user_folders.packs)
    build(extension_folder(user_folders.work), user_folders.work / "x.ddpack", registry)
    install(user_folders.work / "x.ddpack", registry, trusted, allow_unsigned=True)
    capsys.readouterr()
    assert main(["pack", "show", EXTENSION_ID]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:6] == [
        f"{EXTENSION_ID} 1.0.0: Exampleland additions to the General Assembly pack",
        "author: Permanent Mission of Exampleland",
        "description: Clauses the delegation of Exampleland uses.",
        "languages: en, fr",
        "extends: un-ga 1.0.0",
        "bodies: general-assembly",
    ]
    assert out[6] == "phrases: 74 preambular, 57 operative"
    assert out[7] == "clauses (7):"
    assert out[8].split() == [
        "welcomes-host-offer",
        "operative",
        "[new]",
        "Welcome",
        "a",
        "host",
        "country's",
        "offer",
    ]
    assert out[9].split()[:3] == ["decides-to-remain-seized", "operative", "[un-ga]"]
    assert out[-2:] == [
        "signature: unsigned",
        f"folder: {user_folders.packs / EXTENSION_ID / '1.0.0'}",
    ]
