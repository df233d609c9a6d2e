"""The Windows release checked as IT and an adviser would use it, under wine in a fresh prefix on Xvfb.

Install the MSI silently (no administrator), run the installed programs' self-tests (offscreen, and on
Qt's native `windows` platform), compare `summary --json` with Linux, write, open and save a project whose
name and folder have spaces and non-ASCII letters (through the command line and the window), open a
`.ombuds` file as a double-click does, refuse to save over a workbook another program holds open, take
screenshots of the window at 100, 125 and 150 % scaling, uninstall (nothing left in the install folder or
HKCU), and upgrade an older version in place. A failure names its step.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import msi
import signing
from wine import Wine

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROJECT_NAME = "Gemeente Súdwest-Fryslân"
FOLDER_NAME = "Beleid en advies – Súdwest"  # spaces, a dash and an accent, as a real folder has
# What the MSI writes under HKCU (the app's own settings, in Software\OmbudsCompare\OmbudsCompare, are the
# user's and stay after an uninstall, as every program's do).
HKCU_KEYS = (r"Software\\Classes\\.ombuds", r"Software\\Classes\\OmbudsCompare.Project",
             r"Software\\Classes\\Applications\\OmbudsCompare.exe", r"Software\\OmbudsCompare\\Installer")
SETTINGS_KEY = r"[Software\\OmbudsCompare\\OmbudsCompare]"
# Under wine 8, Qt's DirectWrite font database does not find the UI font (Segoe UI on Windows) and falls back
# to a serif; Qt's GDI font engine finds wine's Tahoma, the stand-in for Segoe UI. Windows that a person looks
# at (screenshots) use it; the self-tests use Qt's default.
LOOKS_LIKE_WINDOWS = "windows:fontengine=gdi"
SCALES = {100: 96, 125: 120, 150: 144}  # Windows display scaling → LogPixels


class CheckFailed(AssertionError):
    """A check did not hold; the message says what was seen."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


