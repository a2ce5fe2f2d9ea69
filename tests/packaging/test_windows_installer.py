"""The Windows installer, built here and run under Wine: install, export, upgrade, uninstall."""

# Marked `installer` (deselect locally with -m "not installer"); CI runs it (.ci/run installs
# nsis and wine64). The build downloads only what build/installer-cache lacks, from PyPI.
# DRAFTDESK_INSTALLER=path/to/setup.exe reuses an installer built earlier in the same run.
# The GUI is not run: Qt does not start under Wine (see packaging/README.md).

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from draftdesk import __version__
from tests.conftest import UN_EXAMPLE
from tests.packaging.wine import WinePrefix, wine_binary
from tests.test_docx_support import NS, SCHEMA_CHECK, assert_schema_valid, part

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import build_installer  # noqa: E402

WINE = wine_binary()
MAKENSIS = shutil.which("makensis")
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\DraftDesk"
CLASSES = r"HKCU\Software\Classes"
OLDER = "0.0.9"
# Qt draws the icon in a process of its own (the GUI tests own this one's QApplication).
ICON = (
    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import icon; "
    "icon.write_icon(Path(sys.argv[2]), Path(sys.argv[3]))"
)

pytestmark = [
    pytest.mark.installer,
    pytest.mark.skipif(MAKENSIS is None, reason="makensis (Debian nsis) is not installed"),
    pytest.mark.skipif(WINE is None, reason="wine64 (Debian wine64) is not installed"),
]


@pytest.fixture(scope="module")
def setup_exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installer: DRAFTDESK_INSTALLER if set, else built now (cache: build/)."""
    given = os.environ.get("DRAFTDESK_INSTALLER")
    if given:
        assert Path(given).is_file(), f"DRAFTDESK_INSTALLER={given}: no such file"
        return Path(given)
    out = tmp_path_factory.mktemp("installer")
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build_installer.py"),
         "--dist", str(out / "dist"), "--work", str(out / "work"),
         "--cache", str(REPO / "build" / "installer-cache")],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "dist" / f"DraftDesk-{__version__}-win64-setup.exe"


@pytest.fixture(scope="module")
def prefix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WinePrefix]:
    """A fresh Wine prefix, its processes ended afterwards."""
    assert WINE is not None
    wine = WinePrefix(tmp_path_factory.mktemp("wineprefix"), WINE)
    wine.boot()
    yield wine
    subprocess.run(
        [shutil.which("wineserver") or "/usr/lib/wine/wineserver64", "-k"],
        env=wine.env, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def older_setup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DraftDesk 0.0.9 installer: the same NSIS script over a small stand-in payload."""
    work = tmp_path_factory.mktemp("older")
    root = work / "payload"
    (root / "python").mkdir(parents=True)
    (root / "python" / "python.exe").write_bytes(b"")
    (root / "lib").mkdir()
    (root / "lib" / "only_in_0_0_9.py").write_text("# gone in later versions\n")
    (root / "draftdesk.cmd").write_text("@echo DraftDesk 0.0.9\r\n")
    svg = REPO / "resources" / "icons" / "draftdesk.svg"
    subprocess.run(
        [
            sys.executable,
            "-c",
            ICON,
            str(REPO / "packaging"),
            str(svg),
            str(root / "draftdesk.ico"),
        ],
        check=True,
    )
    setup = work / f"DraftDesk-{OLDER}-win64-setup.exe"
    build_installer.compile_installer(root, work, setup, OLDER)
    return setup


@pytest.fixture(scope="module")
def installed(setup_exe: Path, older_setup: Path, prefix: WinePrefix) -> Path:
    """0.0.9 installed and user data written, then this version installed over it (/S)."""
    prefix.run([str(older_setup), "/S"])
    folder = prefix.local_appdata() / "Programs" / "DraftDesk"
    assert (folder / "lib" / "only_in_0_0_9.py").is_file()
    entry = prefix.reg_values(UNINSTALL_KEY)
    assert entry is not None and entry["DisplayVersion"] == OLDER
    user_data = prefix.local_appdata() / "DraftDesk"
    user_data.mkdir(parents=True)
    (user_data / "written-by-0.0.9.txt").write_text("settings of an older version\n")
    prefix.run([str(setup_exe), "/S"])
    return folder


def draftdesk(prefix: WinePrefix, folder: Path, *args: str) -> str:
    """Run the installed `draftdesk.cmd` with ARGS through cmd.exe; its standard output."""
    command = ["cmd", "/c", prefix.windows_path(folder / "draftdesk.cmd"), *args]
    return prefix.run(command, timeout=120).stdout


def test_setup_is_a_small_64_bit_windows_program(setup_exe: Path) -> None:
    """PE32+ for x86-64 (NSIS amd64-unicode), within the 60 MB budget."""
    data = setup_exe.read_bytes()[:4096]
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[:2] == b"MZ" and data[pe : pe + 4] == b"PE\0\0"
    assert struct.unpack_from("<H", data, pe + 4)[0] == 0x8664  # x86-64
    assert struct.unpack_from("<H", data, pe + 24)[0] == 0x20B  # PE32+
    assert setup_exe.stat().st_size <= 60 * 1024 * 1024


