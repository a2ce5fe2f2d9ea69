"""Previewing and installing .ddpack archives: all checks in a temporary folder, then one move.

Installing reads the archive with every safety check, verifies its signature, unpacks it
into a temporary folder outside the user's folders and validates it there. Only a pack
that passed everything is written into the packs folder, first under a hidden staging
name and then renamed to `ID/VERSION`: a failed install leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from draftdesk.errors import PackError
from draftdesk.model.document import Part
from draftdesk.packs.archive import read_archive, write_tree
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry, PackSource
from draftdesk.packs.signing import SignatureState, SignatureStatus, verify_files
from draftdesk.packs.trust import TrustedKeys
from draftdesk.packs.validate import PackReport, validate_folder


class UntrustedPackError(PackError):
    """Installing needs --allow-unsigned (the GUI asks, naming the author); see `status`."""

    def __init__(self, message: str, status: SignatureStatus, author: str) -> None:
        self.status = status
        self.author = author
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class ClauseSummary:
    """A clause a pack brings, as the preview and `pack show` list it."""

    key: str
    part: Part
    label: dict[str, str]
    origin: str  # "new", "replaces" (a base pack's clause) or the base pack id


@dataclass(slots=True)
class PackPreview:
    """What installing an archive would add, for the user to confirm (GUI import dialog)."""

    archive: Path
    report: PackReport
    signature: SignatureStatus
    pack: Pack | None = None
    installed_versions: list[str] = field(default_factory=list)

    @property
    def clauses(self) -> list[ClauseSummary]:
        """The clauses of the pack; for an extension, its own ones first."""
        return summarize_clauses(self.pack) if self.pack else []

    def refusal(self, *, allow_unsigned: bool, replace: bool = False) -> str | None:
        """Why install would refuse this archive now, or None when it would proceed."""
        try:
            _check_signature(self.archive, self.signature, self.pack, allow_unsigned)
            self.report.raise_for_errors()
            if self.pack and self.pack.version in self.installed_versions and not replace:
                raise PackError(_already(self.pack))
        except PackError as exc:
            return str(exc)
        return None


@dataclass(slots=True)
class _Staged:
    files: dict[str, bytes]
    folder: Path
    signature: SignatureStatus
    report: PackReport


@contextmanager
def _staged(archive: Path, registry: PackRegistry, trusted: TrustedKeys) -> Iterator[_Staged]:
    """The archive read, verified and validated in a temporary folder removed afterwards."""
    files = read_archive(archive)
    signature = verify_files(files, trusted.keys)
    with tempfile.TemporaryDirectory(prefix="draftdesk-pack-") as temp:
        folder = Path(temp) / "pack"
        folder.mkdir()
        write_tree(files, folder)
        report = validate_folder(folder, registry, display=str(archive))
        yield _Staged(files, folder, signature, report)


def preview(archive: Path, registry: PackRegistry, trusted: TrustedKeys) -> PackPreview:
    """What the archive holds and whether it can be installed; writes nothing lasting.

    PackError only when the archive itself is unsafe or unreadable; a pack with faults
    gives a preview whose report lists them.
    """
    with _staged(archive, registry, trusted) as staged:
        pack = staged.report.pack
        versions = registry.versions(pack.id) if pack else []
        return PackPreview(archive, staged.report, staged.signature, pack, versions)


def install(
    archive: Path,
    registry: PackRegistry,
    trusted: TrustedKeys,
    *,
    allow_unsigned: bool = False,
    replace: bool = False,
) -> Pack:
    """Install the archive into `registry.installed`; the installed pack as loaded from there."""
    packs_dir = registry.installed
    if packs_dir is None:
        raise PackError("no folder to install packs into")
    with _staged(archive, registry, trusted) as staged:
        _check_signature(archive, staged.signature, staged.report.pack, allow_unsigned)
        staged.report.raise_for_errors()
        pack = staged.report.pack
        assert pack is not None  # a report without errors has loaded its pack
        for entry in registry.entries():
            if (entry.id, entry.version) == (pack.id, pack.version):
                if entry.source is PackSource.BUILTIN:
                    raise PackError(
                        f"{archive}: {pack.id} {pack.version} is built into DraftDesk; "
                        "give your pack another id or version"
                    )
                if not replace:
                    raise PackError(f"{archive}: {_already(pack)}")
        _place(staged.files, packs_dir, pack.id, pack.version)
    registry.refresh()
    return registry.get(pack.id, pack.version)


def _already(pack: Pack) -> str:
    return f"{pack.id} {pack.version} is already installed (remove it first, or use --replace)"


def _check_signature(
    archive: Path, status: SignatureStatus, pack: Pack | None, allow_unsigned: bool
) -> None:
    """Refuse a tampered pack always, an unsigned or untrusted one without allow_unsigned."""
    who = f"{pack.id} {pack.version} by {pack.author!r}" if pack else "the pack"
    author = pack.author if pack else ""
    if status.state is SignatureState.INVALID:
        raise PackError(f"{archive}: {status.describe()}; the pack was tampered with, refused")
    if allow_unsigned or status.state is SignatureState.TRUSTED:
        return
    if status.state is SignatureState.UNSIGNED:
        raise UntrustedPackError(
            f"{archive}: {who} is not signed; install it only if you know where it "
            "comes from (--allow-unsigned)",
            status,
            author,
        )
    raise UntrustedPackError(
        f"{archive}: {who} is {status.describe()}; trust the key with 'draftdesk pack "
        "trust KEY.pub' or install with --allow-unsigned",
        status,
        author,
    )


def _place(files: dict[str, bytes], packs_dir: Path, pack_id: str, version: str) -> None:
    """Write a checked pack to packs_dir/ID/VERSION through a hidden staging folder."""
    created = [folder for folder in (packs_dir, *packs_dir.parents) if not folder.exists()]
    packs_dir.mkdir(parents=True, exist_ok=True)
    parent = packs_dir / pack_id
    created_parent = not parent.exists()
    target = parent / version
    token = secrets.token_hex(4)
    staging = packs_dir / f".install-{pack_id}-{version}-{token}"
    previous = packs_dir / f".replaced-{pack_id}-{version}-{token}"
    try:
        staging.mkdir()
        write_tree(files, staging)
        parent.mkdir(exist_ok=True)
        if target.exists():
            os.replace(target, previous)
        os.replace(staging, target)
    except BaseException:
        if previous.exists() and not target.exists():
            os.replace(previous, target)
        shutil.rmtree(staging, ignore_errors=True)
        for folder in ([parent] if created_parent else []) + created:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    finally:
        shutil.rmtree(previous, ignore_errors=True)


def summarize_clauses(pack: Pack) -> list[ClauseSummary]:
    """The clauses of a pack, marking for an extension which are its own and which it replaces."""
    base = pack.base
    summaries = []
    for key, clause in pack.clauses.items():
        own = base is None or clause is not base.clauses.get(key)
        if base is None or not own:
            origin = "new" if base is None else base.id
        else:
            origin = "replaces" if key in base.clauses else "new"
        summaries.append(ClauseSummary(key, clause.part, dict(clause.label), origin))
    summaries.sort(key=lambda item: (item.origin not in ("new", "replaces"), item.key))
    return summaries
