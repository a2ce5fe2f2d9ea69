"""A throwaway Wine prefix for the installer tests: run Windows programs, read the registry."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.packaging.wine_shims import install_shims


def wine_binary() -> str | None:
    """The Wine loader: `wine64` (Debian's package name), else `wine`, else None."""
    return shutil.which("wine64") or shutil.which("wine") or _debian_wine64()


def _debian_wine64() -> str | None:
    path = Path("/usr/lib/wine/wine64")
    return str(path) if path.is_file() else None


class WinePrefix:
    """A fresh WINEPREFIX in a temporary folder, quiet (no Mono/Gecko prompts, no debug)."""

    def __init__(self, folder: Path, wine: str) -> None:
        self.folder = folder
        self.wine = wine
        # Wine links Documents and Desktop to $HOME: give it a home of its own.
        home = folder / "home"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "HOME": str(home),
            "WINEPREFIX": str(folder / "prefix"),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            "WINEARCH": "win64",
            "DISPLAY": "",
        }

    @property
    def drive_c(self) -> Path:
        """The prefix's C: drive."""
        return self.folder / "prefix" / "drive_c"

    def boot(self) -> None:
        """Create the prefix, then add the two DLLs Wine 8 lacks (see wine_shims)."""
        self.run(["wineboot", "--init"], timeout=300)
        install_shims(self.drive_c / "windows" / "system32")

    def run(
        self, args: list[str], timeout: float = 300, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run a Windows program and wait for every process it started (wineserver -w).

        Output goes through pipes: Windows Python cannot open a Unix file or a closed
        stream under Wine as its standard streams.
        """
        result = subprocess.run(
            [self.wine, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=self.env,
            timeout=timeout,
            check=False,
        )
        self.wait()
        if check:
            assert result.returncode == 0, (
                f"wine {' '.join(args)} exited with {result.returncode}:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def wait(self) -> None:
        """Wait until every Windows process of the prefix has ended."""
        server = shutil.which("wineserver") or "/usr/lib/wine/wineserver64"
        subprocess.run([server, "-w"], env=self.env, timeout=300, check=False)

    def windows_path(self, path: Path) -> str:
        """The Windows name of a Unix path (Z:\\… for paths outside drive_c)."""
        resolved = path.resolve()
        drive_c = self.drive_c.resolve()
        if resolved.is_relative_to(drive_c):
            return "C:\\" + str(resolved.relative_to(drive_c)).replace("/", "\\")
        return "Z:" + str(resolved).replace("/", "\\")

    def user_folder(self) -> Path:
        """C:\\users\\<name> of the prefix's user."""
        users = [p for p in (self.drive_c / "users").iterdir() if p.name != "Public"]
        assert len(users) == 1, users
        return users[0]

    def local_appdata(self) -> Path:
        """%LOCALAPPDATA% as a Unix path."""
        return self.user_folder() / "AppData" / "Local"

    def reg_values(self, key: str) -> dict[str, str] | None:
        """The values of a registry key (name → data as `reg query` prints it), or None."""
        result = self.run(["reg", "query", key], check=False)
        if result.returncode != 0:
            return None
        values = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) == 3 and parts[1].startswith("REG_"):
                values[parts[0]] = parts[2]
        return values
