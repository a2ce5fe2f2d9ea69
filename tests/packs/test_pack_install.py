"""Build, sign, install, list, use in a document, export DOCX, remove: the life of a pack."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest

import draftdesk.packs.install
from draftdesk.cli import main
from draftdesk.errors import PackError
from draftdesk.model import fileformat
from draftdesk.model.document import Paragraph
from draftdesk.model.inline import parse_inline
from draftdesk.packs.archive import read_archive
from draftdesk.packs.catalog import SigningKey, build, export, list_packs, remove
from draftdesk.packs.install import UntrustedPackError, install, preview
from draftdesk.packs.registry import MissingPackVersionError, PackRegistry, PackSource
from draftdesk.packs.signing import SignatureState
from draftdesk.packs.trust import TrustedKeys
from draftdesk.validation import pack_for
from tests.packs.builders import (
    AUTHOR,
    EXTENSION_ID,
    copy_builtin,
    extension_folder,
    key_pair,
    snapshot,
)
from tests.packs.conftest import UserFolders


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `draftdesk ARGV`; (exit code, stdout, stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def _archive(folders: UserFolders, version: str = "1.0.0", key: Path | None = None) -> Path:
    """The Exampleland extension built into work/ext-VERSION.ddpack (signed with `key`)."""
    output = folders.work / f"ext-{version}.ddpack"
    signing = SigningKey(key) if key else None
    build(extension_folder(folders.work, version), output, PackRegistry(), signing)
    return output


def _add_paragraphs(document_path: Path) -> None:
    """Give a document a preambular opener of the extension and two operative clauses."""
    document = fileformat.load(document_path)
    document.preamble.append(
        Paragraph(
            id="pp-1",
            opener="resolved-to",
            text={"en": parse_inline("act together"), "fr": parse_inline("agir ensemble")},
        )
    )
    document.operative.append(
        Paragraph(
            id="op-1",
            clause="welcomes-host-offer",
            slots={"country": {"en": "Senegal", "fr": "le Sénégal"}, "session": 81},
        )
    )
    document.operative.append(Paragraph(id="op-2", clause="decides-to-remain-seized"))
    fileformat.save(document, document_path)


EXPECTED_EN = [
    "The General Assembly,",
    "Resolved to act together,",
    "1. Welcomes the offer of Senegal to host the eighty-first session;",
    "2. Decides to remain seized of the matter.",
]
EXPECTED_FR = [
    "L’Assemblée générale,",
    "Résolue à agir ensemble,",
    "1. Se félicite de l’offre du Sénégal d’accueillir la quatre-vingt-unième session\u202f;",
    "2. Décide de rester saisie de la question.",
]


def test_build_sign_trust_install_list_use_remove(
    user_folders: UserFolders, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole life of a signed extension pack, through the command line."""
    work = user_folders.work
    key = work / "exampleland.key"
    code, out, _ = _cli(capsys, "pack", "keygen", "-o", str(key), "--name", AUTHOR)
    assert code == 0
    fingerprint = re.search(r"public key (\S+) \(share it\)", out)
    assert fingerprint is not None
    assert os.stat(key).st_mode & 0o777 == 0o600

    folder = extension_folder(work)
    archive = work / "exampleland.ddpack"
    code, out, _ = _cli(
        capsys, "pack", "build", str(folder), "-o", str(archive), "--key", str(key)
    )
    assert (code, out) == (0, f"{archive}: {EXTENSION_ID} 1.0.0 built (signed)\n")

    code, out, err = _cli(capsys, "pack", "install", str(archive))
    assert code == 2
    assert err == (
        f"draftdesk: {archive}: {EXTENSION_ID} 1.0.0 by '{AUTHOR}' is signed by {AUTHOR}, "
        f"key {fingerprint.group(1)} is not trusted; trust the key with 'draftdesk pack trust "
        "KEY.pub' or install with --allow-unsigned\n"
    )
    assert not user_folders.packs.exists()

    code, out, _ = _cli(capsys, "pack", "trust", f"{key}.pub")
    assert code == 0
    code, out, _ = _cli(capsys, "pack", "install", str(archive))
    installed = user_folders.packs / EXTENSION_ID / "1.0.0"
    assert (code, out) == (
        0,
        f"{EXTENSION_ID} 1.0.0 installed (1 clause(s), extends un-ga 1.0.0) in {installed}\n",
    )
    assert sorted(p.relative_to(installed).as_posix() for p in installed.rglob("*.toml")) == [
        "clauses/welcomes-host-offer.toml",
        "pack.toml",
        "phrases/extra.toml",
        "signature.toml",
    ]

    code, out, _ = _cli(capsys, "pack", "list")
    row = next(line for line in out.splitlines() if line.startswith(EXTENSION_ID))
    assert row.split()[:3] == [EXTENSION_ID, "1.0.0", "installed"]
    assert f"signed by {AUTHOR} (trusted key {fingerprint.group(1)})" in row
    assert row.endswith("Exampleland additions to the General Assembly pack (extends un-ga)")
    assert any(line.split()[:3] == ["un-ga", "1.0.0", "built-in"] for line in out.splitlines())

    document = work / "doc.draftdesk"
    code, out, _ = _cli(
        capsys, "new", "--pack", EXTENSION_ID, "--body", "general-assembly", "-o", str(document)
    )
    assert code == 0
    meta = fileformat.load(document).metadata
    assert (meta.pack, meta.pack_version) == (EXTENSION_ID, "1.0.0")
    _add_paragraphs(document)
    for lang, expected in (("en", EXPECTED_EN), ("fr", EXPECTED_FR)):
        out_file = work / f"doc.{lang}.txt"
        code, _, err = _cli(capsys, "export", str(document), "--lang", lang, "-o", str(out_file))
        assert (code, err) == (0, "")
        lines = out_file.read_text(encoding="utf-8").splitlines()
        start = lines.index(expected[0])
        assert lines[start:] == expected

    code, out, _ = _cli(capsys, "pack", "remove", EXTENSION_ID)
    assert (code, out) == (0, f"{EXTENSION_ID} 1.0.0 removed\n")
    assert not (user_folders.packs / EXTENSION_ID).exists()
    code, _, err = _cli(capsys, "export", str(document), "--lang", "en", "-o", str(work / "x"))
    assert code == 2
    assert f"pack '{EXTENSION_ID}' is not installed (available: oic-cfm, un-ga)" in err


