"""Interface language: one mechanism (gettext .po), a complete French catalogue, locale choice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from draftdesk.gui.app import switch_language
from draftdesk.gui.i18n import _, catalogue_path, choose_language, install, system_language
from draftdesk.gui.outline import Selection
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory

GUI = Path(__file__).resolve().parents[2] / "src" / "draftdesk" / "gui"

# Qt calls whose string argument the user reads: a literal there bypasses the catalogue.
_SHOWN = {
    "setText", "setWindowTitle", "setToolTip", "setAccessibleName", "setPlaceholderText",
    "setStatusTip", "addMenu", "setInformativeText", "setHeaderLabels", "addItem",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QToolBar", "showMessage",
}  # fmt: skip
# Literals that are the same in every language (symbols, names of languages in themselves).
_NEUTRAL = {"–", "→", "English", "Français", "?"}


def marked_strings() -> list[str]:
    """Every string marked with _() or N_() in the GUI package."""
    found = extract_from_dir(
        str(GUI), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}
    )
    return sorted({str(message) for _file, _line, message, _c, _ctx in found})


def test_french_catalogue_translates_every_marked_string() -> None:
    """fr.po has a non-empty, non-fuzzy translation for each of them, placeholders intact."""
    with catalogue_path("fr").open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    strings = marked_strings()
    assert len(strings) > 250  # the scan really saw the interface
    missing = [s for s in strings if not (catalogue.get(s) and catalogue.get(s).string)]
    assert missing == []
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert fuzzy == []
    for message in strings:
        translation = str(catalogue.get(message).string)
        for name in ("{name}", "{reason}", "{count}", "{number}", "{label}", "{action}"):
            assert (name in message) == (name in translation), (message, translation)


def test_no_literal_reaches_a_widget_untranslated() -> None:
    """Calls that show text get _("…") or a computed value, never a bare English literal."""
    offenders = []
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _SHOWN:
                continue
            for arg in node.args[:1]:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and any(c.isalpha() for c in arg.value)
                    and arg.value not in _NEUTRAL
                ):
                    offenders.append(f"{path.name}:{node.lineno} {name}({arg.value!r})")
    assert offenders == []


def test_no_marked_string_hides_inside_an_f_string() -> None:
    """Babel's extractor cannot see _("…") inside an f-string: such a string would never
    reach the catalogue, and the French interface would show it in English."""
    hidden = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.name}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call) and getattr(call.func, "id", "") in ("_", "N_")
                ]
    assert hidden == []


def test_system_locale_decides_unless_overridden(monkeypatch: pytest.MonkeyPatch) -> None:
    """fr_CA → French; de_DE → English (no German UI); a setting overrides the system."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert system_language() == "fr"
    assert choose_language("system") == "fr"
    assert choose_language("en") == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert choose_language("system") == "en"
    assert choose_language("fr") == "fr"
    monkeypatch.setenv("LANGUAGE", "fr:en")
    assert system_language() == "fr"


def test_french_window_and_live_switch(qtbot: QtBot, make_window: WindowFactory) -> None:
    """The window built in French shows French menus; switching keeps document and history."""
    install("fr")
    window = make_window(UN_EXAMPLE)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [
        "&Fichier", "É&dition", "&Insertion", "&Paragraphe", "&Traduction", "Ré&vision",
        "&Affichage", "&Outils", "Aid&e",
    ]  # fmt: skip
    texts = [w.text() for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel)]
    assert "Insérer" in texts and "Insert" not in texts
    window.outline.select(Selection("paragraph", window.controller.document.operative[0].id))
    window.ops.move_down()
    assert window.menu.undo.text() == "&Annuler : Déplacement de paragraphe"
    window.context.settings.ui_language = "en"
    english = switch_language(window)
    try:
        assert english.menu.undo.text() == "&Undo Move paragraph"
        assert english.controller.session is window.controller.session
        assert english.outline.selection() == Selection(
            "paragraph", english.controller.document.operative[1].id
        )
        assert _("Insert") == "Insert"
    finally:
        english.controller.session.editor.mark_saved()
        english.close()
