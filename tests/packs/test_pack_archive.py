"""Reading and writing .ddpack archives and pack folders."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.errors import PackError
from draftdesk.packs.archive import read_archive, read_folder, write_archive, write_tree
from tests.packs.builders import extension_files, extension_folder, raw_zip
from tests.packs.conftest import UserFolders


def test_round_trip(user_folders: UserFolders) -> None:
    """A folder read, archived, read back and unpacked gives the same files."""
    folder = extension_folder(user_folders.work)
    (folder / ".DS_Store").write_bytes(b"finder junk")  # hidden files are skipped
    files = read_folder(folder)
    assert sorted(files) == ["clauses/welcomes-host-offer.toml", "pack.toml", "phrases/extra.toml"]
    archive = user_folders.work / "x.ddpack"
    archive.write_bytes(write_archive(files))
    info = zipfile.ZipFile(archive).getinfo("pack.toml")
    assert (info.date_time, info.external_attr >> 16) == ((1980, 1, 1, 0, 0, 0), 0o100644)
    assert read_archive(archive) == files
    write_tree(files, user_folders.work / "copy")
    assert read_folder(user_folders.work / "copy") == files
    with pytest.raises(FileExistsError):
        write_tree(files, user_folders.work / "copy")


def test_folder_with_a_symlink_or_a_script_is_refused(user_folders: UserFolders) -> None:
    """build/validate refuse a folder holding a symlink or a file a pack may not hold."""
    folder = extension_folder(user_folders.work)
    link = folder / "clauses" / "passwd.toml"
    os.symlink("/etc/passwd", link)
    with pytest.raises(PackError) as info:
        read_folder(folder)
    assert str(info.value) == f"{link}: symbolic links are not accepted in a pack"
    link.unlink()
    (folder / "layout").mkdir()
    script = folder / "layout" / "masthead.en.py"
    script.write_text("import os", encoding="utf-8")
    with pytest.raises(PackError, match="not a file a pack may hold"):
        read_folder(folder)


def test_entry_lying_about_its_size_is_refused(user_folders: UserFolders) -> None:
    """An entry whose header declares fewer bytes than it holds fails its CRC check."""
    path = raw_zip(user_folders.work / "lie.ddpack", [])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("pack.toml", b"x" * 1000)
    data = bytearray(path.read_bytes())
    size = (1000).to_bytes(4, "little")
    small = (10).to_bytes(4, "little")
    data = bytearray(bytes(data).replace(size + size, small + small))  # local and central sizes
    path.write_bytes(bytes(data))
    with pytest.raises(PackError) as info:
        read_archive(path)
    assert str(info.value).startswith(f"{path}: not a valid .ddpack (zip) archive (Bad CRC-32")


def test_show_previews_an_archive_before_install(
    user_folders: UserFolders, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pack show X.ddpack` shows what it adds and its signature, installing nothing."""
    archive = user_folders.work / "x.ddpack"
    archive.write_bytes(write_archive({k: str(v).encode() for k, v in extension_files().items()}))
    assert main(["pack", "show", str(archive)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "un-ga-exampleland 1.0.0: Exampleland additions to the General Assembly pack"
    assert "  welcomes-host-offer       operative  [new]  Welcome a host country's offer" in out
    assert out[-1] == "signature: unsigned"
    assert not user_folders.data.exists()
    assert list(user_folders.temp.iterdir()) == []


def test_list_warns_about_a_broken_installed_pack(
    user_folders: UserFolders, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pack damaged on disk after install is listed with the reason it cannot load."""
    folder = user_folders.packs / "broken" / "1.0.0"
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text("[pack]\nid = 'broken'\n", encoding="utf-8")
    assert main(["pack", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        f"warning: broken 1.0.0: cannot be loaded: {folder / 'pack.toml'}: [pack].version must "
        "be non-empty text"
    )
    assert Path(folder / "pack.toml").is_file()