def test_docx_export_uses_the_pack_reference_styles(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """A pack's reference.docx restyles Operative Paragraph; the DOCX export keeps it."""
    from draftdesk.export.docx.reference import reference_bytes
    from draftdesk.export.docx.styles import Look

    base = user_registry.get("un-ga")
    reference = _recolour(reference_bytes(base, Look.UN), "OperativeParagraph", "1F4E79")
    folder = extension_folder(user_folders.work, **{"reference.docx": reference})
    archive = user_folders.work / "styled.ddpack"
    build(folder, archive, user_registry)
    pack = install(archive, user_registry, trusted, allow_unsigned=True)
    assert pack.reference_docx == pack.root / "reference.docx" if pack.root else False

    document_path = user_folders.work / "doc.draftdesk"
    assert (
        main(
            ["new", "--pack", EXTENSION_ID, "--body", "general-assembly", "-o", str(document_path)]
        )
        == 0
    )
    _add_paragraphs(document_path)
    output = user_folders.work / "doc.docx"
    assert (
        main(["export", str(document_path), "--lang", "fr", "--format", "docx", "-o", str(output)])
        == 0
    )
    with zipfile.ZipFile(output) as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
        body = docx.read("word/document.xml").decode("utf-8")
    style = re.search(r'<w:style [^>]*w:styleId="OperativeParagraph".*?</w:style>', styles, re.S)
    assert style is not None
    assert '<w:color w:val="1F4E79"/>' in style.group(0)
    assert body.count('<w:pStyle w:val="OperativeParagraph"/>') == 2
    assert "quatre-vingt-unième session" in body


def _recolour(docx_bytes: bytes, style_id: str, colour: str) -> bytes:
    """The .docx with a colour added to the run properties of one style."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                text = data.decode("utf-8")
                start = text.index(f'w:styleId="{style_id}"')
                end = text.index("</w:style>", start)
                assert "<w:rPr>" not in text[start:end]  # the style sets paragraph properties only
                colour_run = f'<w:rPr><w:b/><w:color w:val="{colour}"/></w:rPr>'
                data = (text[:end] + colour_run + text[end:]).encode("utf-8")
            target.writestr(name, data)
    return out.getvalue()


def test_build_is_reproducible(user_folders: UserFolders) -> None:
    """Building the same folder twice gives the same bytes, entries sorted."""
    first, second = user_folders.work / "a.ddpack", user_folders.work / "b.ddpack"
    folder = extension_folder(user_folders.work)
    build(folder, first, PackRegistry())
    build(folder, second, PackRegistry())
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.ZipFile(first).namelist() == [
        "clauses/welcomes-host-offer.toml",
        "pack.toml",
        "phrases/extra.toml",
    ]


def test_preview_shows_what_a_pack_adds(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """The GUI's preview: the pack, its own and inherited clauses, signer, refusal reason."""
    key, public = key_pair(user_folders.work)
    archive = _archive(user_folders, key=key)
    shown = preview(archive, user_registry, trusted)
    assert shown.pack is not None
    assert (shown.pack.id, shown.pack.version, shown.pack.author) == (
        EXTENSION_ID,
        "1.0.0",
        AUTHOR,
    )
    origins = {item.key: item.origin for item in shown.clauses}
    assert origins["welcomes-host-offer"] == "new"
    assert origins["request-report-session"] == "un-ga"
    assert shown.clauses[0].key == "welcomes-host-offer"
    assert shown.clauses[0].label["fr"] == "Accueillir l’offre d’un pays hôte"
    assert shown.signature.state is SignatureState.UNTRUSTED
    assert (shown.signature.signer, shown.signature.fingerprint) == (AUTHOR, public.fingerprint)
    assert shown.installed_versions == []
    refusal = shown.refusal(allow_unsigned=False)
    assert refusal is not None and "is not trusted" in refusal
    assert shown.refusal(allow_unsigned=True) is None
    assert snapshot(user_folders.data, user_folders.temp) == {}


def test_list_reports_signature_state_and_tampering(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """list re-verifies installed packs: unsigned, trusted, and changed after install."""
    key, public = key_pair(user_folders.work)
    trusted.add(public)
    install(_archive(user_folders, "1.0.0", key), user_registry, trusted)
    install(_archive(user_folders, "1.1.0"), user_registry, trusted, allow_unsigned=True)
    states = {
        (item.id, item.version): (item.source, item.signature.describe(), item.author)
        for item in list_packs(user_registry, trusted)
    }
    assert states[("un-ga", "1.0.0")] == (PackSource.BUILTIN, "built into DraftDesk", "DraftDesk")
    assert states[(EXTENSION_ID, "1.0.0")] == (
        PackSource.INSTALLED,
        f"signed by {AUTHOR} (trusted key {public.fingerprint})",
        AUTHOR,
    )
    assert states[(EXTENSION_ID, "1.1.0")][1] == "unsigned"

    clause = user_folders.packs / EXTENSION_ID / "1.0.0" / "clauses" / "welcomes-host-offer.toml"
    clause.write_text(clause.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = {
        item.version: item.signature
        for item in list_packs(user_registry, trusted)
        if item.id == EXTENSION_ID
    }
    assert changed["1.0.0"].state is SignatureState.INVALID
    assert changed["1.0.0"].describe() == (
        "signature invalid: clauses/welcomes-host-offer.toml was changed after signing"
    )


def test_failed_install_leaves_nothing_behind(
    user_folders: UserFolders,
    user_registry: PackRegistry,
    trusted: TrustedKeys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failure while moving the pack into place removes the staging folder and packs/."""
    archive = _archive(user_folders)
    before = snapshot(user_folders.data, user_folders.config, user_folders.temp)

    def failing_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(draftdesk.packs.install.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        install(archive, user_registry, trusted, allow_unsigned=True)
    assert snapshot(user_folders.data, user_folders.config, user_folders.temp) == before == {}
    assert not user_folders.data.exists()


def test_same_version_twice_and_replace(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """Installing an installed version is refused unless replace=True."""
    archive = _archive(user_folders)
    install(archive, user_registry, trusted, allow_unsigned=True)
    with pytest.raises(PackError) as info:
        install(archive, user_registry, trusted, allow_unsigned=True)
    assert str(info.value) == (
        f"{archive}: {EXTENSION_ID} 1.0.0 is already installed (remove it first, or use --replace)"
    )
    pack = install(archive, user_registry, trusted, allow_unsigned=True, replace=True)
    assert pack.version == "1.0.0"
    assert [p.name for p in (user_folders.packs).iterdir()] == [EXTENSION_ID]


def test_builtin_id_and_version_refused(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """An archive of un-ga 1.0.0 cannot shadow the built-in pack; 1.1.0 installs beside it."""
    archive = user_folders.work / "un-ga.ddpack"
    export(user_registry, "un-ga", archive)
    with pytest.raises(PackError) as info:
        install(archive, user_registry, trusted, allow_unsigned=True)
    assert str(info.value) == (
        f"{archive}: un-ga 1.0.0 is built into DraftDesk; give your pack another id or version"
    )
    newer = copy_builtin(user_folders.work, "un-ga", "un-ga", "1.1.0")
    build(newer, archive, user_registry)
    install(archive, user_registry, trusted, allow_unsigned=True)
    assert user_registry.versions("un-ga") == ["1.0.0", "1.1.0"]
    assert user_registry.get("un-ga").version == "1.1.0"
    assert user_registry.get("un-ga", "1.0.0").root == user_registry.entry("un-ga", "1.0.0").folder


def test_document_opens_with_its_recorded_version(
    user_folders: UserFolders,
    user_registry: PackRegistry,
    trusted: TrustedKeys,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """pack_for gives the recorded version, or names the closest; `pack use` switches."""
    for version in ("1.0.0", "1.2.0", "2.0.0"):
        install(_archive(user_folders, version), user_registry, trusted, allow_unsigned=True)
    path = user_folders.work / "doc.draftdesk"
    assert (
        main(["new", "--pack", EXTENSION_ID, "--body", "general-assembly", "-o", str(path)]) == 0
    )
    document = fileformat.load(path)
    assert document.metadata.pack_version == "2.0.0"  # a new document takes the newest
    document.metadata.pack_version = "1.2.0"
    assert pack_for(document, user_registry).version == "1.2.0"

    document.metadata.pack_version = "1.1.0"
    with pytest.raises(MissingPackVersionError) as info:
        pack_for(document, user_registry)
    assert (info.value.closest, info.value.available) == ("1.2.0", ["1.0.0", "1.2.0", "2.0.0"])
    fileformat.save(document, path)
    capsys.readouterr()
    code, _, err = _cli(capsys, "validate", str(path))
    assert code == 2
    assert err == (
        f"draftdesk: {path}: pack '{EXTENSION_ID}' version 1.1.0 is not installed (installed: "
        "1.0.0, 1.2.0, 2.0.0); the closest is 1.2.0: install un-ga-exampleland 1.1.0, or "
        "switch the document to 1.2.0 with 'draftdesk pack use DOCUMENT --version 1.2.0'\n"
    )
    code, out, _ = _cli(capsys, "pack", "use", str(path), "--version", "1.2.0")
    assert (code, out) == (0, f"{path}: now uses {EXTENSION_ID} 1.2.0\n")
    assert fileformat.load(path).metadata.pack_version == "1.2.0"
    code, _, err = _cli(capsys, "pack", "use", str(path), "--version", "3.0.0")
    assert code == 2 and "the closest is 2.0.0" in err
    assert fileformat.load(path).metadata.pack_version == "1.2.0"


def test_remove(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """remove one version, then all; built-in packs and bad arguments are refused."""
    for version in ("1.0.0", "1.1.0", "1.2.0"):
        install(_archive(user_folders, version), user_registry, trusted, allow_unsigned=True)
    assert remove(user_registry, EXTENSION_ID, "1.1.0") == ["1.1.0"]
    assert user_registry.versions(EXTENSION_ID) == ["1.0.0", "1.2.0"]
    assert remove(user_registry, EXTENSION_ID) == ["1.0.0", "1.2.0"]
    assert list(user_folders.packs.iterdir()) == []
    for args, message in (
        (("un-ga",), "un-ga is built into DraftDesk and cannot be removed"),
        ((EXTENSION_ID,), f"{EXTENSION_ID} is not installed (installed versions: none)"),
        (("un-ga", "../../etc"), "'../../etc' is not a version (MAJOR.MINOR.PATCH)"),
        (("../x",), "'../x' is not a pack id"),
    ):
        with pytest.raises(PackError) as info:
            remove(user_registry, *args)
        assert str(info.value) == message


def test_remove_refuses_a_base_another_pack_extends(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """A delegation base pack cannot be removed while an installed extension needs it."""
    base = copy_builtin(user_folders.work, "un-ga", "exampleland-base")
    build(base, user_folders.work / "base.ddpack", user_registry)
    install(user_folders.work / "base.ddpack", user_registry, trusted, allow_unsigned=True)
    folder = extension_folder(user_folders.work)
    manifest = folder / "pack.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'extends = "un-ga"', 'extends = "exampleland-base"'
        ),
        encoding="utf-8",
    )
    build(folder, user_folders.work / "ext.ddpack", user_registry)
    pack = install(user_folders.work / "ext.ddpack", user_registry, trusted, allow_unsigned=True)
    assert pack.base is not None and pack.base.id == "exampleland-base"
    with pytest.raises(PackError) as info:
        remove(user_registry, "exampleland-base")
    assert str(info.value) == (
        f"exampleland-base cannot be removed: {EXTENSION_ID} 1.0.0 extend(s) it "
        "(remove them first)"
    )


def test_export_keeps_a_valid_signature(
    user_folders: UserFolders, user_registry: PackRegistry, trusted: TrustedKeys
) -> None:
    """Re-sharing an installed signed pack keeps its author's signature; --key re-signs."""
    key, public = key_pair(user_folders.work)
    trusted.add(public)
    install(_archive(user_folders, key=key), user_registry, trusted)
    shared = user_folders.work / "shared.ddpack"
    status = export(user_registry, EXTENSION_ID, shared)
    assert (status.state, status.signer) == (SignatureState.UNTRUSTED, AUTHOR)
    assert sorted(read_archive(shared)) == [
        "clauses/welcomes-host-offer.toml",
        "pack.toml",
        "phrases/extra.toml",
        "signature.toml",
    ]
    other, other_public = key_pair(user_folders.work, "Another Mission")
    status = export(user_registry, EXTENSION_ID, shared, key=SigningKey(other))
    assert (status.signer, status.fingerprint) == ("Another Mission", other_public.fingerprint)
    with pytest.raises(UntrustedPackError) as info:
        install(shared, PackRegistry(installed=user_folders.work / "elsewhere"), trusted)
    assert info.value.author == AUTHOR
    assert info.value.status.signer == "Another Mission"
