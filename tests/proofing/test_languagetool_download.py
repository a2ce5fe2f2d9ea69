"""Installing a local LanguageTool: download with progress, verify, unpack, cancel, offline."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from draftdesk.proofing import languagetool, lt_settings
from draftdesk.proofing.languagetool import download_local, local_status
from draftdesk.proofing.lt_install import (
    InstallCancelledError,
    InstallError,
    ReleaseSource,
    default_source,
    install_languagetool,
    installed,
    java_version,
)
from tests.proofing.lt_release import VERSION, ReleaseServer, release_server, release_zip, sha256

ZIP_NAME = f"/LanguageTool-{VERSION}.zip"


@pytest.fixture
def server() -> Iterator[ReleaseServer]:
    with release_server() as state:
        state.files[ZIP_NAME] = release_zip()
        yield state


def _source(
    server: ReleaseServer, path: str = ZIP_NAME, digest: str | None = None
) -> ReleaseSource:
    return ReleaseSource(server.url + path, VERSION, digest)


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_download_unpacks_reports_progress_and_is_found(
    server: ReleaseServer, tmp_path: Path
) -> None:
    data = server.files[ZIP_NAME]
    seen: list[tuple[int, int | None]] = []
    folder = tmp_path / "languagetool"
    target = install_languagetool(
        folder, _source(server, digest=sha256(data)), lambda n, t: seen.append((n, t))
    )
    assert target == folder / f"LanguageTool-{VERSION}"
    assert _tree(folder) == [
        f"LanguageTool-{VERSION}",
        f"LanguageTool-{VERSION}/README.md",
        f"LanguageTool-{VERSION}/languagetool-server.jar",
        f"LanguageTool-{VERSION}/libs",
        f"LanguageTool-{VERSION}/libs/languagetool-core.jar",
    ]
    assert (target / "README.md").read_text() == "LanguageTool test release\n"
    assert seen[0] == (0, len(data))
    assert seen[-1] == (len(data), len(data))
    assert len(seen) >= 3  # reported chunk by chunk, not once at the end
    assert [n for n, _t in seen] == sorted(n for n, _t in seen)
    assert installed(folder) == target
    assert local_status(folder).installation == target


def test_cancel_leaves_nothing_behind(server: ReleaseServer, tmp_path: Path) -> None:
    server.slow.add(ZIP_NAME)
    cancel = threading.Event()
    folder = tmp_path / "languagetool"

    def progress(received: int, _total: int | None) -> None:
        if received > 0:
            cancel.set()  # the user pressed Cancel once the first bytes arrived

    with pytest.raises(InstallCancelledError, match="cancelled"):
        install_languagetool(folder, _source(server), progress, cancel)
    assert _tree(folder) == []
    assert installed(folder) is None


def test_wrong_checksum_is_refused_and_nothing_installed(
    server: ReleaseServer, tmp_path: Path
) -> None:
    folder = tmp_path / "languagetool"
    with pytest.raises(InstallError, match="does not match the published checksum"):
        install_languagetool(folder, _source(server, digest="0" * 64), lambda n, t: None)
    assert _tree(folder) == []


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"<html>Not Found</html>", "not a zip archive"),
        (release_zip(top="something-else"), "not a LanguageTool release"),
        (release_zip(jar="README.txt"), "holds no LanguageTool server"),
    ],
    ids=["html", "foreign", "no-jar"],
)
def test_foreign_or_damaged_archives_are_refused(
    server: ReleaseServer, tmp_path: Path, payload: bytes, message: str
) -> None:
    server.files["/bad.zip"] = payload
    folder = tmp_path / "languagetool"
    with pytest.raises(InstallError, match=message):
        install_languagetool(folder, _source(server, "/bad.zip"), lambda n, t: None)
    assert _tree(folder) == []


def test_download_cut_short_is_refused(server: ReleaseServer, tmp_path: Path) -> None:
    server.short.add(ZIP_NAME)
    folder = tmp_path / "languagetool"
    with pytest.raises(InstallError, match=r"cut short|download failed"):
        install_languagetool(folder, _source(server), lambda n, t: None)
    assert _tree(folder) == []


def test_missing_release_names_the_status(server: ReleaseServer, tmp_path: Path) -> None:
    with pytest.raises(InstallError, match=r"the server answered 404 for http://127\.0\.0\.1"):
        install_languagetool(tmp_path, _source(server, "/nothing.zip"), lambda n, t: None)


def test_offline_is_a_clear_message_at_once(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = ReleaseSource(f"http://127.0.0.1:{port}/LanguageTool-6.8.zip", VERSION)
    with pytest.raises(InstallError) as info:
        install_languagetool(tmp_path / "lt", source, lambda n, t: None)
    assert str(info.value) == (f"cannot connect to 127.0.0.1:{port}: check the network connection")
    assert _tree(tmp_path / "lt") == []


def test_download_local_checks_java_before_downloading(
    server: ReleaseServer, tmp_path: Path
) -> None:
    for found, says in ((None, "no Java found"), (11, "Java 11 found")):
        with pytest.raises(InstallError) as info:
            download_local(
                lambda n, t: None, tmp_path, source=_source(server), java=lambda f=found: f
            )
        assert str(info.value) == f"LanguageTool needs Java 17 or later ({says})"
    assert server.requests == []  # nothing was fetched for a LanguageTool that cannot run
    target = download_local(lambda n, t: None, tmp_path, source=_source(server), java=lambda: 21)
    assert target == tmp_path / f"LanguageTool-{VERSION}"


def test_default_source_pins_the_release_checksum() -> None:
    source = default_source()
    assert source.url.endswith(f"/LanguageTool-{source.version}.zip")
    assert source.sha256 is not None and len(source.sha256) == 64


def _fake_java(folder: Path, banner: str) -> str:
    script = folder / "java"
    script.write_text(f"#!/bin/sh\necho '{banner}' >&2\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.mark.parametrize(
    ("banner", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_381"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("not java at all", None),
    ],
)
def test_java_version_reads_the_banner(tmp_path: Path, banner: str, major: int | None) -> None:
    assert java_version(_fake_java(tmp_path, banner)) == major


def test_no_java_at_all(tmp_path: Path) -> None:
    assert java_version(str(tmp_path / "missing-java")) is None


class _FakeTool:
    """Stands in for language-tool-python's LanguageTool (no Java server is started)."""

    def __init__(self) -> None:
        self.disabled_rules: set[str] = set()
        self.disabled_categories: set[str] = set()

    def check(self, text: str) -> list[object]:
        return []

    def close(self) -> None:
        pass