def test_install_writes_program_registry_and_shortcut(installed: Path, prefix: WinePrefix) -> None:
    """Program folder as trimmed, Apps & features entry, associations, Start-menu link."""
    pth = (installed / "python" / "python311._pth").read_text().split()
    assert pth == ["python311.zip", ".", "..\\lib"]
    lib = installed / "lib"
    for kept in ("draftdesk/cli/__init__.py", "PySide6/Qt6Widgets.dll", "PySide6/QtCore.pyd",
                 "PySide6/plugins/platforms/qwindows.dll", "babel/locale-data/en_GB.dat",
                 "babel/locale-data/fr_FR.dat", "draftdesk/_data/templates"):  # fmt: skip
        assert (lib / kept).exists(), kept
    for removed in ("PySide6/opengl32sw.dll", "PySide6/Qt6Quick.dll", "PySide6/qml",
                    "PySide6/designer.exe", "babel/locale-data/de.dat"):  # fmt: skip
        assert not (lib / removed).exists(), removed
    where = prefix.windows_path(installed)
    entry = prefix.reg_values(UNINSTALL_KEY)
    assert entry is not None
    assert entry["DisplayName"] == "DraftDesk"
    assert entry["DisplayVersion"] == __version__
    assert entry["Publisher"] == "DraftDesk"
    assert entry["InstallLocation"] == where
    assert entry["DisplayIcon"] == f"{where}\\draftdesk.ico"
    assert entry["UninstallString"] == f'"{where}\\uninstall.exe"'
    assert entry["QuietUninstallString"] == f'"{where}\\uninstall.exe" /S'
    assert entry["NoModify"] == entry["NoRepair"] == "0x1"
    assert int(entry["EstimatedSize"], 16) > 50_000  # KB
    assert prefix.reg_values(rf"{CLASSES}\.draftdesk") == {"(Default)": "DraftDesk.Document"}
    assert prefix.reg_values(rf"{CLASSES}\.ddpack") == {"(Default)": "DraftDesk.TemplatePack"}
    opens = prefix.reg_values(rf"{CLASSES}\DraftDesk.Document\shell\open\command")
    assert opens == {"(Default)": f'"{where}\\python\\pythonw.exe" -X utf8 -m draftdesk.gui "%1"'}
    imports = prefix.reg_values(rf"{CLASSES}\DraftDesk.TemplatePack\shell\open\command")
    assert imports is not None and imports["(Default)"].endswith('open-pack.py" "%1"')
    start_menu = prefix.user_folder() / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
    assert (start_menu / "DraftDesk.lnk").is_file()
    assert not (prefix.user_folder() / "Desktop" / "DraftDesk.lnk").exists()  # optional


def test_upgrade_from_an_older_version(installed: Path, prefix: WinePrefix) -> None:
    """Over 0.0.9: its program files are gone, one entry with the new version, data kept."""
    assert not (installed / "lib" / "only_in_0_0_9.py").exists()
    assert (installed / "lib" / "draftdesk" / "__init__.py").is_file()
    entry = prefix.reg_values(UNINSTALL_KEY)
    assert entry is not None and entry["DisplayVersion"] == __version__
    kept = prefix.local_appdata() / "DraftDesk" / "written-by-0.0.9.txt"
    assert kept.read_text() == "settings of an older version\n"


def test_installed_command_exports_the_un_example(
    installed: Path, prefix: WinePrefix, tmp_path: Path
) -> None:
    """Windows Python writes the same DOCX as Linux: numbers, notes, language, schema."""
    assert draftdesk(prefix, installed, "--version") == f"DraftDesk {__version__}\n"
    source = tmp_path / UN_EXAMPLE.name
    shutil.copy2(UN_EXAMPLE, source)
    target = tmp_path / "A-72-L20.docx"
    out = draftdesk(prefix, installed, "export", prefix.windows_path(source), "--format",
                    "docx", "--lang", "en", "-o", prefix.windows_path(target))  # fmt: skip
    assert out == f"{prefix.windows_path(target)}: EN Word document written\n"
    data = target.read_bytes()
    body = part(data, "word/document.xml")
    operative = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='OperativeParagraph']", namespaces=NS)
    numbers = [re.match(r"\d+", "".join(p.itertext())) for p in operative]
    assert [int(n[0]) for n in numbers if n] == list(range(1, 26))
    refs = body.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == ["1", "2", "3", "4", "5", "6", "7"]
    assert set(body.xpath("//w:lang/@w:val", namespaces=NS)) == {"en-GB"}
    if SCHEMA_CHECK.is_file():
        assert_schema_valid(target)
    # The Linux export of the same file: every part equal but the creation time.
    linux = tmp_path / "linux.docx"
    subprocess.run(
        [sys.executable, "-m", "draftdesk", "export", str(source), "--format", "docx",
         "--lang", "en", "-o", str(linux)],
        capture_output=True, check=True,
    )  # fmt: skip
    assert _parts(data) == _parts(linux.read_bytes())


