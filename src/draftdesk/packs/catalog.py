"""The packs a user has: listing them with their signature status, removing, building, exporting.

Building and exporting write .ddpack archives that others install; signing adds or
replaces an archive's signature. Every archive is written atomically.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from draftdesk.atomic import atomic_write
from draftdesk.errors import PackError
from draftdesk.packs.archive import SIGNATURE_FILE, read_archive, read_folder, write_archive
from draftdesk.packs.loader import read_toml_file
from draftdesk.packs.registry import PackEntry, PackRegistry, PackSource
from draftdesk.packs.schema import PACK_ID
from draftdesk.packs.signing import (
    PublicKey,
    SignatureState,
    SignatureStatus,
    load_private_key,
    sign_files,
    verify_files,
)
from draftdesk.packs.trust import TrustedKeys
from draftdesk.packs.validate import PackReport, validate_folder
from draftdesk.packs.versions import parse_version


@dataclass(frozen=True, slots=True)
class PackListing:
    """One available pack version, as `pack list` and the GUI pack manager show it."""

    id: str
    version: str
    name: str
    author: str
    source: PackSource
    signature: SignatureStatus
    extends: str | None
    folder: Path
    problem: str = ""  # why the pack cannot be loaded, when it cannot


@dataclass(frozen=True, slots=True)
class SigningKey:
    """A private key file and the passphrase that opens it (None when it has none)."""

    path: Path
    passphrase: bytes | None = None


def list_packs(registry: PackRegistry, trusted: TrustedKeys) -> list[PackListing]:
    """Every built-in and installed pack version, re-verifying installed signatures."""
    listings = []
    for entry in registry.entries():
        problem = ""
        name = author = ""
        extends: str | None = None
        try:
            info = read_toml_file(entry.folder / "pack.toml")[1].get("pack", {})
            name, author = str(info.get("name", "")), str(info.get("author", ""))
            extends = info.get("extends") if isinstance(info.get("extends"), str) else None
            files = read_folder(entry.folder)
            status = verify_files(files, trusted.keys)
            registry.get(entry.id, entry.version)
        except PackError as exc:
            problem = str(exc)
            status = SignatureStatus(SignatureState.UNSIGNED)
        if entry.source is PackSource.BUILTIN and status.state is SignatureState.UNSIGNED:
            status = SignatureStatus(SignatureState.BUILTIN)
        listings.append(
            PackListing(
                entry.id,
                entry.version,
                name,
                author,
                entry.source,
                status,
                extends,
                entry.folder,
                problem,
            )
        )
    return listings


def remove(registry: PackRegistry, pack_id: str, version: str | None = None) -> list[str]:
    """Remove installed versions of a pack (all unless `version`); the versions removed."""
    packs_dir = registry.installed
    if not PACK_ID.match(pack_id):
        raise PackError(f"{pack_id!r} is not a pack id")
    if version is not None and parse_version(version) is None:
        raise PackError(f"{version!r} is not a version (MAJOR.MINOR.PATCH)")
    entries = [entry for entry in registry.entries() if entry.id == pack_id]
    doomed = [
        entry
        for entry in entries
        if entry.source is PackSource.INSTALLED and version in (None, entry.version)
    ]
    if not doomed or packs_dir is None:
        if any(entry.source is PackSource.BUILTIN for entry in entries) and version in (
            None,
            *(e.version for e in entries if e.source is PackSource.BUILTIN),
        ):
            raise PackError(f"{pack_id} is built into DraftDesk and cannot be removed")
        have = ", ".join(entry.version for entry in entries) or "none"
        wanted = f"{pack_id} {version}" if version else pack_id
        raise PackError(f"{wanted} is not installed (installed versions: {have})")
    if len(doomed) == len(entries):
        _refuse_if_extended(registry, pack_id, doomed)
    for entry in doomed:
        _delete(entry, packs_dir)
    parent = packs_dir / pack_id
    if parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
    registry.refresh()
    return [entry.version for entry in doomed]


def _refuse_if_extended(registry: PackRegistry, pack_id: str, doomed: list[PackEntry]) -> None:
    dependants = []
    for entry in registry.entries():
        if entry in doomed:
            continue
        try:
            info = read_toml_file(entry.folder / "pack.toml")[1].get("pack", {})
        except PackError:
            continue
        if isinstance(info, dict) and info.get("extends") == pack_id:
            dependants.append(f"{entry.id} {entry.version}")
    if dependants:
        raise PackError(
            f"{pack_id} cannot be removed: {', '.join(dependants)} extend(s) it "
            "(remove them first)"
        )


def _delete(entry: PackEntry, packs_dir: Path) -> None:
    """Move an installed version out of sight first, so a failed delete hides it anyway."""
    folder = entry.folder
    if folder.is_symlink() or folder.parent.parent.resolve() != packs_dir.resolve():
        raise PackError(f"{folder}: not a folder DraftDesk installed, left alone")
    hidden = packs_dir / f".removing-{entry.id}-{entry.version}-{secrets.token_hex(4)}"
    os.replace(folder, hidden)
    shutil.rmtree(hidden)


def build(
    folder: Path, output: Path, registry: PackRegistry, key: SigningKey | None = None
) -> PackReport:
    """Validate a pack folder and write it as a .ddpack (signed with `key` when given)."""
    report = validate_folder(folder, registry)
    report.raise_for_errors()
    files = read_folder(folder)
    files.pop(SIGNATURE_FILE, None)  # a folder's old signature no longer matches its files
    _write(output, _signed(files, key) if key else files)
    return report


def export(
    registry: PackRegistry,
    pack_id: str,
    output: Path,
    version: str | None = None,
    key: SigningKey | None = None,
) -> SignatureStatus:
    """Write an installed or built-in pack as a .ddpack; its signature status in the archive.

    An extension is exported alone (its base pack is not copied). Without `key`, a valid
    signature the pack came with is kept, so a shared pack still shows its author's.
    """
    entry = registry.entry(pack_id, version)
    registry.get(entry.id, entry.version)  # refuse to export a pack that does not load
    files = read_folder(entry.folder)
    if key is not None:
        files = _signed(files, key)
    elif verify_files(files, {}).state is SignatureState.INVALID:
        files.pop(SIGNATURE_FILE)
    _write(output, files)
    return verify_files(files, {})


def sign_archive(archive: Path, key: SigningKey) -> PublicKey:
    """Add (or replace) the signature of a .ddpack in place; the signer's public key."""
    files = read_archive(archive)
    private, public = _load_key(key)
    _write(archive, sign_files(files, private, public))
    return public


def _signed(files: dict[str, bytes], key: SigningKey) -> dict[str, bytes]:
    private, public = _load_key(key)
    return sign_files(files, private, public)


def _load_key(key: SigningKey) -> tuple[Ed25519PrivateKey, PublicKey]:
    try:
        content = key.path.read_bytes()
    except OSError as exc:
        raise PackError(f"{key.path}: cannot be read ({exc.strerror or exc})") from None
    return load_private_key(content, str(key.path), key.passphrase)


def _write(output: Path, files: dict[str, bytes]) -> None:
    try:
        atomic_write(output, write_archive(files))
    except OSError as exc:
        raise PackError(f"{output}: cannot be written ({exc.strerror or exc})") from None
