"""Built-in packs and resources are found from a checkout and from an installed wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk import paths


def test_checkout_layout() -> None:
    """From the source tree, templates/ and resources/ are the top-level folders."""
    root = Path(__file__).resolve().parent.parent
    assert paths.templates_dir() == root / "templates"
    assert paths.resources_dir() == root / "resources"
    assert (paths.examples_dir() / "un-oic-cooperation-2017.draftdesk").is_file()


def test_installed_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed, they are draftdesk/_data/{templates,resources} inside the package."""
    package = tmp_path / "site-packages" / "draftdesk"
    (package / "_data" / "templates" / "un-ga").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.templates_dir() == package / "_data" / "templates"
    assert paths.examples_dir() == package / "_data" / "resources" / "examples"
