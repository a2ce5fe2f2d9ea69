"""Finding packs by id and version: the built-in ones and those installed in the user's folder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from draftdesk.errors import PackError
from draftdesk.packs.loader import load_pack, read_toml_file
from draftdesk.packs.locations import user_packs_dir
from draftdesk.packs.model import Pack
from draftdesk.packs.schema import PACK_ID
from draftdesk.packs.versions import closest_version, is_at_least, parse_version, version_key
from draftdesk.paths import templates_dir

MAX_EXTENDS_DEPTH = 8


class PackSource(StrEnum):
    """Where a pack comes from."""

    BUILTIN = "built-in"
    INSTALLED = "installed"


@dataclass(slots=True, frozen=True)
class PackEntry:
    """One available pack version and the folder that holds it."""

    id: str
    version: str
    folder: Path
    source: PackSource


class MissingPackVersionError(PackError):
    """A document asks for a pack version that is not installed; `closest` can be offered."""

    def __init__(self, pack_id: str, version: str, available: list[str]) -> None:
        self.pack_id = pack_id
        self.version = version
        self.available = available
        self.closest = closest_version(version, available)
        message = (
            f"pack {pack_id!r} version {version} is not installed (installed: "
            f"{', '.join(available)})"
        )
        if self.closest is not None:
            message += (
                f"; the closest is {self.closest}: install {pack_id} {version}, or switch "
                f"the document to {self.closest} with 'draftdesk pack use DOCUMENT "
                f"--version {self.closest}'"
            )
        super().__init__(message)


class PackRegistry:
    """Packs found under built-in folders (`ID/`) and an installed folder (`ID/VERSION/`).

    `PackRegistry()` holds the built-in packs and those installed in the user's data
    folder; tests and tools pass `search_paths` and `installed` explicitly. Packs load on
    demand and stay cached; call `refresh()` after installing or removing one.
    """

    def __init__(
        self, search_paths: Iterable[Path] | None = None, installed: Path | None = None
    ) -> None:
        self.installed: Path | None = installed
        if search_paths is None:
            self.search_paths = [templates_dir()]
            if installed is None:
                self.installed = user_packs_dir()
        else:
            self.search_paths = list(search_paths)
        self._cache: dict[Path, Pack] = {}
        self._entries: list[PackEntry] | None = None

    def refresh(self) -> None:
        """Forget what was found and loaded (after an install or a removal)."""
        self._cache.clear()
        self._entries = None

    def entries(self) -> list[PackEntry]:
        """Every available pack version, by id then version (a built-in one hides an
        installed copy of the same version)."""
        if self._entries is None:
            found: dict[tuple[str, str], PackEntry] = {}
            builtin: set[str] = set()
            for base in self.search_paths:
                if not base.is_dir():
                    continue
                for folder in sorted(base.iterdir()):
                    if (folder / "pack.toml").is_file() and folder.name not in builtin:
                        builtin.add(folder.name)
                        version = _peek_version(folder)
                        found[(folder.name, version)] = PackEntry(
                            folder.name, version, folder, PackSource.BUILTIN
                        )
            for entry in self._installed_entries():
                found.setdefault((entry.id, entry.version), entry)
            self._entries = sorted(found.values(), key=lambda e: (e.id, version_key(e.version)))
        return list(self._entries)

    def _installed_entries(self) -> list[PackEntry]:
        if self.installed is None or not self.installed.is_dir():
            return []
        entries = []
        for pack_folder in sorted(self.installed.iterdir()):
            if not PACK_ID.match(pack_folder.name) or not pack_folder.is_dir():
                continue  # staging folders start with "."
            for folder in sorted(pack_folder.iterdir()):
                if parse_version(folder.name) and (folder / "pack.toml").is_file():
                    entries.append(
                        PackEntry(pack_folder.name, folder.name, folder, PackSource.INSTALLED)
                    )
        return entries

    def ids(self) -> list[str]:
        """Ids of the packs available, sorted."""
        return sorted({entry.id for entry in self.entries()})

    def versions(self, pack_id: str) -> list[str]:
        """The versions of a pack available, oldest first."""
        return [entry.version for entry in self.entries() if entry.id == pack_id]

    def entry(self, pack_id: str, version: str | None = None) -> PackEntry:
        """The entry of a pack (the newest version unless `version` is given).

        PackError listing the available packs when the id is unknown; MissingPackVersionError
        offering the closest version when only that version is missing.
        """
        candidates = [entry for entry in self.entries() if entry.id == pack_id]
        if not candidates:
            available = ", ".join(self.ids()) or "none"
            raise PackError(f"pack {pack_id!r} is not installed (available: {available})")
        if version is None:
            return candidates[-1]
        for entry in candidates:
            if entry.version == version:
                return entry
        raise MissingPackVersionError(pack_id, version, [entry.version for entry in candidates])

    def get(self, pack_id: str, version: str | None = None) -> Pack:
        """The pack with this id (and version); PackError when it is missing or broken."""
        return self._load(self.entry(pack_id, version), ())

    def load_folder(self, folder: Path) -> Pack:
        """Load a pack folder that is not (yet) in the registry, finding its base pack here."""
        probe = PackEntry(folder.name, "", folder, PackSource.INSTALLED)
        return load_pack(folder, self._base(probe, folder / "pack.toml", ()))

    def _load(self, entry: PackEntry, chain: tuple[str, ...]) -> Pack:
        cached = self._cache.get(entry.folder)
        if cached is not None:
            return cached
        manifest_path = entry.folder / "pack.toml"
        base = self._base(entry, manifest_path, chain)
        pack = load_pack(entry.folder, base)
        if pack.id != entry.id:
            where = "folder name" if entry.source is PackSource.BUILTIN else "folder"
            raise PackError(
                f"{manifest_path}: id {pack.id!r} does not match its {where} {entry.id!r}"
            )
        if entry.source is PackSource.INSTALLED and pack.version != entry.version:
            raise PackError(
                f"{manifest_path}: version {pack.version!r} does not match its folder "
                f"{entry.version!r}"
            )
        self._cache[entry.folder] = pack
        return pack

    def _base(self, entry: PackEntry, manifest_path: Path, chain: tuple[str, ...]) -> Pack | None:
        """The base pack of an extending pack: the newest version at least extends_version."""
        info = read_toml_file(manifest_path)[1].get("pack")
        extends = info.get("extends") if isinstance(info, dict) else None
        if not isinstance(extends, str):
            return None  # load_pack words any malformed value
        assert isinstance(info, dict)
        chain = (*chain, str(info.get("id", entry.id)))
        if extends in chain:
            raise PackError(
                f"{manifest_path}: [pack].extends makes a loop ({' → '.join((*chain, extends))})"
            )
        if len(chain) > MAX_EXTENDS_DEPTH:
            raise PackError(f"{manifest_path}: [pack].extends chain is deeper than 8 packs")
        minimum = str(info.get("extends_version", "0.0.0"))
        suitable = [
            candidate
            for candidate in self.entries()
            if candidate.id == extends and is_at_least(candidate.version, minimum)
        ]
        if not suitable:
            have = ", ".join(self.versions(extends)) or "not installed"
            raise PackError(
                f"{manifest_path}: [pack].extends: the base pack {extends!r} "
                f"{minimum} or later is needed (available: {have})"
            )
        return self._load(suitable[-1], chain)


def _peek_version(folder: Path) -> str:
    """The version a built-in pack declares ("" when its manifest cannot be read)."""
    try:
        info = read_toml_file(folder / "pack.toml")[1].get("pack")
    except PackError:
        return ""
    version = info.get("version") if isinstance(info, dict) else None
    return version if isinstance(version, str) else ""
