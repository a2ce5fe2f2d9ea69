"""Where DraftDesk finds its built-in packs and resources, from a checkout or a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    """The top-level `name` folder of a source checkout, else the copy bundled in the wheel.

    A checkout (or editable install) keeps `templates/` and `resources/` beside `src/`;
    a wheel carries them as `draftdesk/_data/<name>` (see pyproject.toml).
    """
    checkout = _PACKAGE_DIR.parent.parent / name
    if (checkout / ".draftdesk-root").is_file():
        return checkout
    return _PACKAGE_DIR / "_data" / name


def templates_dir() -> Path:
    """The folder of the built-in template packs."""
    return _locate("templates")


def resources_dir() -> Path:
    """The folder of icons, UI translations, dictionaries and example resolutions."""
    return _locate("resources")


def examples_dir() -> Path:
    """The example resolutions shipped with DraftDesk."""
    return resources_dir() / "examples"
