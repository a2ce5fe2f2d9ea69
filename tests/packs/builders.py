"""Small fixture packs and archives built in code (no binary fixtures in the repository)."""

from __future__ import annotations

import hashlib
import io
import shutil
import warnings
import zipfile
from pathlib import Path

from draftdesk.packs.signing import PublicKey, generate_key
from draftdesk.paths import templates_dir

EXTENSION_ID = "un-ga-exampleland"
AUTHOR = "Permanent Mission of Exampleland"

EXTENSION_MANIFEST = f"""[pack]
id = "{EXTENSION_ID}"
name = "Exampleland additions to the General Assembly pack"
version = "VERSION"
author = "{AUTHOR}"
description = "Clauses the delegation of Exampleland uses."
extends = "un-ga"
extends_version = "1.0.0"
min_draftdesk = "0.1.0"
"""

HOST_CLAUSE = """# Welcomes the offer of a country to host a session.
part = "operative"
opener = "welcomes"
label = { en = "Welcome a host country's offer", fr = "Accueillir l’offre d’un pays hôte" }

[slots.country]
type = "text"
label = { en = "Country", fr = "Pays" }

[slots.session]
type = "ordinal"
label = { en = "Session", fr = "Session" }

[templates]
en = "the offer of {{ country }} to host the {{ session | session_ordinal }} session"
fr = "l’offre {{ country | de }} d’accueillir la {{ session | session_ordinal }} session"
"""

EXTRA_PHRASES = """[preambular.resolved-to]
en = "Resolved to"
fr = "Résolu à"
fr_f = "Résolue à"
"""


def extension_files(version: str = "1.0.0") -> dict[str, str | bytes]:
    """The files of the Exampleland extension of un-ga: one clause and one phrase."""
    return {
        "pack.toml": EXTENSION_MANIFEST.replace("VERSION", version),
        "clauses/welcomes-host-offer.toml": HOST_CLAUSE,
        "phrases/extra.toml": EXTRA_PHRASES,
    }


def write_pack(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (name → text or bytes) under a new folder `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def extension_folder(parent: Path, version: str = "1.0.0", **changes: str | bytes) -> Path:
    """The extension written under parent/ext-VERSION, with files replaced or added."""
    files = extension_files(version)
    files.update(changes)
    return write_pack(parent / f"ext-{version}", files)


def copy_builtin(parent: Path, name: str, pack_id: str, version: str = "1.0.0") -> Path:
    """A copy of a built-in pack under a new id and version (a stand-alone pack)."""
    root = parent / pack_id
    shutil.copytree(templates_dir() / name, root)
    manifest = root / "pack.toml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace(f'id = "{name}"', f'id = "{pack_id}"', 1)
    text = text.replace('version = "1.0.0"', f'version = "{version}"', 1)
    manifest.write_text(text, encoding="utf-8")
    return root


def raw_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    """A zip holding exactly `entries`, duplicates and odd attributes included."""
    buffer = io.BytesIO()
    with (
        warnings.catch_warnings(),
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        for name, data in entries:
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def unix_entry(name: str, mode: int) -> zipfile.ZipInfo:
    """A zip entry carrying Unix file-type bits (symlink, device …)."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file and folder under `folders` (hidden ones too) with a digest of its content."""
    found: dict[str, str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            key = str(path)
            found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def key_pair(folder: Path, name: str = AUTHOR) -> tuple[Path, PublicKey]:
    """A signing key written to folder/NAME.key and its public key (also in .key.pub)."""
    content, public = generate_key(name)
    stem = name.lower().replace(" ", "-")
    key = folder / f"{stem}.key"
    key.write_bytes(content)
    (folder / f"{stem}.key.pub").write_text(public.to_text(), encoding="utf-8")
    return key, public
