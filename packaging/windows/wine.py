"""Running Windows programs under Debian 12's wine 8, with its known traps handled in one place.

- Python under wine dies when a standard handle is a regular file: output is always read through a pipe.
- Wine passes no QT_* variables: QT_QPA_PLATFORM is given as WINEQT_QPA_PLATFORM.
- platform.platform() asks WMI, which hangs without `wbemprox=` in WINEDLLOVERRIDES.
- No menus or file types are written to the Linux desktop (winemenubuilder off), no Mono or Gecko prompts,
  and HOME points into the prefix, so wine's "Documents" and "Desktop" links never reach the real home.
- Some failures are wine's, not ours (PyInstaller's helper process and WinError 1359): `run(retries=...)`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

OVERRIDES = "mscoree,mshtml=;wbemprox=;winemenubuilder.exe=d"
FLAKY = ("WinError 1359", "An internal error occurred", "wineserver: could not", "err:virtual:")


@dataclass
class Result:
    returncode: int
    output: str  # stdout and stderr together, as the program wrote them (decoded below)
    stdout: str
    stderr: str


class Wine:
    """One wine prefix; its own HOME keeps the real one clean."""

    def __init__(self, prefix: Path, display: str | None = None):
        self.prefix = prefix
        self.home = prefix / "home"
        self.display = display

    def env(self, qt_platform: str | None = None, **extra: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("QT_", "WINE", "PYTHON", "VIRTUAL_ENV")) and key not in ("DISPLAY",)}
        env.update(WINEPREFIX=str(self.prefix), WINEARCH="win64", WINEDEBUG="-all", WINEDLLOVERRIDES=OVERRIDES,
                   HOME=str(self.home), XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_DATA_HOME=str(self.home / ".local" / "share"), XDG_CACHE_HOME=str(self.home / ".cache"))
        if self.display:
            env["DISPLAY"] = self.display
        if qt_platform:
            env["WINEQT_QPA_PLATFORM"] = qt_platform
        env.update(extra)
        return env

    def run(self, *args: str, retries: int = 0, timeout: float = 600, qt_platform: str | None = None,
            cwd: Path | None = None, **extra: str) -> Result:
        """`wine ARGS`, output through pipes; a run that fails with a known wine flake is tried again."""
        for attempt in range(retries + 1):
            done = subprocess.run(["wine", *args], stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=timeout, env=self.env(qt_platform, **extra),
                                  cwd=cwd)
            result = Result(done.returncode, decode(done.stdout) + decode(done.stderr), decode(done.stdout),
                            decode(done.stderr))
            if result.returncode == 0 or attempt == retries or not any(f in result.output for f in FLAKY):
                return result
            print(f"  (wine flaked: {flake(result.output)}; trying again)", flush=True)
            self.wait()
            time.sleep(2)
        raise AssertionError("unreachable")

    def start(self, *args: str, qt_platform: str | None = None, **extra: str) -> subprocess.Popen:
        """A program left running (a window); its output goes through a pipe into `log`."""
        return subprocess.Popen(["wine", *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=self.env(qt_platform, **extra))

    def boot(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["wineboot", "--init"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=self.env(), timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"wineboot failed: {decode(done.stdout)[-1000:]}")
        self.wait()

    def wait(self) -> None:
        """Until wine's server has finished writing the registry (it saves it when idle)."""
        subprocess.run(["wineserver", "-w"], env=self.env(), timeout=300, check=False)

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env(), timeout=60, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def windows_path(self, path: Path) -> str:
        """The Windows name of a Linux path: C:\\... inside the prefix, Z:\\... elsewhere."""
        path = path.resolve()
        drive_c = (self.prefix / "drive_c").resolve()
        if path.is_relative_to(drive_c):
            return str(PureWindowsPath("C:\\", *path.relative_to(drive_c).parts))
        return "Z:" + str(path).replace("/", "\\")

    def user_folder(self, *parts: str) -> Path:
        users = self.prefix / "drive_c" / "users"
        user = next((p for p in users.iterdir() if p.name not in ("Public", "Default")), users / "root")
        return user.joinpath(*parts)

    def registry(self, hive: str = "user") -> str:
        """The prefix's registry file as text (user.reg is HKCU, system.reg HKLM); read after wait()."""
        self.wait()
        return (self.prefix / f"{hive}.reg").read_text(encoding="utf-8", errors="replace")

    def clean(self) -> None:
        self.kill()
        shutil.rmtree(self.prefix, ignore_errors=True)


def decode(data: bytes) -> str:
    """Windows programs writing to a pipe use the ANSI code page (1252 under wine's default locale)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def flake(output: str) -> str:
    return next((line.strip() for line in output.splitlines() if any(f in line for f in FLAKY)), "?")[:200]
