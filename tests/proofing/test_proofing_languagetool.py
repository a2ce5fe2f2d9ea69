"""The LanguageTool adapter against a local server speaking the /v2 API, and when none answers."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar
from urllib.parse import parse_qs

import pytest

from draftdesk.model.document import Document
from draftdesk.model.inline import parse_inline
from draftdesk.packs.model import Pack
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.languagetool import (
    GrammarUnavailableError,
    LanguageToolGrammar,
    LanguageToolSettings,
)

LANGUAGES = [
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "French", "code": "fr", "longCode": "fr"},
]


class _Handler(BaseHTTPRequestHandler):
    """Answers like LanguageTool: one grammar match for "a errors", one typo, and spaces."""

    checks: list[dict[str, list[str]]]

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def _json(self, payload: object, status: int = 200) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._json(LANGUAGES)
        else:
            self._json({"message": "not found"}, 404)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        params = parse_qs(self.rfile.read(length).decode("utf-8"))
        type(self).checks.append(params)
        text = params["text"][0]
        matches = []
        for phrase, rule, category, replacements in (
            ("a errors", "EN_A_VS_AN", "GRAMMAR", ["errors"]),
            ("teh", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["the"]),
            ("les rapport", "AGREEMENT_SENT_START", "GRAMMAR", ["les rapports", "le rapport"]),
        ):
            offset = text.find(phrase)
            if offset >= 0:
                matches.append(_match(text, offset, len(phrase), rule, category, replacements))
        self._json({"software": {"name": "LanguageTool"}, "matches": matches})


def _match(
    text: str, offset: int, length: int, rule: str, category: str, replacements: list[str]
) -> dict[str, object]:
    return {
        "message": f"Rule {rule} matched.",
        "shortMessage": "",
        "replacements": [{"value": value} for value in replacements],
        "offset": offset,
        "length": length,
        "context": {"text": text, "offset": offset, "length": length},
        "sentence": text,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule,
            "description": rule,
            "issueType": "grammar",
            "category": {"id": category, "name": category},
        },
    }


H = TypeVar("H", bound=_Handler)


@contextlib.contextmanager
def serving(base: type[H]) -> Iterator[tuple[str, type[H]]]:
    """A local LanguageTool stand-in on a free port: its URL and its handler class (a fresh
    subclass of `base`, so `checks` records this server's requests only)."""
    handler = type("Handler", (base,), {"checks": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[tuple[str, type[_Handler]]]:
    with serving(_Handler) as found:
        yield found


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_adapter_maps_matches_around_references(server: tuple[str, type[_Handler]]) -> None:
    url, handler = server
    grammar = LanguageToolGrammar(LanguageToolSettings(server_url=url))
    text = "the report\ufffc with a errors and teh rest"
    matches = grammar.check(text, "en")
    assert [(text[m.start : m.end], m.rule_id, m.replacements) for m in matches] == [
        ("a errors", "EN_A_VS_AN", ("errors",))
    ]  # the typo is left to the offline speller
    sent = handler.checks[-1]
    assert sent["language"] == ["en-GB"]
    assert "\ufffc" not in sent["text"][0]
    assert "TYPOS" in sent["disabledCategories"][0]
    grammar.close()


def test_checker_reports_grammar_in_the_stored_text(
    server: tuple[str, type[_Handler]], un_pack: Pack, un_document: Document
) -> None:
    url, handler = server
    checker = Checker(un_pack, grammar=LanguageToolGrammar(LanguageToolSettings(server_url=url)))
    paragraph = un_document.operative[1]
    paragraph.text["fr"] = parse_inline("les rapport du Secrétaire général")
    findings = checker.check_grammar(un_document, paragraph.id, "fr")
    assert [(f.rule, f.excerpt, f.start, f.suggestions, f.fix) for f in findings] == [
        ("grammar", "les rapport", 0, ("les rapports", "le rapport"), None)
    ]
    assert findings[0].message == "LanguageTool: Rule AGREEMENT_SENT_START matched."
    # The opener went along for context: LanguageTool saw "Engage instamment les rapport…".
    assert handler.checks[-1]["text"][0].startswith("Engage instamment les rapport")


def test_unreachable_server_is_reported_once_and_checks_go_on(
    un_pack: Pack, spelling: object, un_document: Document
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    grammar = LanguageToolGrammar(LanguageToolSettings(server_url=url))
    checker = Checker(un_pack, grammar=grammar)
    paragraph = un_document.operative[2]
    paragraph.text["en"] = parse_inline("that the report ; of the Secretary-General is useful")
    report = checker.check_document(un_document)
    assert len(report.notices) == 1
    assert report.notices[0].startswith("LanguageTool is not available (cannot connect to ")
    assert report.notices[0].endswith("grammar was not checked; the other checks ran.")
    assert [(f.rule, f.paragraph_id) for f in report.findings] == [
        ("punctuation-space", paragraph.id)
    ]


def test_server_answering_nonsense_is_unavailable(server: tuple[str, type[_Handler]]) -> None:
    url, _ = server
    grammar = LanguageToolGrammar(LanguageToolSettings(server_url=url + "/nowhere/"))
    with pytest.raises(GrammarUnavailableError):
        grammar.check("text", "en")


def test_nothing_configured_never_downloads() -> None:
    with pytest.raises(GrammarUnavailableError, match="no LanguageTool server is set"):
        LanguageToolGrammar(LanguageToolSettings()).check("text", "en")


def test_local_mode_without_installation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    grammar = LanguageToolGrammar(LanguageToolSettings(local=True))
    with pytest.raises(GrammarUnavailableError, match="not installed"):
        grammar.check("text", "fr")
