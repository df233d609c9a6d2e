"""Build the standalone app: `python packaging/build.py` → dist/OmbudsCompare/ and its zip.

The same command on Windows, macOS and Linux (it needs `pip install ".[bundle]"` first). PyInstaller
builds a folder (onedir: quick to start, nothing unpacked into the temp folder, no virus-scanner
trouble) with two programs: OmbudsCompare (the window; also the command line on Linux and macOS)
and ombudscompare-cli (the command line with a console, for Windows). The folder is zipped as
dist/OmbudsCompare-<version>-<os>-<arch>.zip, and a summary of sizes is printed (--json for tools).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FOLDER = DIST / "OmbudsCompare"
OS_NAMES = {"win32": "windows", "darwin": "macos"}


def set_folders(dist: Path, work: Path) -> None:
    """Build somewhere else than dist/ and build/ (the Windows release builds into dist/windows/)."""
    global DIST, BUILD, FOLDER
    DIST, BUILD, FOLDER = dist.resolve(), work.resolve(), dist.resolve() / "OmbudsCompare"


def version() -> str:
    text = (ROOT / "src" / "ombudscompare" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if not match:
        raise SystemExit("no __version__ in src/ombudscompare/__init__.py")
    return match.group(1)


def target_name(ver: str) -> str:
    os_name = OS_NAMES.get(sys.platform, sys.platform.rstrip("0123456789"))
    arch = {"amd64": "x86_64", "aarch64": "arm64"}.get(platform.machine().lower(), platform.machine().lower())
    return f"OmbudsCompare-{ver}-{os_name}-{arch}"


def write_version_info(ver: str) -> None:
    """Fill resources/windows/version-info.txt with the version, once per Windows executable (each names its
    own file)."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", ver)[:3]) + (0,)
    numbers = (numbers + (0, 0, 0, 0))[:4]
    template = (ROOT / "resources" / "windows" / "version-info.txt").read_text(encoding="utf-8")
    BUILD.mkdir(parents=True, exist_ok=True)
    for target, program in (("version-info.txt", "OmbudsCompare"), ("version-info-cli.txt", "ombudscompare-cli")):
        text = template.replace("{version}", ver).replace("{numbers}", str(numbers)).replace("{program}", program)
        (BUILD / target).write_text(text, encoding="utf-8")


def run_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is not installed: pip install ".[bundle]"') from None
    command = [sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "ombudscompare.spec"), "--noconfirm",
               "--clean", "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller")]
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, "OMBUDSCOMPARE_BUILD_DIR": str(BUILD)})


def strip_python() -> None:
    """On Linux, strip debugging symbols from Python's own library and extension modules (23 MB → 6 MB for
    libpython). Libraries that wheels bring along (numpy.libs, PySide6) are left alone: they come stripped,
    and stripping them again can break them."""
    tool = shutil.which("strip")
    if not sys.platform.startswith("linux") or tool is None:
        return
    internal = FOLDER / "_internal"
    targets = list(internal.glob("libpython*.so*")) + list(internal.glob("python3*/lib-dynload/*.so"))
    for path in targets:
        if path.is_file() and not path.is_symlink():
            subprocess.run([tool, "--strip-unneeded", str(path)], check=True)


def make_zip(name: str) -> Path:
    """The folder in a zip (file modes kept), as IT hands it out: unzip anywhere and run."""
    target = DIST / f"{name}.zip"
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(FOLDER.rglob("*")):
            if path.is_symlink() or path.is_file():
                info = zipfile.ZipInfo.from_file(path, Path("OmbudsCompare") / path.relative_to(FOLDER))
                info.compress_type = zipfile.ZIP_DEFLATED
                if path.is_symlink():
                    info.external_attr = (0o120777 << 16)
                    archive.writestr(info, os.readlink(path))
                else:
                    with open(path, "rb") as handle:
                        archive.writestr(info, handle.read(), compresslevel=9)
    return target


def sizes(zip_path: Path) -> dict[str, object]:
    """Zip and folder size, and the largest parts of the folder (in MB)."""
    files = [p for p in FOLDER.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    parts: dict[str, int] = {}
    for path in files:
        relative = path.relative_to(FOLDER).parts
        key = "/".join(relative[:3]) if relative[0] == "_internal" and len(relative) > 3 else "/".join(relative[:2])
        parts[key] = parts.get(key, 0) + path.stat().st_size
    largest = sorted(parts.items(), key=lambda item: item[1], reverse=True)[:12]
    return {
        "zip": zip_path.name,
        "zip_mb": round(zip_path.stat().st_size / 1e6, 1),
        "folder_mb": round(total / 1e6, 1),
        "files": len(files),
        "largest_parts_mb": {name: round(size / 1e6, 1) for name, size in largest},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the standalone OmbudsCompare app with PyInstaller.")
    parser.add_argument("--json", action="store_true", help="print the size summary as JSON")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the folder and zip go (default: dist/)")
    parser.add_argument("--work", type=Path, default=BUILD, help="PyInstaller's work folder (default: build/)")
    args = parser.parse_args()
    set_folders(args.dist, args.work)
    ver = version()
    write_version_info(ver)
    shutil.rmtree(FOLDER, ignore_errors=True)
    run_pyinstaller()
    strip_python()
    summary = sizes(make_zip(target_name(ver)))
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"Built {FOLDER} ({summary['folder_mb']} MB, {summary['files']} files)"
              f" and {DIST / str(summary['zip'])} ({summary['zip_mb']} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
