"""Architecture rules: only draftdesk.gui may import Qt; the wheel lists every package."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "draftdesk"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_gui() -> None:
    """No module outside draftdesk.gui imports PySide6 (or any Qt binding)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if "gui" in path.relative_to(SRC).parts:
            continue
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []
    assert len(list(SRC.rglob("*.py"))) > 20  # the scan really saw the package


def test_wheel_lists_every_package() -> None:
    """pyproject.toml names every package folder, so none is left out of the wheel."""
    config = tomllib.loads((SRC.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(SRC.parent).parts) for init in SRC.rglob("__init__.py")
    }
    assert found <= listed, sorted(found - listed)
