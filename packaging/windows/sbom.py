"""What the Windows bundle consists of, as CycloneDX 1.5 JSON (the BIO asks to know the supply chain).

Components: the app itself; CPython (python.org's embeddable build); every Python distribution PyInstaller
put in the bundle (found from its analysis, with version, licence and the pinned wheel's SHA-256); every
Qt library and plugin, and the other DLLs that wheels bring (OpenBLAS, the Microsoft C++ runtime), each
with its file's SHA-256; and PyInstaller's bootloader in the two programs.
"""

from __future__ import annotations

import ast
import email.parser
import hashlib
import json
import re
import uuid
from pathlib import Path

from msi import NAMESPACE  # the product's fixed namespace: the same bundle gives the same serial number

# Licences of files that no Python package metadata describes.
QT_LICENCE = "LGPL-3.0-only"
MSVC_LICENCE = "LicenseRef-Microsoft-Visual-Cpp-Redistributable"
CLASSIFIER_LICENCES = {
    "MIT License": "MIT", "BSD License": "BSD-3-Clause", "Python Software Foundation License": "PSF-2.0",
    "Apache Software License": "Apache-2.0", "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "GNU Library or Lesser General Public License (LGPL)": "LGPL-3.0-only",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
    "GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
}
# Where the metadata gives no SPDX expression and the classifier is ambiguous, the licence as its project
# states it (checked by hand against each project's LICENSE file for the pinned version).
KNOWN_LICENCES = {
    "pyside6-essentials": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "shiboken6": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "pyinstaller": "GPL-2.0-or-later WITH Bootloader-exception",
    "defusedxml": "PSF-2.0",
    "et-xmlfile": "MIT",
    "openpyxl": "MIT",
    "pyqtgraph": "MIT",
    "colorama": "BSD-3-Clause",
    "numpy": "BSD-3-Clause",
    "python-docx": "MIT",
    "lxml": "BSD-3-Clause",  # with libxml2 and libxslt (MIT) built in
}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: Path) -> dict[str, tuple[str, str]]:
    """{name: (version, sha256)} from requirements-windows.txt."""
    found = {}
    for match in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+) \\\n\s+--hash=sha256:([0-9a-f]{64})",
                             requirements.read_text(encoding="utf-8"), re.MULTILINE):
        found[normal(match.group(1))] = (match.group(2), match.group(3))
    return found


def distributions(site_packages: Path) -> dict[str, dict]:
    """Installed distributions: name, version, licence and their top-level module names."""
    found = {}
    for info in site_packages.glob("*.dist-info"):
        meta = email.parser.Parser().parsestr((info / "METADATA").read_text(encoding="utf-8", errors="replace"))
        name = normal(meta["Name"])
        tops = set()
        record = info / "RECORD"
        if record.is_file():
            for line in record.read_text(encoding="utf-8", errors="replace").splitlines():
                first = line.split(",")[0].split("/")[0]
                if first and not first.endswith((".dist-info", ".data")) and first != "..":
                    tops.add(first.removesuffix(".py").split(".")[0])
        found[name] = {"name": meta["Name"], "version": meta["Version"], "licence": licence(name, meta),
                       "tops": tops}
    return found