# --- the virtual screen -------------------------------------------------------------------------------
class Screen:
    """An Xvfb display of a laptop's size (1366 × 768) for the windows under test."""

    def __init__(self, width: int = 1366, height: int = 768):
        self.number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                           and not Path(f"/tmp/.X{n}-lock").exists())
        self.display = f":{self.number}"
        self.process = subprocess.Popen(["Xvfb", self.display, "-screen", "0", f"{width}x{height}x24", "-nolisten",
                                         "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{self.number}").exists():
                return
            time.sleep(0.1)
        raise RuntimeError("Xvfb did not start")

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], capture_output=True, text=True, env={**os.environ,
                                                                                       "DISPLAY": self.display})
        return done.stdout.strip() if done.returncode == 0 else ""

    def window(self, name: str, timeout: float = 120) -> str:
        """The id of the first visible window whose title contains `name`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", re.escape(name)).split()
            if found:
                return found[0]
            time.sleep(0.5)
        raise CheckFailed(f"no window titled '…{name}…' within {timeout:.0f} s")

    def screenshot(self, target: Path) -> Path:
        done = subprocess.run(["xwd", "-root", "-silent", "-display", self.display], capture_output=True, check=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(xwd_to_png(done.stdout))
        return target

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def xwd_to_png(data: bytes) -> bytes:
    """A 24/32-bit TrueColor XWD screen dump as PNG (no imaging library needed)."""
    fields = struct.unpack(">25I", data[:100])
    header_size, width, height = fields[0], fields[4], fields[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    if bits_per_pixel not in (24, 32):
        raise ValueError(f"xwd: {bits_per_pixel} bits per pixel, expected 24 or 32")
    step = bits_per_pixel // 8
    pixels = data[header_size + 12 * ncolors:]
    rows = []
    for y in range(height):
        row = pixels[y * bytes_per_line:y * bytes_per_line + width * step]
        rgb = bytearray(width * 3)
        if byte_order == 0:  # LSBFirst: B G R (X)
            rgb[0::3], rgb[1::3], rgb[2::3] = row[2::step], row[1::step], row[0::step]
        else:  # MSBFirst: (X) R G B
            first = step - 3
            rgb[0::3], rgb[1::3], rgb[2::3] = row[first::step], row[first + 1::step], row[first + 2::step]
        rows.append(b"\x00" + bytes(rgb))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


# --- the checks ---------------------------------------------------------------------------------------
class Checks:
    def __init__(self, version: str, msi_path: Path, windows_ui: Path, work: Path, older: Path,
                 signer: signing.Signer | None):
        self.version, self.msi, self.windows_ui, self.work, self.older = version, msi_path, windows_ui, work, older
        self.signer = signer
        self.screen = Screen()
        self.wine = Wine(work / "prefix", self.screen.display)

    # paths inside the prefix
    @property
    def install_dir(self) -> Path:
        return self.wine.user_folder("AppData", "Local", "Programs", "OmbudsCompare")

    @property
    def start_menu(self) -> Path:
        return self.wine.user_folder("AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs")

    def program(self, name: str = "ombudscompare-cli.exe") -> str:
        return self.wine.windows_path(self.install_dir / name)

    def cli(self, *args: str, qt: str = "offscreen", timeout: float = 300):
        return self.wine.run(self.program(), *args, qt_platform=qt, timeout=timeout, retries=1)

    # the steps ----------------------------------------------------------------------------------------
    def fresh_prefix(self) -> None:
        self.wine.clean()
        self.wine.prefix.mkdir(parents=True)
        self.wine.boot()
        system32 = self.wine.prefix / "drive_c" / "windows" / "system32"
        shutil.copy2(self.windows_ui, system32 / "windows.ui.dll")
        for font in Path("/usr/share/wine/fonts").glob("tahoma*.ttf"):  # Debian's fonts-wine
            shutil.copy2(font, self.wine.prefix / "drive_c" / "windows" / "Fonts" / font.name)
        result = self.wine.run("regsvr32", "/s", "windows.ui.dll", retries=1)
        expect(result.returncode == 0, f"regsvr32 windows.ui.dll: exit {result.returncode}: {result.output[-300:]}")

    def signatures(self) -> None:
        if self.signer is None:
            print("   (unsigned release: no certificate given)", flush=True)
            return
        self.signer.verify([self.msi])

    def install(self, msi_path: Path | None = None) -> None:
        result = self.wine.run("msiexec", "/i", self.wine.windows_path(msi_path or self.msi), "/qn", retries=1)
        expect(result.returncode == 0, f"msiexec /i … /qn: exit {result.returncode}: {result.output[-500:]}")
        self.wine.wait()
        for name in ("OmbudsCompare.exe", "ombudscompare-cli.exe", "_internal"):
            expect((self.install_dir / name).exists(), f"{name} is not in {self.install_dir}")

    def installed_as_ordered(self) -> None:
        bundle = ROOT / "dist" / "windows" / "OmbudsCompare"
        wanted = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
        found = sorted(p.relative_to(self.install_dir).as_posix() for p in self.install_dir.rglob("*") if p.is_file())
        expect(found == wanted, f"installed files differ from the bundle: {sorted(set(found) ^ set(wanted))[:10]}")
        expect((self.start_menu / "OmbudsCompare.lnk").is_file(), "no Start-menu shortcut")
        user = self.wine.registry("user")
        for key in HKCU_KEYS:
            expect(f"[{key}]" in user or f"[{key}\\\\" in user, f"HKCU\\{key} was not written")
        expect('OmbudsCompare.exe\\" \\"%1\\""' in user, "no open command for .ombuds")
        expect(self.version in self.cli("--version").output, "--version does not give the release's version")
        expect(self.uninstall_entry() in self.wine.registry("system"), "no entry in Apps (Programs and Features)")
        if self.signer is not None:  # the installed programs carry the build's signature
            self.signer.verify([self.install_dir / "OmbudsCompare.exe", self.install_dir / "ombudscompare-cli.exe"])

    def self_test_cli(self) -> None:
        result = self.cli("--self-test")
        expect(result.returncode == 0 and result.stdout.startswith("self-test passed ("),
               f"exit {result.returncode}: {result.output.strip()[-500:]}")
        print(f"   {result.stdout.strip()}", flush=True)

    def self_test_window(self) -> None:
        result = self.wine.run(self.program("OmbudsCompare.exe"), "--self-test", qt_platform="windows", timeout=300,
                               retries=1)
        expect(result.returncode == 0 and "self-test passed (" in result.stdout,
               f"exit {result.returncode}: {result.output.strip()[-500:]}")
        print(f"   {result.stdout.strip()} (native windows platform)", flush=True)

    def summary_like_linux(self) -> None:
        for lang in ("en", "nl"):
            result = self.cli("--lang", lang, "summary", "--json")
            expect(result.returncode == 0, f"summary --json: exit {result.returncode}: {result.output[-300:]}")
            windows = json.loads(result.stdout)
            expect(windows == linux_summary(lang), f"summary --json --lang {lang} differs from Linux")

    def project_with_non_ascii_name(self) -> None:
        folder = self.wine.user_folder("Documents") / FOLDER_NAME
        if folder.parent.is_symlink():  # wine links Documents to $HOME; ours is inside the prefix, but be sure
            folder.parent.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        project = folder / f"{PROJECT_NAME}.json"
        result = self.cli("example", "-o", self.wine.windows_path(project))
        expect(result.returncode == 0 and project.is_file(), f"example -o: exit {result.returncode}: {result.output}")
        result = self.cli("--lang", "en", "summary", "--json", self.wine.windows_path(project))
        expect(result.returncode == 0 and json.loads(result.stdout) == linux_summary("en"),
               f"summary of {project.name}: exit {result.returncode}: {result.output[-300:]}")
        book = folder / f"{PROJECT_NAME}.xlsx"
        result = self.cli("export", "-o", self.wine.windows_path(book), self.wine.windows_path(project))
        expect(result.returncode == 0 and book.is_file(), f"export: exit {result.returncode}: {result.output[-300:]}")
        result = self.cli("--lang", "en", "summary", "--json", self.wine.windows_path(book))
        expect(result.returncode == 0, f"reading {book.name} back: {result.output[-300:]}")

    def command_line_draws_text(self) -> None:
        """`report` (and so `chart`) from the command line draws its text with real fonts. Qt's offscreen platform
        finds no fonts on Windows unless QT_QPA_FONTDIR names a folder of them (its FreeType font database does
        not look in %WINDIR%\\Fonts; the app points it there), else every letter is a box: the PDF embeds no font."""
        report = self.wine.user_folder("Documents") / FOLDER_NAME / f"{PROJECT_NAME}.pdf"
        result = self.cli("report", "-o", self.wine.windows_path(report))
        expect(result.returncode == 0 and report.is_file(), f"report: exit {result.returncode}: {result.output[-300:]}")
        expect(b"/FontFile" in report.read_bytes(),
               "the PDF report from the command line embeds no font: its text is drawn as boxes")

    def window_opens_and_saves(self) -> None:
        """The window on the project (native platform): shown, saved with Ctrl+S, screenshot, closed."""
        project = self.wine.user_folder("Documents") / FOLDER_NAME / f"{PROJECT_NAME}.json"
        before = project.stat()
        window = self.wine.start(self.program("OmbudsCompare.exe"), self.wine.windows_path(project),
                                 qt_platform=LOOKS_LIKE_WINDOWS)
        try:
            win = self.screen.window(PROJECT_NAME)
            time.sleep(3)
            self.screen.xdotool("windowactivate", "--sync", win)
            self.screen.xdotool("key", "--window", win, "ctrl+s")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and project.stat().st_mtime_ns == before.st_mtime_ns:
                time.sleep(0.5)
            after = project.stat()
            expect(after.st_mtime_ns != before.st_mtime_ns, f"Ctrl+S did not save {project.name}")
            time.sleep(1)
            shot = self.screen.screenshot(self.work / "window-100.png")
            size = re.search(r"Geometry: (\d+)x(\d+)", self.screen.xdotool("getwindowgeometry", win))
            print(f"   screenshot: {shot} (window {size.group(0)[10:] if size else '?'} on 1366x768)", flush=True)
            expect(size is not None and int(size.group(1)) <= 1366 and int(size.group(2)) <= 768,
                   f"the window does not fit a 1366 × 768 laptop screen: {size and size.group(0)}")
            self.screen.xdotool("key", "--window", win, "alt+F4")
            window.wait(timeout=60)
        finally:
            if window.poll() is None:
                window.kill()
        expect(window.returncode == 0, f"the window ended with exit status {window.returncode}")
        user = self.wine.registry("user")
        settings = user[user.find(SETTINGS_KEY):][:4000] if SETTINGS_KEY in user else ""
        expect("Frysl" in settings, f"the recent files (HKCU\\Software\\OmbudsCompare) do not name {project.name}")

    def double_click(self) -> None:
        """A .ombuds file opened through its file type, as Explorer does on a double-click: the command
        registered for the type's ProgId, with the file for %1. (Wine 8's ShellExecute does not look in
        HKCU\\Software\\Classes, where a per-user install registers types; Windows merges it into HKCR.)"""
        source = self.wine.user_folder("Documents") / FOLDER_NAME / f"{PROJECT_NAME}.json"
        target = source.with_suffix(".ombuds")
        shutil.copy2(source, target)
        prog_id = self.registry_value(r"HKCU\Software\Classes\.ombuds")
        expect(prog_id == "OmbudsCompare.Project", f".ombuds is registered as {prog_id!r}")
        command = self.registry_value(rf"HKCU\Software\Classes\{prog_id}\shell\open\command")
        match = re.fullmatch(r'"([^"]+)" "%1"', command or "")
        expect(match is not None, f"the open command is {command!r}")
        program = match.group(1)
        expect(program.lower() == self.program("OmbudsCompare.exe").lower(), f"the open command starts {program}")
        window = self.wine.start(program, self.wine.windows_path(target), qt_platform="windows")
        try:
            win = self.screen.window(f"{PROJECT_NAME}.ombuds")
            time.sleep(2)
            self.screen.xdotool("key", "--window", win, "alt+F4")
            window.wait(timeout=60)
        finally:
            if window.poll() is None:
                window.kill()
        expect(window.returncode == 0, f"the window ended with exit status {window.returncode}")

    def registry_value(self, key: str, name: str | None = None) -> str | None:
        """A REG_SZ value read with wine's reg.exe (the default value without a name)."""
        result = self.wine.run("reg", "query", key, *(["/v", name] if name else ["/ve"]))
        for line in result.stdout.splitlines():
            parts = re.split(r"\s{4,}", line.strip(), maxsplit=2)
            if len(parts) == 3 and parts[1] == "REG_SZ":
                return parts[2]
        return None

    def excel_holds_the_workbook(self) -> None:
        """Saving over a workbook that another program holds open (as Excel does) fails in one clear line."""
        book = self.wine.user_folder("Documents") / FOLDER_NAME / f"{PROJECT_NAME}.xlsx"
        locker = self.wine.start(windows_python(), self.wine.windows_path(HERE / "hold_open.py"),
                                 self.wine.windows_path(book), "60")
        try:
            line = locker.stdout.readline().decode("utf-8", "replace").strip()
            expect(line == "holding", f"could not hold {book.name} open: {line}")
            before = book.read_bytes()
            result = self.cli("export", "--force", "-o", self.wine.windows_path(book))
            expect(result.returncode == 2, f"export over a held workbook: exit {result.returncode}")
            lines = [s for s in result.stderr.splitlines() if s.strip()]
            expect(len(lines) == 1 and "Traceback" not in result.stderr, f"not one line: {result.stderr[-500:]}")
            print(f"   said: {lines[0]}", flush=True)
            expect(book.read_bytes() == before, "the held workbook was changed")
            leftovers = [p.name for p in book.parent.iterdir() if p.name.startswith(book.name) and p != book]
            expect(not leftovers, f"temporary files left beside the workbook: {leftovers}")
        finally:
            locker.kill()
            locker.wait(timeout=30)

    def scaled_windows(self) -> None:
        """The window at 125 % and 150 % (Windows' LogPixels) on a 1920 × 1080 screen, as laptops with that
        screen are set up: it fits the screen, and the screenshots are there for a person to look at."""
        screen = Screen(1920, 1080)
        wine = Wine(self.wine.prefix, screen.display)
        try:
            for percent in (125, 150):
                self.set_dpi(SCALES[percent])
                window = wine.start(self.program("OmbudsCompare.exe"), qt_platform=LOOKS_LIKE_WINDOWS)
                try:
                    win = screen.window("OmbudsCompare")
                    time.sleep(4)
                    shot = screen.screenshot(self.work / f"window-{percent}.png")
                    size = re.search(r"Geometry: (\d+)x(\d+)", screen.xdotool("getwindowgeometry", win))
                    print(f"   {percent} %: {shot} (window {size.group(0)[10:] if size else '?'})", flush=True)
                    expect(size is not None and int(size.group(1)) <= 1920 and int(size.group(2)) <= 1080,
                           f"at {percent} % the window does not fit a 1920 × 1080 screen: {size and size.group(0)}")
                    screen.xdotool("key", "--window", win, "alt+F4")
                    window.wait(timeout=60)
                finally:
                    if window.poll() is None:
                        window.kill()
        finally:
            self.set_dpi(SCALES[100])
            screen.close()

    def set_dpi(self, dpi: int) -> None:
        result = self.wine.run("reg", "add", r"HKCU\Control Panel\Desktop", "/v", "LogPixels", "/t", "REG_DWORD",
                               "/d", str(dpi), "/f")
        expect(result.returncode == 0, f"reg add LogPixels: {result.output[-300:]}")
        self.wine.kill()  # wine reads the scaling when its server starts

    def uninstall(self, msi_path: Path | None = None) -> None:
        result = self.wine.run("msiexec", "/x", self.wine.windows_path(msi_path or self.msi), "/qn", retries=1)
        expect(result.returncode == 0, f"msiexec /x … /qn: exit {result.returncode}: {result.output[-500:]}")
        self.nothing_left()

    def nothing_left(self) -> None:
        self.wine.wait()
        left = [p.relative_to(self.install_dir.parent).as_posix() for p in self.install_dir.parent.rglob("*")
                if "OmbudsCompare" in p.as_posix()]
        expect(not left, f"left in %LOCALAPPDATA%\\Programs: {left[:10]}")
        expect(not (self.start_menu / "OmbudsCompare.lnk").exists(), "the Start-menu shortcut is still there")
        user = self.wine.registry("user")
        for key in HKCU_KEYS:
            expect(f"[{key}]" not in user and f"[{key}\\\\" not in user, f"HKCU\\{key} is still there")
        expect("OmbudsCompare" not in "".join(line for line in user.splitlines() if "Installer\\\\Products" in line
                                              or "ProductName" in line),
               "the product is still registered for the user")
        expect(self.uninstall_entry() not in self.wine.registry("system"), "the entry in Apps is still there")

    def uninstall_entry(self) -> str:
        """The key of this version's entry in Apps (wine keeps it in HKLM, as Windows' installer service does)."""
        return f"CurrentVersion\\\\Uninstall\\\\{{{msi.guid('product', msi.msi_version(self.version))}}}]"

    def upgrade(self) -> None:
        """An older version installed, then this one over it: one product, the old-only file gone."""
        self.install(self.older)
        expect((self.install_dir / "old-version-only.txt").is_file(), "the older MSI did not install its files")
        self.install()
        expect(not (self.install_dir / "old-version-only.txt").exists(), "the older version's file is still there")
        self.installed_as_ordered()
        products = re.findall(r"\[Software\\\\Microsoft\\\\Installer\\\\Products\\\\([0-9A-F]{32})\]",
                              self.wine.registry("user"))
        expect(len(products) == 1, f"{len(products)} products registered after the upgrade, expected 1")
        from release import older_version

        old_entry = self.uninstall_entry().replace(msi.guid("product", msi.msi_version(self.version)),
                                                   msi.guid("product", msi.msi_version(older_version(self.version))))
        expect(old_entry not in self.wine.registry("system"), "the older version is still listed in Apps")
        self.self_test_cli()

    def close(self) -> None:
        self.wine.clean()
        self.screen.close()


