"""Installing a local LanguageTool: Java detection, verified download with progress, safe unpack.

Nothing here runs unless the user agreed to the download. The archive is streamed into a
hidden work folder inside the destination, checked (size, SHA-256 when pinned, zip
integrity, the layout of a LanguageTool release) and unpacked there; only a complete
installation is moved into place, so a cancelled or failed download leaves no
half-unpacked folder behind. The URL and checksum are parameters: tests serve a small
archive from a local HTTP server and nothing is ever fetched from the internet by a test.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Final

from draftdesk.errors import DraftDeskError

if TYPE_CHECKING:
    import requests

JAVA_REQUIRED: Final[int] = 17
"""LanguageTool 6 needs Java 17 or later."""
ARCHIVE_LIMIT: Final[int] = 512 * 1024 * 1024
"""No LanguageTool release is larger (6.x archives are about 250 MB)."""
UNPACKED_LIMIT: Final[int] = 768 * 1024 * 1024
"""A release unpacks to about 400 MB; more than this is a zip bomb, not LanguageTool."""
CHUNK: Final[int] = 256 * 1024
CONNECT_TIMEOUT: Final[int] = 15
JARS: Final[tuple[str, ...]] = ("languagetool-server.jar", "languagetool.jar")
_FOLDER: Final[re.Pattern[str]] = re.compile(r"^LanguageTool-[0-9][0-9A-Za-z.\-]*$")
_JAVA_VERSION: Final[re.Pattern[str]] = re.compile(r'version "(\d+)(?:\.(\d+))?')

Progress = Callable[[int, int | None], None]
"""Called with (bytes received so far, total bytes or None when the server does not say)."""


class InstallError(DraftDeskError):
    """LanguageTool could not be downloaded or installed; the message says why."""


class InstallCancelledError(InstallError):
    """The user cancelled the download; nothing was left behind."""


@dataclass(slots=True, frozen=True)
class ReleaseSource:
    """Where a LanguageTool release archive comes from and how to verify it."""

    url: str
    version: str
    sha256: str | None = None


def default_source() -> ReleaseSource:
    """The release language-tool-python pins, with the SHA-256 it ships for that release."""
    from language_tool_python.download_lt import (
        EXPECTED_DOWNLOAD_SHA256,
        LTP_DOWNLOAD_VERSION,
        LocalLanguageTool,
    )

    version = LTP_DOWNLOAD_VERSION
    url = LocalLanguageTool.from_version_name(version).download_url
    return ReleaseSource(url, version, EXPECTED_DOWNLOAD_SHA256.get(version))


def java_version(java: str | None = None) -> int | None:
    """The major version of the `java` on the PATH (or at `java`); None when there is none."""
    command = java or shutil.which("java")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, "-version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = _JAVA_VERSION.search(done.stderr + done.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    # Java 8 and older call themselves "1.8": the major version is the second number.
    return int(match.group(2) or 0) if major == 1 else major


def installed(folder: Path) -> Path | None:
    """The newest complete LanguageTool installation in `folder`, if any."""
    if not folder.is_dir():
        return None
    found = [
        path
        for path in folder.iterdir()
        if path.is_dir() and _FOLDER.match(path.name) and any((path / j).is_file() for j in JARS)
    ]
    return max(found, key=lambda path: path.name) if found else None


def install_languagetool(
    folder: Path,
    source: ReleaseSource,
    progress: Progress,
    cancel: threading.Event | None = None,
    *,
    session: requests.Session | None = None,
) -> Path:
    """Download, verify and unpack LanguageTool into `folder`; returns the installation.

    InstallCancelledError when `cancel` is set (checked between chunks), InstallError for any
    other failure (offline, server error, wrong checksum, damaged or foreign archive).
    Either way `folder` holds no trace of the attempt.
    """
    stop = cancel or threading.Event()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".download-") as work:
            archive = Path(work) / "languagetool.zip"
            digest = _fetch(source.url, archive, progress, stop, session)
            if source.sha256 and digest != source.sha256.lower():
                raise InstallError(
                    "the downloaded archive does not match the published checksum "
                    f"(SHA-256 {digest[:12]}…, expected {source.sha256[:12]}…)"
                )
            top = _unpack(archive, Path(work) / "unpacked", stop)
            target = folder / top
            if stop.is_set():
                raise InstallCancelledError("the download was cancelled")
            if target.exists():
                shutil.rmtree(target)  # an older, perhaps damaged, copy of this release
            (Path(work) / "unpacked" / top).rename(target)
            return target
    except OSError as exc:
        raise InstallError(f"{folder}: cannot be written ({exc.strerror or exc})") from None


def _fetch(
    url: str,
    archive: Path,
    progress: Progress,
    stop: threading.Event,
    session: requests.Session | None,
) -> str:
    """Stream `url` into `archive`, reporting progress; returns the SHA-256 of the bytes."""
    import requests  # only when downloading: the window starts without it

    digest = hashlib.sha256()
    http = session or requests.Session()
    try:
        with http.get(url, stream=True, timeout=(CONNECT_TIMEOUT, 60)) as response:
            if response.status_code != 200:
                raise InstallError(f"the server answered {response.status_code} for {url}")
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > ARCHIVE_LIMIT:
                raise InstallError(f"the archive at {url} is too large ({total} bytes)")
            received = 0
            progress(0, total)
            with archive.open("wb") as out:
                for chunk in response.iter_content(CHUNK):
                    if stop.is_set():
                        raise InstallCancelledError("the download was cancelled")
                    received += len(chunk)
                    if received > ARCHIVE_LIMIT:
                        raise InstallError(f"the archive at {url} is too large")
                    out.write(chunk)
                    digest.update(chunk)
                    progress(received, total)
            if total is not None and received != total:
                raise InstallError(
                    f"the download was cut short ({received} of {total} bytes received)"
                )
    except requests.ConnectionError:
        raise InstallError(
            f"cannot connect to {_host(url)}: check the network connection"
        ) from None
    except requests.Timeout:
        raise InstallError(f"{_host(url)} did not answer in time") from None
    except requests.RequestException as exc:
        raise InstallError(f"the download failed ({type(exc).__name__})") from None
    finally:
        if session is None:
            http.close()
    return digest.hexdigest()


def _unpack(archive: Path, into: Path, stop: threading.Event) -> str:
    """Check and unpack a LanguageTool release; returns its top folder's name."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            damaged = bundle.testzip()
            if damaged is not None:
                raise InstallError(f"the archive is damaged (member {damaged!r})")
            names = [PurePosixPath(name) for name in bundle.namelist()]
            tops = {name.parts[0] for name in names if name.parts}
            if len(tops) != 1 or not _FOLDER.match(next(iter(tops))):
                raise InstallError("the archive is not a LanguageTool release")
            top = next(iter(tops))
            if not any(str(name) in {f"{top}/{jar}" for jar in JARS} for name in names):
                raise InstallError("the archive holds no LanguageTool server (.jar)")
            for name in names:
                if name.is_absolute() or ".." in name.parts:
                    raise InstallError(f"the archive holds an unsafe path ({name})")
            if sum(member.file_size for member in bundle.infolist()) > UNPACKED_LIMIT:
                raise InstallError("the archive unpacks to more than any LanguageTool release")
            for member in bundle.infolist():
                if stop.is_set():
                    raise InstallCancelledError("the download was cancelled")
                bundle.extract(member, into)
    except zipfile.BadZipFile:
        raise InstallError("the downloaded file is not a zip archive") from None
    return top


def _host(url: str) -> str:
    match = re.match(r"^[a-z]+://([^/]+)", url)
    return match.group(1) if match else url