def licence(name: str, meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    if name in KNOWN_LICENCES:
        return KNOWN_LICENCES[name]
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: OSI Approved :: "):
            short = classifier.rsplit(" :: ", 1)[1]
            if short in CLASSIFIER_LICENCES:
                return CLASSIFIER_LICENCES[short]
    return "NOASSERTION"


def bundled_modules(analysis_toc: Path) -> set[str]:
    """Top-level names of every module and binary PyInstaller's analysis took (Analysis-00.toc)."""
    data = ast.literal_eval(analysis_toc.read_text(encoding="utf-8"))
    names: set[str] = set()
    for part in data:
        if isinstance(part, list):
            for entry in part:
                if isinstance(entry, tuple) and entry and isinstance(entry[0], str):
                    names.add(re.split(r"[./\\]", entry[0])[0])
                elif isinstance(entry, str):
                    names.add(entry.split(".")[0])
    return names


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _licences(expression: str) -> list[dict]:
    if expression == "NOASSERTION":
        return []
    if re.fullmatch(r"[A-Za-z0-9.+-]+", expression):
        key = "name" if expression.startswith("LicenseRef-") else "id"
        return [{"license": {key: expression}}]
    return [{"expression": expression}]


def build(folder: Path, app_version: str, python_version: str, site_packages: Path, requirements: Path,
          analysis_toc: Path) -> dict:
    pinned = pins(requirements)
    installed = distributions(site_packages)
    taken = bundled_modules(analysis_toc)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    components: list[dict] = []

    def add(component: dict) -> None:
        component.setdefault("bom-ref", f"{component['type']}:{component['name']}@{component.get('version', '')}")
        components.append(component)

    add({"type": "application", "name": "ombudscompare", "version": app_version, "licenses": _licences("EUPL-1.2"),
         "purl": f"pkg:pypi/ombudscompare@{app_version}", "supplier": {"name": "OmbudsCompare"},
         "hashes": [{"alg": "SHA-256", "content": sha256(folder / name)}
                    for name in ("OmbudsCompare.exe",) if (folder / name).is_file()]})
    add({"type": "framework", "name": "cpython", "version": python_version, "licenses": _licences("PSF-2.0"),
         "supplier": {"name": "Python Software Foundation"}, "purl": f"pkg:generic/cpython@{python_version}",
         "description": "python.org's embeddable CPython for Windows x86_64 (python312.dll keeps the PSF's"
                        " Authenticode signature)",
         "hashes": [{"alg": "SHA-256", "content": sha256(p)} for p in files if p.name == "python312.dll"]})
    for key, dist in sorted(installed.items()):
        if key in ("pip",) or key not in pinned or not dist["tops"] & taken:
            continue
        version, wheel_hash = pinned[key]
        add({"type": "library", "name": dist["name"], "version": dist["version"],
             "licenses": _licences(dist["licence"]), "purl": f"pkg:pypi/{key}@{version}",
             "hashes": [{"alg": "SHA-256", "content": wheel_hash}],
             "properties": [{"name": "ombudscompare:hash-of", "value": "the wheel installed at build time"}]})
    pyinstaller = pinned.get("pyinstaller")
    if pyinstaller:
        add({"type": "library", "name": "pyinstaller-bootloader", "version": pyinstaller[0],
             "licenses": _licences("GPL-2.0-or-later WITH Bootloader-exception"),
             "purl": f"pkg:pypi/pyinstaller@{pyinstaller[0]}",
             "description": "the start-up program in OmbudsCompare.exe and ombudscompare-cli.exe"})
    qt_version = installed.get("pyside6-essentials", {}).get("version", "")
    for path in files:
        if path.suffix.lower() != ".dll":
            continue
        relative = path.relative_to(folder).as_posix()
        name = path.name
        lower = name.lower()
        if lower.startswith("qt6") or "/plugins/" in relative:
            kind, version, who, lic = "library", qt_version, "The Qt Company", QT_LICENCE
        elif lower.startswith(("msvcp140", "vcruntime140", "concrt140")):
            kind, version, who, lic = "library", "", "Microsoft Corporation", MSVC_LICENCE
        elif "openblas" in lower:
            kind, version, who, lic = "library", "", "OpenBLAS (via numpy)", "BSD-3-Clause"
        elif lower.startswith("libffi"):
            kind, version, who, lic = "library", "", "libffi (via CPython)", "MIT"
        else:
            continue
        entry = {"type": kind, "name": name.rsplit(".", 1)[0], "version": version, "licenses": _licences(lic),
                 "supplier": {"name": who}, "bom-ref": f"file:{relative}",
                 "hashes": [{"alg": "SHA-256", "content": sha256(path)}],
                 "evidence": {"occurrences": [{"location": relative}]}}
        if not version:
            del entry["version"]
        add(entry)
    listing = "\n".join(f"{p.relative_to(folder).as_posix()} {sha256(p)}" for p in files)
    return {
        "bomFormat": "CycloneDX", "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.uuid5(NAMESPACE, listing)}", "version": 1,
        "metadata": {"component": {"type": "application", "name": "OmbudsCompare", "version": app_version,
                                   "bom-ref": "OmbudsCompare", "supplier": {"name": "OmbudsCompare"},
                                   "licenses": _licences("EUPL-1.2")},
                     "properties": [{"name": "ombudscompare:files", "value": str(len(files))},
                                    {"name": "ombudscompare:platform", "value": "windows-x86_64"}]},
        "components": components,
    }


def write(target: Path, **kwargs) -> Path:
    target.write_text(json.dumps(build(**kwargs), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