def _parts(docx: bytes) -> dict[str, bytes]:
    """Every part of a DOCX but docProps/core.xml (which holds the time of export)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_ddpack_association_previews_the_pack(
    installed: Path, prefix: WinePrefix, tmp_path: Path
) -> None:
    """The .ddpack open command shows the pack, asks, and (no answer) installs nothing."""
    archive = tmp_path / "un.ddpack"
    draftdesk(prefix, installed, "pack", "export", "un-ga", "-o", prefix.windows_path(archive))
    command = prefix.reg_values(rf"{CLASSES}\DraftDesk.TemplatePack\shell\open\command")
    assert command is not None
    python, rest = command["(Default)"].split('" ', 1)
    assert rest.startswith("-X utf8 ") and rest.endswith(' "%1"')
    launcher = rest.split('"')[1]
    result = prefix.run(
        [python.strip('"'), "-X", "utf8", launcher, prefix.windows_path(archive)], check=False
    )
    assert result.stdout.startswith("un-ga 1.0.0: United Nations — General Assembly\n")
    assert "Install this template pack?" in result.stdout
    assert result.returncode == 0, result.stderr
    assert not (prefix.local_appdata() / "DraftDesk" / "packs").exists()


def test_upgrade_then_uninstall_keep_user_data(
    setup_exe: Path, installed: Path, prefix: WinePrefix, tmp_path: Path
) -> None:
    """Reinstalling replaces the program files; uninstalling removes them and the registry
    entries; the user's trusted key (DraftDesk's data folder) and documents stay."""
    key = tmp_path / "officer-key"
    draftdesk(prefix, installed, "pack", "keygen", "-o", prefix.windows_path(key),
              "--name", "Drafting Officer")  # fmt: skip
    draftdesk(prefix, installed, "pack", "trust", prefix.windows_path(key.with_suffix(".pub")))
    user_data = prefix.local_appdata() / "DraftDesk"
    data_files = sorted(p.relative_to(user_data) for p in user_data.rglob("*") if p.is_file())
    assert data_files, "pack trust wrote nothing to %LOCALAPPDATA%\\DraftDesk"
    leftover = installed / "lib" / "removed_in_this_version.py"
    leftover.write_text("# a module the new version no longer ships\n")

    prefix.run([str(setup_exe), "/S"])  # upgrade in place
    assert not leftover.exists()
    assert "Drafting Officer" in draftdesk(prefix, installed, "pack", "keys")
    assert prefix.reg_values(UNINSTALL_KEY) is not None

    prefix.run([prefix.windows_path(installed / "uninstall.exe"), "/S"])
    assert not installed.exists(), sorted(installed.rglob("*"))[:20]
    assert prefix.reg_values(UNINSTALL_KEY) is None
    for key_name in (".draftdesk", ".ddpack", "DraftDesk.Document", "DraftDesk.TemplatePack"):
        assert prefix.reg_values(rf"{CLASSES}\{key_name}") is None, key_name
    start_menu = prefix.user_folder() / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
    assert not (start_menu / "DraftDesk.lnk").exists()
    assert sorted(p.relative_to(user_data) for p in user_data.rglob("*") if p.is_file()) == (
        data_files
    )
    assert key.is_file() and key.with_suffix(".pub").is_file()


def test_all_users_install_with_desktop_shortcut_and_its_uninstall(
    setup_exe: Path, prefix: WinePrefix
) -> None:
    """What an IT department deploys: `setup.exe /S /ALLUSERS /DESKTOP` run elevated (Wine's
    user is an administrator) goes to Program Files and HKLM with shortcuts for everyone;
    the silent uninstall takes all of it away again."""
    machine_key = UNINSTALL_KEY.replace("HKCU", "HKLM", 1)
    prefix.run([str(setup_exe), "/S", "/ALLUSERS", "/DESKTOP"])
    folder = prefix.drive_c / "Program Files" / "DraftDesk"
    assert (folder / "draftdesk.cmd").is_file()
    entry = prefix.reg_values(machine_key)
    assert entry is not None and entry["DisplayVersion"] == __version__
    assert prefix.reg_values(r"HKLM\Software\Classes\.draftdesk") is not None
    public = prefix.drive_c / "users" / "Public"
    programs = prefix.drive_c / "ProgramData/Microsoft/Windows/Start Menu/Programs"
    desktop_links = list(public.glob("*/DraftDesk.lnk"))  # "Desktop" (or its localised name)
    assert desktop_links, sorted(str(p) for p in public.rglob("*.lnk"))
    assert (programs / "DraftDesk.lnk").is_file()
    assert re.search(r"DraftDesk \d", draftdesk(prefix, folder, "--version"))

    prefix.run([prefix.windows_path(folder / "uninstall.exe"), "/S"])
    assert not folder.exists(), sorted(folder.rglob("*"))[:20]
    assert prefix.reg_values(machine_key) is None
    assert prefix.reg_values(r"HKLM\Software\Classes\.draftdesk") is None
    assert not any(link.exists() for link in desktop_links)
    assert not (programs / "DraftDesk.lnk").exists()
