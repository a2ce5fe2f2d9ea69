"""The installer's payload folder: wheels unpacked for Windows, trimmed, with a size report."""

from __future__ import annotations

import fnmatch
import shutil
import struct
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path, PurePosixPath

# DraftDesk's GUI imports QtCore, QtGui, QtWidgets (and QtTest for scripted runs); the plugins
# draw Windows windows and styles, SVG/ICO icons and the offscreen screenshots.
QT_KEEP = [
    "PySide6/*.py", "PySide6/py.typed", "PySide6/support/*",
    "PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll",
    "PySide6/Qt6Svg.dll", "PySide6/Qt6Test.dll", "PySide6/pyside6.abi3.dll",
    "PySide6/QtCore.pyd", "PySide6/QtGui.pyd", "PySide6/QtWidgets.pyd", "PySide6/QtTest.pyd",
    "PySide6/msvcp140*.dll", "PySide6/vcruntime140*.dll", "PySide6/concrt140.dll",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/styles/*.dll", "PySide6/plugins/iconengines/qsvgicon.dll",
    "PySide6/plugins/imageformats/qsvg.dll", "PySide6/plugins/imageformats/qico.dll",
    "PySide6/plugins/imageformats/qjpeg.dll", "PySide6/plugins/imageformats/qgif.dll",
    "PySide6/translations/qtbase_fr.qm", "PySide6/translations/qtbase_en.qm",
]  # fmt: skip
# Everywhere: byte code (Windows Python writes its own), tests, type stubs, C sources.
DROP_EVERYWHERE = [
    "*/__pycache__/*", "*/tests/*", "*/test/*", "*.pyi", "*.pyx", "*.pxd", "*.pxi", "*.h",
    "*.c", "*.lib", "/lxml/includes/*", "*.dist-info/RECORD",
]  # fmt: skip
# Babel needs these locales (packs and UI: en_GB, fr_FR, en, fr); their parents are added.
BABEL_LOCALES = ("en", "en_GB", "fr", "fr_FR")
# DLLs the payload must ship if a kept binary imports them (the rest come with Windows).
SHIPPED_DLL_PREFIXES = ("qt6", "pyside6", "shiboken6", "python3", "msvcp", "vcruntime", "concrt")


class PayloadError(RuntimeError):
    """The payload cannot be assembled as pinned (bad wheel, missing DLL)."""


def unpack_wheels(wheels: list[Path], lib: Path) -> None:
    """Install each wheel into `lib` the way pip would on Windows (no scripts, no byte code)."""
    lib.mkdir(parents=True, exist_ok=True)
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            for info in archive.infolist():
                path = PurePosixPath(info.filename)
                if info.is_dir() or path.is_absolute() or ".." in path.parts:
                    continue
                if path.parts[0].endswith(".data"):
                    # purelib/platlib go to site-packages; console scripts are Linux-made.
                    if len(path.parts) < 3 or path.parts[1] not in ("purelib", "platlib"):
                        continue
                    path = PurePosixPath(*path.parts[2:])
                out = lib / path
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(archive.read(info))


def babel_locales() -> set[str]:
    """The locale-data files Babel loads for BABEL_LOCALES (asked of the same Babel here)."""
    code = (
        "import babel.localedata as d\n"
        f"for name in {BABEL_LOCALES!r}: d.load(name)\n"
        "print(' '.join(sorted(d._cache)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def _kept(relative: str, babel_keep: set[str]) -> bool:
    """Whether a payload file (path relative to lib/, with '/') stays."""
    if any(fnmatch.fnmatch("/" + relative, pattern) for pattern in DROP_EVERYWHERE):
        return False
    if relative.startswith("PySide6/"):
        # PurePath.match: `*` stays within one folder (PySide6/*.py is the top level only).
        return any(PurePosixPath(relative).match(pattern) for pattern in QT_KEEP)
    if relative.startswith("babel/locale-data/"):
        return PurePosixPath(relative).stem in babel_keep
    return True


def component(relative: str) -> str:
    """The report line a payload file counts under."""
    parts = relative.split("/")
    if parts[0] == "PySide6" and len(parts) > 2:
        return "PySide6/" + parts[1]
    if parts[0] == "PySide6":
        return "PySide6 (" + (Path(parts[1]).suffix or "other") + ")"
    if parts[0] == "babel" and len(parts) > 1 and parts[1] == "locale-data":
        return "babel/locale-data"
    if parts[0].endswith(".dist-info"):
        return "*.dist-info"
    if parts[0].startswith("_cffi") or parts[0].endswith(".pyd"):
        return "cffi"
    return parts[0].removesuffix(".py")


def trim(lib: Path) -> dict[str, list[int]]:
    """Remove what DraftDesk does not use; per component: [bytes before, bytes after]."""
    babel_keep = babel_locales()
    sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path in sorted(lib.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(lib).as_posix()
        size = path.stat().st_size
        entry = sizes[component(relative)]
        entry[0] += size
        if _kept(relative, babel_keep):
            entry[1] += size
        else:
            path.unlink()
    for folder in sorted(lib.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return dict(sizes)


def pe_imports(path: Path) -> list[str]:
    """The DLL names a Windows PE file imports (its import directory)."""
    data = path.read_bytes()
    if data[:2] != b"MZ":
        return []
    pe: int = struct.unpack_from("<I", data, 0x3C)[0]
    sections, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)
    import_rva = struct.unpack_from("<I", data, directories + 8)[0]
    table = optional + optional_size
    spans = [struct.unpack_from("<12xIII", data, table + 40 * i) for i in range(sections)]

    def offset(rva: int) -> int:
        for virtual, raw_size, raw in spans:
            if virtual <= rva < virtual + raw_size:
                return int(rva - virtual + raw)
        raise PayloadError(f"{path.name}: import table outside its sections")

    names = []
    entry = offset(import_rva) if import_rva else -1
    while entry >= 0:
        name_rva = struct.unpack_from("<I", data, entry + 12)[0]
        if name_rva == 0:
            break
        start = offset(name_rva)
        names.append(data[start : data.index(b"\0", start)].decode("ascii"))
        entry += 20
    return names


def check_imports(root: Path) -> int:
    """Every DLL a kept binary needs from us is shipped; returns how many binaries checked."""
    binaries = [p for p in root.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")]
    shipped = {p.name.lower() for p in binaries}
    missing = set()
    for binary in binaries:
        for name in pe_imports(binary):
            lowered = name.lower()
            if lowered.startswith(SHIPPED_DLL_PREFIXES) and lowered not in shipped:
                missing.add(f"{binary.relative_to(root).as_posix()} needs {name}")
    if missing:
        raise PayloadError("trimmed too much:\n  " + "\n  ".join(sorted(missing)))
    return len(binaries)


def folder_size(folder: Path) -> int:
    """Bytes in the files under a folder."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder, leaving byte-code caches behind."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
