"""Finding packs by id: the built-in ones and those installed in the user's data folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from draftdesk.errors import PackError
from draftdesk.packs.loader import load_pack
from draftdesk.packs.model import Pack
from draftdesk.paths import templates_dir


class PackRegistry:
    """Packs found under a list of folders (one sub-folder per pack), loaded on demand."""

    def __init__(self, search_paths: Iterable[Path] | None = None) -> None:
        self.search_paths = list(search_paths) if search_paths is not None else [templates_dir()]
        self._cache: dict[Path, Pack] = {}

    def _folders(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for base in self.search_paths:
            if not base.is_dir():
                continue
            for folder in sorted(base.iterdir()):
                if (folder / "pack.toml").is_file() and folder.name not in found:
                    found[folder.name] = folder
        return found

    def ids(self) -> list[str]:
        """Ids of the packs available, sorted."""
        return sorted(self._folders())

    def get(self, pack_id: str) -> Pack:
        """The pack with this id; PackError listing the available ones when it is missing."""
        folder = self._folders().get(pack_id)
        if folder is None:
            available = ", ".join(self.ids()) or "none"
            raise PackError(f"pack {pack_id!r} is not installed (available: {available})")
        if folder not in self._cache:
            pack = load_pack(folder)
            if pack.id != pack_id:
                raise PackError(
                    f"{folder / 'pack.toml'}: id {pack.id!r} does not match its "
                    f"folder name {pack_id!r}"
                )
            self._cache[folder] = pack
        return self._cache[folder]
