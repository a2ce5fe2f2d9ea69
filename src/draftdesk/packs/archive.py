"""Reading and writing .ddpack archives (zip) and pack folders, refusing anything unsafe.

A .ddpack comes from someone else's machine. Every entry is checked before a byte is
written anywhere: its name (no absolute path, no `..`, no backslash, no duplicate in any
case), its type (regular files only: no symlink, device or pipe), its size (per file,
in total, and its compression ratio, against zip bombs) and whether a pack may hold it at
all (pack.toml, phrases, clauses, layout templates, reference.docx, a few text files).
"""

from __future__ import annotations

import io
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from draftdesk.errors import PackError
from draftdesk.model.document import LANGUAGES
from draftdesk.packs.loader import LAYOUT_NAMES, MAX_PACK_FILE_BYTES

SIGNATURE_FILE = "signature.toml"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # reproducible archives: same folder, same bytes
_CHUNK = 64 * 1024

ALLOWED_FILES = re.compile(
    r"^(?:pack\.toml|signature\.toml|reference\.docx|README\.md|CHANGELOG\.md"
    r"|LICENSE(?:\.txt|\.md)?"
    r"|phrases/[a-z0-9][a-z0-9_-]{0,63}\.toml"
    r"|clauses/[a-z0-9][a-z0-9-]{0,127}\.toml"
    rf"|layout/(?:{'|'.join(LAYOUT_NAMES)})\.(?:{'|'.join(LANGUAGES)})\.j2)$"
)
"""Every file a pack may hold; anything else (a script, an executable) is refused."""

ALLOWED_HINT = (
    "a pack holds pack.toml, phrases/*.toml, clauses/*.toml, layout/NAME.LANG.j2, "
    "reference.docx, signature.toml, README.md, CHANGELOG.md and LICENSE"
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits of an archive and of what it unpacks to."""

    archive: int = 20 * 1024 * 1024
    members: int = 500
    member: int = MAX_PACK_FILE_BYTES
    large_member: int = 10 * 1024 * 1024  # reference.docx
    total: int = 40 * 1024 * 1024
    ratio: int = 100
    ratio_floor: int = 256 * 1024  # small files may compress well without harm


PACK_LIMITS = Limits()


def read_archive(path: Path, limits: Limits = PACK_LIMITS) -> dict[str, bytes]:
    """The files of a .ddpack by name, after every safety check; PackError naming the fault."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PackError(f"{path}: not found") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise PackError(f"{path}: not a file (a .ddpack archive is expected)")
    if size > limits.archive:
        raise PackError(f"{path}: the archive is {_size(size)}, more than {_size(limits.archive)}")
    try:
        with zipfile.ZipFile(path) as archive:
            return read_members(archive, str(path), limits, ALLOWED_FILES)
    except zipfile.BadZipFile as exc:
        raise PackError(f"{path}: not a valid .ddpack (zip) archive ({exc})") from None
    except (zlib.error, EOFError, NotImplementedError, ValueError, OSError) as exc:
        raise PackError(f"{path}: the archive is damaged ({exc})") from None


def read_members(
    archive: zipfile.ZipFile, where: str, limits: Limits, allowed: re.Pattern[str] | None
) -> dict[str, bytes]:
    """Check and read every entry of an open zip (a .ddpack, or the parts of a .docx)."""
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise PackError(f"{where}: {len(infos)} entries, more than {limits.members}")
    files: dict[str, bytes] = {}
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        entry = f"{where}: entry {name!r}"
        check_name(name, entry)
        folded = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if folded in seen:
            raise PackError(f"{entry}: duplicate of {seen[folded]!r} (names must be unique)")
        seen[folded] = name
        if _is_directory(info, entry):
            continue
        if info.flag_bits & 0x1:
            raise PackError(f"{entry}: encrypted entries are not accepted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackError(f"{entry}: compression method {info.compress_type} is not accepted")
        if allowed is not None and not allowed.match(name):
            raise PackError(f"{entry}: not a file a pack may hold ({ALLOWED_HINT})")
        limit = limits.large_member if name.endswith(".docx") else limits.member
        if info.file_size > limit:
            raise PackError(f"{entry}: {_size(info.file_size)}, more than {_size(limit)}")
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
            info.compress_size, 1
        ):
            raise PackError(
                f"{entry}: compressed more than {limits.ratio} to 1 (a zip bomb?), refused"
            )
        total += info.file_size
        if total > limits.total:
            raise PackError(f"{where}: unpacks to more than {_size(limits.total)}")
        files[name] = _read_member(archive, info, limit, entry)
    return files


def check_name(name: str, entry: str) -> None:
    """Refuse an entry name that could write outside the folder it is unpacked into."""
    if not name or len(name) > 255:
        raise PackError(f"{entry}: the name is empty or longer than 255 characters")
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise PackError(f"{entry}: the name contains control characters")
    if "\\" in name:
        raise PackError(f"{entry}: the name uses '\\' (zip names use '/')")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise PackError(f"{entry}: absolute paths are not accepted")
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        raise PackError(f"{entry}: '..' would leave the pack folder (zip slip), refused")
    if any(part in ("", ".") for part in parts):
        raise PackError(f"{entry}: empty or '.' path components are not accepted")
    if ":" in name:
        raise PackError(f"{entry}: ':' is not accepted in names")


def _is_directory(info: zipfile.ZipInfo, entry: str) -> bool:
    mode = info.external_attr >> 16
    if info.create_system == 3 and mode:  # Unix: the type bits are in the high word
        if stat.S_ISLNK(mode):
            raise PackError(f"{entry}: symbolic links are not accepted")
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            raise PackError(f"{entry}: device files, pipes and sockets are not accepted")
        if stat.S_ISDIR(mode) != info.filename.endswith("/"):
            raise PackError(f"{entry}: directory flag and name disagree")
    return info.filename.endswith("/")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, entry: str) -> bytes:
    """Read an entry in chunks, never trusting the sizes its header declares."""
    buffer = io.BytesIO()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            buffer.write(chunk)
            if buffer.tell() > min(limit, info.file_size):
                raise PackError(f"{entry}: unpacks to more than its header declares, refused")
    return buffer.getvalue()