def windows_python() -> str:
    """The build's Windows Python (in the cache), used here only to hold a file open as Excel does."""
    from release import PYTHON_VERSION, cache_dir

    return "Z:" + str(cache_dir() / f"python-{PYTHON_VERSION}" / "python.exe").replace("/", "\\")


def linux_summary(lang: str) -> dict:
    """The same command on Linux, from the source tree (this machine's Python with the app's few needs)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([linux_python(), "-m", "ombudscompare", "--lang", lang, "summary", "--json"],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def linux_python() -> str:
    """This Python if it can run the command line, else a small virtual environment in the cache."""
    probe = subprocess.run([sys.executable, "-c", "import numpy, openpyxl, defusedxml"], capture_output=True)
    if probe.returncode == 0:
        return sys.executable
    from release import cache_dir

    venv = cache_dir() / "linux-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-qq", "numpy", "openpyxl", "defusedxml"], check=True)
    return str(python)


def run_all(steps, *, version: str, msi_path: Path, windows_ui: Path, work: Path, older: Path,
            signer: signing.Signer | None) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    checks = Checks(version, msi_path, windows_ui, work, older, signer)
    try:
        steps("check: signatures", checks.signatures)
        steps("check: a fresh wine prefix (Windows 10, windows.ui.dll)", checks.fresh_prefix)
        steps("check: msiexec /i /qn installs for the user, without admin", checks.install)
        steps("check: the files, Start-menu shortcut and HKCU file type", checks.installed_as_ordered)
        steps("check: installed ombudscompare-cli.exe --self-test", checks.self_test_cli)
        steps("check: installed OmbudsCompare.exe --self-test on the native windows platform",
              checks.self_test_window)
        steps("check: summary --json equals Linux's (en, nl)", checks.summary_like_linux)
        steps(f"check: '{PROJECT_NAME}.json' in '{FOLDER_NAME}' written, read, exported",
              checks.project_with_non_ascii_name)
        steps("check: report and chart from the command line draw real text", checks.command_line_draws_text)
        steps("check: the window opens it, saves it (Ctrl+S), lists it in recent files (HKCU), screenshot",
              checks.window_opens_and_saves)
        steps("check: a .ombuds file opens by its registered file type (double-click)", checks.double_click)
        steps("check: saving over a workbook held open (as Excel does) is refused in one line",
              checks.excel_holds_the_workbook)
        steps("check: the window at 125 % and 150 % scaling (1920 × 1080)", checks.scaled_windows)
        steps("check: msiexec /x /qn leaves nothing in the install folder or HKCU", checks.uninstall)
        steps("check: an older version upgraded in place", checks.upgrade)
        steps("check: uninstalled after the upgrade, nothing left", checks.uninstall)
    finally:
        checks.close()
