"""The Windows release's recipe: the MSI source, the SBOM, signing and the helpers of the wine checks.

Fast tests run everywhere; those that need wixl, osslsigncode or openssl (which packaging/windows/build.sh
installs) skip without them; those about a built release read dist/windows/ when it is there (.ci/run
builds it before running this file again).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
sys.path.insert(0, str(WINDOWS))
sys.path.insert(1, str(ROOT / "packaging"))

import checks  # noqa: E402
import msi  # noqa: E402
import release  # noqa: E402
import sbom  # noqa: E402
import signing  # noqa: E402

DIST = ROOT / "dist" / "windows"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
VERSION = release.linux_build.version()


def needs(*tools: str):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (packaging/windows/build.sh installs it)")


@pytest.fixture
def bundle(tmp_path) -> Path:
    """A small stand-in for the PyInstaller folder, with a non-ASCII name and a nested folder."""
    folder = tmp_path / "OmbudsCompare"
    (folder / "_internal" / "PySide6" / "plugins" / "platforms").mkdir(parents=True)
    (folder / "OmbudsCompare.exe").write_bytes(b"MZ" + b"\0" * 200)
    (folder / "ombudscompare-cli.exe").write_bytes(b"MZ" + b"\0" * 100)
    (folder / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"MZ core")
    (folder / "_internal" / "PySide6" / "plugins" / "platforms" / "qwindows.dll").write_bytes(b"MZ qpa")
    (folder / "_internal" / "Fryslân.txt").write_text("ja", encoding="utf-8")
    return folder


# --- the MSI source ---------------------------------------------------------------------------------------
def test_the_msi_installs_per_user_without_admin(bundle):
    text = msi.wxs(bundle, msi.Options("0.1.0"))
    assert 'InstallScope="perUser"' in text and "ALLUSERS" not in text
    assert '<Directory Id="LocalAppDataFolder">' in text and 'Name="Programs"' in text
    assert 'Name="OmbudsCompare">' in text
    roots = set(re.findall(r'Root="(\w+)"', text))
    assert roots == {"HKCU"}, "nothing outside the user's own registry"
    assert "<MajorUpgrade " in text
    assert 'Manufacturer="OmbudsCompare"' in text and 'Version="0.1.0"' in text


def test_the_msi_registers_the_project_file_type_for_the_user(bundle):
    tree = ElementTree.fromstring(msi.wxs(bundle, msi.Options("0.1.0")))
    values = {(e.get("Key"), e.get("Name")): e.get("Value") for e in tree.iter(f"{WIX}RegistryValue")}
    classes = "Software\\Classes"
    assert values[(f"{classes}\\.ombuds", None)] == "OmbudsCompare.Project"
    assert values[(f"{classes}\\OmbudsCompare.Project\\shell\\open\\command", None)] == \
        '"[INSTALLDIR]OmbudsCompare.exe" "%1"'
    assert values[(f"{classes}\\OmbudsCompare.Project\\DefaultIcon", None)] == "[INSTALLDIR]OmbudsCompare.exe,0"
    for extension in (".ombuds", ".json", ".xlsx"):
        assert (f"{classes}\\Applications\\OmbudsCompare.exe\\SupportedTypes", extension) in values
    shortcut = next(tree.iter(f"{WIX}Shortcut"))
    assert shortcut.get("Name") == "OmbudsCompare" and shortcut.get("Target") == "[#OmbudsCompareExe]"


def test_every_file_and_folder_is_installed_and_removed(bundle):
    text = msi.wxs(bundle, msi.Options("0.1.0"))
    sources = re.findall(r'<File [^>]*Source="([^"]+)"', text)
    assert sorted(sources) == sorted(str(p) for p in bundle.rglob("*") if p.is_file())
    folders = [p for p in bundle.rglob("*") if p.is_dir()] + [bundle]
    assert text.count("<RemoveFolder ") == len(folders), "every folder is removed on uninstall"
    assert 'Name="Fryslân.txt"' in text


def test_the_same_bundle_gives_the_same_codes_and_a_new_version_new_ones(bundle):
    first, again = msi.wxs(bundle, msi.Options("0.1.0")), msi.wxs(bundle, msi.Options("0.1.0"))
    assert first == again
    codes = re.compile(r'(?:Product|Package) Id="([0-9A-F-]{36})"')
    newer = msi.wxs(bundle, msi.Options("0.2.0"))
    assert set(codes.findall(first)).isdisjoint(codes.findall(newer))
    assert f'UpgradeCode="{msi.UPGRADE_CODE}"' in newer, "the upgrade code never changes"


@pytest.mark.parametrize(("version", "expected"), [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("2.0.1rc1", "2.0.1")])
def test_windows_installer_versions(version, expected):
    assert msi.msi_version(version) == expected


def test_an_older_version_orders_before():
    for version in ("0.1.0", "1.0.0", "1.2.3"):
        older = release.older_version(version)
        assert tuple(map(int, older.split("."))) < tuple(map(int, version.split(".")))


@needs("wixl")
def test_wixl_builds_the_msi(bundle, tmp_path):
    target = msi.build(bundle, msi.Options("0.1.0"), tmp_path / "test.msi", tmp_path / "work")
    assert target.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1"), "an OLE compound file, as every MSI is"


# --- the SBOM -----------------------------------------------------------------------------------------
def test_the_pins_carry_a_hash_for_every_package():
    pins = sbom.pins(WINDOWS / "requirements-windows.txt")
    assert {"pyside6-essentials", "shiboken6", "numpy", "openpyxl", "pyqtgraph", "defusedxml", "pyinstaller"} <= set(pins)
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for _version, digest in pins.values())
    assert pins["pyside6-essentials"][0] == "6.9.3", "6.10 and later need Windows' own icuuc.dll (not in wine 8)"
    assert pins["numpy"][0].startswith("2.0."), "numpy 2.1 and later call ucrtbase.crealf (not in wine 8)"


def test_the_sbom_names_packages_and_qt_libraries(tmp_path, bundle):
    site = tmp_path / "site-packages"
    info = site / "numpy-2.0.2.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: numpy\nVersion: 2.0.2\n", encoding="utf-8")
    (info / "RECORD").write_text("numpy/__init__.py,,\nnumpy-2.0.2.dist-info/METADATA,,\n", encoding="utf-8")
    toc = tmp_path / "Analysis-00.toc"
    toc.write_text(repr((["launcher.py"], [], [("numpy", "x.py", "PYMODULE")])), encoding="utf-8")
    requirements = tmp_path / "req.txt"
    requirements.write_text("numpy==2.0.2 \\\n    --hash=sha256:" + "a" * 64 + "\n", encoding="utf-8")
    document = sbom.build(folder=bundle, app_version="0.1.0", python_version="3.12.8", site_packages=site,
                          requirements=requirements, analysis_toc=toc)
    assert document["bomFormat"] == "CycloneDX" and document["specVersion"] == "1.5"
    by_name = {c["name"]: c for c in document["components"]}
    assert by_name["numpy"]["version"] == "2.0.2" and by_name["numpy"]["licenses"] == [{"license": {"id": "BSD-3-Clause"}}]
    assert by_name["numpy"]["hashes"] == [{"alg": "SHA-256", "content": "a" * 64}]
    assert by_name["Qt6Core"]["licenses"] == [{"license": {"id": "LGPL-3.0-only"}}]
    assert by_name["qwindows"]["evidence"]["occurrences"] == [{"location": "_internal/PySide6/plugins/platforms/qwindows.dll"}]
    assert by_name["cpython"]["version"] == "3.12.8"


# --- signing ------------------------------------------------------------------------------------------
def test_without_a_certificate_the_release_is_unsigned():
    assert signing.Signer.from_env({}) is None


def test_a_certificate_without_its_key_is_refused(tmp_path):
    (tmp_path / "cert.pem").write_text("x")
    with pytest.raises(signing.SigningError, match="go together"):
        signing.Signer.from_env({"OMBUDSCOMPARE_SIGN_CERT": str(tmp_path / "cert.pem")})
    with pytest.raises(signing.SigningError, match="no such file"):
        signing.Signer.from_env({"OMBUDSCOMPARE_SIGN_PFX": str(tmp_path / "missing.pfx")})


def _throwaway_certificate(folder: Path) -> dict[str, str]:
    """A self-signed code-signing certificate made with openssl, as a .pfx with a password."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-days", "2", "-nodes",
                    "-subj", "/CN=OmbudsCompare test/O=OmbudsCompare", "-addext", "extendedKeyUsage=codeSigning",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")], check=True,
                   capture_output=True)
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", str(folder / "key.pem"), "-in", str(folder / "cert.pem"),
                    "-out", str(folder / "cert.pfx"), "-passout", "pass:geheim wachtwoord"], check=True,
                   capture_output=True)
    return {"OMBUDSCOMPARE_SIGN_PFX": str(folder / "cert.pfx"), "OMBUDSCOMPARE_SIGN_PASSWORD": "geheim wachtwoord"}


