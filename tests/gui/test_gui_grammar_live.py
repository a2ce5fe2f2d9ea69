"""Grammar as you type: the edited paragraph goes to LanguageTool after a pause, off the GUI."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from draftdesk.gui.grammar_live import paragraph_snapshot
from draftdesk.gui.main_window import MainWindow
from draftdesk.gui.proofing_highlight import GRAMMAR_COLOUR, SPELLING_COLOUR
from draftdesk.model.inline import plain_text
from tests.conftest import UN_EXAMPLE
from tests.gui.conftest import WindowFactory
from tests.proofing.test_proofing_languagetool import _Handler, serving

LOAD_TIMEOUT_MS = 60_000


class _SlowHandler(_Handler):
    """LanguageTool taking its time: long enough to type on while it thinks."""

    delay = 0.6

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        time.sleep(self.delay)
        super().do_POST()


@pytest.fixture
def server() -> Iterator[tuple[str, type[_SlowHandler]]]:
    with serving(_SlowHandler) as found:
        yield found


def _ready_window(qtbot: QtBot, make_window: WindowFactory, url: str) -> MainWindow:
    window = make_window(UN_EXAMPLE)
    window.context.settings.languagetool_url = url
    qtbot.waitUntil(lambda: window.proofing.service.is_ready, timeout=LOAD_TIMEOUT_MS)
    return window


def _underlines(window: MainWindow, lang: str) -> list[tuple[int, int, QColor]]:
    block = window.editor.columns[lang].text.document().firstBlock()
    return [
        (r.start, r.length, QTextCharFormat(r.format).underlineColor())
        for r in block.layout().formats()
    ]


def _type(window: MainWindow, paragraph_id: str, text: str, lang: str = "en") -> None:
    window.select_paragraph(paragraph_id)
    window.editor.focus_text(lang)
    QTest.keyClicks(window.editor.columns[lang].text, text)


def test_typed_grammar_error_is_underlined_blue_without_check_now(
    qtbot: QtBot, make_window: WindowFactory, server: tuple[str, type[_SlowHandler]]
) -> None:
    url, handler = server
    handler.delay = 0.0
    window = _ready_window(qtbot, make_window, url)
    paragraph = window.controller.document.operative[1]
    _type(window, paragraph.id, " despite a errors")
    typed = plain_text(paragraph.text["en"])
    start = typed.index("a errors")
    qtbot.waitUntil(
        lambda: (start, 8, QColor(GRAMMAR_COLOUR)) in _underlines(window, "en"), timeout=10_000
    )
    sent = [c["text"][0] for c in handler.checks]
    # Only the edited paragraph (with its opener), in English, was sent.
    assert len(sent) == 1 and sent[0].endswith(typed)
    assert handler.checks[0]["language"] == ["en-GB"]
    rows = [f.message for f in window.proofing.grammar]
    assert rows == ["LanguageTool: Rule EN_A_VS_AN matched."]
    assert not window.proofing.notice.isVisible()


def test_request_runs_off_the_gui_thread_and_stale_answers_are_dropped(
    qtbot: QtBot, make_window: WindowFactory, server: tuple[str, type[_SlowHandler]]
) -> None:
    url, handler = server
    window = _ready_window(qtbot, make_window, url)
    live = window.proofing.live_grammar
    paragraph = window.controller.document.operative[1]
    _type(window, paragraph.id, " with a errors")
    began = time.monotonic()
    assert live.run_next()  # the pause is over: the request goes out…
    assert time.monotonic() - began < 0.3  # …without waiting for the 0.6 s answer
    assert live.running
    QTest.keyClicks(window.editor.columns["en"].text, " still")  # typing on meanwhile
    qtbot.waitUntil(lambda: live.dropped == 1, timeout=10_000)
    typed = plain_text(paragraph.text["en"])
    assert typed.endswith(" with a errors still")
    # The paragraph is asked about again, and the answer about the new text is kept.
    qtbot.waitUntil(lambda: len(handler.checks) == 2 and not live.running, timeout=10_000)
    assert handler.checks[1]["text"][0].endswith(typed)
    start = typed.index("a errors")
    qtbot.waitUntil(lambda: (start, 8, QColor(GRAMMAR_COLOUR)) in _underlines(window, "en"))


def test_unreachable_server_said_once_spelling_goes_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = _ready_window(qtbot, make_window, f"http://127.0.0.1:{port}")
    live = window.proofing.live_grammar
    paragraph = window.controller.document.operative[1]
    _type(window, paragraph.id, " thhe")
    qtbot.waitUntil(lambda: window.proofing.notices != [], timeout=20_000)
    _type(window, paragraph.id, " agaain")
    qtbot.wait(1500)  # a second pause: no second request, no second notice
    assert not live.running and live.pending == []
    assert len(window.proofing.notices) == 1
    assert window.proofing.notices[0].startswith("LanguageTool is not available (cannot connect")
    typed = plain_text(paragraph.text["en"])
    qtbot.waitUntil(
        lambda: (typed.index("agaain"), 6, QColor(SPELLING_COLOUR)) in _underlines(window, "en")
    )


def test_nothing_configured_sends_nothing(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _ready_window(qtbot, make_window, "")
    paragraph = window.controller.document.operative[1]
    _type(window, paragraph.id, " a errors")
    assert window.proofing.live_grammar.pending == []
    assert not window.proofing.live_grammar.run_next()


def test_snapshot_holds_only_the_paragraph_in_its_part(make_window: WindowFactory) -> None:
    window = make_window(UN_EXAMPLE)
    document = window.controller.document
    preamble = document.preamble[2]
    snapshot = paragraph_snapshot(document, preamble.id)
    assert [p.id for p in snapshot.preamble] == [preamble.id]
    assert snapshot.operative == [] and snapshot.footnotes == []
    assert snapshot.preamble[0].text == preamble.text
    assert snapshot.preamble[0] is not preamble
