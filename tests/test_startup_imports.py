"""The window starts light: proofing, grammar, pack signing and their libraries load later."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import UN_EXAMPLE

pytest.importorskip("PySide6", reason="the desktop application needs PySide6")

# What the first paint never needs, each deferred to the function that uses it:
# spylls (spelling.HunspellDictionary), the proofing rules (proofing_worker's Checker),
# requests and language-tool-python (checker.check_grammar, proofing_worker.start_grammar),
# cryptography and the pack installer (main_window.manage_packs), python-docx (export),
# Babel's .po reader (i18n.load_catalogue: an English interface reads no catalogue).
DEFERRED = (
    "babel.messages",
    "spylls",
    "language_tool_python",
    "requests",
    "cryptography",
    "docx",
    "draftdesk.proofing.checker",
    "draftdesk.proofing.languagetool",
    "draftdesk.proofing.rules_style",
    "draftdesk.gui.pack_manager",
    "draftdesk.packs.signing",
    "draftdesk.packs.install",
    "draftdesk.gui.dialogs",
    "draftdesk.gui.insert_dialogs",
)
# Built after the first paint (MainWindow._after_first_paint), not with the window.
AFTER_FIRST_PAINT = (
    "draftdesk.gui.proofing_panel",
    "draftdesk.gui.proofing_worker",
    "draftdesk.gui.grammar_live",
    "draftdesk.gui.languagetool_setup",
    # The window opens on its how-to page: the paragraph editor (and its text fields,
    # slot form, chips) is built when first needed, here by the findings panel.
    "draftdesk.gui.paragraph_editor",
    "draftdesk.gui.inline_edit",
    "draftdesk.gui.slot_form",
)

WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from draftdesk.gui.app import application
from draftdesk.gui.context import scratch_context
from draftdesk.gui.main_window import MainWindow
from draftdesk.session import open_session
application()
context = scratch_context(Path(sys.argv[2]))
window = MainWindow(context, open_session(Path(sys.argv[1]), context.registry))
built = sorted(sys.modules)
window.show()
for _ in range(5):
    QCoreApplication.processEvents()
window.repaint()
if len(sys.argv) > 3:  # then type in a paragraph, as the user's first keystroke does
    window.proofing  # built by now in any case; typing is checked with live proofing on
    from draftdesk.commands import SetText
    from draftdesk.model.inline import Text
    first = window.controller.document.operative[1]
    window.controller.execute(SetText(first.id, "en", [Text(sys.argv[3])]), typing=True)
    for _ in range(5):
        QCoreApplication.processEvents()
print(json.dumps({
    "preview": window.preview.text()[:200], "modules": sorted(sys.modules), "built": built,
    "panel": window.proofing_if_built() is not None,
}))
"""


def _window_process(tmp_path: Path, *typed: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", WINDOW, str(UN_EXAMPLE), str(tmp_path), *typed],
        capture_output=True, text=True, check=True, env=env, timeout=120,
    )  # fmt: skip
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def _loaded(names: tuple[str, ...], modules: object) -> list[str]:
    assert isinstance(modules, list)
    return sorted(
        name for name in names if any(m == name or m.startswith(name + ".") for m in modules)
    )


def test_first_paint_imports_none_of_the_deferred_modules(tmp_path: Path) -> None:
    """The window shows the UN example without loading any of DEFERRED."""
    answer = _window_process(tmp_path)
    assert str(answer["preview"]).startswith("United Nations")  # really painted
    assert _loaded(DEFERRED, answer["modules"]) == []


def test_the_findings_panel_is_built_after_the_first_paint(tmp_path: Path) -> None:
    """Building the window loads none of the proofing panel; once painted, it is built."""
    answer = _window_process(tmp_path)
    assert _loaded(AFTER_FIRST_PAINT, answer["built"]) == []
    assert answer["panel"] is True
    assert _loaded(AFTER_FIRST_PAINT, answer["modules"]) == sorted(AFTER_FIRST_PAINT)
    assert _loaded(("draftdesk.gui.footnote_editor",), answer["modules"]) == []  # no footnote


def test_typing_with_no_grammar_configured_loads_no_network_library(tmp_path: Path) -> None:
    """Every edit asks whether grammar is configured; asking must not import requests and
    language-tool-python (a tenth of a second on the first keystroke)."""
    answer = _window_process(tmp_path, "urges the organizations")
    network = ("requests", "language_tool_python", "draftdesk.proofing.languagetool")
    assert _loaded(network, answer["modules"]) == []


def test_deferred_modules_still_load_when_used() -> None:
    """The deferred imports are real: spelling and grammar import what they need on use."""
    code = (
        "import sys; from draftdesk.proofing.checker import Checker; "
        "from draftdesk.proofing.spelling import HunspellDictionary; "
        "from draftdesk.paths import resources_dir; "
        "HunspellDictionary(resources_dir() / 'dictionaries', 'en_GB'); "
        "import draftdesk.proofing.languagetool; "
        "print(sorted(m for m in ('spylls', 'requests', 'language_tool_python') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=120)  # fmt: skip
    assert result.stdout.strip() == "['language_tool_python', 'requests', 'spylls']"