def read_folder(root: Path, limits: Limits = PACK_LIMITS) -> dict[str, bytes]:
    """The files of a pack folder by archive name (hidden files skipped), checked like entries."""
    if not (root / "pack.toml").is_file():
        raise PackError(f"{root / 'pack.toml'}: missing")
    files: dict[str, bytes] = {}
    seen: dict[str, str] = {}
    total = 0
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        name = relative.as_posix()
        if path.is_symlink():
            raise PackError(f"{path}: symbolic links are not accepted in a pack")
        if path.is_dir():
            continue
        if not path.is_file():
            raise PackError(f"{path}: not a regular file")
        if not ALLOWED_FILES.match(name):
            raise PackError(f"{path}: not a file a pack may hold ({ALLOWED_HINT})")
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in seen:
            raise PackError(f"{path}: same name as {seen[folded]!r} but for case")
        seen[folded] = name
        limit = limits.large_member if name.endswith(".docx") else limits.member
        size = path.stat().st_size
        if size > limit:
            raise PackError(f"{path}: {_size(size)}, more than {_size(limit)}")
        total += size
        if total > limits.total or len(files) >= limits.members:
            raise PackError(f"{root}: the pack is larger than an archive may be")
        files[name] = path.read_bytes()
    return files


def write_archive(files: dict[str, bytes]) -> bytes:
    """A reproducible .ddpack of `files` (sorted, fixed dates, plain file permissions)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.create_system = 3
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_tree(files: dict[str, bytes], folder: Path) -> None:
    """Write checked files under a new, empty `folder` (never over an existing file)."""
    root = folder.resolve()
    for name, data in sorted(files.items()):
        target = (root / name).resolve()
        if root not in target.parents:  # check_name already refuses this: belt and braces
            raise PackError(f"{name}: would be written outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as handle:
            handle.write(data)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    return f"{count / 1024:.0f} KiB"