def test_local_mode_starts_languagetool_from_the_installed_folder(
    server: ReleaseServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "languagetool"
    install_languagetool(folder, _source(server), lambda n, t: None)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "elsewhere"))
    monkeypatch.setattr(lt_settings.shutil, "which", lambda name: "/usr/bin/java")
    calls: list[tuple[str, dict[str, object], str]] = []

    def factory(tag: str, **kwargs: object) -> _FakeTool:
        calls.append((tag, kwargs, os.environ["LTP_PATH"]))
        return _FakeTool()

    settings = languagetool.LanguageToolSettings(local=True, local_folder=str(folder))
    grammar = languagetool.LanguageToolGrammar(settings, factory)  # type: ignore[arg-type]
    assert grammar.check("Some text", "fr") == []
    assert calls == [("fr", {"language_tool_download_version": VERSION}, str(folder))]


@pytest.mark.skipif(shutil.which("java") is None, reason="needs a java executable to start")
def test_a_local_languagetool_that_cannot_start_fails_fast(
    server: ReleaseServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test release holds no real server: Java exits at once, and so does the check."""
    folder = tmp_path / "languagetool"
    install_languagetool(folder, _source(server), lambda n, t: None)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "elsewhere"))
    settings = languagetool.LanguageToolSettings(local=True, local_folder=str(folder))
    grammar = languagetool.LanguageToolGrammar(settings)
    began = time.monotonic()
    with pytest.raises(languagetool.GrammarUnavailableError, match="exited early with code"):
        grammar.check("This are a test", "en")
    assert time.monotonic() - began < 15  # not one attempt per port (918 of them)