def _a_windows_program(tmp_path: Path) -> Path | None:
    candidates = [DIST / "OmbudsCompare" / "ombudscompare-cli.exe",
                  *sorted(Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows").glob("notepad.exe"))]
    for candidate in candidates:
        if candidate.is_file():
            copy = tmp_path / candidate.name
            if signing.has_signature(candidate):  # a release built with a certificate: start unsigned
                subprocess.run(["osslsigncode", "remove-signature", "-in", str(candidate), "-out", str(copy)],
                               check=True, capture_output=True)
            else:
                shutil.copy2(candidate, copy)
            return copy
    return None


@needs("osslsigncode", "openssl", "wixl")
def test_signing_with_a_throwaway_certificate_verifies(tmp_path, bundle):
    signer = signing.Signer.from_env(_throwaway_certificate(tmp_path))
    package = msi.build(bundle, msi.Options("0.1.0"), tmp_path / "test.msi", tmp_path / "work")
    targets = [package]
    program = _a_windows_program(tmp_path)
    if program is not None:
        targets.append(program)
        assert not signing.has_signature(program)
    for path in targets:
        signer.sign(path)
        assert signing.has_signature(path)
    signer.verify(targets)
    done = subprocess.run(["osslsigncode", "verify", "-CAfile", str(tmp_path / "cert.pem"), "-in", str(package)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "Signature verification: ok" in done.stdout
    assert "sha256" in done.stdout.lower()
    # PEM files work as well as a .pfx
    pem = signing.Signer.from_env({"OMBUDSCOMPARE_SIGN_CERT": str(tmp_path / "cert.pem"),
                                   "OMBUDSCOMPARE_SIGN_KEY": str(tmp_path / "key.pem")})
    pem.verify(targets)


@needs("osslsigncode", "openssl", "wixl")
def test_a_changed_file_fails_verification(tmp_path, bundle):
    signer = signing.Signer.from_env(_throwaway_certificate(tmp_path))
    package = msi.build(bundle, msi.Options("0.1.0"), tmp_path / "test.msi", tmp_path / "work")
    signer.sign(package)
    data = bytearray(package.read_bytes())
    data[4096] ^= 0xFF
    package.write_bytes(bytes(data))
    with pytest.raises(signing.SigningError):
        signer.verify([package])


# --- helpers of the checks ------------------------------------------------------------------------------
def test_a_screen_dump_becomes_a_png():
    width, height = 3, 2
    header = struct.pack(">25I", 100, 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32, width * 4, 4, 0xFF0000, 0xFF00,
                         0xFF, 8, 0, 0, width, height, 0, 0, 0)
    pixels = bytes([0, 0, 255, 0] * width * height)  # BGRX: red
    png = checks.xwd_to_png(header + pixels)
    assert png.startswith(b"\x89PNG")
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    assert zlib.decompress(idat) == (b"\x00" + b"\xff\x00\x00" * width) * height


def test_the_machines_debian_mirror_is_found():
    assert release.debian_mirror().startswith("http")


# --- a built release (after packaging/windows/build.sh) --------------------------------------------------
built = pytest.mark.skipif(not (DIST / "SHA256SUMS").is_file(), reason="no Windows release in dist/windows/")


@built
def test_the_release_has_its_four_files_and_their_sums():
    names = {f"OmbudsCompare-{VERSION}-windows-x86_64.zip", f"OmbudsCompare-{VERSION}-x64.msi",
             f"OmbudsCompare-{VERSION}-sbom.cdx.json"}
    lines = (DIST / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines}
    assert set(listed) == names
    for name, digest in listed.items():
        assert hashlib.sha256((DIST / name).read_bytes()).hexdigest() == digest


@built
def test_the_sbom_covers_every_package_and_qt_library_of_the_bundle():
    document = json.loads((DIST / f"OmbudsCompare-{VERSION}-sbom.cdx.json").read_text(encoding="utf-8"))
    components = document["components"]
    names = {c["name"].lower().replace("_", "-") for c in components}
    assert {"ombudscompare", "cpython", "pyside6-essentials", "shiboken6", "numpy", "pyqtgraph", "openpyxl",
            "et-xmlfile", "defusedxml", "pyinstaller-bootloader"} <= names
    assert all(c.get("licenses") for c in components), [c["name"] for c in components if not c.get("licenses")]
    libraries = {c["evidence"]["occurrences"][0]["location"] for c in components if "evidence" in c}
    folder = DIST / "OmbudsCompare"
    qt = {p.relative_to(folder).as_posix() for p in folder.rglob("*.dll") if p.name.lower().startswith("qt6")
          or "/plugins/" in p.as_posix()}
    assert qt and qt <= libraries


@built
def test_the_programs_carry_product_version_and_publisher():
    for name in ("OmbudsCompare.exe", "ombudscompare-cli.exe"):
        data = (DIST / "OmbudsCompare" / name).read_bytes()
        for key, value in (("CompanyName", "OmbudsCompare"), ("ProductName", "OmbudsCompare"),
                           ("ProductVersion", VERSION), ("OriginalFilename", name)):
            pattern = re.escape((key + "\0").encode("utf-16-le")) + rb"(?:\0\0)*" + re.escape(value.encode("utf-16-le"))
            assert re.search(pattern, data), f"{name}: no {key} {value}"


@built
@needs("msiinfo")
def test_the_msi_says_product_version_and_publisher():
    package = DIST / f"OmbudsCompare-{VERSION}-x64.msi"
    properties = subprocess.run(["msiinfo", "export", str(package), "Property"], capture_output=True, text=True,
                                check=True).stdout
    table = dict(line.split("\t", 1) for line in properties.splitlines()[3:] if "\t" in line)
    assert table["ProductName"] == "OmbudsCompare" and table["Manufacturer"] == "OmbudsCompare"
    assert table["ProductVersion"] == msi.msi_version(VERSION)
    assert table["UpgradeCode"] == "{" + msi.UPGRADE_CODE + "}"
    assert "ALLUSERS" not in table
    summary = subprocess.run(["msiinfo", "suminfo", str(package)], capture_output=True, text=True, check=True).stdout
    source = int(re.search(r"Source: (\d+)", summary).group(1))
    assert source & 8, "the summary says no elevated privileges are needed (per-user install)"
    assert "OmbudsCompare" in summary and "x64" in summary
