"""Grammar through LanguageTool (language-tool-python): an organisation's server or a local one.

LanguageTool is optional. The adapter never downloads anything unless told to
(`download_local`, after the user agreed; see lt_install.py), never blocks for long
(requests time out after `TIMEOUT` seconds instead of the library's 300) and turns every
failure (unreachable server, no Java, no installation, bad answer) into
GrammarUnavailableError, which the checker reports once before carrying on with its other
checks. Tests drive the same code path against a local HTTP server that speaks the
/v2/languages and /v2/check API.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import requests
from language_tool_python import LanguageTool

from draftdesk.errors import DraftDeskError
from draftdesk.proofing.lt_install import (
    JAVA_REQUIRED,
    InstallError,
    Progress,
    ReleaseSource,
    default_source,
    install_languagetool,
    java_version,
)
from draftdesk.proofing.lt_settings import LanguageToolSettings as LanguageToolSettings
from draftdesk.proofing.lt_settings import download_folder
from draftdesk.proofing.lt_settings import local_status as local_status

TIMEOUT: Final[int] = 15
"""Seconds a request to LanguageTool may take before the server counts as unreachable."""

LANGUAGE_TAGS: Final[dict[str, str]] = {"en": "en-GB", "fr": "fr"}
# Rules that contradict how DraftDesk stores text: French no-break spaces and end
# punctuation are added by the renderer, paragraphs start after their opener, and the
# offline speller already reports typos.
DISABLED_RULES: Final[frozenset[str]] = frozenset(
    {"FRENCH_WHITESPACE", "FRENCH_WHITESPACE_STRICT", "WHITESPACE_RULE"}
    | {"PUNCTUATION_PARAGRAPH_END", "UPPERCASE_SENTENCE_START", "DOUBLE_PUNCTUATION"}
)
DISABLED_CATEGORIES: Final[frozenset[str]] = frozenset({"TYPOS"})
_OBJECT: Final[str] = "\ufffc"


class GrammarUnavailableError(DraftDeskError):
    """No LanguageTool could be reached or started; the message says why."""


@dataclass(slots=True, frozen=True)
class GrammarMatch:
    """A problem LanguageTool found, with offsets in the text that was passed in."""

    start: int
    end: int
    rule_id: str
    message: str
    replacements: tuple[str, ...] = ()
    category: str = ""


class _LanguageTool(LanguageTool):
    """language-tool-python with a short request timeout (its own is 300 s) that gives up
    starting a local server after a few ports."""

    _TIMEOUT = TIMEOUT  # type: ignore[assignment]
    PORT_ATTEMPTS = 3

    def _start_server_on_free_port(self) -> None:
        # The library tries each of 918 ports in turn when its server does not start; a
        # damaged installation (the server exits at once) would keep it busy for minutes.
        self._available_ports = self._available_ports[-(self.PORT_ATTEMPTS - 1) :]
        super()._start_server_on_free_port()


Factory = Callable[..., LanguageTool]


@dataclass(slots=True)
class LanguageToolGrammar:
    """Checks text with LanguageTool, one connection per language, made on first use."""

    settings: LanguageToolSettings
    factory: Factory = _LanguageTool
    _tools: dict[str, LanguageTool] = field(default_factory=dict)

    def check(self, text: str, lang: str) -> list[GrammarMatch]:
        """Grammar problems in `text`; GrammarUnavailableError when LanguageTool cannot answer.

        References (U+FFFC) are taken out before the text is sent and the offsets mapped
        back, so LanguageTool never sees the object characters.
        """
        tool = self._tool(lang)
        sent, positions = _strip_objects(text)
        try:
            matches = tool.check(sent)
        except Exception as exc:
            raise GrammarUnavailableError(_reason(exc)) from None
        found: list[GrammarMatch] = []
        for match in matches:
            if match.category in DISABLED_CATEGORIES or match.rule_id in DISABLED_RULES:
                continue
            start = positions[match.offset]
            end = positions[min(match.offset + match.error_length, len(sent))]
            found.append(
                GrammarMatch(
                    start,
                    end,
                    match.rule_id,
                    match.message,
                    tuple(match.replacements[:5]),
                    match.category,
                )
            )
        return found

    def close(self) -> None:
        """Stop local servers and forget connections."""
        for tool in self._tools.values():
            tool.close()
        self._tools.clear()

    def _tool(self, lang: str) -> LanguageTool:
        tool = self._tools.get(lang)
        if tool is not None:
            return tool
        tag = LANGUAGE_TAGS.get(lang)
        if tag is None:
            raise GrammarUnavailableError(f"no LanguageTool language for {lang!r}")
        kwargs: dict[str, Any] = {}
        if self.settings.server_url:
            kwargs["remote_server"] = self.settings.server_url
        elif self.settings.local:
            folder = Path(self.settings.local_folder) if self.settings.local_folder else None
            status = local_status(folder)
            if status.java is None:
                raise GrammarUnavailableError("Java 17 or later is not installed")
            if status.installation is None:
                raise GrammarUnavailableError("LanguageTool is not installed on this computer")
            if folder is not None:
                # language-tool-python finds its installation through the environment only.
                os.environ["LTP_PATH"] = str(status.installation.parent)
                version = status.installation.name.removeprefix("LanguageTool-")
                kwargs["language_tool_download_version"] = version
        else:
            raise GrammarUnavailableError("no LanguageTool server is set in the preferences")
        try:
            tool = self.factory(tag, **kwargs)
        except Exception as exc:
            raise GrammarUnavailableError(_reason(exc)) from None
        tool.disabled_rules = set(DISABLED_RULES)
        tool.disabled_categories = set(DISABLED_CATEGORIES)
        self._tools[lang] = tool
        return tool


def download_local(
    progress: Progress,
    folder: Path | None = None,
    *,
    source: ReleaseSource | None = None,
    cancel: threading.Event | None = None,
    java: Callable[[], int | None] = java_version,
) -> Path:
    """Download, verify and unpack LanguageTool into `folder`; returns the installation.

    Only after the user agreed. Java 17+ is checked first (a LanguageTool that cannot run
    is not worth 250 MB); InstallError (InstallCancelledError) on failure, nothing left behind.
    """
    version = java()
    if version is None or version < JAVA_REQUIRED:
        found = "no Java" if version is None else f"Java {version}"
        raise InstallError(f"LanguageTool needs Java {JAVA_REQUIRED} or later ({found} found)")
    return install_languagetool(
        folder or download_folder(), source or default_source(), progress, cancel
    )


def _strip_objects(text: str) -> tuple[str, list[int]]:
    """`text` without U+FFFC, and for each offset of the result its offset in `text`."""
    kept: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        if char != _OBJECT:
            kept.append(char)
            positions.append(index)
    positions.append(len(text))
    return "".join(kept), positions


def _reason(exc: BaseException) -> str:
    """A short reason for the user: the library's messages run to whole tracebacks."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, requests.ConnectionError):
            request = getattr(cause, "request", None)
            url = getattr(request, "url", None) or "the server"
            return f"cannot connect to {url}"
        if isinstance(cause, requests.Timeout):
            return f"no answer within {TIMEOUT} s"
        cause = cause.__cause__ or cause.__context__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
